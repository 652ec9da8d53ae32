"""History… of one of the analyst's own records: every version, newest first; any one can be
made current again (a deleted record comes back this way)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefer.domain.local_records import LocalRecord, LocalRecordRevision
from briefer.domain.local_rules import LABELS, form_values
from briefer.services.local_records import LocalRecordError, LocalRecordsService
from briefer.ui.screen_fit import resize_within_screen

WHAT_HAPPENED = {
    "add": "entered",
    "edit": "edited",
    "merge": "edited (merged with another window's edit)",
    "conflict": "edit that met a newer one (not applied)",
    "delete": "deleted",
    "restore": "restored",
    "retire": "retired in favour of the dataset's record",
    "import": "imported",
}


class LocalHistoryDialog(QDialog):
    """``restored`` is the record as it became current again (None: nothing restored)."""

    def __init__(
        self, service: LocalRecordsService, record: LocalRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service, self._record = service, record
        self.restored: LocalRecord | None = None
        self.setWindowTitle(f"History of your record: {record.content.title}")
        self.versions = QListWidget(self)
        self.versions.setAccessibleName("Versions of your record, newest first")
        self.shown = QPlainTextEdit(self)
        self.shown.setReadOnly(True)
        self.shown.setAccessibleName("The chosen version")
        for revision in service.history(record.id):
            text = f"{revision.saved_utc[:16].replace('T', ' ')} UTC · "
            text += WHAT_HAPPENED.get(revision.kind, revision.kind)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, revision)
            self.versions.addItem(item)
        self.versions.currentItemChanged.connect(self._show)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.versions)
        splitter.addWidget(self.shown)
        splitter.setSizes([260, 420])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore = buttons.addButton(
            "&Make this version current", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore.setEnabled(service.read_only_reason is None)
        self.restore.clicked.connect(self._restore)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, stretch=1)
        layout.addWidget(buttons)
        resize_within_screen(self, 720, 420)
        if self.versions.count():
            self.versions.setCurrentRow(0)

    def _revision(self) -> LocalRecordRevision | None:
        item = self.versions.currentItem()
        revision = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return revision if isinstance(revision, LocalRecordRevision) else None

    def _show(self) -> None:
        revision = self._revision()
        if revision is None:
            self.shown.clear()
            return
        values = form_values(revision.content)
        self.shown.setPlainText(
            "\n".join(f"{LABELS.get(name, name)}: {value}" for name, value in values.items())
        )

    def _restore(self) -> None:
        revision = self._revision()
        if revision is None:
            return
        try:
            self.restored = self._service.restore(self._record.id, revision.revision)
        except LocalRecordError as error:
            QMessageBox.warning(self, "Not restored", str(error))
            return
        self.accept()
