"""The Datasette ``metadata.json`` for a published reference database: title, licence and
source, what each public view and column holds, facets, full-text search and canned queries.

Datasette's per-table search needs the table's own column to hold the full-text index's
rowid; the public views have none, so search is offered on ``search_docs`` (whose ``doc``
is that rowid) and as the canned query ``search``.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from briefer.domain.vocabulary import ProvisionStatus, ProvisionTopic, values_of
from briefer.store.view_docs import SEARCH_DOCS, VIEW_DOCS, ViewDoc

DATABASE_NAME = "briefer"  # Datasette names a database after its file: briefer.db
SEARCH_TABLE = "search_docs"
TOPICS = ", ".join(values_of(ProvisionTopic))

FACETS: dict[str, list[Any]] = {
    "launch_attempts": ["outcome", "claimed_outcome", "vehicle", "site"],
    "timeline_events": ["category", "confidence", {"array": "actors"}],
    "capability_specs": ["subject_kind", "country", "attribute"],
    "sanctions_provisions": ["resolution_number", {"array": "topics"}],
    "sources": ["kind"],
}

LAUNCHES_BY_OUTCOME = """
SELECT outcome, claimed_outcome, count(*) AS attempts, sum(reached_orbit) AS reached_orbit,
       min(date_utc) AS first_utc, max(date_utc) AS latest_utc, json_group_array(id) AS launches
FROM (SELECT * FROM launch_attempts ORDER BY date_utc)
GROUP BY outcome, claimed_outcome
ORDER BY attempts DESC, outcome, claimed_outcome
""".strip()

# The status of a provision is not in the public view: it comes from the table behind it.
PROVISIONS_IN_FORCE = f"""
SELECT sp.id, sp.resolution_symbol, sp.adopted, sp.paragraph, sp.topics, sp.summary,
       sp.relevance, p.confidence, sp.sources
FROM sanctions_provisions sp JOIN provisions p ON p.id = sp.id
WHERE p.status = '{ProvisionStatus.IN_FORCE}'
  AND (:topic = '' OR EXISTS (SELECT 1 FROM json_each(sp.topics) t WHERE t.value = :topic))
ORDER BY sp.adopted, sp.resolution_number, sp.id
""".strip()

# Provisions a launch bears on, and the Council's responses to it (a resolution's adoption is
# an event in timeline_events; statements and meetings have no record of their own).
LAUNCH_BEARS_ON = """
SELECT k.relation, k.target_kind, k.target_id, sp.adopted AS date_utc,
       sp.resolution_symbol || ' ' || sp.paragraph AS title, sp.summary, k.note
FROM launch_links k JOIN sanctions_provisions sp ON sp.id = k.target_id
WHERE k.launch_id = :launch_id AND k.target_kind = 'provision'
UNION ALL
SELECT k.relation, k.target_kind, k.target_id, te.date_utc,
       COALESCE(te.title, k.target_id) AS title, te.summary, k.note
FROM launch_links k
LEFT JOIN timeline_events te ON k.target_kind = 'resolution' AND te.id = 'unsc-res-' || k.target_id
WHERE k.launch_id = :launch_id AND k.target_kind <> 'provision'
ORDER BY relation DESC, date_utc, title
""".strip()

# The words as one phrase, the last of them possibly cut short ("chol" finds Chollima-1):
# quoting keeps FTS5's operators out of what an analyst types.
SEARCH = """
SELECT d.kind, d.entity_id, d.title, d.when_utc,
       snippet(search_index, 2, '[', ']', ' … ', 12) AS snippet
FROM search_index JOIN search_docs d ON d.doc = search_index.rowid
WHERE search_index MATCH '"' || replace(:words, '"', '""') || '"*'
ORDER BY bm25(search_index, 10.0, 5.0, 1.0)
LIMIT 100
""".strip()


def datasette_metadata(conn: sqlite3.Connection) -> dict[str, Any]:
    """Metadata for serving the reference database open on ``conn`` with Datasette."""
    info = {str(key): str(value) for key, value in conn.execute("SELECT * FROM dataset_info")}
    version, as_of = info.get("dataset_version", "?"), info.get("as_of", "?")
    database = {
        "tables": {**view_tables(), SEARCH_TABLE: search_table(), **hidden_tables(conn)},
        "queries": canned_queries(conn),
    }
    return {
        "title": info.get("title") or "Briefer reference dataset",
        "description": description(info),
        "license": "Not stated for the data (Briefer's software is MIT-licensed)",
        "source": f"Public sources cited record by record (the sources view), compiled as "
        f"Briefer reference dataset {version}, as of {as_of}",
        "databases": {DATABASE_NAME: database},
    }


def description(info: dict[str, str]) -> str:
    return (
        f"Briefer reference dataset {info.get('dataset_version', '?')} (schema "
        f"{info.get('schema_version', '?')}, as of {info.get('as_of', '?')}; events checked "
        f"against sources through {info.get('coverage_through', '?')}): DPRK satellite launch "
        "attempts, the events around them, launcher and satellite figures, and the Security "
        "Council provisions that bear on them. Records summarise public sources in Briefer's "
        "own words and cite them by id (the sources view); no licence is stated for the data "
        "itself. Dates are ISO 8601 in UTC, lists are JSON arrays, confidence is confirmed, "
        "likely or unverified, and the DPRK's claimed outcome of a launch is kept apart from "
        "the assessed one. The public views are the stable interface; the hidden tables behind "
        "them may change between dataset versions."
    )


def _table(doc: ViewDoc) -> dict[str, Any]:
    return {"description": doc.description, "columns": dict(doc.columns)}


def view_tables() -> dict[str, dict[str, Any]]:
    tables = {name: _table(doc) for name, doc in VIEW_DOCS.items()}
    for name, facets in FACETS.items():
        tables[name]["facets"] = facets
    return tables


def search_table() -> dict[str, Any]:
    return {**_table(SEARCH_DOCS), "fts_table": "search_index", "fts_pk": "doc", "facets": ["kind"]}


def hidden_tables(conn: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    """Every table but the search table: what the public views are built from."""
    names = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name <> ? ORDER BY name",
        (SEARCH_TABLE,),
    )
    return {str(name): {"hidden": True} for (name,) in names}


def canned_queries(conn: sqlite3.Connection) -> dict[str, dict[str, str]]:
    ids = conn.execute("SELECT id FROM launch_attempts ORDER BY date_utc, id")
    launches = ", ".join(str(row[0]) for row in ids)
    return {
        "launch_attempts_by_outcome": {
            "title": "Launch attempts by outcome",
            "description": "How many launch attempts had each assessed outcome, beside what the "
            "DPRK claimed, with how many reached orbit, the first and latest date and the "
            "launch ids.",
            "sql": LAUNCHES_BY_OUTCOME,
        },
        "provisions_in_force_by_topic": {
            "title": "Provisions in force by topic",
            "description": "Provisions still in force (not lapsed or superseded) on one topic, "
            f"oldest first; leave topic empty for all. Topics: {TOPICS}.",
            "sql": PROVISIONS_IN_FORCE,
        },
        "what_a_launch_bears_on": {
            "title": "What a launch bears on",
            "description": "The Security Council's responses to one launch attempt and the "
            f"provisions in force when it flew that it bears on. Launch ids: {launches}.",
            "sql": LAUNCH_BEARS_ON,
        },
        "search": {
            "title": "Search every record",
            "description": "Launch attempts, vehicles, satellites, resolutions, provisions, "
            "events, organisations, sites and sources matching the words as a phrase (the "
            "last word may be the start of a word), best match first.",
            "sql": SEARCH,
        },
    }
