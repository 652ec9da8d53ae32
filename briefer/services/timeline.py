"""The timeline: every dated record as one item, lanes, filters and derived series."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, time
from typing import TYPE_CHECKING

from briefer.domain import dates
from briefer.domain.local_records import LocalRecord
from briefer.domain.records import EntityRef, LaunchAttempt, TimelineEvent
from briefer.domain.vocabulary import Category, EntityKind
from briefer.store.errors import StoreError
from briefer.store.reference import ReferenceStore

if TYPE_CHECKING:
    from briefer.services.local_records import LocalRecordsService

DAY = 86400.0
LANES: tuple[str, ...] = (
    Category.SATELLITE_LAUNCH,
    Category.SPACE_PROGRAMME,
    Category.MISSILE_TEST,
    Category.NUCLEAR_TEST,
    Category.MILITARY_COOPERATION,
    Category.DIPLOMACY,
    Category.SANCTIONS,
    Category.RESPONSE,
    Category.ASSESSMENT,
)
NO_OUTCOME = "none"


@dataclass(frozen=True)
class TimelineItem:
    """One thing on the timeline: a point (with its uncertainty span) or a period."""

    ref: EntityRef
    category: str
    title: str
    date_utc: str
    precision: str
    start: float
    end: float
    outcome: str
    actors: tuple[str, ...]
    confidence: str
    summary: str
    local: bool = False  # the analyst's own record, not the dataset's: drawn apart

    @property
    def is_period(self) -> bool:
        return self.category == Category.PERIOD

    @property
    def is_fuzzy(self) -> bool:
        """Known only to the month or year: drawn as a span, never as an exact day."""
        return self.precision != "day" and not self.is_period

    @property
    def middle(self) -> float:
        return (self.start + self.end) / 2 if self.is_fuzzy else self.start


@dataclass(frozen=True)
class TimelineFilter:
    """What the analyst asked to see; empty sets mean 'all'."""

    categories: frozenset[str] = frozenset()
    outcomes: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    start: date | None = None
    end: date | None = None
    text: str = ""
    only: frozenset[EntityRef] | None = None  # these records alone (new since a dataset)

    def accepts(self, item: TimelineItem) -> bool:
        if self.only is not None and item.ref not in self.only:
            return False
        if self.categories and item.category not in self.categories:
            return False
        if self.outcomes and item.outcome not in self.outcomes:
            return False
        if self.actors and not self.actors.intersection(item.actors):
            return False
        if self.start and item.end < dates.epoch_seconds(self.start):
            return False
        if self.end and item.start > dates.epoch_seconds(self.end) + DAY:
            return False
        needle = self.text.strip().casefold()
        return not needle or needle in f"{item.title} {item.summary}".casefold()


@dataclass(frozen=True)
class CumulativeSeries:
    """Step series of launch attempts and successes over time, from the launch rows."""

    times: tuple[float, ...] = ()
    attempts: tuple[int, ...] = ()
    successes: tuple[int, ...] = ()


@dataclass
class Timeline:
    """Every item the timeline can show, in date order."""

    items: list[TimelineItem] = field(default_factory=list)
    notice: str = ""  # e.g. that the analyst's own records could not be read

    @property
    def local_count(self) -> int:
        return sum(item.local for item in self.items)

    def filtered(self, wanted: TimelineFilter) -> list[TimelineItem]:
        return [item for item in self.items if wanted.accepts(item)]

    def actors(self) -> list[str]:
        return sorted({actor for item in self.items for actor in item.actors})

    def milestones(self) -> list[TimelineItem]:
        """Launch attempts and diplomacy, the usual places to jump to."""
        wanted = {Category.SATELLITE_LAUNCH, Category.DIPLOMACY}
        return [item for item in self.items if item.category in wanted]


def _launch_item(launch: LaunchAttempt) -> TimelineItem:
    day = date.fromisoformat(launch.date_utc)
    clock = dates.parse_time(launch.time_utc) if launch.time_utc else time(12, 0)
    moment = dates.epoch_seconds(day, clock)
    title = f"{launch.vehicle} / {launch.payload}" if launch.payload else launch.vehicle
    return TimelineItem(
        ref=EntityRef(EntityKind.LAUNCH_ATTEMPT, launch.id),
        category=Category.SATELLITE_LAUNCH,
        title=title,
        date_utc=launch.date_utc,
        precision="day",
        start=moment,
        end=moment,
        outcome=launch.outcome,
        actors=("PRK",),
        confidence=launch.confidence,
        summary=launch.summary,
    )


def _event_item(event: TimelineEvent, until: date) -> TimelineItem:
    first, last = dates.span_of(event.date_utc, event.date_precision)
    if event.end_date_utc:
        end_precision = dates.precision_of(event.end_date_utc) or "day"
        last = dates.span_of(event.end_date_utc, end_precision)[1]
    elif event.category == Category.PERIOD:
        last = until
    start = dates.epoch_seconds(first)
    is_point = event.date_precision == "day" and not event.end_date_utc
    is_point = is_point and event.category != Category.PERIOD
    kind = EntityKind.RESOLUTION if event.id.startswith("unsc-res-") else EntityKind.EVENT
    return TimelineItem(
        ref=EntityRef(kind, event.id.removeprefix("unsc-res-")),
        category=event.category,
        title=event.title,
        date_utc=event.date_utc,
        precision=event.date_precision,
        start=start,
        end=start if is_point else dates.epoch_seconds(last) + DAY,
        outcome=NO_OUTCOME,
        actors=event.actors,
        confidence=event.confidence,
        summary=event.summary,
    )


def local_item(record: LocalRecord) -> TimelineItem:
    """One of the analyst's records on the timeline, in its category's lane; a launch without
    a known time sits at noon, as the dataset's do."""
    content = record.content
    first, last = content.span
    exact = content.date_precision == "day"
    start = dates.epoch_seconds(first, time(12, 0) if exact and content.is_launch else None)
    return TimelineItem(
        ref=record.ref,
        category=content.category,
        title=content.title,
        date_utc=content.date_utc,
        precision=content.date_precision,
        start=start,
        end=start if exact else dates.epoch_seconds(last) + DAY,
        outcome=content.outcome if content.is_launch else NO_OUTCOME,
        actors=content.actors,
        confidence=content.confidence,
        summary=content.summary,
        local=True,
    )


