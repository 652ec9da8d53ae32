"""A date axis in UTC for epoch seconds: calendar ticks (years, months or days) spaced for the
room the axis has. pyqtgraph's DateAxisItem converts every tick through local time with
QDateTime, which loads the time-zone database on first paint; the timeline's dates are UTC."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pyqtgraph as pg

DAY = 86400.0
LENGTH = {"day": DAY, "month": 30.44 * DAY, "year": 365.25 * DAY}
STEPS = (
    ("day", 1),
    ("day", 7),
    ("month", 1),
    ("month", 3),
    ("month", 6),
    ("year", 1),
    ("year", 2),
    ("year", 5),
    ("year", 10),
    ("year", 25),
    ("year", 50),
    ("year", 100),
)
ROOM_PX = {"day": 56, "month": 66, "year": 42}  # a label and a gap
FORMATS = {"day": "%d %b", "month": "%b %Y", "year": "%Y"}  # a day's leading zero is dropped
FIRST_YEAR, LAST_YEAR = 1, 9998


def step_for(span_s: float, width_px: float) -> tuple[str, int]:
    """The finest calendar step whose ticks are at least a label apart."""
    for unit, count in STEPS:
        if width_px * LENGTH[unit] * count / span_s >= ROOM_PX[unit]:
            return unit, count
    return STEPS[-1]


def _when(seconds: float) -> datetime:
    year = int(1970 + seconds / LENGTH["year"])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise OverflowError(seconds)
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds)


def ticks(low: float, high: float, unit: str, count: int) -> Iterator[float]:
    """Epoch seconds of the calendar boundaries every ``count`` ``unit`` from ``low`` to
    ``high`` (years that are multiples of ``count``, months counted from January)."""
    start = _when(low)
    if unit == "year":
        year = start.year - start.year % count
        months = year * 12
    elif unit == "month":
        months = start.year * 12 + (start.month - 1)
        months -= months % count
    else:  # days, weeks from a Monday (the epoch was a Thursday): ticks stay put when panning
        origin = 4 * DAY if count == 7 else 0.0
        width = count * DAY
        value = origin + math.floor((low - origin) / width) * width
        while value <= high:
            if value >= low:
                yield value
            value += width
        return
    step = 12 * count if unit == "year" else count
    while True:
        year, month = divmod(months, 12)
        if year > LAST_YEAR:
            return
        value = datetime(year, month + 1, 1, tzinfo=UTC).timestamp()
        if value > high:
            return
        if value >= low:
            yield value
        months += step


class UtcDateAxis(pg.AxisItem):
    """Calendar ticks in UTC; one level of labelled ticks, as many as the width allows."""

    def __init__(self, orientation: str = "bottom", **kwargs: Any) -> None:
        super().__init__(orientation, **kwargs)
        self._unit = "year"

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[Any]:
        if not maxVal > minVal or size <= 0:
            return []
        unit, count = step_for(maxVal - minVal, size)
        self._unit = unit
        try:
            values = list(ticks(minVal, maxVal, unit, count))
        except (OverflowError, ValueError):
            return []
        return [(LENGTH[unit] * count, values)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        form = FORMATS[self._unit]
        out = []
        for value in values:
            try:
                out.append(_when(value).strftime(form).removeprefix("0"))
            except (OverflowError, ValueError):
                out.append("")
        return out
