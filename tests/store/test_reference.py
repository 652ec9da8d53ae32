import sqlite3

import pytest

from briefer.store.errors import DatabaseCorrupt, DatabaseMissing, SchemaMismatch
from briefer.store.reference import ReferenceStore
from briefer.store.schema import SCHEMA_VERSION


def test_reads_domain_records(fixture_db):
    store = ReferenceStore(fixture_db)
    launches = store.launch_attempts()
    assert [launch.id for launch in launches] == ["l-1998", "l-2012", "l-2016"]
    first = launches[0]
    assert (first.outcome, first.claimed_outcome, first.reached_orbit) == (
        "failure",
        "success",
        False,
    )
    assert store.launch_attempt("l-2016").utc_offset == "+08:30"
    assert store.launch_attempt("missing") is None
    assert {s.name for s in store.subjects("launch_vehicle")} == {"Rocket A", "Raketa"}
    assert store.subject("rocket-r").native_name == "Ракета"
    unknown = next(s for s in store.specs("sat-1") if s.attribute == "mass_kg")
    assert unknown.is_unknown
    provisions = store.provisions()
    assert [(p.id, p.status) for p in provisions] == [
        ("res2087-op2", "in_force"),
        ("res2087-op6", "lapsed"),
    ]
    assert [s.id for s in store.sources(["src-b", "src-a", "ghost"])] == ["src-b", "src-a"]


def test_database_is_opened_read_only(fixture_db):
    store = ReferenceStore(fixture_db)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store._conn.execute("DELETE FROM launches")


def test_missing_database(tmp_path):
    with pytest.raises(DatabaseMissing, match="not found"):
        ReferenceStore(tmp_path / "absent.db")


def test_corrupt_database(tmp_path):
    path = tmp_path / "corrupt.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseCorrupt, match="damaged or not a Briefer database"):
        ReferenceStore(path)


def test_foreign_sqlite_database(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaMismatch, match="missing launch_attempts"):
        ReferenceStore(path)


def test_wrong_schema_version(writable_fixture_db):
    conn = sqlite3.connect(writable_fixture_db)
    conn.execute("UPDATE dataset SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaMismatch, match=f"schema 99, expected {SCHEMA_VERSION}"):
        ReferenceStore(writable_fixture_db)


def _search(store):
    from briefer.services.search import SearchService

    return SearchService(store.search_index()).search("raketa")


@pytest.mark.parametrize(
    ("table", "read"),
    [("launches", ReferenceStore.launch_attempts), ("search_index", _search)],
)
def test_damage_met_after_opening_is_a_store_error(writable_fixture_db, table, read):
    from tests.damage import corrupt_table

    store = ReferenceStore(writable_fixture_db)
    corrupt_table(writable_fixture_db, table)
    with pytest.raises(DatabaseCorrupt, match="damaged or not a Briefer database"):
        read(store)
