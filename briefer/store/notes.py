"""Notes in the user database: one per record, saves that never overwrite a newer text,
revision history, and JSON export and import (``note_exchange``)."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from briefer.domain.note_rules import merged_tags, merged_text, size_problem, utc_now
from briefer.domain.records import Note, NoteRevision
from briefer.store.errors import StoreError, UserDatabaseError
from briefer.store.faults import Fault, classify, describe
from briefer.store.user_db import write_transaction

__all__ = ["NoteSaveError", "NoteStore", "SaveResult", "utc_now"]


class NoteSaveError(StoreError):
    """A note that could not be written; the text was not stored and is still the caller's."""

    def __init__(self, message: str, fault: Fault | None = None) -> None:
        super().__init__(message)
        self.fault = fault


@dataclass(frozen=True)
class SaveResult:
    """What a save wrote; ``met`` is the newer stored note the save found (both texts kept)."""

    note: Note
    met: Note | None = None
    merged: bool = False  # the met text was merged into ``note`` (else only in the history)

    @property
    def conflict(self) -> bool:
        return self.met is not None


@dataclass(frozen=True)
class Draft:
    """Text to store on a record, with the note version it was edited from (None: new)."""

    kind: str
    entity_id: str
    body: str
    tags: tuple[str, ...]
    base_version: int | None


_COLUMNS = (
    "id",
    "entity_kind",
    "entity_id",
    "body",
    "created_utc",
    "updated_utc",
    "tags",
    "version",
    "record_changed",
)
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM notes"


def _note(row: sqlite3.Row | tuple[Any, ...]) -> Note:
    note_id, kind, entity, body, created, updated, tags, version, changed = row
    return Note(
        note_id, kind, entity, body, tuple(json.loads(tags)), created, updated, version, changed
    )


def _new_note_id() -> str:
    import uuid  # imported on first use: it is not needed to open the window

    return uuid.uuid4().hex


