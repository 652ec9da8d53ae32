"""Under the detail of one of the analyst's own records: Edit…, Delete and History…"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from briefer.domain.local_records import LocalRecord


class LocalRecordBar(QWidget):
    """Hidden unless the record shown is the analyst's own.

    Signals:
        edit_requested(object), delete_requested(object), history_requested(object): the
            ``LocalRecord`` the buttons act on.
    """

    edit_requested = Signal(object)
    delete_requested = Signal(object)
    history_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Your record's actions")
        self.record: LocalRecord | None = None
        self.label = QLabel("Your record:", self)
        self.edit = QPushButton("&Edit…", self)
        self.delete = QPushButton("Delete", self)
        self.history = QPushButton("History…", self)
        for button, name in (
            (self.edit, "Edit your record"),
            (self.delete, "Delete your record"),
            (self.history, "History of your record"),
        ):
            button.setAccessibleName(name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.label)
        layout.addStretch(1)
        for button in (self.edit, self.delete, self.history):
            layout.addWidget(button)
        self.edit.clicked.connect(lambda: self._emit(self.edit_requested))
        self.delete.clicked.connect(lambda: self._emit(self.delete_requested))
        self.history.clicked.connect(lambda: self._emit(self.history_requested))
        self.show_for(None, writable=False)

    def show_for(self, record: LocalRecord | None, writable: bool) -> None:
        """``writable``: the notes database takes writes (else only History opens)."""
        self.record = record
        self.setVisible(record is not None)
        live = record is not None and record.is_live
        self.edit.setEnabled(live and writable)
        self.delete.setEnabled(live and writable)

    def _emit(self, signal: object) -> None:
        if self.record is not None:
            signal.emit(self.record)  # type: ignore[attr-defined]
