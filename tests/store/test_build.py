import sqlite3

import pytest

from briefer.store import schema
from briefer.store.build import build_database
from briefer.store.errors import SourceDataError
from briefer.store.source_files import content_sha256, read_source_set
from tests.fixture_data import with_changes, write_dataset


def table_dump(path):
    conn = sqlite3.connect(path)
    names = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
    ]
    dump = {name: conn.execute(f"SELECT * FROM [{name}] ORDER BY 1").fetchall() for name in names}
    conn.close()
    return dump


def test_public_views_have_exactly_the_contract_columns(fixture_conn):
    for view, columns in schema.PUBLIC_VIEWS.items():
        kind = fixture_conn.execute("SELECT type FROM sqlite_master WHERE name = ?", (view,)).fetchone()
        assert kind == ("view",), view
        found = tuple(row[1] for row in fixture_conn.execute(f"PRAGMA table_info({view})"))
        assert found == columns, view


def test_views_join_names_and_cite_sources_in_order(fixture_conn):
    row = fixture_conn.execute(
        "SELECT vehicle, site, payload, sources, reached_orbit FROM launch_attempts WHERE id='l-2012'"
    ).fetchone()
    assert row == ("Rocket A", "West Site", "Sat One", '["src-a","src-b"]', 0)
    spec = fixture_conn.execute(
        "SELECT value, value_low, value_high, sources FROM capability_specs WHERE attribute='liftoff_mass_t'"
    ).fetchone()
    assert spec == (None, 80.0, 92.0, '["src-a","src-b"]')
    categories = dict(fixture_conn.execute("SELECT id, category FROM timeline_events"))
    assert categories == {
        "l-1998": "satellite_launch",
        "l-2012": "satellite_launch",
        "l-2016": "satellite_launch",
        "evt-poe": "period",
        "unsc-res-2087": "sanctions",
    }
    resolution = fixture_conn.execute(
        "SELECT date_utc, date_precision, title, actors, sources FROM timeline_events "
        "WHERE id = 'unsc-res-2087'"
    ).fetchone()
    assert resolution == (
        "2013-01-22",
        "day",
        "Security Council adopts S/RES/2087 (2013)",
        '["UN"]',
        '["src-c"]',
    )


def test_dataset_info_carries_versions_and_hash(fixture_conn, source_dir):
    info = dict(fixture_conn.execute("SELECT key, value FROM dataset_info"))
    assert info["schema_version"] == str(schema.SCHEMA_VERSION)
    assert info["dataset_version"] == "test.1"
    assert info["as_of"] == "2025-01-31"
    assert info["content_sha256"] == content_sha256(source_dir)


def test_foreign_keys_are_declared(fixture_conn):
    targets = {row[2] for row in fixture_conn.execute("PRAGMA foreign_key_list(launches)")}
    assert targets == {"subjects", "sites"}
    assert {row[2] for row in fixture_conn.execute("PRAGMA foreign_key_list(citations)")} == {"source_docs"}


def _found(conn: sqlite3.Connection, match: str) -> list[tuple[str, str]]:
    return conn.execute(
        "SELECT d.kind, d.entity_id FROM search_index JOIN search_docs d "
        "ON d.doc = search_index.rowid WHERE search_index MATCH ?",
        (match,),
    ).fetchall()


def test_search_index_holds_native_names_and_aliases(fixture_conn):
    assert _found(fixture_conn, "Ракета") == [("launch_vehicle", "rocket-r")]
    assert ("site", "site-w") in _found(fixture_conn, "tongchang*")
    assert ("organisation", "org-nada") in _found(fixture_conn, "국가우주개발국")


def test_titles_index_and_docs_cover_the_same_records(fixture_conn):
    docs = fixture_conn.execute("SELECT count(*) FROM search_docs").fetchone()[0]
    assert fixture_conn.execute("SELECT count(*) FROM search_index").fetchone()[0] == docs
    assert fixture_conn.execute("SELECT count(*) FROM search_titles").fetchone()[0] == docs
    kinds = {row[0] for row in fixture_conn.execute("SELECT DISTINCT kind FROM search_docs")}
    expected = {"launch_attempt", "launch_vehicle", "satellite", "resolution", "provision"}
    assert expected | {"event", "organisation", "site", "source", "scenario"} == kinds


def test_every_title_and_alias_is_an_exact_name(fixture_conn):
    found = fixture_conn.execute(
        "SELECT d.kind, d.entity_id FROM search_names n JOIN search_docs d ON d.doc = n.doc "
        "WHERE n.name = 'tongchang ri'"
    ).fetchall()
    assert found == [("site", "site-w")]


def test_build_is_deterministic(source_dir, tmp_path):
    first = build_database(read_source_set(source_dir), tmp_path / "one.db")
    second = build_database(read_source_set(source_dir), tmp_path / "two.db")
    assert table_dump(first) == table_dump(second)


def test_hash_ignores_line_endings_but_not_content(source_dir):
    before = content_sha256(source_dir)
    path = source_dir / "sites.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert content_sha256(source_dir) == before
    path.write_bytes(path.read_bytes().replace(b"West Site", b"East Site"))
    assert content_sha256(source_dir) != before


def test_invalid_sources_write_nothing(tmp_path):
    folder = write_dataset(tmp_path / "bad", with_changes("launch_attempts.csv", 0, sources="nope"))
    output = tmp_path / "out.db"
    with pytest.raises(SourceDataError, match="unknown source id 'nope'"):
        build_database(read_source_set(folder), output)
    assert not output.exists()
    assert list(tmp_path.glob(".briefer-*")) == []


def test_failed_rebuild_keeps_previous_database(source_dir, tmp_path):
    output = build_database(read_source_set(source_dir), tmp_path / "keep.db")
    before = output.read_bytes()
    folder = write_dataset(tmp_path / "bad", with_changes("events.csv", 0, category="x"))
    with pytest.raises(SourceDataError):
        build_database(read_source_set(folder), output)
    assert output.read_bytes() == before


def test_sources_say_what_kind_of_source_they_are(fixture_conn):
    kinds = dict(fixture_conn.execute("SELECT id, kind FROM sources ORDER BY id"))
    assert kinds == {"src-a": "analysis", "src-b": "official", "src-c": "official"}
