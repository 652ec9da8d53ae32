"""Pure rules for the analyst's notes: timestamps, size limit and how two texts are kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

MAX_NOTE_BYTES = 1024 * 1024
# Exports come from other workstations whose clocks may run a little ahead of this one.
CLOCK_SKEW = timedelta(minutes=10)
MERGE_RULE = "── Also saved elsewhere"


def utc_now() -> str:
    return format_utc(datetime.now(UTC))


def format_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_utc(text: object, now: datetime | None = None) -> datetime:
    """An ISO 8601 UTC timestamp (``Z`` or ``+00:00``), not in the future.

    Raises:
        ValueError: with a message fit for the analyst.
    """
    if not isinstance(text, str) or not text[:1].isdigit():
        raise ValueError(f"{text!r} is not an ISO 8601 timestamp")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{text!r} is not an ISO 8601 timestamp") from None
    if moment.tzinfo is None or moment.utcoffset() != timedelta(0):
        raise ValueError(f"{text!r} is not in UTC (end it with Z)")
    if moment > (now or datetime.now(UTC)) + CLOCK_SKEW:
        raise ValueError(f"{text!r} is in the future")
    return moment


def size_problem(body: str) -> str | None:
    """Why ``body`` cannot be stored as a note, or None."""
    try:
        size = len(body.encode("utf-8"))
    except UnicodeEncodeError:
        return "the text holds characters that are not valid Unicode"
    if size > MAX_NOTE_BYTES:
        return (
            f"the note is {size / 1024 / 1024:.1f} MB and notes are limited to "
            f"{MAX_NOTE_BYTES // 1024 // 1024} MB; shorten it or split it across records"
        )
    return None


def merged_text(mine: str, theirs: str, theirs_saved_utc: str) -> str:
    """Both texts, mine first, the other under a rule naming when it was saved."""
    if not theirs.strip() or theirs.strip() in mine:
        return mine
    if not mine.strip() or mine.strip() in theirs:
        return theirs
    when = theirs_saved_utc[:16].replace("T", " ")
    return f"{mine.rstrip()}\n\n{MERGE_RULE}, {when} UTC ──\n{theirs.lstrip()}"


def merged_tags(mine: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*mine, *theirs)))
