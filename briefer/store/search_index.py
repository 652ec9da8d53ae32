"""The search index of the reference database: one FTS5 table over every kind of record.

Each record becomes one document: ``title`` (what the analyst calls it), ``names`` (native
names, aliases, numbers and other handles) and ``body`` (summaries, claims, notes of sources).
``search_titles`` indexes titles and names alone, so a query can be ranked on names without
walking the text's much longer lists. ``search_docs`` holds what a result list shows of each
document, in a compact table keyed by the same rowid, so ranking never reads the full text.
``search_names`` keeps every title and name folded by ``name_key`` so an exact name is found
by an index look-up and ranked first, whatever the full-text score says.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from briefer.domain.search import name_key
from briefer.domain.vocabulary import SearchKind, label

SCHEMA = """
CREATE TABLE search_docs (
    doc INTEGER PRIMARY KEY, kind TEXT NOT NULL, entity_id TEXT NOT NULL,
    when_utc TEXT NOT NULL, title TEXT NOT NULL, names TEXT NOT NULL, name_keys TEXT NOT NULL
);
CREATE VIRTUAL TABLE search_index USING fts5(
    title, names, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
CREATE VIRTUAL TABLE search_titles USING fts5(
    title, names, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
CREATE TABLE search_names (name TEXT NOT NULL, doc INTEGER NOT NULL REFERENCES search_docs(doc));
"""
NAME_SEPARATOR = " · "
KEY_SEPARATOR = "\n"
NAME_INDEX = "CREATE INDEX search_names_by_name ON search_names(name, doc);"


@dataclass(frozen=True)
class IndexDocument:
    kind: str
    entity_id: str
    when_utc: str
    title: str
    names: tuple[str, ...]
    body: tuple[str, ...]


def _list(text: str | None) -> list[str]:
    return json.loads(text) if text else []


def _text(parts: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(part for part in parts if part)


def _launches(conn: sqlite3.Connection) -> Iterator[IndexDocument]:
    claims: dict[str, list[str]] = {}
    for subject_id, claimant, value in conn.execute(
        "SELECT subject_id, claimant, claimed_value FROM claims ORDER BY claim_date, id"
    ):
        claims.setdefault(subject_id, []).append(f"{claimant}: {value}")
    for row in conn.execute(
        "SELECT la.id, la.date_utc, la.vehicle, la.payload, la.site, la.outcome, la.summary, "
        "l.norad_id, l.cospar_id FROM launch_attempts la JOIN launches l ON l.id = la.id"
    ):
        launch_id, date, vehicle, payload, site, outcome, summary, norad, cospar = row
        yield IndexDocument(
            SearchKind.LAUNCH_ATTEMPT,
            launch_id,
            date,
            f"{vehicle} / {payload or 'payload unknown'}",
            _text((date, norad, cospar)),
            _text((summary, f"Site: {site}", f"Outcome: {outcome}", *claims.get(launch_id, []))),
        )


def _events(conn: sqlite3.Connection) -> Iterator[IndexDocument]:
    claims: dict[str, list[str]] = {}
    for subject_id, claimant, value in conn.execute(
        "SELECT subject_id, claimant, claimed_value FROM claims WHERE subject_kind = 'event'"
    ):
        claims.setdefault(subject_id, []).append(f"{claimant}: {value}")
    for event_id, date, category, title, summary, actors in conn.execute(
        "SELECT id, date_utc, category, title, summary, actors FROM events"
    ):
        yield IndexDocument(
            SearchKind.EVENT,
            event_id,
            date,
            title,
            (),
            _text((summary, label(category), *_list(actors), *claims.get(event_id, []))),
        )


def _subjects(conn: sqlite3.Connection) -> Iterator[IndexDocument]:
    for row in conn.execute(
        "SELECT s.id, s.name, s.kind, s.native_name, s.aliases, s.family, s.operator, "
        "s.summary, (SELECT min(date_utc) FROM launches l WHERE l.vehicle_id = s.id "
        "OR l.payload_id = s.id) FROM subjects s"
    ):
        subject_id, name, kind, native, aliases, family, operator, summary, first = row
        yield IndexDocument(
            kind,
            subject_id,
            first or "",
            name,
            _text((native, *_list(aliases))),
            _text((summary, f"Family: {family}" if family else None, operator)),
        )


def _resolutions(conn: sqlite3.Connection) -> Iterator[IndexDocument]:
    for number, symbol, adopted, vote, trigger, summary in conn.execute(
        "SELECT number, symbol, adopted, vote, trigger, summary FROM resolutions"
    ):
        yield IndexDocument(
            SearchKind.RESOLUTION,
            str(number),
            adopted,
            symbol,
            (str(number), f"Resolution {number}", f"UNSCR {number}"),
            _text((trigger, summary, vote)),
        )


def _provisions(conn: sqlite3.Connection) -> Iterator[IndexDocument]:
    for row in conn.execute(
        "SELECT id, resolution_number, resolution_symbol, adopted, paragraph, topics, summary, "
        "relevance FROM sanctions_provisions"
    ):
        provision_id, number, symbol, adopted, paragraph, topics, summary, relevance = row
        yield IndexDocument(
            SearchKind.PROVISION,
            provision_id,
            adopted,
            f"{symbol} {paragraph}",
            (f"{number} {paragraph}",),
            _text((summary, relevance, *(label(topic) for topic in _list(topics)))),
        )


def _scenarios(conn: sqlite3.Connection) -> Iterator[IndexDocument]:
    """A scenario is found by its own words, its reasoning and its counter-arguments."""
    reasons: dict[str, list[str]] = {}
    for scenario_id, reasoning in conn.execute(
        "SELECT scenario_id, reasoning FROM scenario_targets ORDER BY rowid"
    ):
        reasons.setdefault(scenario_id, []).append(reasoning)
    for subject_id, claimant, value in conn.execute(
        "SELECT subject_id, claimant, claimed_value FROM claims WHERE subject_kind = 'scenario'"
    ):
        reasons.setdefault(subject_id, []).append(f"{claimant}: {value}")
    for scenario_id, title, summary in conn.execute("SELECT id, title, summary FROM scenarios"):
        yield IndexDocument(
            SearchKind.SCENARIO,
            scenario_id,
            "",
            title,
            (),
            _text((summary, *reasons.get(scenario_id, []))),
        )


def _named(conn: sqlite3.Connection, table: str, kind: str) -> Iterator[IndexDocument]:
    for record_id, name, native, aliases, summary in conn.execute(
        f"SELECT id, name, native_name, aliases, summary FROM {table}"
    ):
        yield IndexDocument(
            kind, record_id, "", name, _text((native, *_list(aliases))), _text((summary,))
        )


def _sources(conn: sqlite3.Connection) -> Iterator[IndexDocument]:
    for source_id, title, publisher, published, note in conn.execute(
        "SELECT id, title, publisher, published, note FROM source_docs"
    ):
        yield IndexDocument(
            SearchKind.SOURCE, source_id, published or "", title, (), _text((publisher, note))
        )


def documents(conn: sqlite3.Connection) -> Iterator[IndexDocument]:
    """Every searchable record of a built reference database."""
    yield from _launches(conn)
    yield from _subjects(conn)
    yield from _resolutions(conn)
    yield from _provisions(conn)
    yield from _scenarios(conn)
    yield from _events(conn)
    yield from _named(conn, "organisations", SearchKind.ORGANISATION)
    yield from _named(conn, "sites", SearchKind.SITE)
    yield from _sources(conn)


def insert_documents(conn: sqlite3.Connection, docs: Iterable[IndexDocument]) -> int:
    """Add ``docs`` to the index and their folded names to ``search_names``; returns the count."""
    count = 0
    for doc in docs:
        keys = tuple(dict.fromkeys(name_key(name) for name in (doc.title, *doc.names)))
        names = NAME_SEPARATOR.join(doc.names)
        cursor = conn.execute(
            "INSERT INTO search_docs (kind, entity_id, when_utc, title, names, name_keys) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (doc.kind, doc.entity_id, doc.when_utc, doc.title, names, KEY_SEPARATOR.join(keys)),
        )
        conn.execute(
            "INSERT INTO search_index (rowid, title, names, body) VALUES (?, ?, ?, ?)",
            (cursor.lastrowid, doc.title, names, "\n".join(doc.body)),
        )
        conn.execute(
            "INSERT INTO search_titles (rowid, title, names) VALUES (?, ?, ?)",
            (cursor.lastrowid, doc.title, names),
        )
        conn.executemany(
            "INSERT INTO search_names (name, doc) VALUES (?, ?)",
            [(key, cursor.lastrowid) for key in keys if key],
        )
        count += 1
    return count


def optimize(conn: sqlite3.Connection) -> None:
    for table in ("search_index", "search_titles"):
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")


def build_search_index(conn: sqlite3.Connection) -> int:
    conn.executescript(SCHEMA)
    count = insert_documents(conn, list(documents(conn)))
    conn.executescript(NAME_INDEX)
    optimize(conn)
    return count
