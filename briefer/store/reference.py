"""The read-only reference database: opening it safely and reading domain records from it."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer.domain.records import (
    Claim,
    DatasetInfo,
    LaunchAttempt,
    LaunchLink,
    Organisation,
    Provision,
    Resolution,
    Site,
    Source,
    Spec,
    Subject,
    TimelineEvent,
)
from briefer.store import schema
from briefer.store.errors import DatabaseCorrupt, DatabaseMissing, SchemaMismatch
from briefer.store.row_records import Record, to_record

if TYPE_CHECKING:
    from briefer.domain.geometry import MapFeature
    from briefer.domain.scenarios import Scenario, ScenarioLink
    from briefer.store.search import IndexSearch

_LAUNCH_SELECT = """
SELECT la.*, l.time_local, l.utc_offset, l.vehicle_id, l.site_id, l.payload_id, l.failure_time_s
FROM launch_attempts la JOIN launches l ON l.id = la.id
"""

_SUBJECT_SELECT = (
    f"SELECT s.*, {schema.cited_sources_sql('subject', 's.id')} AS sources FROM subjects s"
)


def open_read_only(path: Path) -> sqlite3.Connection:
    """Open ``path`` read-only and check it is a reference database of a supported schema.

    Raises:
        DatabaseMissing, DatabaseCorrupt, SchemaMismatch: with a message fit for the user.
    """
    if not path.is_file():
        raise DatabaseMissing(path)
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        raise DatabaseCorrupt(path, str(error)) from error
    missing = [view for view in schema.PUBLIC_VIEWS if view not in names]
    if missing:
        conn.close()
        raise SchemaMismatch(path, f"missing {', '.join(missing)}")
    try:
        row = conn.execute("SELECT value FROM dataset_info WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError as error:
        conn.close()
        raise DatabaseCorrupt(path, str(error)) from error
    if row is None or row[0] != str(schema.SCHEMA_VERSION):
        conn.close()
        found = row[0] if row else "none"
        raise SchemaMismatch(path, f"schema {found}, expected {schema.SCHEMA_VERSION}")
    return conn


class ReferenceStore:
    """Read access to one reference database; every query returns domain records."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn = open_read_only(path)

    def close(self) -> None:
        self._conn.close()

    def search_index(self) -> IndexSearch:
        from briefer.store.search import IndexSearch

        return IndexSearch(self._conn, self.path)

    def _records(self, cls: type[Record], sql: str, params: tuple[Any, ...] = ()) -> list[Record]:
        return [to_record(cls, row) for row in self._rows(sql, params)]

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as error:
            raise DatabaseCorrupt(self.path, str(error)) from error

    def dataset_info(self) -> DatasetInfo:
        values = {row["key"]: row["value"] for row in self._rows("SELECT * FROM dataset_info")}
        return DatasetInfo(
            schema_version=int(values.pop("schema_version")),
            dataset_version=values.pop("dataset_version", ""),
            as_of=values.pop("as_of", ""),
            content_sha256=values.pop("content_sha256", ""),
            coverage_through=values.pop("coverage_through", ""),
            extra=values,
        )

    def vehicle_flights(self) -> list[tuple[str, str]]:
        """(vehicle id, assessed outcome) of launches the dataset holds as timeline events:
        other countries' launches, which are not DPRK launch attempts."""
        rows = self._rows(
            "SELECT vehicle_id, outcome FROM events WHERE vehicle_id IS NOT NULL ORDER BY date_utc"
        )
        return [(str(row[0]), str(row[1] or "unknown")) for row in rows]

    def quality(self) -> dict[str, Any]:
        """The figures of ``briefer data info --quality`` (see ``store.quality``)."""
        from briefer.store import quality

        conn = self._conn
        try:
            return {
                "tables": {
                    view: {
                        "rows": int(conn.execute(f"SELECT COUNT(*) FROM {view}").fetchone()[0]),
                        "by_confidence": quality.by_confidence(conn, view),
                        "citations_by_source_kind": quality.citations_by_kind(conn, view),
                        "resting_only_on_weak_sources": quality.resting_on_weak_sources(conn, view),
                    }
                    for view in quality.CITED_VIEWS
                },
                "sources_by_kind": quality.source_kinds(conn),
                "unknown_headline_specs": quality.unknown_headline_specs(conn),
                "events_per_year": quality.events_per_year(conn),
            }
        except sqlite3.DatabaseError as error:
            raise DatabaseCorrupt(self.path, str(error)) from error

    def view_counts(self) -> dict[str, int]:
        return {
            view: self._rows(f"SELECT count(*) FROM {view}")[0][0] for view in schema.PUBLIC_VIEWS
        }

    def launch_attempts(self) -> list[LaunchAttempt]:
        rows = self._rows(_LAUNCH_SELECT + " ORDER BY la.date_utc, la.time_utc")
        return [to_record(LaunchAttempt, row) for row in rows]

    def launch_attempt(self, launch_id: str) -> LaunchAttempt | None:
        rows = self._rows(_LAUNCH_SELECT + " WHERE la.id = ?", (launch_id,))
        return to_record(LaunchAttempt, rows[0]) if rows else None

    def timeline_events(self) -> list[TimelineEvent]:
        rows = self._rows("SELECT * FROM timeline_events ORDER BY date_utc, id")
        return [to_record(TimelineEvent, row) for row in rows]

    def subjects(self, kind: str | None = None) -> list[Subject]:
        sql = _SUBJECT_SELECT
        params: tuple[Any, ...] = ()
        if kind is not None:
            sql += " WHERE s.kind = ?"
            params = (kind,)
        return self._records(Subject, sql + " ORDER BY s.country, s.name", params)

    def subject(self, subject_id: str) -> Subject | None:
        rows = self._rows(f"{_SUBJECT_SELECT} WHERE s.id = ?", (subject_id,))
        return to_record(Subject, rows[0]) if rows else None

    def specs(self, subject_id: str | None = None) -> list[Spec]:
        sql = "SELECT * FROM capability_specs"
        params: tuple[Any, ...] = ()
        if subject_id is not None:
            sql += " WHERE subject_id = ?"
            params = (subject_id,)
        return self._records(Spec, sql + " ORDER BY subject_id, attribute", params)

    def resolutions(self) -> list[Resolution]:
        cited = schema.cited_sources_sql("resolution", "CAST(r.number AS TEXT)")
        sql = f"SELECT r.*, {cited} AS sources FROM resolutions r"
        return self._records(Resolution, sql + " ORDER BY number")

    def provisions(self) -> list[Provision]:
        sql = (
            "SELECT sp.*, p.status, p.status_since, p.confidence FROM sanctions_provisions sp "
            "JOIN provisions p ON p.id = sp.id ORDER BY sp.resolution_number, sp.id"
        )
        return self._records(Provision, sql)

    def organisations(self) -> list[Organisation]:
        cited = schema.cited_sources_sql("organisation", "o.id")
        rows = self._rows(f"SELECT o.*, {cited} AS sources FROM organisations o ORDER BY o.name")
        return [to_record(Organisation, row) for row in rows]

    def sites(self) -> list[Site]:
        cited = schema.cited_sources_sql("site", "s.id")
        found = self._rows(f"SELECT s.*, {cited} AS sources FROM sites s ORDER BY s.name")
        return [to_record(Site, row) for row in found]

    def source_note(self, source_id: str) -> str:
        """What the dataset's compiler noted about a source (what it says, how it was read)."""
        found = self._rows("SELECT note FROM source_docs WHERE id = ?", (source_id,))
        return str(found[0][0] or "") if found else ""

    def citing(self, source_id: str) -> list[tuple[str, str]]:
        """``(entity_kind, entity_id)`` of every record citing a source."""
        found = self._rows(
            "SELECT DISTINCT entity_kind, entity_id FROM citations WHERE source_id = ? "
            "ORDER BY entity_kind, entity_id",
            (source_id,),
        )
        return [(row[0], row[1]) for row in found]

    def claims(self, subject_kind: str | None = None, subject_id: str | None = None) -> list[Claim]:
        cited = schema.cited_sources_sql("claim", "c.id")
        sql = f"SELECT c.*, {cited} AS sources FROM claims c"
        params: tuple[Any, ...] = ()
        if subject_kind is not None and subject_id is not None:
            sql += " WHERE c.subject_kind = ? AND c.subject_id = ?"
            params = (subject_kind, subject_id)
        return self._records(Claim, sql + " ORDER BY c.claim_date, c.id", params)

    def launch_links(self, launch_id: str | None = None) -> list[LaunchLink]:
        cited = schema.cited_sources_sql(
            "launch_link", "k.launch_id || '/' || k.target_kind || '/' || k.target_id"
        )
        sql = f"SELECT k.*, {cited} AS sources FROM launch_links k"
        params: tuple[Any, ...] = ()
        if launch_id is not None:
            sql += " WHERE k.launch_id = ?"
            params = (launch_id,)
        return self._records(LaunchLink, sql + " ORDER BY k.launch_id, k.rowid", params)

    def scenarios(self) -> list[Scenario]:
        from briefer.domain.scenarios import Scenario

        sql = "SELECT v.* FROM cooperation_scenarios v JOIN scenarios s ON s.id = v.id"
        return self._records(Scenario, sql + " ORDER BY s.rowid")

    def scenario(self, scenario_id: str) -> Scenario | None:
        from briefer.domain.scenarios import Scenario

        sql = "SELECT * FROM cooperation_scenarios WHERE id = ?"
        found = self._records(Scenario, sql, (scenario_id,))
        return found[0] if found else None

    def scenario_links(self, scenario_id: str | None = None) -> list[ScenarioLink]:
        """In file order: each scenario's provisions, then its counter-arguments and events."""
        from briefer.domain.scenarios import ScenarioLink

        sql = (
            "SELECT v.* FROM scenario_links v JOIN scenario_targets t ON t.scenario_id = "
            "v.scenario_id AND t.target_kind = v.target_kind AND t.target_id = v.target_id"
        )
        params: tuple[Any, ...] = ()
        if scenario_id is not None:
            sql += " WHERE v.scenario_id = ?"
            params = (scenario_id,)
        return self._records(ScenarioLink, sql + " ORDER BY t.rowid", params)

    def map_features(self) -> list[MapFeature]:
        """Launch sites first, then the drawn features in file order."""
        from briefer.domain.geometry import MapFeature

        return self._records(MapFeature, "SELECT * FROM map_features")

    def sources(self, ids: tuple[str, ...] | list[str] | None = None) -> list[Source]:
        rows = self._rows("SELECT * FROM sources ORDER BY id")
        found = {row["id"]: to_record(Source, row) for row in rows}
        if ids is None:
            return list(found.values())
        return [found[source_id] for source_id in ids if source_id in found]
