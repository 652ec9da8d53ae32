"""The analyst's own records, for the window and the command line: what was typed checked
and stored, edited with history, deleted and restored, and, once a data pack brings the same
record, matched with it and retired in its favour."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from briefer.domain import dates
from briefer.domain.local_records import (
    MATCH_WITHIN_DAYS,
    LocalRecord,
    LocalRecordContent,
    LocalRecordRevision,
    days_apart,
    is_local,
)
from briefer.domain.local_rules import form_values, parse_content
from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import Category, EntityKind
from briefer.services.titles import RESOLUTION_EVENT_PREFIX, launch_title, record_titles
from briefer.store.local_records import (
    LocalRecordConflict,
    LocalRecordError,
    LocalRecordInvalid,
    LocalRecordStore,
    Retirement,
)
from briefer.store.reference import ReferenceStore
from briefer.store.user_db import UserStore

__all__ = [
    "LocalMatch",
    "LocalRecordConflict",
    "LocalRecordError",
    "LocalRecordInvalid",
    "LocalRecordsService",
    "OfficialMatch",
    "Retirement",
    "validate",
]


@dataclass(frozen=True)
class OfficialMatch:
    """A dataset record that may be the same as one of the analyst's."""

    ref: EntityRef
    title: str
    date_utc: str
    days_apart: int


@dataclass(frozen=True)
class LocalMatch:
    """One of the analyst's records and the dataset records that may now cover it."""

    record: LocalRecord
    candidates: tuple[OfficialMatch, ...]


def validate(kind: str, typed: Mapping[str, str], today: date | None = None) -> LocalRecordContent:
    """The content of a record from what the analyst typed, by field name.

    Raises:
        LocalRecordInvalid: one message per field at fault (``problems``), all in ``str()``.
    """
    content, problems = parse_content(kind, typed, today)
    if content is None:
        raise LocalRecordInvalid(problems)
    return content


