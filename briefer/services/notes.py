"""The analyst's notes on any record: save, history, list, and carry between workstations."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from briefer.domain.local_records import RecordState, is_local
from briefer.domain.records import EntityRef, Note, NoteRevision
from briefer.files import write_atomically
from briefer.services.titles import record_titles
from briefer.store.local_records import LocalRecordStore
from briefer.store.note_exchange import (
    BRIEFINGS_KEY,
    ImportReport,
    NoteImportError,
    export_data,
    import_data,
)
from briefer.store.notes import Draft, NoteSaveError, NoteStore, SaveResult
from briefer.store.reference import ReferenceStore
from briefer.store.saved_briefings import SavedBriefingStore
from briefer.store.user_db import UserStore


@dataclass(frozen=True)
class NoteEntry:
    """A note with the title of what it is about; ``orphaned`` when the record is gone."""

    note: Note
    title: str
    orphaned: bool

    @property
    def ref(self) -> EntityRef:
        return EntityRef(self.note.entity_kind, self.note.entity_id)

    @property
    def flag(self) -> str:
        """Why the note may need the analyst's attention ('' when it does not)."""
        if self.orphaned:
            return "no longer in the dataset"
        if self.note.record_changed:
            return f"record changed in dataset {self.note.record_changed}"
        return ""


def parse_tags(text: str) -> tuple[str, ...]:
    """``"russia, engines ,russia"`` -> ``("russia", "engines")``: trimmed, unique, in order."""
    return tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))


