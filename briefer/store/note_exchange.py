"""Carrying notes (and the analyst's own records) between workstations: a JSON export with
history, and a merge on import that never lets an older text replace a newer one.

Version 1 holds notes only; version 2 adds ``local_records`` (``local_exchange``); version 3
adds ``briefings``, the briefings as exported (``saved_briefings``). An export is written at
the lowest version that holds what it carries, so older Briefers still read it when they can,
and refuse it rather than drop what they do not know.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from briefer.domain.briefing_recipe import SavedBriefing
from briefer.domain.note_rules import format_utc, parse_utc, size_problem, utc_now
from briefer.domain.records import Note
from briefer.store.briefing_json import BriefingDataError, saved_data, saved_of
from briefer.store.errors import StoreError
from briefer.store.local_exchange import (
    RECORDS_KEY,
    IncomingRecord,
    RecordImportProblem,
    export_records,
    local_time,
    merge_record,
    parse_records,
)
from briefer.store.local_records import LocalRecordStore
from briefer.store.notes import NoteSaveError, NoteStore
from briefer.store.saved_briefings import SavedBriefingStore

EXPORT_FORMAT = "briefer-notes"
EXPORT_VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
BRIEFINGS_KEY = "briefings"


class NoteImportError(StoreError):
    """A notes file that cannot be imported; nothing was changed."""


@dataclass(frozen=True)
class ImportReport:
    added: int
    updated: int
    kept_newer: int
    unchanged: int
    history_added: int = 0
    records_added: int = 0
    records_updated: int = 0
    records_kept_newer: int = 0
    records_unchanged: int = 0
    briefings_added: int = 0
    briefings_already_here: int = 0

    @property
    def sentence(self) -> str:
        notes = (
            f"{self.added} added, {self.updated} updated, {self.unchanged} already up to date, "
            f"{self.kept_newer} kept because the note here is newer; "
            f"{self.history_added} earlier text(s) added to the notes' history"
        )
        records = (
            self.records_added,
            self.records_updated,
            self.records_unchanged,
            self.records_kept_newer,
        )
        if any(records):
            notes += (
                "; your records: {} added, {} updated, {} already up to date, {} kept because "
                "the record here is newer".format(*records)
            )
        if self.briefings_added or self.briefings_already_here:
            notes += (
                f"; saved briefings: {self.briefings_added} added, "
                f"{self.briefings_already_here} already here"
            )
        return notes


@dataclass(frozen=True)
class Revision:
    body: str
    tags: tuple[str, ...]
    saved_utc: str


@dataclass(frozen=True)
class Incoming:
    """One validated note of an export, with its history (oldest first)."""

    note: Note
    updated: datetime
    history: tuple[Revision, ...]


def export_data(
    store: NoteStore,
    records: LocalRecordStore | None = None,
    briefings: SavedBriefingStore | None = None,
) -> dict[str, Any]:
    """Every note and its history, every record of the analyst's own with its history, and
    every saved briefing."""
    notes = []
    for note in store.all():
        revisions = [
            {"revision": r.revision, "body": r.body, "tags": list(r.tags), "saved_utc": r.saved_utc}
            for r in store.revisions(note.id)
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
    own = export_records(records) if records is not None else []
    saved = [saved_data(b) for b in briefings.all()] if briefings is not None else []
    data: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "version": 3 if saved else 2 if own else 1,
        "exported_utc": utc_now(),
        "notes": notes,
    }
    if own:
        data[RECORDS_KEY] = own
    if saved:
        data[BRIEFINGS_KEY] = saved
    return data


def import_data(store: NoteStore, data: Any) -> ImportReport:
    """Merge notes by record and the analyst's own records by id; all or nothing.

    Raises:
        NoteImportError: the data is not a valid Briefer notes export; nothing was changed.
        NoteSaveError: the database could not be written; nothing was changed.
    """
    incoming = parse_export(data)
    own = _parse_records(data)
    saved = _parse_briefings(data)
    counts = dict.fromkeys(("added", "updated", "kept_newer", "unchanged", "history_added"), 0)
    with store.transaction() as conn:
        for item in incoming:
            outcome, history = _merge(store, item)
            counts[outcome] += 1
            counts["history_added"] += history
        records = LocalRecordStore(conn, store.session)  # same connection: same transaction
        for record in own:
            outcome, _history = _merge_record(records, record)
            counts[f"records_{outcome}"] = counts.get(f"records_{outcome}", 0) + 1
        counts["briefings_added"] = SavedBriefingStore(conn).merge(saved)
    counts["briefings_already_here"] = len(saved) - counts["briefings_added"]
    return ImportReport(**counts)


def _parse_briefings(data: dict[str, Any]) -> list[SavedBriefing]:
    entries = data.get(BRIEFINGS_KEY, [])
    if not isinstance(entries, list):
        raise NoteImportError("the export's briefings are not a list")
    try:
        parsed = [saved_of(entry, f"briefing {n}") for n, entry in enumerate(entries, 1)]
    except BriefingDataError as problem:
        raise NoteImportError(str(problem)) from None
    if len({b.id for b in parsed}) < len(parsed):
        raise NoteImportError("the export holds the same briefing twice")
    return parsed


def _parse_records(data: dict[str, Any]) -> list[IncomingRecord]:
    if RECORDS_KEY not in data:
        return []
    try:
        return parse_records(data[RECORDS_KEY], datetime.now(UTC))
    except RecordImportProblem as problem:
        raise NoteImportError(str(problem)) from None


def _merge_record(records: LocalRecordStore, item: IncomingRecord) -> tuple[str, int]:
    try:
        return merge_record(records, item)
    except RecordImportProblem as problem:
        raise NoteImportError(str(problem)) from None


def _merge(store: NoteStore, item: Incoming) -> tuple[str, int]:
    note = item.note
    local = store.by_entity(note.entity_kind, note.entity_id)
    if local is None:
        fresh = note if store.get(note.id) is None else replace(note, id=uuid.uuid4().hex)
        store.insert_note(fresh)
        return "added", _add_history(store, fresh, item.history)
    added = _add_history(store, local, item.history)
    if (local.body, local.tags) == (note.body, note.tags):
        return "unchanged", added
    if item.updated > local_time(local.updated_utc):
        store.replace_text(local, note.body, note.tags, "import")
        return "updated", added
    added += store.add_history(local, note.body, note.tags, note.updated_utc)
    return "kept_newer", added


def _add_history(store: NoteStore, note: Note, history: tuple[Revision, ...]) -> int:
    return sum(store.add_history(note, r.body, r.tags, r.saved_utc) for r in history)


# validation ---------------------------------------------------------------------------
_REQUIRED = ("id", "entity_kind", "entity_id", "body", "created_utc", "updated_utc")


def parse_export(data: Any) -> list[Incoming]:
    """Validate a whole export before anything is written; the first fault is reported."""
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise NoteImportError('not a Briefer notes export (no "format": "briefer-notes")')
    version = data.get("version")
    if type(version) is not int or version not in READABLE_VERSIONS:
        raise NoteImportError(f"unsupported notes export version {version!r}")
    entries = data.get("notes")
    if not isinstance(entries, list):
        raise NoteImportError("the export has no list of notes")
    now = datetime.now(UTC)
    parsed = [_entry(entry, position, now) for position, entry in enumerate(entries, start=1)]
    seen: set[tuple[str, str]] = set()
    for position, item in enumerate(parsed, start=1):
        key = (item.note.entity_kind, item.note.entity_id)
        if key in seen:
            raise NoteImportError(f"note {position}: a second note on the same record")
        seen.add(key)
    return parsed


def _entry(entry: Any, position: int, now: datetime) -> Incoming:
    where = f"note {position}"
    if not isinstance(entry, dict):
        raise NoteImportError(f"{where} is not an object")
    missing = [key for key in _REQUIRED if not isinstance(entry.get(key), str)]
    if missing:
        raise NoteImportError(f"{where} lacks text field(s): {', '.join(missing)}")
    for key in _REQUIRED:
        _check_text(entry[key], f"{where}, {key}")
    tags = _tags(entry.get("tags", []), where)
    problem = size_problem(entry["body"])
    if problem:
        raise NoteImportError(f"{where}: {problem}")
    created = _time(entry["created_utc"], f"{where}, created_utc", now)
    updated = _time(entry["updated_utc"], f"{where}, updated_utc", now)
    note = Note(
        entry["id"],
        entry["entity_kind"],
        entry["entity_id"],
        entry["body"],
        tags,
        format_utc(created),
        format_utc(updated),
        1,
    )
    return Incoming(note, updated, _history(entry.get("revisions", []), where, now))


def _history(revisions: Any, where: str, now: datetime) -> tuple[Revision, ...]:
    if not isinstance(revisions, list):
        raise NoteImportError(f"{where}: revisions must be a list")
    kept = []
    for number, revision in enumerate(revisions, start=1):
        place = f"{where}, revision {number}"
        if not isinstance(revision, dict) or not isinstance(revision.get("body"), str):
            raise NoteImportError(f"{place} has no text body")
        _check_text(revision["body"], place)
        problem = size_problem(revision["body"])
        if problem:
            raise NoteImportError(f"{place}: {problem}")
        saved = format_utc(_time(revision.get("saved_utc"), f"{place}, saved_utc", now))
        kept.append(Revision(revision["body"], _tags(revision.get("tags", []), place), saved))
    return tuple(sorted(kept, key=lambda r: r.saved_utc))


def _tags(tags: Any, where: str) -> tuple[str, ...]:
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise NoteImportError(f"{where}: tags must be a list of strings")
    for tag in tags:
        _check_text(tag, f"{where}, tags")
    return tuple(tags)


def _check_text(text: str, where: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise NoteImportError(f"{where} holds text that is not valid Unicode") from None


def _time(text: Any, where: str, now: datetime) -> datetime:
    try:
        return parse_utc(text, now)
    except ValueError as error:
        raise NoteImportError(f"{where}: {error}") from None


__all__ = ["ImportReport", "NoteImportError", "NoteSaveError", "export_data", "import_data"]
