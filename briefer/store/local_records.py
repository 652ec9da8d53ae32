"""The analyst's own records in the user database (never in the reference dataset).

Every write is one transaction with its revision. An edit names the version it was based on:
one based on an older version is merged field by field with the newer one, and when both
changed the same field differently the newer stays current and the edit is kept in the
history (``LocalRecordConflict`` says so), so no edit overwrites another unseen and none is
lost. Deleting keeps the record (restorable from its history); retiring it in favour of an
official record moves its note there.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from briefer.domain.local_records import (
    CONTENT_FIELDS,
    LocalRecord,
    LocalRecordContent,
    LocalRecordRevision,
    RecordState,
    RevisionKind,
    is_local,
    merge_contents,
    new_local_id,
)
from briefer.domain.local_rules import LABELS, Problem, problems_of
from briefer.domain.note_rules import utc_now
from briefer.domain.records import EntityRef, Note
from briefer.store.errors import StoreError, UserDatabaseError
from briefer.store.faults import Fault, classify, describe
from briefer.store.user_db import write_transaction

_META = ("created_utc", "updated_utc", "version", "state", "retired_kind", "retired_id")
_COLUMNS = ("id", *CONTENT_FIELDS, *_META)
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM local_records"
_REVISION_COLUMNS = (
    "record_id, revision, version, kind, state, content, saved_utc, retired_kind, retired_id"
)


class LocalRecordError(StoreError):
    """A record of the analyst's that could not be written; nothing was changed and what they
    typed is still theirs. ``fault`` names a database fault (full disk, lock), if that was it."""

    def __init__(self, message: str, fault: Fault | None = None) -> None:
        super().__init__(message)
        self.fault = fault


class LocalRecordInvalid(LocalRecordError):
    """What was typed cannot make a record; ``problems`` has one line per field at fault."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = tuple(problems)


class LocalRecordConflict(LocalRecordError):
    """An edit based on an older version met a newer change to the same fields, or a record
    deleted or retired meanwhile. The newer state stays current; the edit is in the history
    (a ``conflict`` revision) and in ``mine``, to compare and save again."""

    def __init__(
        self, current: LocalRecord, mine: LocalRecordContent, fields: tuple[str, ...]
    ) -> None:
        title = current.content.title
        if current.is_live:
            changed = ", ".join(LABELS[name].lower() for name in fields) or "it"
            message = (
                f"'{title}' was changed elsewhere since you opened it ({changed} too); your "
                "edit is kept in its history, not applied: compare and save again"
            )
        else:
            message = (
                f"'{title}' was {current.state} elsewhere since you opened it; your edit is kept "
                "in its history: restore the record to bring it back"
            )
        super().__init__(message)
        self.current, self.mine, self.fields = current, mine, fields


@dataclass(frozen=True)
class Retirement:
    """A retired record, and the official record's note that now holds the text of its note."""

    record: LocalRecord
    note: Note | None
    merged: bool  # the official record had a note already; the two texts were joined


def _record(row: Sequence[Any]) -> LocalRecord:
    values = dict(zip(_COLUMNS, row, strict=True))
    content = {name: values[name] for name in CONTENT_FIELDS}
    content["actors"] = tuple(json.loads(values["actors"]))
    retired = values["retired_id"]
    return LocalRecord(
        id=values["id"],
        content=LocalRecordContent(**content),
        created_utc=values["created_utc"],
        updated_utc=values["updated_utc"],
        version=values["version"],
        state=values["state"],
        retired_for=EntityRef(values["retired_kind"], retired) if retired else None,
    )


def content_json(content: LocalRecordContent) -> str:
    values = {name: getattr(content, name) for name in CONTENT_FIELDS}
    values["actors"] = list(content.actors)
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def content_of(text: str) -> LocalRecordContent:
    values = json.loads(text)
    values["actors"] = tuple(values["actors"])
    return LocalRecordContent(**values)


def _row_values(content: LocalRecordContent) -> list[Any]:
    values = [getattr(content, name) for name in CONTENT_FIELDS]
    values[CONTENT_FIELDS.index("actors")] = json.dumps(list(content.actors), ensure_ascii=False)
    return values


def check_content(content: LocalRecordContent) -> None:
    problems = problems_of(content)
    if problems:
        raise LocalRecordInvalid(problems)