class NotesService:
    """Notes on records. A store opened read-only (disk full, read-only folder) still lists
    and searches; saving then raises ``NoteSaveError`` with the reason."""

    def __init__(self, user: UserStore, reference: ReferenceStore | None) -> None:
        self._user = user
        self._store = NoteStore(user.connection)
        self._records = LocalRecordStore(user.connection, self._store.session)
        self._briefings = SavedBriefingStore(user.connection)
        self._reference = reference
        self._titles: dict[EntityRef, str] | None = None
        self.exported_records = 0  # records of the analyst's own in the last export
        self.exported_briefings = 0  # saved briefings in the last export

    @property
    def user(self) -> UserStore:
        """The database the notes live in (the analyst's own records too)."""
        return self._user

    @property
    def read_only_reason(self) -> str | None:
        return self._user.read_only_reason

    def data_version(self) -> int:
        return self._user.data_version()

    # one note per record, as the detail pane edits it ----------------------------------
    def note_for(self, ref: EntityRef) -> Note | None:
        return self._store.by_entity(ref.kind, ref.id)

    def save(self, ref: EntityRef, body: str, tags: tuple[str, ...] = ()) -> Note:
        """Save on top of whatever the record's note holds now (scripts, the command line)."""
        current = self.note_for(ref)
        return self.save_draft(ref, body, tags, current.version if current else None).note

    def save_draft(
        self,
        ref: EntityRef,
        body: str,
        tags: tuple[str, ...],
        base_version: int | None,
        amend: bool = False,
    ) -> SaveResult:
        """Save text edited from note version ``base_version`` (None: there was no note).

        Raises:
            NoteSaveError: read-only, too large, or the disk refused; nothing was stored.
        """
        self._check_writable()
        return self._store.save(Draft(ref.kind, ref.id, body, tags, base_version), amend)

    def _check_writable(self) -> None:
        if self._user.read_only_reason:
            raise NoteSaveError(f"notes are read-only: {self._user.read_only_reason}")

    def revisions(self, note_id: str) -> list[NoteRevision]:
        return self._store.revisions(note_id)

    def restore(self, note_id: str, revision: int) -> Note:
        """Make an earlier revision current again (recorded as a new revision)."""
        self._check_writable()
        note = self._store.get(note_id)
        old = next((r for r in self._store.revisions(note_id) if r.revision == revision), None)
        if note is None or old is None:
            raise KeyError(f"no revision {revision} of note {note_id}")
        with self._store.transaction():
            return self._store.replace_text(note, old.body, old.tags, "restore")

    # the notes list ---------------------------------------------------------------------
    def entries(self, text: str = "", tag: str = "") -> list[NoteEntry]:
        candidates = (self.entry_for(note) for note in self._store.all())
        return [entry for entry in candidates if self.matches(entry, text, tag)]

    def entry_for(self, note: Note) -> NoteEntry:
        title = self.title_of(EntityRef(note.entity_kind, note.entity_id))
        return NoteEntry(note, title or f"{note.entity_kind} {note.entity_id}", title is None)

    @staticmethod
    def matches(entry: NoteEntry, text: str, tag: str) -> bool:
        """The notes list's filter: a tag, and text found in the title, body or tags."""
        if tag and tag not in entry.note.tags:
            return False
        needle = text.strip().casefold()
        if not needle:
            return True
        note = entry.note
        return any(needle in part.casefold() for part in (entry.title, note.body, *note.tags))

    def search(self, match: str, limit: int = 100) -> list[NoteEntry]:
        """Notes matching an FTS5 query (as built by ``parse_query``), best first."""
        found = []
        for note in self._store.search(match, limit):
            title = self.title_of(EntityRef(note.entity_kind, note.entity_id))
            found.append(
                NoteEntry(note, title or f"{note.entity_kind} {note.entity_id}", title is None)
            )
        return found

    def notes_on(self, refs: Iterable[EntityRef]) -> list[NoteEntry]:
        """The notes on any of ``refs`` that are not empty, in the order of ``refs``."""
        wanted = list(dict.fromkeys(refs))
        by_ref = {
            EntityRef(note.entity_kind, note.entity_id): note
            for note in self._store.all()
            if note.body.strip()
        }
        return [
            NoteEntry(by_ref[ref], self.title_of(ref) or f"{ref.kind} {ref.id}", False)
            for ref in wanted
            if ref in by_ref
        ]

    def tags(self) -> list[str]:
        return sorted({tag for note in self._store.all() for tag in note.tags}, key=str.casefold)

    def title_of(self, ref: EntityRef) -> str | None:
        """The record's title, or None when the dataset no longer has it (an orphaned note).
        A record of the analyst's own keeps its title, marked when deleted or retired."""
        if is_local(ref):
            record = self._records.get(ref.id)
            if record is None:
                return None
            state = "" if record.state == RecordState.LIVE else f" ({record.state})"
            return f"{record.content.title}{state}"
        if self._reference is None:
            return None
        if self._titles is None:
            self._titles = record_titles(self._reference)
        return self._titles.get(ref)

    # carrying notes between workstations ------------------------------------------------
    def export(self, path: Path) -> int:
        """Write every note and its history as JSON, with the analyst's own records and
        theirs, atomically; returns how many notes (``exported_records`` counts the records)."""
        data = export_data(self._store, self._records, self._briefings)
        write_atomically(path, _json_bytes(data), prefix=".notes-")
        self.exported_records = len(data.get("local_records", []))
        self.exported_briefings = len(data.get(BRIEFINGS_KEY, []))
        return len(data["notes"])

    def exported_text(self, notes: int) -> str:
        """``3 note(s), 1 record(s) of your own, 2 saved briefing(s)``: the last export."""
        parts = [f"{notes} note(s)"]
        if self.exported_records:
            parts.append(f"{self.exported_records} record(s) of your own")
        if self.exported_briefings:
            parts.append(f"{self.exported_briefings} saved briefing(s)")
        return ", ".join(parts)

    def export_bytes(self) -> bytes:
        return _json_bytes(export_data(self._store, self._records, self._briefings))

    def import_file(self, path: Path) -> ImportReport:
        """Merge a notes export; a malformed file changes nothing and says why."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise NoteImportError(f"cannot read {path}: {error.strerror or error}") from error
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise NoteImportError(f"{path.name} is not a JSON notes export ({error})") from error
        except RecursionError:
            message = f"{path.name} is nested too deeply to be a notes export"
            raise NoteImportError(message) from None
        self._check_writable()
        return import_data(self._store, data)


def _json_bytes(data: dict[str, object]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
