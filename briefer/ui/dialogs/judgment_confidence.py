"""The compose dialog's confidence picker: the level of the key judgment the cursor is on,
kept as a ``[moderate]`` token at the end of that line (so it follows the line as it is
edited, and no state is kept beside the text)."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget

from briefer.domain.briefing import JUDGMENT_CONFIDENCE, split_confidence, with_confidence
from briefer.ui.signals import signals_blocked

NO_LEVEL = "no confidence level"


class ConfidencePicker(QComboBox):
    """Shows and sets the confidence of the judgment under ``editor``'s cursor."""

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self.setAccessibleName("Confidence in the key judgment under the cursor")
        self.setToolTip(
            "Your confidence in this judgment, printed after it and kept apart from its "
            "likelihood words (as the estimative-language standard asks)"
        )
        self.addItem(NO_LEVEL, "")
        for level in JUDGMENT_CONFIDENCE:
            self.addItem(f"{level} confidence", level)
        editor.cursorPositionChanged.connect(self.follow_cursor)
        editor.textChanged.connect(self.follow_cursor)
        self.activated.connect(self._set_level)
        self.follow_cursor()

    def follow_cursor(self) -> None:
        _text, level = split_confidence(self._editor.textCursor().block().text())
        with signals_blocked(self):
            self.setCurrentIndex(max(self.findData(level), 0))

    def _set_level(self) -> None:
        block = self._editor.textCursor().block()
        if not block.text().strip():
            return
        cursor = QTextCursor(block)
        cursor.movePosition(
            QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
        )
        cursor.insertText(with_confidence(block.text(), str(self.currentData())))
        self._editor.setFocus()
