"""Read-only figures on the dataset's quality, from the public views and source kinds."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from briefer.domain.vocabulary import HEADLINE_SPECS

WEAK_KINDS = ("reference", "mirror")
CITED_VIEWS = ("launch_attempts", "timeline_events", "capability_specs", "sanctions_provisions")
_KEY = {"capability_specs": "subject_id || '/' || attribute"}


def _columns(conn: sqlite3.Connection, view: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({view})")}


# The public provisions view has no confidence column (the contract); its table does.
_CONFIDENCE_SOURCE = {"sanctions_provisions": "provisions"}


def by_confidence(conn: sqlite3.Connection, view: str) -> dict[str, int]:
    table = _CONFIDENCE_SOURCE.get(view, view)
    if "confidence" not in _columns(conn, table):
        return {}
    rows = conn.execute(f"SELECT confidence, COUNT(*) FROM {table} GROUP BY confidence")
    return {str(kind): int(count) for kind, count in rows}


def citations_by_kind(conn: sqlite3.Connection, view: str) -> dict[str, int]:
    rows = conn.execute(
        f"SELECT s.kind, COUNT(*) FROM {view} v, json_each(v.sources) c "
        "JOIN sources s ON s.id = c.value GROUP BY s.kind"
    )
    return {str(kind): int(count) for kind, count in rows}


def resting_on_weak_sources(conn: sqlite3.Connection, view: str) -> list[str]:
    """Rows every source of which is an encyclopaedia or a mirror."""
    key = _KEY.get(view, "id")
    marks = ", ".join("?" for _ in WEAK_KINDS)
    rows = conn.execute(
        f"SELECT {key} FROM {view} v WHERE json_array_length(v.sources) > 0 AND NOT EXISTS "
        f"(SELECT 1 FROM json_each(v.sources) c JOIN sources s ON s.id = c.value "
        f"WHERE s.kind NOT IN ({marks})) ORDER BY 1",
        WEAK_KINDS,
    )
    return [str(row[0]) for row in rows]


def unknown_headline_specs(conn: sqlite3.Connection) -> list[str]:
    """``subject/attribute`` of each headline row that is missing or has no value."""
    known = {
        (subject, attribute)
        for subject, attribute in conn.execute(
            "SELECT subject_id, attribute FROM capability_specs WHERE value IS NOT NULL "
            "OR value_low IS NOT NULL OR value_high IS NOT NULL "
            "OR (value_text IS NOT NULL AND value_text NOT IN ('', 'unknown'))"
        )
    }
    subjects: Sequence[tuple[str, str]] = conn.execute(
        "SELECT DISTINCT subject_id, subject_kind FROM capability_specs ORDER BY subject_id"
    ).fetchall()
    return [
        f"{subject}/{attribute}"
        for subject, kind in subjects
        for attribute in HEADLINE_SPECS.get(kind, ())
        if (subject, attribute) not in known
    ]


def events_per_year(conn: sqlite3.Connection) -> dict[str, int]:
    rows = conn.execute(
        "SELECT substr(date_utc, 1, 4), COUNT(*) FROM timeline_events "
        "WHERE category != 'satellite_launch' GROUP BY 1 ORDER BY 1"
    )
    return {str(year): int(count) for year, count in rows}


def source_kinds(conn: sqlite3.Connection) -> dict[str, int]:
    rows = conn.execute("SELECT kind, COUNT(*) FROM sources GROUP BY kind ORDER BY kind")
    return {str(kind): int(count) for kind, count in rows}