class TimelineService:
    def __init__(self, store: ReferenceStore, local: LocalRecordsService | None = None) -> None:
        self._store = store
        self._local = local

    def timeline(self) -> Timeline:
        """Every launch attempt, event, period and resolution, and the analyst's own records
        in use, in date order."""
        until = date.fromisoformat(self._store.dataset_info().as_of)
        launches = {launch.id: launch for launch in self._store.launch_attempts()}
        items = [
            _launch_item(launches[event.id]) if event.id in launches else _event_item(event, until)
            for event in self._store.timeline_events()
        ]
        notice = ""
        try:
            items += [local_item(record) for record in self._local.records()] if self._local else []
        except StoreError as error:  # the dataset is still worth showing
            logging.getLogger(__name__).warning("records of yours left out: %s", error)
            notice = f"Your own records could not be read: {error}"
        items.sort(key=lambda item: (item.start, item.ref.id))
        return Timeline(items, notice)


def cumulative(items: Iterable[TimelineItem]) -> CumulativeSeries:
    """The dataset's launch attempts counted over time; the analyst's own are left out, as
    every count of the dataset leaves them out."""
    launches = sorted(
        (i for i in items if i.category == Category.SATELLITE_LAUNCH and not i.local),
        key=lambda i: i.start,
    )
    successes = 0
    times, attempt_counts, success_counts = [], [], []
    for attempts, item in enumerate(launches, start=1):
        successes += item.outcome == "success"
        times.append(item.start)
        attempt_counts.append(attempts)
        success_counts.append(successes)
    return CumulativeSeries(tuple(times), tuple(attempt_counts), tuple(success_counts))
