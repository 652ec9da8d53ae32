"""The Datasette metadata: descriptions, facets, hidden tables and canned queries that run."""

import sqlite3

import pytest

from briefer.store.datasette_metadata import (
    DATABASE_NAME,
    FACETS,
    SEARCH_TABLE,
    datasette_metadata,
)
from briefer.store.schema import PUBLIC_VIEWS


@pytest.fixture
def conn(fixture_db):
    connection = sqlite3.connect(f"file:{fixture_db}?mode=ro", uri=True)
    yield connection
    connection.close()


@pytest.fixture
def metadata(conn):
    return datasette_metadata(conn)


def run(conn, metadata, name, **params):
    sql = metadata["databases"][DATABASE_NAME]["queries"][name]["sql"]
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def test_every_public_view_column_is_described(metadata):
    tables = metadata["databases"][DATABASE_NAME]["tables"]
    for view, columns in PUBLIC_VIEWS.items():
        described = tables[view]["columns"]
        missing = [c for c in columns if not described.get(c, "").strip()]
        assert missing == [], view
        assert tables[view]["description"]


def test_title_source_and_licence_are_honest(metadata):
    assert metadata["title"]
    assert "test.1" in metadata["source"] and "sources view" in metadata["source"]
    assert metadata["license"].startswith("Not stated")
    assert "license_url" not in metadata


def test_facets_name_columns_of_their_view(metadata):
    tables = metadata["databases"][DATABASE_NAME]["tables"]
    for view, facets in FACETS.items():
        assert tables[view]["facets"] == facets
        for facet in facets:
            column = facet if isinstance(facet, str) else next(iter(facet.values()))
            assert column in PUBLIC_VIEWS[view], (view, column)


def test_only_the_views_and_the_search_table_are_shown(conn, metadata):
    tables = metadata["databases"][DATABASE_NAME]["tables"]
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    hidden = {name for name, table in tables.items() if table.get("hidden")}
    assert hidden == names - {SEARCH_TABLE}
    assert tables[SEARCH_TABLE]["fts_table"] == "search_index"
    assert tables[SEARCH_TABLE]["fts_pk"] == "doc"


def test_launch_attempts_by_outcome_keeps_claim_and_assessment_apart(conn, metadata):
    rows = run(conn, metadata, "launch_attempts_by_outcome")
    pairs = {(r["outcome"], r["claimed_outcome"]): r["attempts"] for r in rows}
    assert pairs == {
        ("failure", "failure"): 1,
        ("success", "success"): 1,
        ("failure", "success"): 1,
    }


def test_provisions_in_force_by_topic(conn, metadata):
    def ids(topic):
        return [r["id"] for r in run(conn, metadata, "provisions_in_force_by_topic", topic=topic)]

    assert ids("ballistic_missile_launches") == ["res2087-op2"]
    assert ids("committee_and_panel") == []  # lapsed
    assert ids("") == ["res2087-op2"]  # no topic: every provision in force


def test_what_a_launch_bears_on(conn, metadata):
    def rows(launch_id):
        return run(conn, metadata, "what_a_launch_bears_on", launch_id=launch_id)

    provision = rows("l-2016")
    assert [(r["relation"], r["target_id"], r["title"]) for r in provision] == [
        ("bears_on", "res2087-op2", "S/RES/2087 (2013) OP2")
    ]
    response = rows("l-2012")
    assert response[0]["title"] == "Security Council adopts S/RES/2087 (2013)"
    assert response[0]["date_utc"] == "2013-01-22"
    statement = rows("l-1998")
    assert [(r["target_kind"], r["title"]) for r in statement] == [
        ("council_statement", "press-1998")
    ]


@pytest.mark.parametrize("words", ["raketa", "Raketa-A", 'say "hi" NEAR (x', "-", ""])
def test_search_takes_any_text_as_words(conn, metadata, words):
    run(conn, metadata, "search", words=words)  # never an FTS5 syntax error


def test_search_finds_a_record_by_the_start_of_its_name(conn, metadata):
    names = conn.execute("SELECT title FROM search_docs WHERE kind = 'launch_vehicle'").fetchone()
    start = names[0][:4]
    rows = run(conn, metadata, "search", words=start)
    assert names[0] in {r["title"] for r in rows}
