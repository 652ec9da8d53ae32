"""The analyst's own records in a notes export: written with their history, read back
validated whole, merged by id so that an older record never replaces a newer one (it joins
the history instead)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from briefer.domain.local_records import (
    CONTENT_FIELDS,
    LocalRecord,
    LocalRecordContent,
    LocalRecordRevision,
    RecordState,
    RevisionKind,
    is_local,
    is_local_id,
)
from briefer.domain.local_rules import problems_of
from briefer.domain.note_rules import format_utc, parse_utc
from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import EntityKind
from briefer.store.local_records import LocalRecordStore

RECORDS_KEY = "local_records"


class RecordImportProblem(ValueError):
    """One thing wrong with the records of an export; the message names where."""


@dataclass(frozen=True)
class IncomingRecord:
    record: LocalRecord
    updated: datetime
    history: tuple[LocalRecordRevision, ...]  # oldest first


# writing ------------------------------------------------------------------------------
def export_records(store: LocalRecordStore) -> list[dict[str, Any]]:
    return [
        {
            "id": record.id,
            "content": _content_dict(record.content),
            "created_utc": record.created_utc,
            "updated_utc": record.updated_utc,
            "state": record.state,
            "retired_for": _ref_dict(record.retired_for),
            "revisions": [
                {
                    "revision": revision.revision,
                    "kind": revision.kind,
                    "state": revision.state,
                    "retired_for": _ref_dict(revision.retired_for),
                    "content": _content_dict(revision.content),
                    "saved_utc": revision.saved_utc,
                }
                for revision in store.revisions(record.id)
            ],
        }
        for record in store.all()
    ]


def _content_dict(content: LocalRecordContent) -> dict[str, Any]:
    values = {name: getattr(content, name) for name in CONTENT_FIELDS}
    values["actors"] = list(content.actors)
    return values


def _ref_dict(ref: EntityRef | None) -> dict[str, str] | None:
    return {"kind": ref.kind, "id": ref.id} if ref else None


# merging ------------------------------------------------------------------------------
def merge_record(store: LocalRecordStore, item: IncomingRecord) -> tuple[str, int]:
    """Merge one record inside the caller's transaction; returns what happened and how many
    earlier versions joined its history."""
    incoming = item.record
    local = store.get(incoming.id)
    if local is None:
        store.insert(incoming, RevisionKind.IMPORT)
        return "added", sum(store.add_history(incoming, r) for r in item.history)
    if local.content.kind != incoming.content.kind:
        raise RecordImportProblem(f"record {incoming.id} is a {local.content.kind} here")
    added = sum(store.add_history(local, r) for r in item.history)
    if _state(local) == _state(incoming):
        return "unchanged", added
    if item.updated > local_time(local.updated_utc):
        kind = RevisionKind.IMPORT
        store.write(local, incoming.content, kind, incoming.state, incoming.retired_for)
        return "updated", added
    current = LocalRecordRevision(
        incoming.id, 0, 0, RevisionKind.IMPORT, incoming.state, incoming.content,
        incoming.updated_utc,
    )  # fmt: skip
    return "kept_newer", added + store.add_history(local, current)


def _state(record: LocalRecord) -> tuple[object, ...]:
    return record.content, record.state, record.retired_for


def local_time(text: str) -> datetime:
    """A stored time, ahead of this clock or not; one that is not a time (stored by an older
    Briefer) counts as newest, so an import never replaces the text on its strength."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return datetime.max.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# validation ---------------------------------------------------------------------------
def parse_records(entries: Any, now: datetime) -> list[IncomingRecord]:
    """Every record of an export, validated before anything is written.

    Raises:
        RecordImportProblem: the first fault, naming the record.
    """
    if not isinstance(entries, list):
        raise RecordImportProblem(f'"{RECORDS_KEY}" must be a list')
    parsed = [_entry(entry, f"record {n}", now) for n, entry in enumerate(entries, start=1)]
    seen: set[str] = set()
    for position, item in enumerate(parsed, start=1):
        if item.record.id in seen:
            raise RecordImportProblem(f"record {position}: a second record with the same id")
        seen.add(item.record.id)
    return parsed


