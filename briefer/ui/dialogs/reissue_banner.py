"""Above a reopened briefing: when and on which dataset it was made, and each of its facts
that changed since, so the analyst reissues it knowingly."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from briefer.domain.palette import NOTICE_BACKGROUND
from briefer.ui.tooltips import as_text

if TYPE_CHECKING:
    from briefer.services.saved_briefings import Reissue

MAX_ROWS_SHOWN = 6


class ReissueBanner(QWidget):
    """Hidden for a new briefing; for a reopened one, its summary and the changed facts."""

    def __init__(self, reissue: Reissue | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Reissued briefing")
        self.changes = QListWidget(self)
        self.changes.setAccessibleName("Facts changed since the briefing was saved")
        self.changes.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.changes)
        self.setVisible(reissue is not None)
        if reissue is not None:
            self.show_reissue(reissue)

    def show_reissue(self, reissue: Reissue) -> None:
        changed = bool(reissue.changes)
        self.summary.setText(f"{reissue.saved.title}: {reissue.summary} Dated today.")
        if changed:
            self.summary.setStyleSheet(
                f"background: {NOTICE_BACKGROUND}; color: #000000; padding: 6px;"
            )
        for change in reissue.changes:
            self.changes.addItem(change.sentence)
            self.changes.item(self.changes.count() - 1).setToolTip(as_text(change.sentence))
        rows = range(min(len(reissue.changes), MAX_ROWS_SHOWN))
        height = sum(self.changes.sizeHintForRow(row) for row in rows)
        self.changes.setFixedHeight(height + 2 * self.changes.frameWidth() + 2)
        self.changes.setVisible(changed)
