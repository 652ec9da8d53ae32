"""The notes list: every note, filtered by text or tag, exported and imported as JSON."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer.domain.records import EntityRef, Note
from briefer.services.notes import NoteEntry, NotesService
from briefer.store.errors import StoreError
from briefer.ui.flow_layout import flow_row
from briefer.ui.models.record_table import Column, RecordTableModel
from briefer.ui.panels.record_table import RecordTable

ALL_TAGS = "All tags"
FILTER_DELAY_MS = 250


def _first_line(entry: NoteEntry) -> str:
    return entry.note.body.strip().splitlines()[0] if entry.note.body.strip() else "(empty)"


NOTE_COLUMNS: tuple[Column[NoteEntry], ...] = (
    Column(
        "About",
        lambda e: e.title + (f" ({e.flag})" if e.flag else ""),
        colour=lambda e: "#D55E00" if e.flag else None,
    ),
    Column("Note", _first_line, tooltip=lambda e: e.note.body),
    Column("Tags", lambda e: ", ".join(e.note.tags)),
    Column("Updated (UTC)", lambda e: e.note.updated_utc[:16].replace("T", " ")),
    Column("Created (UTC)", lambda e: e.note.created_utc[:16].replace("T", " ")),
)


class NotesPanel(QWidget):
    """Every note the analyst wrote, newest first.

    Signals:
        record_selected(object): the ``EntityRef`` of the note's record, to open it.
    """

    record_selected = Signal(object)
    records_imported = Signal()  # an import may bring the analyst's own records too

    def __init__(self, service: NotesService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Notes")
        self._service = service
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search notes…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search notes")
        self.tag = QComboBox(self)
        self.tag.setAccessibleName("Filter notes by tag")
        self.count = QLabel(self)
        self.model: RecordTableModel[NoteEntry] = RecordTableModel(NOTE_COLUMNS, lambda e: e.ref)
        self.table = RecordTable(self.model, "Notes table", self)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        tools_row, tools = flow_row(self)
        tools.addWidget(self.search)
        tools.addWidget(self.tag)
        for text, handler in (
            ("Export notes…", self._ask_export),
            ("Import notes…", self._ask_import),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(handler)
            tools.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(tools_row)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(self.count)
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(FILTER_DELAY_MS)
        self.filter_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self.filter_timer.start)
        self.tag.currentIndexChanged.connect(self.refresh)
        self.table.record_selected.connect(self.record_selected)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        """Reload from the database (after a save, an import, or a filter change)."""
        current = self.tag.currentText()
        with QSignalBlocker(self.tag):
            self.tag.clear()
            self.tag.addItem(ALL_TAGS)
            tags = self._service.tags()  # sorted already
            self._known_tags = set(tags)
            self.tag.addItems(tags)
            self.tag.setCurrentText(current if current else ALL_TAGS)
        tag = "" if self.tag.currentText() == ALL_TAGS else self.tag.currentText()
        entries = self._service.entries(self.search.text(), tag)
        self.model.set_records(entries)
        self.table.fit_columns(max_chars=45)
        orphans = sum(1 for e in entries if e.orphaned)
        changed = sum(1 for e in entries if e.flag and not e.orphaned)
        extra = f"; {orphans} about records no longer in the dataset" if orphans else ""
        extra += f"; {changed} on records changed since the note" if changed else ""
        self.count.setText(f"{len(entries)} note(s){extra}")

    def note_saved(self, note: Note) -> None:
        """One row updated for a saved note: the whole list is not read again."""
        entry = self._service.entry_for(note)
        tag = "" if self.tag.currentText() == ALL_TAGS else self.tag.currentText()
        if self._service.matches(entry, self.search.text(), tag):
            self.model.put_record(entry)
        else:
            self.model.remove_ref(entry.ref)
        if any(t not in self._known_tags for t in note.tags):
            self.refresh()

    def show_selection(self, ref: EntityRef | None) -> None:
        self.table.select_ref(ref)

    def notes_replaced(self) -> None:
        self.refresh()

    def stop_timers(self) -> None:
        self.filter_timer.stop()

    # export and import ----------------------------------------------------------------
    def export_to(self, path: Path) -> str:
        count = self._service.export(path)
        return f"Exported {self._service.exported_text(count)} to {path}"

    def import_from(self, path: Path) -> str:
        report = self._service.import_file(path)
        self.refresh()
        self.records_imported.emit()
        return f"Imported {path.name}: {report.sentence}."

    def _ask_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export notes", "briefer-notes.json", "JSON (*.json)"
        )
        if name:
            self._report(lambda: self.export_to(Path(name)), "Export failed")

    def _ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Import notes", "", "JSON (*.json)")
        if name:
            self._report(lambda: self.import_from(Path(name)), "Import failed")

    def _report(self, action: Callable[[], str], failure: str) -> None:
        try:
            QMessageBox.information(self, "Notes", action())
        except (StoreError, OSError) as error:
            QMessageBox.warning(self, failure, f"{error}\nNothing was changed.")
