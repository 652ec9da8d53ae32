"""File > Briefings…: every briefing exported from the window, newest first, to reopen (made
again on the dataset in use, with what changed since), duplicate or delete."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefer.domain.briefing_recipe import SavedBriefing
from briefer.store.errors import StoreError
from briefer.ui.screen_fit import resize_within_screen
from briefer.ui.theme import FAILED_STYLE
from briefer.ui.tooltips import as_text

if TYPE_CHECKING:
    from briefer.services.saved_briefings import Reissue, SavedBriefingsService

COLUMNS = ("Title", "Saved (UTC)", "Dataset", "Template", "Page", "Exported to")


class SavedBriefingsDialog(QDialog):
    def __init__(
        self,
        service: SavedBriefingsService,
        reopen: Callable[[Reissue], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Briefings")
        resize_within_screen(self, 960, 480)
        self._service = service
        self._reopen = reopen
        self._shown: list[SavedBriefing] = []
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Saved briefings")
        self.table.horizontalHeader().setAccessibleName("Saved briefings: columns")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.reopen_selected)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.reopen_button = QPushButton("&Reopen…", self)
        self.reopen_button.setToolTip("Make it again on the dataset in use, dated today, to edit")
        self.duplicate_button = QPushButton("D&uplicate", self)
        self.delete_button = QPushButton("&Delete…", self)
        close = QPushButton("Close", self)
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.reopen_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.reopen_button.setDefault(True)
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        try:
            self._shown = self._service.all()
        except StoreError as error:
            self._shown = []
            self._say(f"Saved briefings cannot be read: {error}", failed=True)
        self.table.setRowCount(len(self._shown))
        for row, saved in enumerate(self._shown):
            for column, text in enumerate(_cells(saved)):
                item = QTableWidgetItem(text)
                item.setToolTip(as_text(text))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        ids = [saved.id for saved in self._shown]
        if ids:
            self.table.selectRow(ids.index(select) if select in ids else 0)
        for button in (self.reopen_button, self.duplicate_button, self.delete_button):
            button.setEnabled(bool(ids))
        if not ids and not self.status.text():
            self._say(
                "No briefings yet: each briefing you export (File > Export briefing…) is kept here."
            )

    def selected(self) -> SavedBriefing | None:
        rows = self.table.selectionModel().selectedRows()
        return self._shown[rows[0].row()] if rows else None

    def reopen_selected(self) -> None:
        saved = self.selected()
        if saved is None:
            return
        try:
            reissue = self._service.reissue(saved)
        except StoreError as error:
            QMessageBox.warning(
                self, "Cannot reopen", f"'{saved.title}' cannot be made again: {error}."
            )
            return
        self.accept()
        self._reopen(reissue)

    def duplicate_selected(self) -> None:
        saved = self.selected()
        if saved is None:
            return
        try:
            copy = self._service.duplicate(saved.id)
        except StoreError as error:
            self._say(f"Not duplicated: {error}", failed=True)
            return
        self._say(f"Duplicated as '{copy.title}'.")
        self.refresh(select=copy.id)

    def delete_selected(self) -> None:
        saved = self.selected()
        if saved is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete briefing?",
            f"Delete the saved briefing '{saved.title}'? The exported file stays where it is.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._service.delete(saved.id)
        except StoreError as error:
            self._say(f"Not deleted: {error}", failed=True)
            return
        self._say(f"Deleted '{saved.title}'.")
        self.refresh()

    def _say(self, text: str, failed: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(FAILED_STYLE if failed else "")


def _cells(saved: SavedBriefing) -> tuple[str, ...]:
    return (
        saved.title,
        saved.saved_utc[:16].replace("T", " "),
        saved.dataset_version,
        saved.template,
        saved.page_size,
        saved.exported_to,
    )