class LocalRecordStore:
    def __init__(self, conn: sqlite3.Connection, session: str = "") -> None:
        self._conn = conn
        self.session = session or os.urandom(16).hex()

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """A write transaction; SQLite's errors leave it as ``LocalRecordError`` with the fault."""
        return write_transaction(
            self._conn,
            lambda error: LocalRecordError(
                f"the record was not saved: {describe(error)}", classify(error)
            ),
        )

    # reading --------------------------------------------------------------------------
    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as error:
            raise UserDatabaseError(f"your records cannot be read ({describe(error)})") from error

    def get(self, record_id: str) -> LocalRecord | None:
        rows = self._read(f"{_SELECT} WHERE id = ?", (record_id,))
        return _record(rows[0]) if rows else None

    def live(self) -> list[LocalRecord]:
        """The records in use (neither deleted nor retired), in date order."""
        rows = self._read(f"{_SELECT} WHERE state = 'live' ORDER BY date_utc, created_utc, id")
        return [_record(row) for row in rows]

    def all(self) -> list[LocalRecord]:
        """Every record, deleted and retired ones too (for export), oldest entry first."""
        return [_record(row) for row in self._read(f"{_SELECT} ORDER BY created_utc, id")]

    def revisions(self, record_id: str) -> list[LocalRecordRevision]:
        """Newest first, by when each was saved (imported ones keep their own time)."""
        rows = self._read(
            f"SELECT {_REVISION_COLUMNS} FROM local_record_revisions WHERE record_id = ? "
            "ORDER BY saved_utc DESC, revision DESC",
            (record_id,),
        )
        return [
            LocalRecordRevision(
                rid,
                number,
                version,
                kind,
                state,
                content_of(content),
                saved,
                EntityRef(retired_kind, retired_id) if retired_id else None,
            )
            for rid, number, version, kind, state, content, saved, retired_kind, retired_id in rows
        ]

    # writing --------------------------------------------------------------------------
    def add(self, content: LocalRecordContent) -> LocalRecord:
        """Raises LocalRecordInvalid or LocalRecordError; nothing is stored then."""
        check_content(content)
        now = utc_now()
        record = LocalRecord(new_local_id(), content, now, now, 1)
        with self.transaction():
            self.insert(record, RevisionKind.ADD)
        return record

    def edit(self, record_id: str, content: LocalRecordContent, base_version: int) -> LocalRecord:
        """Save ``content``, edited from version ``base_version`` of the record.

        Raises:
            LocalRecordConflict: a newer change to the same fields, or the record was deleted
                or retired meanwhile; the edit was kept in the history only.
            LocalRecordInvalid, LocalRecordError: nothing was stored.
        """
        check_content(content)
        with self.transaction():
            outcome = self._edit(self._require(record_id), content, base_version)
        if isinstance(outcome, LocalRecordConflict):
            raise outcome
        return outcome

    def _edit(
        self, current: LocalRecord, content: LocalRecordContent, base_version: int
    ) -> LocalRecord | LocalRecordConflict:
        if content.kind != current.content.kind:
            problem = Problem("kind", "a record's kind cannot change; enter a new record instead")
            raise LocalRecordInvalid([problem])
        if current.is_live and content == current.content:
            return current
        if not current.is_live:
            self._add_revision(current, RevisionKind.CONFLICT, content, version=base_version)
            return LocalRecordConflict(current, content, ())
        if base_version == current.version:
            return self.write(current, content, RevisionKind.EDIT)
        base = self._content_at(current.id, base_version)
        if base is None:  # an unknown version: every field that differs counts as changed
            clashes = tuple(
                name
                for name in CONTENT_FIELDS
                if getattr(content, name) != getattr(current.content, name)
            )
        else:
            merged, clashes = merge_contents(base, content, current.content)
            if not clashes and not problems_of(merged):
                return self.write(current, merged, RevisionKind.MERGE)
        self._add_revision(current, RevisionKind.CONFLICT, content, version=base_version)
        return LocalRecordConflict(current, content, clashes)

    def delete(self, record_id: str) -> LocalRecord:
        """Set the record aside: no longer listed, kept with its history to be restored."""
        with self.transaction():
            current = self._require(record_id)
            if current.state == RecordState.DELETED:
                return current
            return self.write(current, current.content, RevisionKind.DELETE, RecordState.DELETED)

    def restore(self, record_id: str, revision: int) -> LocalRecord:
        """Make a revision's content current and the record live again (undeleted, unretired;
        a note moved at retirement stays on the official record)."""
        with self.transaction():
            current = self._require(record_id)
            old = self._content_of_revision(record_id, revision)
            if old is None:
                raise LocalRecordError(f"'{current.content.title}' has no revision {revision}")
            return self.write(current, old, RevisionKind.RESTORE)

    def retire(self, record_id: str, official: EntityRef) -> Retirement:
        """Mark the record as covered by ``official`` and move its note there, in one go."""
        from briefer.store.note_moves import move_note

        if is_local(official):
            raise LocalRecordError("a record of yours is retired in favour of a dataset record")
        with self.transaction():
            current = self._require(record_id)
            if not current.is_live:
                raise LocalRecordError(f"'{current.content.title}' is {current.state} already")
            state = RecordState.RETIRED
            record = self.write(current, current.content, RevisionKind.RETIRE, state, official)
            note, merged = move_note(self._conn, current.ref, official, self.session)
        return Retirement(record, note, merged)

    # the pieces of a write, inside the caller's transaction (also used by the import) ---
    def _require(self, record_id: str) -> LocalRecord:
        """The record, read in the write's transaction (so a fault fails the write)."""
        row = self._conn.execute(f"{_SELECT} WHERE id = ?", (record_id,)).fetchone()
        record = _record(row) if row else None
        if record is None:
            raise LocalRecordError(f"no record of yours has the id {record_id[:60]!r}")
        return record

    def insert(self, record: LocalRecord, kind: str) -> None:
        columns = ", ".join(_COLUMNS)
        retired = record.retired_for
        self._conn.execute(
            f"INSERT INTO local_records ({columns}) VALUES ({', '.join('?' * len(_COLUMNS))})",
            (
                record.id,
                *_row_values(record.content),
                record.created_utc,
                record.updated_utc,
                record.version,
                record.state,
                retired.kind if retired else None,
                retired.id if retired else None,
            ),
        )
        self._add_revision(record, kind, record.content, saved_utc=record.updated_utc)

    def write(
        self,
        current: LocalRecord,
        content: LocalRecordContent,
        kind: str,
        state: str = RecordState.LIVE,
        retired: EntityRef | None = None,
    ) -> LocalRecord:
        """Make ``content`` and ``state`` current, one version on, with a revision."""
        assignments = ", ".join(f"{name} = ?" for name in CONTENT_FIELDS)
        self._conn.execute(
            f"UPDATE local_records SET {assignments}, updated_utc = ?, version = version + 1, "
            "state = ?, retired_kind = ?, retired_id = ? WHERE id = ?",
            (
                *_row_values(content),
                utc_now(),
                state,
                retired.kind if retired else None,
                retired.id if retired else None,
                current.id,
            ),
        )
        record = self._require(current.id)
        self._add_revision(record, kind, content, saved_utc=record.updated_utc)
        return record

    def _add_revision(
        self,
        record: LocalRecord,
        kind: str,
        content: LocalRecordContent,
        version: int | None = None,
        saved_utc: str = "",
    ) -> None:
        retired = record.retired_for
        self._conn.execute(
            "INSERT INTO local_record_revisions (record_id, revision, version, kind, state, "
            "retired_kind, retired_id, content, saved_utc, session) VALUES (?, (SELECT "
            "COALESCE(MAX(revision), 0) + 1 FROM local_record_revisions WHERE record_id = ?), "
            "?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.id,
                record.id,
                record.version if version is None else version,
                kind,
                record.state,
                retired.kind if retired else None,
                retired.id if retired else None,
                content_json(content),
                saved_utc or utc_now(),
                self.session,
            ),
        )

    def add_history(self, record: LocalRecord, revision: LocalRecordRevision) -> bool:
        """Keep an imported revision unless the same content saved at that time is there."""
        known = self._conn.execute(
            "SELECT 1 FROM local_record_revisions WHERE record_id = ? AND content = ? "
            "AND saved_utc = ?",
            (record.id, content_json(revision.content), revision.saved_utc),
        ).fetchone()
        if known:
            return False
        self._add_revision(
            record, RevisionKind.IMPORT, revision.content, version=0, saved_utc=revision.saved_utc
        )
        return True

    def _content_at(self, record_id: str, version: int) -> LocalRecordContent | None:
        """The content the record had at ``version`` (what an edit from it started from)."""
        row = self._conn.execute(
            "SELECT content FROM local_record_revisions WHERE record_id = ? AND version = ? "
            "AND kind != 'conflict' ORDER BY revision DESC LIMIT 1",
            (record_id, version),
        ).fetchone()
        return content_of(row[0]) if row else None

    def _content_of_revision(self, record_id: str, revision: int) -> LocalRecordContent | None:
        row = self._conn.execute(
            "SELECT content FROM local_record_revisions WHERE record_id = ? AND revision = ?",
            (record_id, revision),
        ).fetchone()
        return content_of(row[0]) if row else None