def _entry(entry: Any, where: str, now: datetime) -> IncomingRecord:
    if not isinstance(entry, dict):
        raise RecordImportProblem(f"{where} is not an object")
    record_id = entry.get("id")
    if not isinstance(record_id, str) or not is_local_id(record_id):
        raise RecordImportProblem(f"{where}: id must be 'local-' and 32 hexadecimal digits")
    content = _content(entry.get("content"), where)
    created = _time(entry.get("created_utc"), f"{where}, created_utc", now)
    updated = _time(entry.get("updated_utc"), f"{where}, updated_utc", now)
    state, retired = _state_of(entry, where)
    record = LocalRecord(
        record_id, content, format_utc(created), format_utc(updated), 1, state, retired
    )
    history = _history(record_id, entry.get("revisions", []), where, now)
    return IncomingRecord(record, updated, history)


def _history(
    record_id: str, revisions: Any, where: str, now: datetime
) -> tuple[LocalRecordRevision, ...]:
    if not isinstance(revisions, list):
        raise RecordImportProblem(f"{where}: revisions must be a list")
    kept = []
    for number, revision in enumerate(revisions, start=1):
        place = f"{where}, revision {number}"
        if not isinstance(revision, dict):
            raise RecordImportProblem(f"{place} is not an object")
        content = _content(revision.get("content"), place)
        saved = format_utc(_time(revision.get("saved_utc"), f"{place}, saved_utc", now))
        kind = RevisionKind.IMPORT
        kept.append(LocalRecordRevision(record_id, 0, 0, kind, RecordState.LIVE, content, saved))
    return tuple(sorted(kept, key=lambda r: r.saved_utc))


def _content(values: Any, where: str) -> LocalRecordContent:
    if not isinstance(values, dict) or set(values) != set(CONTENT_FIELDS):
        raise RecordImportProblem(f"{where}: content must have exactly the fields of a record")
    actors = values["actors"]
    if not isinstance(actors, list) or not all(isinstance(a, str) for a in actors):
        raise RecordImportProblem(f"{where}: actors must be a list of codes")
    others = {name: values[name] for name in CONTENT_FIELDS if name != "actors"}
    if not all(isinstance(v, str) or (k == "source_url" and v is None) for k, v in others.items()):
        raise RecordImportProblem(f"{where}: every field but actors must be text")
    content = LocalRecordContent(**others, actors=tuple(actors))
    problems = problems_of(content)
    if problems:
        raise RecordImportProblem(f"{where}: {problems[0]}")
    return content


def _state_of(entry: dict[str, Any], where: str) -> tuple[str, EntityRef | None]:
    state = entry.get("state", RecordState.LIVE)
    if state not in tuple(RecordState):
        raise RecordImportProblem(f"{where}: state must be live, deleted or retired")
    retired = entry.get("retired_for")
    if state != RecordState.RETIRED:
        return state, None
    if not isinstance(retired, dict) or not all(
        isinstance(retired.get(key), str) and retired[key] for key in ("kind", "id")
    ):
        raise RecordImportProblem(f"{where}: a retired record names the record that replaced it")
    if retired["kind"] not in tuple(EntityKind):
        raise RecordImportProblem(f"{where}: retired_for names no kind of record Briefer has")
    ref = EntityRef(retired["kind"], retired["id"])
    if is_local(ref):
        raise RecordImportProblem(f"{where}: it is retired in favour of another record of yours")
    return state, ref


def _time(text: Any, where: str, now: datetime) -> datetime:
    try:
        return parse_utc(text, now)
    except ValueError as error:
        raise RecordImportProblem(f"{where}: {error}") from None