class NoteStore:
    """Every write is one transaction: the note and its revision land together or not at all."""

    def __init__(self, conn: sqlite3.Connection, session: str = "") -> None:
        self._conn = conn
        self.session = session or os.urandom(16).hex()

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """A write transaction; SQLite's errors leave it as ``NoteSaveError`` naming the fault."""
        return write_transaction(
            self._conn, lambda error: NoteSaveError(describe(error), classify(error))
        )

    # reading --------------------------------------------------------------------------
    def get(self, note_id: str) -> Note | None:
        row = self._conn.execute(f"{_SELECT} WHERE id = ?", (note_id,)).fetchone()
        return _note(row) if row else None

    def by_entity(self, kind: str, entity_id: str) -> Note | None:
        sql = f"{_SELECT} WHERE entity_kind = ? AND entity_id = ?"
        row = self._conn.execute(sql, (kind, entity_id)).fetchone()
        return _note(row) if row else None

    def all(self) -> list[Note]:
        return [_note(row) for row in self._conn.execute(f"{_SELECT} ORDER BY updated_utc DESC")]

    def revisions(self, note_id: str) -> list[NoteRevision]:
        """Newest first, by when each text was saved (imported texts keep their own time)."""
        rows = self._conn.execute(
            "SELECT note_id, revision, body, tags, saved_utc, kind FROM note_revisions "
            "WHERE note_id = ? ORDER BY saved_utc DESC, revision DESC",
            (note_id,),
        )
        return [NoteRevision(n, r, b, tuple(json.loads(t)), s, k) for n, r, b, t, s, k in rows]

    def fingerprint(self) -> str:
        """Changes whenever any note, record of the analyst's or revision of either does (to
        skip backups of an unchanged base)."""
        import hashlib  # imported on first use: it is not needed to open the window

        digest = hashlib.sha256()
        for query in (
            "SELECT id, version, updated_utc FROM notes ORDER BY id",
            "SELECT COUNT(*) FROM note_revisions",
            "SELECT id, version, updated_utc FROM local_records ORDER BY id",
            "SELECT COUNT(*) FROM local_record_revisions",
        ):
            rows = self._conn.execute(query).fetchall()
            digest.update(repr([tuple(row) for row in rows]).encode("utf-8"))
        return digest.hexdigest()[:12]

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

    # writing --------------------------------------------------------------------------
    def save(self, draft: Draft, amend: bool = False) -> SaveResult:
        """Store ``draft`` as the record's note, unless the note moved on since its base
        version: then both texts are kept (merged, each also in the history).

        ``amend`` folds the text into this session's latest revision (autosaves while typing)
        instead of adding one, so a long note is not copied on every pause.

        Raises:
            NoteSaveError: too large, or SQLite could not write; nothing was changed.
        """
        problem = size_problem(draft.body)
        if problem:
            raise NoteSaveError(problem)
        with self.transaction():
            return self._save(draft, amend)

    def _save(self, draft: Draft, amend: bool) -> SaveResult:
        current = self.by_entity(draft.kind, draft.entity_id)
        now = utc_now()
        if current is None:
            note = Note(
                _new_note_id(), draft.kind, draft.entity_id, draft.body, draft.tags, now, now, 1
            )
            self._insert(note)
            self._add_revision(note, "edit")
            return SaveResult(note)
        if (current.body, current.tags) == (draft.body, draft.tags):
            return SaveResult(current)
        self.mark_reviewed(current.id)  # an edit is made with the record in view
        if draft.base_version == current.version:
            note = self._update(current, draft.body, draft.tags, now)
            if not (amend and self._amend_revision(note)):
                self._add_revision(note, "edit")
            return SaveResult(note)
        mine = self._update(current, draft.body, draft.tags, now)
        self._add_revision(mine, "conflict")
        body = merged_text(draft.body, current.body, current.updated_utc)
        if size_problem(body):  # too long together: the other text stays in the history only
            body = draft.body
        note = self._update(mine, body, merged_tags(draft.tags, current.tags), now)
        if body != draft.body:
            self._add_revision(note, "merge")
        return SaveResult(note, met=current, merged=body != draft.body)

    def mark_reviewed(self, note_id: str) -> None:
        """Clear the note's "record changed" mark (in the caller's transaction, if any)."""
        self._conn.execute("UPDATE notes SET record_changed = '' WHERE id = ?", (note_id,))

    def mark_records_changed(self, refs: Iterable[tuple[str, str]], version: str) -> int:
        """Mark the notes on these (kind, id) records as changed by dataset ``version``; how many.

        Raises:
            NoteSaveError: SQLite could not write; nothing was changed.
        """
        with self.transaction() as conn:
            return sum(
                conn.execute(
                    "UPDATE notes SET record_changed = ? WHERE entity_kind = ? AND entity_id = ?",
                    (version, kind, entity_id),
                ).rowcount
                for kind, entity_id in refs
            )

    def replace_text(self, note: Note, body: str, tags: tuple[str, ...], kind: str) -> Note:
        """Make ``body`` current on an existing note (restore, import); inside a transaction."""
        updated = self._update(note, body, tags, utc_now())
        self._add_revision(updated, kind)
        return updated

    def _insert(self, note: Note) -> None:
        self._conn.execute(
            "INSERT INTO notes (id, entity_kind, entity_id, body, created_utc, updated_utc, "
            "tags, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                note.id,
                note.entity_kind,
                note.entity_id,
                note.body,
                note.created_utc,
                note.updated_utc,
                _json(note.tags),
                note.version,
            ),
        )

    def _update(self, note: Note, body: str, tags: tuple[str, ...], now: str) -> Note:
        self._conn.execute(
            "UPDATE notes SET body = ?, tags = ?, updated_utc = ?, version = version + 1 "
            "WHERE id = ?",
            (body, _json(tags), now, note.id),
        )
        updated = self.get(note.id)
        assert updated is not None
        return updated

    def _add_revision(self, note: Note, kind: str) -> None:
        self._insert_revision(note.id, note.body, note.tags, note.updated_utc, kind)

    def _insert_revision(
        self, note_id: str, body: str, tags: tuple[str, ...], saved_utc: str, kind: str
    ) -> None:
        self._conn.execute(
            "INSERT INTO note_revisions (note_id, revision, body, tags, saved_utc, kind, session) "
            "VALUES (?, (SELECT COALESCE(MAX(revision), 0) + 1 FROM note_revisions "
            "WHERE note_id = ?), ?, ?, ?, ?, ?)",
            (note_id, note_id, body, _json(tags), saved_utc, kind, self.session),
        )

    def add_history(self, note: Note, body: str, tags: tuple[str, ...], saved_utc: str) -> bool:
        """Keep an imported text in the history unless the same text at that time is there."""
        known = self._conn.execute(
            "SELECT 1 FROM note_revisions WHERE note_id = ? AND body = ? AND saved_utc = ?",
            (note.id, body, saved_utc),
        ).fetchone()
        if known:
            return False
        self._insert_revision(note.id, body, tags, saved_utc, "import")
        return True

    def insert_note(self, note: Note) -> None:
        """A note new to this database (import), with its first revision; in a transaction."""
        self._insert(note)
        self._add_revision(note, "import")

    def _amend_revision(self, note: Note) -> bool:
        """Fold ``note`` into the latest revision when this session wrote it as an edit."""
        cursor = self._conn.execute(
            "UPDATE note_revisions SET body = ?, tags = ?, saved_utc = ? "
            "WHERE note_id = ? AND kind = 'edit' AND session = ? AND revision = "
            "(SELECT MAX(revision) FROM note_revisions WHERE note_id = ?)",
            (note.body, _json(note.tags), note.updated_utc, note.id, self.session, note.id),
        )
        return cursor.rowcount == 1


def _json(tags: tuple[str, ...]) -> str:
    return json.dumps(list(tags), ensure_ascii=False)
