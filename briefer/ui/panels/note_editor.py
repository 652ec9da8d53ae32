"""The analyst's note on the selected record: plain text and tags, saved as they type."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
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
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer.domain.records import EntityRef, Note
from briefer.ui.signals import signals_blocked
from briefer.ui.theme import FAILED_STYLE

if TYPE_CHECKING:  # the notes service loads with the first note, not at start-up
    from briefer.services.note_drafts import NoteDrafts
    from briefer.services.notes import NotesService
    from briefer.store.notes import SaveResult

AUTOSAVE_MS = 800
RETRY_MS = 5000
WATCH_MS = 1500


class NoteEditor(QWidget):
    """Edits one record's note; saves 0.8 s after typing stops, on leaving the editor, on
    switching records and on close. Text is plain: nothing typed is ever read as markup.

    A save that fails keeps the text with its record and is retried; a save that meets a
    newer text from another window keeps both; a note changed elsewhere is reloaded while
    nothing is being typed here.

    Signals:
        saved(object): the ``Note`` just written.
    """

    saved = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service: NotesService | None = None
        self._drafts: NoteDrafts | None = None
        self._ref: EntityRef | None = None
        self._note: Note | None = None
        self._base: int | None = None  # the note version the text in the editor started from
        self._dirty = False
        self._amend = False
        self._seen_version = -1
        self.heading = QLabel("<b>Your note</b>", self)
        self.record_changed = QLabel(self)
        self.record_changed.setWordWrap(True)
        self.record_changed.setAccessibleName("Record changed since your note")
        self.record_changed.hide()
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName("Your note on the selected record")
        self.text.setPlaceholderText(
            "Write what you concluded, what to check next… (saved as you type)"
        )
        self.tags = QLineEdit(self)
        self.tags.setAccessibleName("Note tags")
        self.tags.setPlaceholderText("Tags, separated by commas")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Note save status")
        self.history = QPushButton("History…", self)
        self.history.setAccessibleName("Note history")
        self.timer = self._timer(AUTOSAVE_MS, self._on_autosave)
        self.retry_timer = self._timer(RETRY_MS, self.retry)
        self.watch_timer = self._timer(WATCH_MS, self._on_watch, single=False)
        row = QHBoxLayout()
        row.addWidget(self.tags, stretch=1)
        row.addWidget(self.history)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.record_changed)
        layout.addWidget(self.text, stretch=1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.text.textChanged.connect(self._on_edited)
        self.tags.textEdited.connect(self._on_edited)
        self.history.clicked.connect(self._on_history)
        for widget in (self.text, self.tags):
            widget.installEventFilter(self)
        self._set_enabled(False)
        self._fit_to_font()

    def _fit_to_font(self) -> None:
        """The note keeps room for three full lines of text at any text size (the editor's
        own font may not have changed yet when this one's has: both follow the application's).
        """
        metrics = self.fontMetrics()
        margin = 2 * (self.text.frameWidth() + self.text.document().documentMargin())
        self.text.setMinimumHeight(round(3.6 * metrics.lineSpacing() + margin))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_to_font()

    def _timer(self, interval: int, slot: Callable[[], object], single: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    def set_service(self, service: NotesService) -> None:
        from briefer.services.note_drafts import NoteDrafts

        self._service = service
        self._drafts = NoteDrafts(service)
        self._seen_version = service.data_version()
        self.watch_timer.start()

    @property
    def has_service(self) -> bool:
        return self._service is not None

    @property
    def ref(self) -> EntityRef | None:
        return self._ref

    @property
    def read_only_reason(self) -> str | None:
        return self._service.read_only_reason if self._service else None

    def show_note_for(self, ref: EntityRef | None) -> None:
        """Save whatever is pending for the previous record, then load ``ref``'s note (or the
        text typed on it that could not be saved yet)."""
        self.flush()
        self._ref = ref
        self._note = self._service.note_for(ref) if self._service and ref else None
        pending = self._drafts.pending(ref) if self._drafts and ref else None
        self._load(self._note)
        if pending is not None:
            self._put_text(pending.body, pending.tags)
            self._base = pending.base_version
            self._dirty = True
            self._show_failure(pending.reason)
        self._set_enabled(ref is not None and self._service is not None)

    def _put_text(self, body: str, tags: tuple[str, ...]) -> None:
        with signals_blocked(self.text, self.tags):
            self.text.setPlainText(body)
            self.tags.setText(", ".join(tags))

    def _load(self, note: Note | None) -> None:
        self._put_text(note.body if note else "", note.tags if note else ())
        self._base = note.version if note else None
        self._dirty = False
        self._amend = False
        self.history.setEnabled(note is not None)
        self._set_status(f"Last saved {_when(note.updated_utc)}" if note else "No note yet")
        self._show_record_changed(note)

    def _show_record_changed(self, note: Note | None) -> None:
        version = note.record_changed if note else ""
        self.record_changed.setText(
            f"⚠ Record changed since your note: dataset {version} altered it (Help > What's "
            "new). Editing the note clears this mark."
        )
        self.record_changed.setVisible(bool(version))

    def _set_status(self, text: str, failed: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(FAILED_STYLE if failed else "")

    def _set_enabled(self, enabled: bool) -> None:
        reason = self.read_only_reason
        for widget in (self.text, self.tags):
            widget.setEnabled(enabled)
            widget.setReadOnly(reason is not None)
        if not enabled:
            self._set_status("Select a record to write a note on it")
        elif reason:
            self._set_status(f"Notes are read-only: {reason}")

    def _on_edited(self, *_args: object) -> None:
        self._dirty = True
        self._set_status("Unsaved changes…")
        self.timer.start()

    def _on_autosave(self) -> None:
        self.flush(checkpoint=False)

    def flush(self, checkpoint: bool = True) -> bool:
        """Write pending changes now (also on focus loss, switching records, close); returns
        False when text stays unsaved. Autosaves (``checkpoint`` False) while typing amend
        one revision; leaving the note starts the next."""
        self.timer.stop()
        if not self._dirty or self._drafts is None or self._ref is None:
            return True
        from briefer.services.notes import parse_tags
        from briefer.store.notes import NoteSaveError

        body, tags = self.text.toPlainText(), parse_tags(self.tags.text())
        if self._base is None and not body.strip() and not tags:
            self._dirty = False
            return True
        try:
            result = self._drafts.save(self._ref, body, tags, self._base, amend=self._amend)
        except NoteSaveError as error:
            self._show_failure(str(error))
            return False
        self._saved(result, checkpoint)
        return True

    def _saved(self, result: SaveResult, checkpoint: bool) -> None:
        self._note = result.note
        self._base = result.note.version
        self._dirty = False
        self._amend = not checkpoint and not result.conflict
        self._seen_version = self._service.data_version() if self._service else -1
        self.history.setEnabled(True)
        self._show_record_changed(result.note)
        if result.met is not None:
            self._put_text(result.note.body, result.note.tags)
            kept = (
                "Both texts are kept below, and each is in History."
                if result.merged
                else "Together they would pass 1 MB, so the other text is kept in History."
            )
            when = _when(result.met.updated_utc)
            self._set_status(f"This note was also changed elsewhere (saved {when}). {kept}", True)
        else:
            self._set_status(f"Saved {_when(result.note.updated_utc)}")
        self.saved.emit(result.note)

    def _show_failure(self, reason: str) -> None:
        self._set_status(
            f"Not saved: {reason}. Your text is kept here and will be retried.", failed=True
        )
        self.retry_timer.start()

    def retry(self) -> bool:
        """Try every unsaved text again; returns True when nothing is left unsaved."""
        if self._drafts is None:
            return True
        current_ok = self.flush()
        stored = self._drafts.retry(skip=self._ref)
        for result in stored:
            self.saved.emit(result.note)
        met = sum(result.conflict for result in stored)
        if stored and current_ok:
            also = f"; {met} met a newer text, and both were kept" if met else ""
            self._set_status(f"Saved the text kept for {len(stored)} other record(s){also}")
        left = self._drafts.all_pending()
        if left or not current_ok:
            self.retry_timer.start()
        return current_ok and not left

    def has_unsaved(self) -> bool:
        return self._dirty or bool(self._drafts and self._drafts.all_pending())

    def unsaved_text(self) -> str:
        return self._drafts.as_text() if self._drafts else self.text.toPlainText()

    def stop_timers(self) -> None:
        """The window is closing: nothing may touch the database after this."""
        for timer in (self.timer, self.retry_timer, self.watch_timer):
            timer.stop()

    def write_recovery(self, folder: Path) -> Path | None:
        return self._drafts.write_recovery(folder) if self._drafts else None

    def discard_unsaved(self) -> None:
        if self._drafts is not None:
            self._drafts.discard()
        self._dirty = False
        self.retry_timer.stop()

    def _on_watch(self) -> None:
        """Reload the note when another window changed it and nothing is typed here."""
        if self._service is None or self._ref is None or self._dirty:
            return
        version = self._service.data_version()
        if version < 0:
            self.watch_timer.stop()
            return
        if version == self._seen_version:
            return
        self._seen_version = version
        stored = self._service.note_for(self._ref)
        known = (self._note.id, self._note.version) if self._note else None
        if stored is not None and (stored.id, stored.version) != known:
            self._note = stored
            self._load(stored)
            self._set_status(f"Updated from another window ({_when(stored.updated_utc)})")

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
            label = f"#{revision.revision} · {_when(revision.saved_utc)}"
            item = QListWidgetItem(label + _KIND_LABELS.get(revision.kind, ""))
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
        if item is None:
            return
        from briefer.store.errors import StoreError

        try:
            self.restored = self._service.restore(self._note.id, int(item.data(256)))
        except StoreError as error:
            QMessageBox.warning(self, "Restore failed", f"{error}\nNothing was changed.")
            return
        self.accept()


_KIND_LABELS = {
    "conflict": " · met a newer text",
    "merge": " · both texts kept",
    "import": " · imported",
    "restore": " · restored",
}


def _when(utc: str) -> str:
    return utc[:19].replace("T", " ") + " UTC"