class LocalRecordsService:
    """A store opened read-only (full disk, read-only folder) still lists the records; every
    write then raises ``LocalRecordError`` with the reason."""

    def __init__(self, user: UserStore, reference: ReferenceStore | None = None) -> None:
        self._user = user
        self._store = LocalRecordStore(user.connection)
        self._reference = reference  # to check what a record is retired in favour of

    @property
    def read_only_reason(self) -> str | None:
        return self._user.read_only_reason

    def data_version(self) -> int:
        """Changes whenever another window commits (polled to reload)."""
        return self._user.data_version()

    # reading ----------------------------------------------------------------------------
    def records(self) -> list[LocalRecord]:
        """The records in use (neither deleted nor retired), in date order."""
        return self._store.live()

    def all_records(self) -> list[LocalRecord]:
        return self._store.all()

    def get(self, record_id: str) -> LocalRecord | None:
        """Any record of the analyst's, deleted and retired ones included."""
        return self._store.get(record_id)

    def record_for(self, ref: EntityRef) -> LocalRecord | None:
        if not is_local(ref):
            return None
        record = self._store.get(ref.id)
        return record if record is not None and record.ref == ref else None

    def history(self, record_id: str) -> list[LocalRecordRevision]:
        """Every revision, newest first: adds, edits, merges, conflicts, deletes, retirements."""
        return self._store.revisions(record_id)

    @staticmethod
    def form_values(record: LocalRecord) -> dict[str, str]:
        """What an edit form starts from, by field name."""
        return form_values(record.content)

    # writing ----------------------------------------------------------------------------
    def create(self, kind: str, typed: Mapping[str, str]) -> LocalRecord:
        """A new event (``kind`` ``event``) or launch attempt (``launch_attempt``).

        Raises:
            LocalRecordInvalid: what was typed cannot make a record (``problems`` per field).
            LocalRecordError: read-only, or the disk refused; nothing was stored.
        """
        content = validate(kind, typed)
        self._check_writable()
        return self._store.add(content)

    def edit(self, record_id: str, typed: Mapping[str, str], base_version: int) -> LocalRecord:
        """Save an edit made from version ``base_version`` (the ``version`` the form loaded).

        Raises:
            LocalRecordConflict: another window changed the same fields, or deleted or retired
                the record, meanwhile; its state stays, the edit is in the history and on the
                error (``mine``), nothing typed is lost.
            LocalRecordInvalid, LocalRecordError: nothing was stored.
        """
        current = self._require(record_id)
        content = validate(current.content.kind, typed)
        self._check_writable()
        return self._store.edit(record_id, content, base_version)

    def delete(self, record_id: str) -> LocalRecord:
        """Set aside (no longer listed, restorable from the history)."""
        self._check_writable()
        return self._store.delete(record_id)

    def restore(self, record_id: str, revision: int) -> LocalRecord:
        """Make a revision current again (undoing a delete, a retirement or an edit)."""
        self._check_writable()
        return self._store.restore(record_id, revision)

    def retire(self, record_id: str, official: EntityRef) -> Retirement:
        """Retire the record in favour of ``official`` and move its note there (merged with a
        note already on it, both texts kept in the note's history).

        Raises:
            LocalRecordError: read-only, not a record in use, or ``official`` is not in the
                dataset in use; nothing was changed.
        """
        self._check_writable()
        if self._reference is not None and official not in record_titles(self._reference):
            raise LocalRecordError(
                f"{official.kind.replace('_', ' ')} {official.id[:60]!r} is not in the dataset "
                "in use; a record of yours is retired in favour of one that is"
            )
        return self._store.retire(record_id, official)

    def _check_writable(self) -> None:
        if self._user.read_only_reason:
            raise LocalRecordError(f"your records are read-only: {self._user.read_only_reason}")

    def _require(self, record_id: str) -> LocalRecord:
        record = self._store.get(record_id)
        if record is None:
            raise LocalRecordError(f"no record of yours has the id {record_id[:60]!r}")
        return record

    # after a dataset update -------------------------------------------------------------
    def matches(self, reference: ReferenceStore) -> list[LocalMatch]:
        """Each record in use with the dataset records that may be the same: the same
        category (a launch attempt with launch attempts) and a date within a day."""
        pools = _Pools(reference)
        found = []
        for record in self.records():
            candidates = pools.near(record.content)
            if candidates:
                found.append(LocalMatch(record, candidates))
        return found

    @staticmethod
    def candidates(record: LocalRecord, reference: ReferenceStore) -> tuple[OfficialMatch, ...]:
        """The dataset records that may be the same as ``record``, nearest first."""
        return _Pools(reference).near(record.content)


class _Pools:
    """The dataset's records as candidates: launch attempts, and events by category (with
    the precision of their dates)."""

    def __init__(self, reference: ReferenceStore) -> None:
        self.launches = [
            ("day", OfficialMatch(EntityRef(EntityKind.LAUNCH_ATTEMPT, launch.id),
                                  launch_title(launch), launch.date_utc, 0))
            for launch in reference.launch_attempts()
        ]  # fmt: skip
        self.events: dict[str, list[tuple[str, OfficialMatch]]] = {}
        for event in reference.timeline_events():
            if event.category in (Category.SATELLITE_LAUNCH, Category.PERIOD):
                continue
            official = OfficialMatch(_event_ref(event.id), event.title, event.date_utc, 0)
            self.events.setdefault(event.category, []).append((event.date_precision, official))

    def near(self, content: LocalRecordContent) -> tuple[OfficialMatch, ...]:
        """Candidates whose dates (spans at their precision) come within a day, nearest first."""
        pool = self.launches if content.is_launch else self.events.get(content.category, [])
        near = []
        for precision, official in pool:
            gap = days_apart(content.span, dates.span_of(official.date_utc, precision))
            if gap <= MATCH_WITHIN_DAYS:
                near.append(replace(official, days_apart=gap))
        return tuple(sorted(near, key=lambda m: (m.days_apart, m.date_utc, m.ref.id)))


def _event_ref(event_id: str) -> EntityRef:
    if event_id.startswith(RESOLUTION_EVENT_PREFIX):
        return EntityRef(EntityKind.RESOLUTION, event_id.removeprefix(RESOLUTION_EVENT_PREFIX))
    return EntityRef(EntityKind.EVENT, event_id)
