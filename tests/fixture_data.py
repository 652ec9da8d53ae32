"""A tiny, deterministic dataset written from code, for behaviour tests."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from briefer.store.record_kinds import RECORD_KINDS_BY_FILE

ROWS: dict[str, list[dict[str, str]]] = {
    "dataset.csv": [
        {"key": "dataset_version", "value": "test.1"},
        {"key": "as_of", "value": "2025-01-31"},
        {"key": "coverage_through", "value": "2024-06-30"},
    ],
    "sources.csv": [
        {
            "id": "src-a",
            "title": "Launch log",
            "publisher": "Log keeper",
            "url": "https://example.org/log",
            "published": "2024-06",
            "accessed": "2025-01-01",
            "kind": "analysis",
        },
        {
            "id": "src-b",
            "title": "Agency report <b>&amp;",
            "publisher": "Agency",
            "url": "",
            "published": "2023-11-22",
            "accessed": "2025-01-01",
            "kind": "official",
            "note": "print edition",
        },
        {
            "id": "src-c",
            "title": "Resolution text",
            "publisher": "UN",
            "url": "https://undocs.org/S/RES/2087(2013)",
            "published": "2013-01-22",
            "accessed": "2025-01-01",
            "kind": "official",
        },
    ],
    "sites.csv": [
        {
            "id": "site-w",
            "name": "West Site",
            "native_name": "서해",
            "aliases": "Tongchang-ri;West",
            "country": "PRK",
            "latitude": "39.66",
            "longitude": "124.7",
            "sources": "src-a",
            "confidence": "confirmed",
        },
    ],
    "subjects.csv": [
        {
            "id": "rocket-a",
            "name": "Rocket A",
            "kind": "launch_vehicle",
            "country": "PRK",
            "native_name": "로켓",
            "aliases": "RA",
            "sources": "src-a",
            "confidence": "likely",
            "summary": "A three-stage launcher.",
        },
        {
            "id": "rocket-r",
            "name": "Raketa",
            "kind": "launch_vehicle",
            "country": "RUS",
            "native_name": "Ракета",
            "sources": "src-a",
            "confidence": "confirmed",
        },
        {
            "id": "sat-1",
            "name": "Sat One",
            "kind": "satellite",
            "country": "PRK",
            "sources": "src-b",
            "confidence": "likely",
        },
    ],
    "specs.csv": [
        {
            "subject_id": "rocket-a",
            "attribute": "height_m",
            "value": "30",
            "unit": "m",
            "confidence": "likely",
            "sources": "src-a",
        },
        {
            "subject_id": "rocket-a",
            "attribute": "liftoff_mass_t",
            "value_low": "80",
            "value_high": "92",
            "unit": "t",
            "confidence": "unverified",
            "sources": "src-a;src-b",
            "note": "estimates vary",
        },
        {
            "subject_id": "rocket-r",
            "attribute": "height_m",
            "value": "46.3",
            "unit": "m",
            "confidence": "confirmed",
            "sources": "src-a",
        },
        {
            "subject_id": "sat-1",
            "attribute": "mass_kg",
            "unit": "kg",
            "confidence": "unverified",
            "sources": "src-b",
            "note": "no public figure",
        },
    ],
    "launch_attempts.csv": [
        {
            "id": "l-2012",
            "date_utc": "2012-04-12",
            "time_utc": "22:38",
            "date_local": "2012-04-13",
            "time_local": "07:38",
            "utc_offset": "+09:00",
            "vehicle_id": "rocket-a",
            "site_id": "site-w",
            "payload_id": "sat-1",
            "outcome": "failure",
            "claimed_outcome": "failure",
            "failure_stage": "1",
            "failure_time_s": "90",
            "reached_orbit": "0",
            "summary": "Broke up early.",
            "sources": "src-a;src-b",
            "confidence": "confirmed",
        },
        {
            "id": "l-2016",
            "date_utc": "2016-02-07",
            "time_utc": "00:30",
            "date_local": "2016-02-07",
            "time_local": "09:00",
            "utc_offset": "+08:30",
            "vehicle_id": "rocket-a",
            "site_id": "site-w",
            "payload_id": "sat-1",
            "outcome": "success",
            "claimed_outcome": "success",
            "reached_orbit": "1",
            "norad_id": "41332",
            "cospar_id": "2016-009A",
            "summary": "Reached orbit.",
            "sources": "src-a",
            "confidence": "confirmed",
        },
        {
            "id": "l-1998",
            "date_utc": "1998-08-31",
            "time_utc": "03:07",
            "date_local": "1998-08-31",
            "time_local": "12:07",
            "utc_offset": "+09:00",
            "vehicle_id": "rocket-a",
            "site_id": "site-w",
            "outcome": "failure",
            "claimed_outcome": "success",
            "failure_stage": "3",
            "reached_orbit": "0",
            "summary": "Claimed in orbit; nothing was tracked.",
            "sources": "src-a",
            "confidence": "likely",
        },
    ],
    "events.csv": [
        {
            "id": "evt-poe",
            "date_utc": "2009-06-12",
            "date_precision": "day",
            "end_date_utc": "2024-04-30",
            "category": "period",
            "title": "Panel of Experts mandate",
            "actors": "UN",
            "sources": "src-c",
            "confidence": "confirmed",
        },
    ],
    "resolutions.csv": [
        {
            "number": "2087",
            "symbol": "S/RES/2087 (2013)",
            "adopted": "2013-01-22",
            "vote": "15-0-0",
            "trigger": "The launch of 2012-04-12",
            "triggered_by": "l-2012",
            "summary": "Condemned the launch.",
            "sources": "src-c",
        },
    ],
    "provisions.csv": [
        {
            "id": "res2087-op2",
            "resolution_number": "2087",
            "paragraph": "OP2",
            "topics": "ballistic_missile_launches",
            "summary": "No further launches.",
            "relevance": "Bars help with launches.",
            "status": "in_force",
            "sources": "src-c",
            "confidence": "confirmed",
        },
        {
            "id": "res2087-op6",
            "resolution_number": "2087",
            "paragraph": "OP6",
            "topics": "committee_and_panel",
            "summary": "Panel work.",
            "relevance": "",
            "status": "lapsed",
            "status_since": "2024-04-30",
            "sources": "src-c",
            "confidence": "likely",
        },
    ],
    "organisations.csv": [
        {
            "id": "org-nada",
            "name": "National Aerospace Development Administration",
            "native_name": "국가우주개발국",
            "aliases": "NADA",
            "country": "PRK",
            "kind": "space_agency",
            "sources": "src-b",
            "confidence": "likely",
        },
    ],
    "claims.csv": [
        {
            "id": "clm-1",
            "subject_kind": "launch_attempt",
            "subject_id": "l-1998",
            "attribute": "outcome",
            "claimant": "KCNA",
            "claimed_value": "success: in orbit",
            "claim_date": "1998-09-04",
            "sources": "src-b",
            "adopted": "0",
            "rationale": "Nothing was ever tracked.",
        },
        {
            "id": "clm-2",
            "subject_kind": "launch_attempt",
            "subject_id": "l-1998",
            "attribute": "outcome",
            "claimant": "US Space Command",
            "claimed_value": "failure",
            "claim_date": "1998-09-14",
            "sources": "src-c",
            "adopted": "1",
            "rationale": "Tracking found no object.",
        },
        {
            "id": "clm-3",
            "subject_kind": "scenario",
            "subject_id": "scn-launch",
            "attribute": "lawfulness",
            "claimant": "Agency",
            "claimed_value": "Space cooperation is peaceful and lawful.",
            "claim_date": "2023-09-13",
            "sources": "src-b",
            "adopted": "0",
            "rationale": "The launch ban covers any launch using ballistic missile technology.",
        },
    ],
    "scenarios.csv": [
        {
            "id": "scn-launch",
            "title": "Launching a DPRK satellite on a foreign rocket",
            "summary": "A foreign state puts a DPRK satellite into orbit.",
            "sources": "src-c",
            "confidence": "likely",
        },
        {
            "id": "scn-panel",
            "title": "Working around the Panel",
            "summary": "Activity once reported by the Panel.",
            "sources": "src-c",
            "confidence": "unverified",
        },
    ],
    "scenario_links.csv": [
        {
            "scenario_id": "scn-launch",
            "target_kind": "provision",
            "target_id": "res2087-op2",
            "relation": "prohibits",
            "reasoning": "The launch uses ballistic missile technology.",
            "sources": "src-c",
            "confidence": "likely",
        },
        {
            "scenario_id": "scn-launch",
            "target_kind": "provision",
            "target_id": "res2087-op6",
            "relation": "arguable",
            "reasoning": "No panel is left to report it.",
            "sources": "src-c",
            "confidence": "unverified",
        },
        {
            "scenario_id": "scn-launch",
            "target_kind": "event",
            "target_id": "l-2016",
            "relation": "prohibits",
            "reasoning": "A launch of the kind the ban covers.",
            "sources": "src-a",
            "confidence": "confirmed",
        },
        {
            "scenario_id": "scn-launch",
            "target_kind": "claim",
            "target_id": "clm-3",
            "relation": "arguable",
            "reasoning": "The peaceful-use argument.",
            "sources": "src-b",
            "confidence": "likely",
        },
        {
            "scenario_id": "scn-panel",
            "target_kind": "provision",
            "target_id": "res2087-op6",
            "relation": "restricts",
            "reasoning": "The Panel's mandate.",
            "sources": "src-c",
            "confidence": "unverified",
        },
    ],
    "map_features.csv": [
        {
            "id": "map-zone-2016",
            "kind": "danger_zone",
            "geometry": '{"type":"Polygon","coordinates":[[[124,36],[125,36],[125,35],[124,35],[124,36]]]}',
            "launch_id": "l-2016",
            "label": "First-stage drop zone",
            "sources": "src-a",
            "confidence": "likely",
        },
        {
            "id": "map-track-2016",
            "kind": "track",
            "geometry": '{"type":"LineString","coordinates":[[124.7,39.66],[124.5,30]]}',
            "launch_id": "l-2016",
            "label": "Flight south",
            "sources": "src-a",
            "confidence": "unverified",
        },
        {
            "id": "map-debris-2012",
            "kind": "debris",
            "geometry": '{"type":"Point","coordinates":[125.5,35.9]}',
            "launch_id": "l-2012",
            "label": "Wreckage recovered",
            "sources": "src-b",
            "confidence": "confirmed",
        },
    ],
    "launch_links.csv": [
        {
            "launch_id": "l-2012",
            "target_kind": "resolution",
            "target_id": "2087",
            "relation": "responded_to",
            "note": "Adopted after a second launch.",
            "sources": "src-c",
        },
        {
            "launch_id": "l-2016",
            "target_kind": "provision",
            "target_id": "res2087-op2",
            "relation": "bears_on",
        },
        {
            "launch_id": "l-1998",
            "target_kind": "council_statement",
            "target_id": "press-1998",
            "relation": "responded_to",
            "sources": "src-a",
        },
    ],
}


def write_dataset(folder: Path, rows: dict[str, list[dict[str, str]]] | None = None) -> Path:
    """Write the fixture (or ``rows``) as source files into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for file, records in (rows or ROWS).items():
        columns = RECORD_KINDS_BY_FILE[file].column_names
        with (folder / file).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            for record in records:
                writer.writerow({column: record.get(column, "") for column in columns})
    return folder


