"""The analyst's note on the selected record: plain text and tags, saved as they type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer.domain.records import EntityRef, Note

if TYPE_CHECKING:  # the notes service loads with the first note, not at start-up
    from briefer.services.notes import NotesService

AUTOSAVE_MS = 800


class NoteEditor(QWidget):
    """Edits one record's note; saves 0.8 s after typing stops, on leaving the editor, on
    switching records and on close. Text is plain: nothing typed is ever read as markup.

    Signals:
        saved(object): the ``Note`` just written.
    """

    saved = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service: NotesService | None = None
        self._ref: EntityRef | None = None
        self._note: Note | None = None
        self._dirty = False
        self.heading = QLabel("<b>Your note</b>", self)
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName("Your note on the selected record")
        self.text.setPlaceholderText(
            "Write what you concluded, what to check next… (saved as you type)"
        )
        self.tags = QLineEdit(self)
        self.tags.setAccessibleName("Note tags")
        self.tags.setPlaceholderText("Tags, separated by commas")
        self.status = QLabel(self)
        self.status.setAccessibleName("Note save status")
        self.history = QPushButton("History…", self)
        self.history.setAccessibleName("Note history")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        row = QHBoxLayout()
        row.addWidget(self.tags, stretch=1)
        row.addWidget(self.history)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.text, stretch=1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.text.textChanged.connect(self._on_edited)
        self.tags.textEdited.connect(self._on_edited)
        self.timer.timeout.connect(self.flush)
        self.history.clicked.connect(self._on_history)
        for widget in (self.text, self.tags):
            widget.installEventFilter(self)
        self._set_enabled(False)

    def set_service(self, service: NotesService) -> None:
        self._service = service

    @property
    def has_service(self) -> bool:
        return self._service is not None

    @property
    def ref(self) -> EntityRef | None:
        return self._ref

    def show_note_for(self, ref: EntityRef | None) -> None:
        """Save whatever is pending for the previous record, then load ``ref``'s note."""
        self.flush()
        self._ref = ref
        self._note = self._service.note_for(ref) if self._service and ref else None
        self._load(self._note)
        self._set_enabled(ref is not None and self._service is not None)

    def _load(self, note: Note | None) -> None:
        for widget in (self.text, self.tags):
            widget.blockSignals(True)
        self.text.setPlainText(note.body if note else "")
        self.tags.setText(", ".join(note.tags) if note else "")
        for widget in (self.text, self.tags):
            widget.blockSignals(False)
        self._dirty = False
        self.history.setEnabled(note is not None)
        self.status.setText(f"Last saved {_when(note.updated_utc)}" if note else "No note yet")

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.text, self.tags):
            widget.setEnabled(enabled)
        if not enabled:
            self.status.setText("Select a record to write a note on it")

    def _on_edited(self, *_args: object) -> None:
        self._dirty = True
        self.status.setText("Unsaved changes…")
        self.timer.start()

    def flush(self) -> None:
        """Write pending changes now (also called on focus loss, switching records, close)."""
        self.timer.stop()
        if not self._dirty or self._service is None or self._ref is None:
            return
        from briefer.services.notes import parse_tags

        body, tags = self.text.toPlainText(), parse_tags(self.tags.text())
        if self._note is None and not body.strip() and not tags:
            self._dirty = False
            return
        self._note = self._service.save(self._ref, body, tags)
        self._dirty = False
        self.history.setEnabled(True)
        self.status.setText(f"Saved {_when(self._note.updated_utc)}")
        self.saved.emit(self._note)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False

    def _on_history(self) -> None:
        if self._service is None or self._note is None:
            return
        dialog = HistoryDialog(self._service, self._note, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.restored is not None:
            self._note = dialog.restored
            self._load(self._note)
            self.saved.emit(self._note)


class HistoryDialog(QDialog):
    """A note's revisions, newest first; Restore makes the chosen one current again."""

    def __init__(self, service: NotesService, note: Note, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Note history")
        self.restored: Note | None = None
        self._service = service
        self._note = note
        self.list = QListWidget(self)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        for revision in service.revisions(note.id):
            item = QListWidgetItem(f"#{revision.revision} · {_when(revision.saved_utc)}")
            item.setData(256, revision.revision)
            item.setData(257, revision.body)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.preview)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(
            lambda item, _old: self.preview.setPlainText(item.data(257) if item else "")
        )
        self.list.setCurrentRow(0)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)

    def restore_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.restored = self._service.restore(self._note.id, int(item.data(256)))
            self.accept()


def _when(utc: str) -> str:
    return utc[:19].replace("T", " ") + " UTC"
