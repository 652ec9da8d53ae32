"""Notes in the user database: saves with revision history, and JSON export and import."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from briefer.domain.records import Note, NoteRevision
from briefer.store.errors import StoreError, UserDatabaseError

EXPORT_FORMAT = "briefer-notes"
EXPORT_VERSION = 1


class NoteImportError(StoreError):
    """A notes file that cannot be imported; nothing was changed."""


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class ImportReport:
    added: int
    updated: int
    kept_newer: int
    unchanged: int

    @property
    def sentence(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} already up to date, "
            f"{self.kept_newer} kept because the note here is newer"
        )


def _note(row: sqlite3.Row | tuple[Any, ...]) -> Note:
    note_id, kind, entity, body, created, updated, tags = row
    return Note(note_id, kind, entity, body, tuple(json.loads(tags)), created, updated)


_COLUMNS = ("id", "entity_kind", "entity_id", "body", "created_utc", "updated_utc", "tags")
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM notes"


class NoteStore:
    """Every write is one transaction: the note and its new revision land together or not at all."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def get(self, note_id: str) -> Note | None:
        row = self._conn.execute(f"{_SELECT} WHERE id = ?", (note_id,)).fetchone()
        return _note(row) if row else None

    def for_entity(self, kind: str, entity_id: str) -> list[Note]:
        sql = f"{_SELECT} WHERE entity_kind = ? AND entity_id = ? ORDER BY updated_utc DESC"
        return [_note(row) for row in self._conn.execute(sql, (kind, entity_id))]

    def all(self) -> list[Note]:
        return [_note(row) for row in self._conn.execute(f"{_SELECT} ORDER BY updated_utc DESC")]

    def save(self, note: Note) -> Note:
        """Insert or update ``note`` and record its text as a new revision (if it changed)."""
        with self._transaction():
            self._write(note)
        return note

    def _write(self, note: Note) -> None:
        current = self.get(note.id)
        if current is not None and (current.body, current.tags) == (note.body, note.tags):
            return
        tags = json.dumps(list(note.tags), ensure_ascii=False)
        self._conn.execute(
            "INSERT INTO notes (id, entity_kind, entity_id, body, created_utc, updated_utc, tags) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET body = excluded.body, "
            "tags = excluded.tags, updated_utc = excluded.updated_utc",
            (
                note.id,
                note.entity_kind,
                note.entity_id,
                note.body,
                note.created_utc,
                note.updated_utc,
                tags,
            ),
        )
        self._conn.execute(
            "INSERT INTO note_revisions (note_id, revision, body, tags, saved_utc) VALUES "
            "(?, (SELECT COALESCE(MAX(revision), 0) + 1 FROM note_revisions WHERE note_id = ?), "
            "?, ?, ?)",
            (note.id, note.id, note.body, tags, note.updated_utc),
        )

    def revisions(self, note_id: str) -> list[NoteRevision]:
        rows = self._conn.execute(
            "SELECT note_id, revision, body, tags, saved_utc FROM note_revisions "
            "WHERE note_id = ? ORDER BY revision DESC",
            (note_id,),
        )
        return [NoteRevision(n, r, b, tuple(json.loads(t)), s) for n, r, b, t, s in rows]

    def search(self, match: str, limit: int = 100) -> list[Note]:
        """Notes matching the FTS5 query ``match``, best first."""
        columns = ", ".join(f"n.{column}" for column in _COLUMNS)
        try:
            rows = self._conn.execute(
                f"SELECT {columns} FROM notes_search JOIN notes n ON n.rowid = notes_search.rowid "
                "WHERE notes_search MATCH ? ORDER BY rank LIMIT ?",
                (match, limit),
            ).fetchall()
        except sqlite3.DatabaseError as error:
            raise UserDatabaseError(f"the notes search index cannot be read ({error})") from error
        return [_note(row) for row in rows]

    def integrity(self) -> str:
        return str(self._conn.execute("PRAGMA integrity_check").fetchone()[0])

    # export and import ----------------------------------------------------------------
    def export_data(self) -> dict[str, Any]:
        notes = []
        for note in self.all():
            revisions = [
                {
                    "revision": r.revision,
                    "body": r.body,
                    "tags": list(r.tags),
                    "saved_utc": r.saved_utc,
                }
                for r in self.revisions(note.id)
            ]
            notes.append(
                {
                    "id": note.id,
                    "entity_kind": note.entity_kind,
                    "entity_id": note.entity_id,
                    "body": note.body,
                    "tags": list(note.tags),
                    "created_utc": note.created_utc,
                    "updated_utc": note.updated_utc,
                    "revisions": revisions,
                }
            )
        return {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "exported_utc": utc_now(),
            "notes": notes,
        }

    def import_data(self, data: Any) -> ImportReport:
        """Merge notes by id; a note newer here is never overwritten. All or nothing.

        Raises:
            NoteImportError: the data is not a Briefer notes export; nothing was changed.
        """
        incoming = parse_export(data)
        counts = {"added": 0, "updated": 0, "kept_newer": 0, "unchanged": 0}
        with self._transaction():
            for note in incoming:
                counts[self._merge(note)] += 1
        return ImportReport(**counts)

    def _merge(self, note: Note) -> str:
        local = self.get(note.id)
        if local is None:
            self._write(note)
            return "added"
        if (local.body, local.tags) == (note.body, note.tags):
            return "unchanged"
        if note.updated_utc > local.updated_utc:
            self._write(note)
            return "updated"
        return "kept_newer"


_REQUIRED = ("id", "entity_kind", "entity_id", "body", "created_utc", "updated_utc")


def parse_export(data: Any) -> list[Note]:
    """Validate a whole export before anything is written; the first fault is reported."""
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise NoteImportError('not a Briefer notes export (no "format": "briefer-notes")')
    if data.get("version") != EXPORT_VERSION:
        raise NoteImportError(f"unsupported notes export version {data.get('version')!r}")
    entries = data.get("notes")
    if not isinstance(entries, list):
        raise NoteImportError("the export has no list of notes")
    notes = []
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise NoteImportError(f"note {position} is not an object")
        missing = [key for key in _REQUIRED if not isinstance(entry.get(key), str)]
        if missing:
            raise NoteImportError(f"note {position} lacks text field(s): {', '.join(missing)}")
        tags = entry.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
            raise NoteImportError(f"note {position}: tags must be a list of strings")
        notes.append(
            Note(
                entry["id"],
                entry["entity_kind"],
                entry["entity_id"],
                entry["body"],
                tuple(tags),
                entry["created_utc"],
                entry["updated_utc"],
            )
        )
    return notes
