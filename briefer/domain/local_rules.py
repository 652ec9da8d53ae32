"""What the analyst may type into a record of their own: every field checked, each problem a
one-line message naming the field; text cleaned of what has no place in it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from briefer.domain import dates
from briefer.domain.local_records import CONTENT_FIELDS, LocalRecordContent
from briefer.domain.vocabulary import Category, Confidence, EntityKind, Outcome

MAX_TITLE = 300
MAX_NAME = 200  # vehicle, payload, site
MAX_SUMMARY = 20_000
MAX_SOURCE = 2_000
MAX_URL = 2_000
MAX_ACTORS = 20
EARLIEST = date(1900, 1, 1)
FUTURE_DAYS = 366  # an announced launch window may be recorded ahead, not a typo's year 2925
SHOWN_CHARS = 40
NO_SOURCE = "say where this comes from (publisher, date), so it can be defended"

LABELS: dict[str, str] = {
    "kind": "Kind",
    "date_utc": "Date",
    "date_precision": "Date precision",
    "category": "Category",
    "title": "Title",
    "summary": "Summary",
    "actors": "Actors",
    "source": "Source",
    "source_url": "Source URL",
    "confidence": "Confidence",
    "vehicle": "Vehicle",
    "payload": "Payload",
    "site": "Site",
    "outcome": "Outcome",
}
LAUNCH_ONLY = ("vehicle", "payload", "site", "outcome")
EVENT_CATEGORIES: tuple[str, ...] = tuple(
    c.value for c in Category if c not in (Category.SATELLITE_LAUNCH, Category.PERIOD)
)
_PRECISION_ORDER = {"year": 0, "month": 1, "day": 2}
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ACTOR = re.compile(r"[A-Z]{3}|UN")
_ACTOR_BREAK = re.compile(r"[\s,;]+")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field; ``str()`` is the line to show."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{LABELS.get(self.field, self.field)}: {self.message}"


class _Checker:
    """Collects the problems of one record as its fields are read."""

    def __init__(self, today: date | None) -> None:
        self.problems: list[Problem] = []
        self.today = today or date.today()

    def fail(self, field: str, message: str) -> None:
        self.problems.append(Problem(field, message))

    def has(self, field: str) -> bool:
        return any(problem.field == field for problem in self.problems)

    def text(self, field: str, raw: str, limit: int, multiline: bool = False) -> str:
        try:
            raw.encode("utf-8")
        except UnicodeEncodeError:
            self.fail(field, "holds characters that are not valid Unicode; type it again")
            return ""
        cleaned = clean_text(raw, multiline)
        if len(cleaned) > limit:
            self.fail(field, f"{len(cleaned):,} characters is too long (at most {limit:,})")
        return cleaned


def clean_text(text: str, multiline: bool = False) -> str:
    """NFC; no control characters; one kind of line break, or none in a one-line field, where
    runs of spaces become one and text-direction controls (which can make a title read
    otherwise than it is, and spill into the text around it in a list) are dropped. Nothing
    visible is removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text.replace("\u2028", "\n").replace("\u2029", "\n"))
    if not multiline:
        text = " ".join("".join(c for c in text if c not in _BIDI_CONTROLS).split())
    kept = "\n\t" if multiline else ""
    return "".join(c for c in text if c in kept or unicodedata.category(c) != "Cc").strip()


def shown(text: str) -> str:
    """Typed text quoted in a message: one line, and short however long the paste was."""
    line = " ".join(clean_text(text).split()).encode("utf-8", "replace").decode("utf-8")
    return f"'{line[:SHOWN_CHARS]}…'" if len(line) > SHOWN_CHARS else f"'{line}'"


def parse_content(
    kind: str, typed: Mapping[str, str], today: date | None = None
) -> tuple[LocalRecordContent | None, tuple[Problem, ...]]:
    """A record's content from what was typed (strings by field name), or every problem."""
    check = _Checker(today)
    for key in typed:
        if key not in CONTENT_FIELDS or key == "kind":
            check.fail(key, "is not a field the form fills")
    if kind not in (EntityKind.EVENT, EntityKind.LAUNCH_ATTEMPT):
        check.fail("kind", f"{shown(kind)} is neither an event nor a launch attempt")
        return None, tuple(check.problems)
    content = _read(check, kind, {name: str(typed.get(name) or "") for name in CONTENT_FIELDS})
    if not content.is_launch:
        for name in LAUNCH_ONLY:
            if getattr(content, name):
                check.fail(name, "only a launch attempt has one; leave it empty for an event")
    return (None, tuple(check.problems)) if check.problems else (content, ())


def _read(check: _Checker, kind: str, typed: dict[str, str]) -> LocalRecordContent:
    launch = kind == EntityKind.LAUNCH_ATTEMPT
    day, precision = _date(check, typed["date_utc"], typed["date_precision"])
    outcome = typed["outcome"] or ("unknown" if launch else "")
    return LocalRecordContent(
        kind=kind,
        date_utc=day,
        date_precision=precision,
        category=_category(check, typed["category"], launch),
        title=_required(check, "title", typed["title"], MAX_TITLE, "give the record a title"),
        summary=check.text("summary", typed["summary"], MAX_SUMMARY, multiline=True),
        actors=_actors(check, typed["actors"], launch),
        source=_required(check, "source", typed["source"], MAX_SOURCE, NO_SOURCE, multiline=True),
        source_url=_url(check, typed["source_url"]),
        confidence=_choice(check, "confidence", typed["confidence"], Confidence, required=True),
        vehicle=check.text("vehicle", typed["vehicle"], MAX_NAME),
        payload=check.text("payload", typed["payload"], MAX_NAME),
        site=check.text("site", typed["site"], MAX_NAME),
        outcome=_choice(check, "outcome", outcome, Outcome),
    )


