"""Likelihood words off the standard scale, and confidence mixed into a likelihood statement,
underlined as the analyst types (services.estimative finds them)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from briefer.domain.palette import VERMILION
from briefer.services.estimative import check


class EstimativeHighlighter(QSyntaxHighlighter):
    """Underlines likelihood words off the standard scale, and mixed confidence statements."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self._format.setUnderlineColor(QColor(VERMILION))
        self._format.setBackground(QColor(213, 94, 0, 40))

    def highlightBlock(self, text: str) -> None:
        for finding in check(text):
            self.setFormat(finding.start, finding.end - finding.start, self._format)
