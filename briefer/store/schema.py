"""The reference database's schema: citations, indexes and the public views (the record
tables themselves are derived from `record_kinds`).

The public views (DESIGN.md section 3) are a contract with other tools: their names and
columns only change with ``SCHEMA_VERSION``.
"""

from __future__ import annotations

SCHEMA_VERSION = 7

# The record tables are derived from ``record_kinds``; these hold what is not a record.
TABLES = """
CREATE INDEX claims_by_subject ON claims(subject_kind, subject_id);
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

CREATE VIEW cooperation_scenarios AS
SELECT sc.id, sc.title, sc.summary, {cited_sources_sql("scenario", "sc.id")} AS sources,
       sc.confidence
FROM scenarios sc;

CREATE VIEW scenario_links AS
SELECT k.scenario_id, k.target_kind, k.target_id, k.relation, k.reasoning,
       {cited_sources_sql("scenario_link",
                          "k.scenario_id || '/' || k.target_kind || '/' || k.target_id")}
           AS sources,
       k.confidence
FROM scenario_targets k;

CREATE VIEW map_features AS
SELECT 'site-' || s.id AS id, 'site' AS kind,
       json_object('type', 'Point', 'coordinates', json_array(s.longitude, s.latitude))
           AS geometry,
       NULL AS launch_id, NULL AS event_id, s.name AS label,
       {cited_sources_sql("site", "s.id")} AS sources, s.confidence
FROM sites s WHERE s.latitude IS NOT NULL AND s.longitude IS NOT NULL
UNION ALL
SELECT m.id, m.kind, m.geometry, m.launch_id, m.event_id, m.label,
       {cited_sources_sql("map_feature", "m.id")} AS sources, m.confidence
FROM map_shapes m;
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
    "cooperation_scenarios": ("id", "title", "summary", "sources", "confidence"),
    "scenario_links": (
        "scenario_id",
        "target_kind",
        "target_id",
        "relation",
        "reasoning",
        "sources",
        "confidence",
    ),
    "map_features": (
        "id",
        "kind",
        "geometry",
        "launch_id",
        "event_id",
        "label",
        "sources",
        "confidence",
    ),
}
