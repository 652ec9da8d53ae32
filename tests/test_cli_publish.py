"""``briefer data publish DIR``, and Datasette serving what it wrote: every public view, the
search and each canned query answer (Datasette is a test dependency, never a runtime one)."""

import asyncio
import errno
import json
import sqlite3

import pytest

from briefer import paths
from briefer.__main__ import main
from briefer.store import publication
from briefer.store.schema import PUBLIC_VIEWS


def publish(capsys, *args):
    code = main(["data", "publish", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_publishes_the_database_given_with_db(capsys, fixture_db, tmp_path):
    code, out, err = publish(capsys, str(tmp_path / "pub"), "--db", str(fixture_db))
    assert (code, err) == (0, "")
    assert "published dataset test.1" in out
    assert f"datasette serve --immutable {tmp_path / 'pub' / 'briefer.db'} -m " in out


def test_publishes_the_database_in_use_by_default(capsys, tmp_path):
    code, out, _err = publish(capsys, str(tmp_path / "pub"))
    assert code == 0
    with sqlite3.connect(f"file:{paths.bundled_db_path()}?mode=ro", uri=True) as conn:
        version = conn.execute("SELECT value FROM dataset WHERE key = 'dataset_version'").fetchone()
    assert f"published dataset {version[0]}:" in out


def test_a_folder_with_other_files_is_one_line_and_exit_2(capsys, fixture_db, tmp_path):
    (tmp_path / "pub").mkdir()
    (tmp_path / "pub" / "report.docx").write_bytes(b"mine")
    code, out, err = publish(capsys, str(tmp_path / "pub"), "--db", str(fixture_db))
    assert (code, out) == (2, "")
    assert err.startswith("briefer: error: will not publish to ") and err.count("\n") == 1
    assert "report.docx" in err


def test_an_unwritable_folder_is_one_line_and_exit_2(capsys, fixture_db, tmp_path, monkeypatch):
    def denied(*args, **kwargs):
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(publication.tempfile, "mkstemp", denied)
    code, _out, err = publish(capsys, str(tmp_path / "pub"), "--db", str(fixture_db))
    assert code == 2
    assert (
        err
        == f"briefer: error: cannot publish to {tmp_path / 'pub'}: permission was denied (Permission denied)\n"
    )
    assert list((tmp_path / "pub").iterdir()) == []


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The bundled database published, and Datasette's answers to the requests below."""
    pytest.importorskip("datasette.app", reason="Datasette (the test extra) is not installed")
    folder = tmp_path_factory.mktemp("published")
    assert main(["data", "publish", str(folder), "--db", str(paths.bundled_db_path())]) == 0
    return folder, asyncio.run(datasette_answers(folder))


def requests(folder):
    yield "/-/metadata.json"
    for view in PUBLIC_VIEWS:
        yield f"/briefer/{view}.json?_size=max"
    yield "/briefer/search.json?_shape=array&words=Chollima"
    yield "/briefer/search_docs.json?_shape=array&_search=Sohae"
    yield "/briefer/launch_attempts_by_outcome.json?_shape=array"
    yield "/briefer/provisions_in_force_by_topic.json?_shape=array&topic=technical_cooperation"
    yield "/briefer/provisions_in_force_by_topic.json?_shape=array&topic="
    yield "/briefer/what_a_launch_bears_on.json?_shape=array&launch_id=prk-2016-02-07"


async def datasette_answers(folder):
    from datasette.app import Datasette

    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    settings = {"facet_time_limit_ms": 10_000, "sql_time_limit_ms": 20_000}
    ds = Datasette(
        [], immutables=[str(folder / "briefer.db")], metadata=metadata, settings=settings
    )
    await ds.invoke_startup()
    answers = {}
    for path in requests(folder):
        response = await ds.client.get(path)
        answers[path] = (response.status_code, response.json())
    return answers


def answer(served, path):
    status, body = served[1][path]
    assert status == 200, (path, body)
    return body


def database_rows(served, sql, *params):
    with sqlite3.connect(f"file:{served[0] / 'briefer.db'}?mode=ro", uri=True) as conn:
        return conn.execute(sql, params).fetchall()


def test_every_public_view_answers_with_its_columns_and_rows(served):
    metadata = answer(served, "/-/metadata.json")["databases"]["briefer"]["tables"]
    for view, columns in PUBLIC_VIEWS.items():
        body = answer(served, f"/briefer/{view}.json?_size=max")
        assert body["columns"] == list(columns), view
        (count,) = database_rows(served, f"SELECT count(*) FROM {view}")[0]
        assert body["filtered_table_rows_count"] == count > 0, view
        assert len(body["rows"]) == min(count, 1000), view
        assert set(body["facet_results"]) == {
            f if isinstance(f, str) else next(iter(f.values()))
            for f in metadata[view].get("facets", [])
        }, view


def test_every_public_view_column_is_described_in_the_served_metadata(served):
    tables = answer(served, "/-/metadata.json")["databases"]["briefer"]["tables"]
    for view, columns in PUBLIC_VIEWS.items():
        described = tables[view]["columns"]
        assert [c for c in columns if not described.get(c, "").strip()] == [], view


def test_search_finds_a_real_record(served):
    hits = answer(served, "/briefer/search.json?_shape=array&words=Chollima")
    assert {"kind": "launch_vehicle", "entity_id": "chollima-1"}.items() <= hits[0].items()
    found = answer(served, "/briefer/search_docs.json?_shape=array&_search=Sohae")
    assert ("site", "sohae") in {(hit["kind"], hit["entity_id"]) for hit in found}


def test_launch_attempts_by_outcome(served):
    rows = answer(served, "/briefer/launch_attempts_by_outcome.json?_shape=array")
    (attempts,) = database_rows(served, "SELECT count(*) FROM launch_attempts")[0]
    assert rows and sum(row["attempts"] for row in rows) == attempts
    assert {row["outcome"] for row in rows} <= {"success", "failure", "partial", "unknown"}


def test_provisions_in_force_by_topic(served):
    rows = answer(
        served,
        "/briefer/provisions_in_force_by_topic.json?_shape=array&topic=technical_cooperation",
    )
    assert rows and all("technical_cooperation" in json.loads(row["topics"]) for row in rows)
    every = answer(served, "/briefer/provisions_in_force_by_topic.json?_shape=array&topic=")
    in_force = database_rows(served, "SELECT id FROM provisions WHERE status = 'in_force'")
    assert sorted(row["id"] for row in every) == sorted(r[0] for r in in_force)


def test_what_a_launch_bears_on(served):
    rows = answer(
        served, "/briefer/what_a_launch_bears_on.json?_shape=array&launch_id=prk-2016-02-07"
    )
    links = database_rows(
        served, "SELECT target_id FROM launch_links WHERE launch_id = ?", "prk-2016-02-07"
    )
    assert sorted(row["target_id"] for row in rows) == sorted(r[0] for r in links)
    titles = {(row["relation"], row["title"]) for row in rows}
    assert ("responded_to", "Security Council adopts S/RES/2270 (2016)") in titles
    assert ("bears_on", "S/RES/1718 (2006) OP2") in titles