def problems_of(content: LocalRecordContent, today: date | None = None) -> tuple[Problem, ...]:
    """What is wrong with content that did not come from the form (an import, a merge)."""
    parsed, problems = parse_content(content.kind, form_values(content), today)
    if problems:
        return problems
    if parsed != content:
        differing = [
            name for name in CONTENT_FIELDS if getattr(parsed, name) != getattr(content, name)
        ]
        return tuple(Problem(name, "holds text the form would not accept") for name in differing)
    return ()


def form_values(content: LocalRecordContent) -> dict[str, str]:
    """The strings an edit form starts from; ``parse_content`` reads them back unchanged."""
    values = {name: str(getattr(content, name) or "") for name in CONTENT_FIELDS}
    values["actors"] = ", ".join(content.actors)
    values["date_utc"] = content.when
    del values["kind"]
    return values


def _date(check: _Checker, typed: str, typed_precision: str) -> tuple[str, str]:
    """The first day the date can mean, and its precision (typed, else as precise as written)."""
    text, wanted = typed.strip(), typed_precision.strip().lower()
    shape = dates.precision_of(text)
    try:
        first = dates.parse_partial_date(text) if shape else None
    except ValueError:
        first = None
    if first is None or shape is None:
        wrong = f"{shown(text)} is not a real date; w" if text else "give the UTC date: w"
        check.fail("date_utc", f"{wrong}rite YYYY-MM-DD, or YYYY-MM or YYYY if that is all known")
        return "", wanted if wanted in _PRECISION_ORDER else "day"
    precision = wanted or shape
    if precision not in _PRECISION_ORDER:
        check.fail("date_precision", f"{shown(wanted)} is not one of day, month or year")
        precision = shape
    elif _PRECISION_ORDER[precision] > _PRECISION_ORDER[shape]:
        check.fail(
            "date_precision", f"{shown(text)} gives no {precision}: add it or choose {shape}"
        )
    latest = check.today + timedelta(days=FUTURE_DAYS)
    if not EARLIEST <= first <= latest:
        check.fail("date_utc", f"{first} is outside {EARLIEST.year} to {latest}")
    if precision != "day":
        first = first.replace(month=1 if precision == "year" else first.month, day=1)
    return first.isoformat(), precision


def _category(check: _Checker, typed: str, launch: bool) -> str:
    value = typed.strip().lower()
    if launch:
        if value not in ("", Category.SATELLITE_LAUNCH):
            check.fail("category", "a launch attempt is always a satellite launch")
        return Category.SATELLITE_LAUNCH.value
    if value == Category.SATELLITE_LAUNCH:
        check.fail("category", "record a satellite launch as a launch attempt, not an event")
    elif value not in EVENT_CATEGORIES:
        given = f"{shown(typed)} is not a category" if value else "none chosen"
        check.fail("category", f"{given}; choose one of {', '.join(EVENT_CATEGORIES)}")
    return value


def _required(
    check: _Checker, field: str, typed: str, limit: int, missing: str, multiline: bool = False
) -> str:
    text = check.text(field, typed, limit, multiline)
    if not text and not check.has(field):
        check.fail(field, missing)
    return text


def _actors(check: _Checker, typed: str, launch: bool) -> tuple[str, ...]:
    words = [word for word in _ACTOR_BREAK.split(clean_text(typed).upper()) if word]
    actors = tuple(dict.fromkeys(words))
    wrong = [actor for actor in actors if not _ACTOR.fullmatch(actor)]
    if wrong:
        check.fail(
            "actors",
            f"{shown(wrong[0])} is not a country code; use ISO 3166 alpha-3 codes (PRK, RUS) or UN",
        )
    elif len(actors) > MAX_ACTORS:
        check.fail("actors", f"{len(actors)} actors is too many (at most {MAX_ACTORS})")
    return actors or (("PRK",) if launch else ())


def _url(check: _Checker, typed: str) -> str | None:
    from urllib.parse import urlsplit  # imported on first use: not needed to open the window

    if any(c.isspace() or unicodedata.category(c) == "Cc" for c in typed.strip()):
        check.fail("source_url", "an address has no spaces, line breaks or control characters")
        return typed.strip() or None
    url = check.text("source_url", typed, MAX_URL)
    if not url:
        return None
    try:
        parts = urlsplit(url)
        scheme, host = parts.scheme.lower(), parts.hostname
    except ValueError:  # an unclosed [ for an IPv6 host, a port that is not a number
        scheme, host = "", None
    if scheme not in ("http", "https"):
        check.fail("source_url", f"{shown(url)} is not a web address (http:// or https://)")
    elif not host:
        check.fail("source_url", f"{shown(url)} names no site after {scheme}://")
    return url


def _choice(
    check: _Checker, field: str, typed: str, vocabulary: type[StrEnum], required: bool = False
) -> str:
    value = typed.strip().lower()
    allowed = [member.value for member in vocabulary]
    if value in allowed or (not value and not required):
        return value
    given = f"{shown(typed)} is not one" if value else "none chosen"
    check.fail(field, f"{given}; choose {', '.join(allowed[:-1])} or {allowed[-1]}")
    return value
