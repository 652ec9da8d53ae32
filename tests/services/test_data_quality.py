"""The dataset quality report on the fixture: confidence, source kinds, weak rows, gaps."""

import json

import pytest

from briefer.services.data_quality import quality_report
from briefer.store.reference import ReferenceStore
from tests.test_cli import briefer


def test_figures_per_table_and_for_the_whole_dataset(fixture_db):
    report = quality_report(ReferenceStore(fixture_db))
    figures = report.as_dict()
    launches = figures["tables"]["launch_attempts"]
    assert launches["rows"] == 3 and sum(launches["by_confidence"].values()) == 3
    assert set(launches["citations_by_source_kind"]) <= {"analysis", "official"}
    assert figures["sources_by_kind"] == {"analysis": 1, "official": 2}
    provisions = figures["tables"]["sanctions_provisions"]
    assert sum(provisions["by_confidence"].values()) == provisions["rows"] == 2
    assert round(report.official_share, 2) == 0.67
    assert all("/" in item for item in figures["unknown_headline_specs"])
    assert sum(figures["events_per_year"].values()) >= 1


def test_a_row_citing_only_a_mirror_is_listed_as_weak(writable_fixture_db):
    import sqlite3

    db = writable_fixture_db
    with sqlite3.connect(db) as conn:  # data check refuses this; an older database may hold it
        conn.execute("UPDATE source_docs SET kind = 'mirror' WHERE kind = 'analysis'")
    weak = quality_report(ReferenceStore(db)).as_dict()["tables"]["launch_attempts"]
    assert weak["resting_only_on_weak_sources"]  # the rows citing only src-a, now a mirror


@pytest.mark.subprocess
def test_cli_prints_the_report_as_text_and_json(fixture_db):
    text = briefer("data", "info", "--quality", "--db", str(fixture_db))
    assert text.returncode == 0, text.stderr
    assert "launch_attempts: 3 rows" in text.stdout and "headline specs still unknown" in text.stdout
    data = json.loads(briefer("data", "info", "--quality", "--json", "--db", str(fixture_db)).stdout)
    assert data["tables"]["sanctions_provisions"]["rows"] == 2
