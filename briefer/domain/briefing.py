"""A composed one-page briefing: plain data that the PDF renderer lays out and nothing else."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefer.domain.records import EntityRef, Source

TEMPLATES = ("overview", "launch", "comparison", "sanctions", "scenario")
PAGE_SIZES = ("letter", "a4")
DEFAULT_BANNER = "UNCLASSIFIED"
FIRST_FLIGHT = "first_flight"  # a timeline mark's kind: a compared system's first flight


JUDGMENT_CONFIDENCE = ("high", "moderate", "low")
_CONFIDENCE_TOKEN = re.compile(r"\s*\[(high|moderate|low)\]\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Cited:
    """A line of text and the sources behind it (ids into ``Briefing.sources``); a key
    judgment may carry the analyst's confidence in it, kept apart from its likelihood words."""

    text: str
    sources: tuple[str, ...] = ()
    confidence: str = ""  # high, moderate or low; '' when none was given
    every_source: bool = False  # cite them all (one per compared system), not the first few

    @property
    def confidence_text(self) -> str:
        """`` (moderate confidence)``, printed after the judgment and its sources."""
        return f" ({self.confidence} confidence)" if self.confidence else ""


def split_confidence(line: str) -> tuple[str, str]:
    """``"Launch likely within weeks [moderate]"`` -> ``("Launch likely within weeks",
    "moderate")``: how the compose dialog's judgment lines carry a confidence level."""
    found = _CONFIDENCE_TOKEN.search(line)
    if found is None:
        return line.strip(), ""
    return line[: found.start()].strip(), found.group(1).lower()


def with_confidence(line: str, level: str) -> str:
    """The judgment line with its confidence token set to ``level`` ('' removes it)."""
    text, _old = split_confidence(line)
    return f"{text} [{level}]" if level else text


@dataclass(frozen=True)
class Fact:
    """One fact a page rests on, as it stood when the page was made: a launch's date and
    outcome, a provision's status, a figure in the comparison, the drafted text."""

    key: str  # stable across datasets: "launch_attempt:l-2023-11", "provision:2270-op6", …
    label: str
    value: str


@dataclass(frozen=True)
class TimelineMark:
    date_utc: str
    label: str
    kind: str  # satellite_launch, or an event category
    outcome: str  # success, failure, partial, unknown, none
    local: bool = False  # the analyst's own record, not the dataset's
    ref: EntityRef | None = None  # the record it marks (a system, for a first flight)


@dataclass(frozen=True)
class MapInset:
    """A small map for the launch brief: land, the launch's notified zones, path, debris and
    site, all in degrees (longitude, latitude), with the line of text that says what it shows."""

    bounds: tuple[float, float, float, float]  # west, south, east, north
    land: tuple[tuple[tuple[float, float], ...], ...]
    zones: tuple[tuple[tuple[float, float], ...], ...]
    sites: tuple[tuple[float, float, str], ...]  # longitude, latitude, name
    summary: str
    tracks: tuple[tuple[tuple[float, float], ...], ...] = ()  # reported or implied paths
    debris: tuple[tuple[float, float], ...] = ()  # where stages fell or were recovered


@dataclass(frozen=True)
class ComparisonTable:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Briefing:
    """Everything on the page, in priority order within each section."""

    template: str
    title: str
    date: str
    as_of: str
    author: str
    banner: str
    page_size: str
    bluf: str
    judgments: tuple[Cited, ...]
    timeline: tuple[TimelineMark, ...]
    comparison: ComparisonTable | None
    provisions: tuple[Cited, ...]
    notes: tuple[Cited, ...]
    sources: dict[str, Source] = field(default_factory=dict)
    dataset_version: str = ""
    generated_utc: str = ""
    date_zone: str = ""  # named when ``date`` may not be the UTC day of ``generated_utc``
    coverage_through: str = ""  # events checked against sources through this date
    keywords: tuple[str, ...] = ()
    provision_ids: tuple[str, ...] = ()  # the records behind ``provisions``, in the same order
    facts: tuple[Fact, ...] = ()  # what the draft rested on, to say later what changed since
    inset: MapInset | None = None  # the launch brief's map

    @property
    def analyst_items(self) -> int:
        """How many of the analyst's own records the briefing uses (the footer says so)."""
        return sum(mark.local for mark in self.timeline)


def analyst_items_text(count: int) -> str:
    """``includes 1 analyst-entered item``: the footer's warning that not all is the dataset."""
    return f"includes {count} analyst-entered item{'' if count == 1 else 's'}" if count else ""
