"""The analyst's own records: events and launch attempts entered in Briefer for news that no
data pack has yet. They live in the user database beside the notes, never in the reference
dataset, and use the dataset's vocabularies."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date
from enum import StrEnum

from briefer.domain import dates
from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import EntityKind

LOCAL_ID_PREFIX = "local-"
LOCAL_KINDS: tuple[str, ...] = (EntityKind.EVENT, EntityKind.LAUNCH_ATTEMPT)
MATCH_WITHIN_DAYS = 1
_LOCAL_ID = re.compile(r"local-[0-9a-f]{32}")


class RecordState(StrEnum):
    LIVE = "live"
    DELETED = "deleted"  # kept with its history, restorable, not listed
    RETIRED = "retired"  # an official record now covers it (``retired_for``)


class RevisionKind(StrEnum):
    """Why a revision was written; every write of a record adds one."""

    ADD = "add"
    EDIT = "edit"
    MERGE = "merge"  # an edit from an older version, combined with the newer one
    CONFLICT = "conflict"  # an edit that met a newer one on the same fields: kept, not applied
    DELETE = "delete"
    RESTORE = "restore"
    RETIRE = "retire"
    IMPORT = "import"


@dataclass(frozen=True)
class LocalRecordContent:
    """What the analyst entered. ``date_utc`` is always a full ISO date: the first day of the
    month or year when ``date_precision`` says only that much is known. Launch attempts are in
    category ``satellite_launch`` and alone have a vehicle, payload, site and outcome."""

    kind: str
    date_utc: str
    date_precision: str
    category: str
    title: str
    summary: str
    actors: tuple[str, ...]
    source: str
    source_url: str | None
    confidence: str
    vehicle: str = ""
    payload: str = ""
    site: str = ""
    outcome: str = ""

    @property
    def is_launch(self) -> bool:
        return self.kind == EntityKind.LAUNCH_ATTEMPT

    @property
    def span(self) -> tuple[date, date]:
        """The first and last day the date can mean, at its precision."""
        return dates.span_of(self.date_utc, self.date_precision)

    @property
    def when(self) -> str:
        """The date as precisely as it is known: ``2024-05-27``, ``2024-05`` or ``2024``."""
        return self.date_utc[: {"year": 4, "month": 7}.get(self.date_precision, 10)]


CONTENT_FIELDS: tuple[str, ...] = tuple(field.name for field in fields(LocalRecordContent))


@dataclass(frozen=True)
class LocalRecord:
    """One of the analyst's own records with its state; ``version`` orders its edits."""

    id: str
    content: LocalRecordContent
    created_utc: str
    updated_utc: str
    version: int = 1  # bumped by every write; an edit names the version it was based on
    state: str = RecordState.LIVE
    retired_for: EntityRef | None = None

    @property
    def ref(self) -> EntityRef:
        return EntityRef(self.content.kind, self.id)

    @property
    def is_live(self) -> bool:
        return self.state == RecordState.LIVE


@dataclass(frozen=True)
class LocalRecordRevision:
    """One saved version of an analyst's record, as History… lists it."""

    record_id: str
    revision: int
    version: int  # the version this content became (a conflict: the version it was edited from)
    kind: str
    state: str
    content: LocalRecordContent
    saved_utc: str
    retired_for: EntityRef | None = None


def new_local_id() -> str:
    import uuid  # imported on first use: it is not needed to open the window

    return f"{LOCAL_ID_PREFIX}{uuid.uuid4().hex}"


def is_local_id(text: str) -> bool:
    return bool(_LOCAL_ID.fullmatch(text))


def is_local(ref: EntityRef) -> bool:
    return ref.kind in LOCAL_KINDS and is_local_id(ref.id)


def merge_contents(
    base: LocalRecordContent, mine: LocalRecordContent, theirs: LocalRecordContent
) -> tuple[LocalRecordContent, tuple[str, ...]]:
    """Mine and theirs, both edited from ``base``: each field takes the side that changed it.

    Returns the merge and the fields both changed differently (mine is kept there). The date
    and its precision are one field: half of one edit and half of another is no date at all.
    """
    merged: dict[str, object] = {}
    clashes: list[str] = []
    for names in _MERGE_UNITS:
        b, m, t = ([getattr(side, name) for name in names] for side in (base, mine, theirs))
        if m != b and t != b and m != t:
            clashes.append(names[0])
        chosen = t if m == b else m
        merged.update(zip(names, chosen, strict=True))
    return replace(mine, **merged), tuple(clashes)  # type: ignore[arg-type]


_MERGE_UNITS: tuple[tuple[str, ...], ...] = (
    ("date_utc", "date_precision"),
    *((name,) for name in CONTENT_FIELDS if name not in ("kind", "date_utc", "date_precision")),
)


def days_apart(first: tuple[date, date], second: tuple[date, date]) -> int:
    """Days between two spans of dates (0 when they overlap)."""
    if first[1] < second[0]:
        return (second[0] - first[1]).days
    if second[1] < first[0]:
        return (first[0] - second[1]).days
    return 0
