"""Pure rules for the dataset's dates: ISO parsing by precision and UTC/local consistency."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

_PATTERNS = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}
_OFFSET = re.compile(r"^([+-])(\d{2}):(\d{2})$")


def precision_of(text: str) -> str | None:
    """``day``, ``month`` or ``year`` for a well-formed partial ISO date, else None."""
    for precision, pattern in _PATTERNS.items():
        if pattern.match(text):
            return precision
    return None


def parse_partial_date(text: str) -> date:
    """The first day a partial ISO date can mean; raises ValueError for impossible dates."""
    precision = precision_of(text)
    if precision == "day":
        return date.fromisoformat(text)
    if precision == "month":
        return date.fromisoformat(f"{text}-01")
    if precision == "year":
        return date(int(text), 1, 1)
    raise ValueError(f"not an ISO date: {text!r}")


def parse_time(text: str) -> time:
    if not re.match(r"^\d{2}:\d{2}(:\d{2})?$", text):
        raise ValueError(f"not a HH:MM time: {text!r}")
    return time.fromisoformat(text)


def parse_utc_offset(text: str) -> timedelta:
    match = _OFFSET.match(text)
    if not match:
        raise ValueError(f"not a UTC offset like +09:00: {text!r}")
    sign, hours, minutes = match.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    if delta > timedelta(hours=14):
        raise ValueError(f"UTC offset out of range: {text!r}")
    return -delta if sign == "-" else delta


def local_datetime(date_utc: str, time_utc: str, utc_offset: str) -> datetime:
    """The local wall-clock time of a UTC instant under a fixed offset."""
    instant = datetime.combine(date.fromisoformat(date_utc), parse_time(time_utc))
    return instant + parse_utc_offset(utc_offset)


def local_date_is_plausible(date_utc: str, date_local: str) -> bool:
    """Without a time, the local date may only equal the UTC date or be a day either side."""
    gap = (date.fromisoformat(date_local) - date.fromisoformat(date_utc)).days
    return abs(gap) <= 1


def span_of(text: str, precision: str) -> tuple[date, date]:
    """The first and last day a date of the given precision can mean."""
    start = parse_partial_date(text)
    if precision == "year":
        return start, date(start.year, 12, 31)
    if precision == "month":
        following = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return start, following - timedelta(days=1)
    return start, start


def epoch_seconds(day: date, clock: time | None = None) -> float:
    """Seconds since 1970-01-01 UTC of a UTC date (and optional time), for plotting."""
    moment = datetime.combine(day, clock or time(0, 0))
    return (moment - datetime(1970, 1, 1)).total_seconds()


def utc_date(seconds: float) -> date:
    """The UTC date of an epoch-seconds instant (inverse of ``epoch_seconds`` for dates)."""
    return (datetime(1970, 1, 1) + timedelta(seconds=seconds)).date()