def with_changes(file: str, index: int, **changes: str) -> dict[str, list[dict[str, str]]]:
    """A copy of the fixture rows with one row of one file changed."""
    rows = {name: [dict(record) for record in records] for name, records in ROWS.items()}
    rows[file][index].update(changes)
    return rows


def build_variant(
    folder: Path, name: str, change: Callable[[dict[str, list[dict[str, str]]]], None] | None = None
) -> Path:
    """Build ``folder/name.db`` from a copy of the fixture rows that ``change`` edited first."""
    from briefer.store.build import build_database
    from briefer.store.source_files import read_source_set

    rows = {kind: [dict(r) for r in records] for kind, records in ROWS.items()}
    if change:
        change(rows)
    return build_database(
        read_source_set(write_dataset(folder / name, rows)), folder / f"{name}.db"
    )


def signed_pack(
    folder: Path,
    version: str,
    change: Callable[[dict[str, list[dict[str, str]]]], None] | None = None,
) -> tuple[Path, Path]:
    """A data pack of the fixture rows at ``version`` (``change`` edits them first), signed with
    a key made here; returns the pack and the folder of the public key that verifies it."""
    from briefer.store.data_packs import make_pack
    from briefer.store.pack_keys import generate_key_pair, load_private_key

    rows = {kind: [dict(r) for r in records] for kind, records in ROWS.items()}
    rows["dataset.csv"][0]["value"] = version
    if change:
        change(rows)
    private, public = generate_key_pair(folder / f"keys-{version}")
    pack = folder / f"{version}.brpack"
    make_pack(write_dataset(folder / f"src-{version}", rows), load_private_key(private), pack)
    return pack, public.parent
