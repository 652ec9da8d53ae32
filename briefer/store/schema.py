"""The reference database's schema: internal tables, full-text indexes and the public views.

The public views (DESIGN.md section 3) are a contract with other tools: their names and
columns only change with ``SCHEMA_VERSION``.
"""

from __future__ import annotations

SCHEMA_VERSION = 5

TABLES = """
CREATE TABLE dataset (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE source_docs (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, publisher TEXT NOT NULL, url TEXT,
    published TEXT, accessed TEXT NOT NULL, kind TEXT NOT NULL, note TEXT
);
CREATE TABLE sites (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, native_name TEXT, aliases TEXT NOT NULL,
    country TEXT NOT NULL, latitude REAL, longitude REAL, summary TEXT, confidence TEXT NOT NULL
);
CREATE TABLE subjects (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT NOT NULL,
    native_name TEXT, aliases TEXT NOT NULL, family TEXT, derived_from TEXT, operator TEXT,
    status TEXT, summary TEXT, confidence TEXT NOT NULL
);
CREATE TABLE specs (
    subject_id TEXT NOT NULL REFERENCES subjects(id), attribute TEXT NOT NULL,
    value REAL, value_text TEXT, unit TEXT, value_low REAL, value_high REAL,
    confidence TEXT NOT NULL, note TEXT,
    PRIMARY KEY (subject_id, attribute)
);
CREATE TABLE launches (
    id TEXT PRIMARY KEY, date_utc TEXT NOT NULL, time_utc TEXT, date_local TEXT NOT NULL,
    time_local TEXT, utc_offset TEXT,
    vehicle_id TEXT NOT NULL REFERENCES subjects(id), site_id TEXT NOT NULL REFERENCES sites(id),
    payload_id TEXT REFERENCES subjects(id),
    outcome TEXT NOT NULL, claimed_outcome TEXT NOT NULL, failure_stage TEXT,
    failure_time_s REAL, reached_orbit INTEGER NOT NULL, norad_id TEXT, cospar_id TEXT,
    summary TEXT NOT NULL, confidence TEXT NOT NULL
);
CREATE TABLE events (
    id TEXT PRIMARY KEY, date_utc TEXT NOT NULL, date_precision TEXT NOT NULL,
    end_date_utc TEXT, category TEXT NOT NULL, title TEXT NOT NULL, summary TEXT,
    actors TEXT NOT NULL, confidence TEXT NOT NULL,
    vehicle_id TEXT REFERENCES subjects(id), outcome TEXT
);
CREATE TABLE resolutions (
    number INTEGER PRIMARY KEY, symbol TEXT NOT NULL, adopted TEXT NOT NULL, vote TEXT,
    trigger TEXT, triggered_by TEXT, summary TEXT
);
CREATE TABLE provisions (
    id TEXT PRIMARY KEY, resolution_number INTEGER NOT NULL REFERENCES resolutions(number),
    paragraph TEXT NOT NULL, topics TEXT NOT NULL, summary TEXT NOT NULL, relevance TEXT,
    status TEXT NOT NULL, status_since TEXT, confidence TEXT NOT NULL
);
CREATE TABLE organisations (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, native_name TEXT, aliases TEXT NOT NULL,
    country TEXT NOT NULL, kind TEXT NOT NULL, summary TEXT, confidence TEXT NOT NULL
);
CREATE TABLE claims (
    id TEXT PRIMARY KEY, subject_kind TEXT NOT NULL, subject_id TEXT NOT NULL,
    attribute TEXT NOT NULL, claimant TEXT NOT NULL, claimed_value TEXT NOT NULL,
    claim_date TEXT NOT NULL, adopted INTEGER NOT NULL, rationale TEXT NOT NULL
);
CREATE INDEX claims_by_subject ON claims(subject_kind, subject_id);
CREATE TABLE launch_links (
    launch_id TEXT NOT NULL REFERENCES launches(id), target_kind TEXT NOT NULL,
    target_id TEXT NOT NULL, relation TEXT NOT NULL, note TEXT,
    PRIMARY KEY (launch_id, target_kind, target_id)
);
CREATE TABLE citations (
    entity_kind TEXT NOT NULL, entity_id TEXT NOT NULL, position INTEGER NOT NULL,
    source_id TEXT NOT NULL REFERENCES source_docs(id),
    PRIMARY KEY (entity_kind, entity_id, position)
);
CREATE INDEX citations_by_source ON citations(source_id);
"""


def cited_sources_sql(kind: str, id_expr: str) -> str:
    """SQL for the JSON array of source ids cited by one record, in citation order."""
    return (
        "(SELECT json_group_array(source_id) FROM (SELECT source_id FROM citations "
        f"WHERE entity_kind = '{kind}' AND entity_id = {id_expr} ORDER BY position))"
    )


VIEWS = f"""
CREATE VIEW launch_attempts AS
SELECT l.id, l.date_utc, l.time_utc, l.date_local, v.name AS vehicle, s.name AS site,
       p.name AS payload, l.outcome, l.claimed_outcome, l.failure_stage, l.reached_orbit,
       l.norad_id, l.cospar_id, l.summary, {cited_sources_sql("launch_attempt", "l.id")} AS sources,
       l.confidence
FROM launches l
JOIN subjects v ON v.id = l.vehicle_id
JOIN sites s ON s.id = l.site_id
LEFT JOIN subjects p ON p.id = l.payload_id;

CREATE VIEW timeline_events AS
SELECT l.id, l.date_utc, 'day' AS date_precision, NULL AS end_date_utc,
       'satellite_launch' AS category,
       v.name || COALESCE(' / ' || p.name, '') AS title, l.summary,
       json_array('PRK') AS actors, {cited_sources_sql("launch_attempt", "l.id")} AS sources,
       l.confidence
FROM launches l
JOIN subjects v ON v.id = l.vehicle_id
LEFT JOIN subjects p ON p.id = l.payload_id
UNION ALL
SELECT e.id, e.date_utc, e.date_precision, e.end_date_utc, e.category, e.title, e.summary,
       e.actors, {cited_sources_sql("event", "e.id")} AS sources, e.confidence
FROM events e
UNION ALL
SELECT 'unsc-res-' || r.number, r.adopted,
       CASE length(r.adopted) WHEN 10 THEN 'day' WHEN 7 THEN 'month' ELSE 'year' END,
       NULL, 'sanctions', 'Security Council adopts ' || r.symbol, r.summary, json_array('UN'),
       {cited_sources_sql("resolution", "CAST(r.number AS TEXT)")} AS sources,
       CASE length(r.adopted) WHEN 10 THEN 'confirmed' ELSE 'likely' END
FROM resolutions r;

CREATE VIEW capability_specs AS
SELECT sp.subject_id, su.name AS subject_name, su.kind AS subject_kind, su.country,
       sp.attribute, sp.value, sp.value_text, sp.unit, sp.value_low, sp.value_high,
       sp.confidence,
       {cited_sources_sql("spec", "sp.subject_id || '/' || sp.attribute")} AS sources,
       sp.note
FROM specs sp JOIN subjects su ON su.id = sp.subject_id;

CREATE VIEW sanctions_provisions AS
SELECT pr.id, pr.resolution_number, r.symbol AS resolution_symbol, r.adopted,
       pr.paragraph, pr.topics, pr.summary, pr.relevance,
       {cited_sources_sql("provision", "pr.id")} AS sources
FROM provisions pr JOIN resolutions r ON r.number = pr.resolution_number;

CREATE VIEW sources AS
SELECT id, title, publisher, url, published, accessed, kind FROM source_docs;

CREATE VIEW dataset_info AS SELECT key, value FROM dataset;
"""

PUBLIC_VIEWS: dict[str, tuple[str, ...]] = {
    "launch_attempts": (
        "id",
        "date_utc",
        "time_utc",
        "date_local",
        "vehicle",
        "site",
        "payload",
        "outcome",
        "claimed_outcome",
        "failure_stage",
        "reached_orbit",
        "norad_id",
        "cospar_id",
        "summary",
        "sources",
        "confidence",
    ),
    "timeline_events": (
        "id",
        "date_utc",
        "date_precision",
        "end_date_utc",
        "category",
        "title",
        "summary",
        "actors",
        "sources",
        "confidence",
    ),
    "capability_specs": (
        "subject_id",
        "subject_name",
        "subject_kind",
        "country",
        "attribute",
        "value",
        "value_text",
        "unit",
        "value_low",
        "value_high",
        "confidence",
        "sources",
        "note",
    ),
    "sanctions_provisions": (
        "id",
        "resolution_number",
        "resolution_symbol",
        "adopted",
        "paragraph",
        "topics",
        "summary",
        "relevance",
        "sources",
    ),
    "sources": ("id", "title", "publisher", "url", "published", "accessed", "kind"),
    "dataset_info": ("key", "value"),
}
