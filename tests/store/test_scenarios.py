"""Cooperation scenarios: ``data check`` refuses links to nothing, relations outside the
vocabulary, and scenarios without sources or provisions; the views and the store read them."""

import json
import sqlite3

import pytest

from briefer import paths
from briefer.domain.vocabulary import ScenarioRelation, ScenarioTarget, values_of
from briefer.store.reference import ReferenceStore
from tests.fixture_data import ROWS, with_changes
from tests.store.test_validation import problems_for


@pytest.mark.parametrize(
    ("file", "index", "changes", "expected"),
    [
        (
            "scenario_links.csv",
            0,
            {"target_id": "res9999-op1"},
            "scenario_links.csv:2: target_id 'res9999-op1' is not a known provision",
        ),
        (
            "scenario_links.csv",
            2,
            {"target_id": "evt-nowhere"},
            "scenario_links.csv:4: target_id 'evt-nowhere' is not a known event",
        ),
        (
            "scenario_links.csv",
            3,
            {"target_id": "clm-nobody"},
            "scenario_links.csv:5: target_id 'clm-nobody' is not a known claim",
        ),
        (
            "scenario_links.csv",
            0,
            {"scenario_id": "scn-ghost"},
            "scenario_links.csv:2: scenario_id 'scn-ghost' is not a known scenario",
        ),
        (
            "scenario_links.csv",
            0,
            {"relation": "forbids"},
            "scenario_links.csv:2: relation 'forbids' is not one of prohibits, restricts, "
            "exempts, arguable",
        ),
        (
            "scenario_links.csv",
            0,
            {"target_kind": "resolution"},
            "scenario_links.csv:2: target_kind 'resolution' is not one of provision, event, claim",
        ),
        ("scenarios.csv", 0, {"sources": ""}, "scenarios.csv:2: row has no source"),
        ("scenario_links.csv", 1, {"reasoning": ""}, "scenario_links.csv:3: 'reasoning' is empty"),
    ],
)
def test_bad_links_and_scenarios_are_refused(tmp_path, file, index, changes, expected):
    assert expected in problems_for(tmp_path, with_changes(file, index, **changes))


def test_a_scenario_engaging_no_provision_is_refused(tmp_path):
    rows = {name: [dict(r) for r in records] for name, records in ROWS.items()}
    rows["scenario_links.csv"] = [
        r for r in rows["scenario_links.csv"] if r["scenario_id"] != "scn-panel"
    ]
    assert "scenarios.csv:3: scenario 'scn-panel' engages no provision" in problems_for(
        tmp_path, rows
    )


def test_the_views_hold_the_contract_columns(fixture_conn):
    fixture_conn.row_factory = sqlite3.Row
    scenario = fixture_conn.execute("SELECT * FROM cooperation_scenarios WHERE id = 'scn-launch'")
    row = dict(scenario.fetchone())
    assert list(row) == ["id", "title", "summary", "sources", "confidence"]
    assert json.loads(row["sources"]) == ["src-c"]
    links = fixture_conn.execute("SELECT * FROM scenario_links WHERE scenario_id = 'scn-launch'")
    found = [dict(r) for r in links]
    assert sorted(r["target_kind"] for r in found) == ["claim", "event", "provision", "provision"]
    assert set(found[0]) == {
        "scenario_id",
        "target_kind",
        "target_id",
        "relation",
        "reasoning",
        "sources",
        "confidence",
    }


def test_the_store_reads_scenarios_and_links_in_file_order(fixture_db):
    store = ReferenceStore(fixture_db)
    assert [s.id for s in store.scenarios()] == ["scn-launch", "scn-panel"]
    assert store.scenario("scn-panel").confidence == "unverified"
    assert store.scenario("nope") is None
    links = store.scenario_links("scn-launch")
    assert [(k.target_kind, k.target_id, k.relation) for k in links] == [
        ("provision", "res2087-op2", "prohibits"),
        ("provision", "res2087-op6", "arguable"),
        ("event", "l-2016", "prohibits"),
        ("claim", "clm-3", "arguable"),
    ]
    assert links[0].sources == ("src-c",)
    assert len(store.scenario_links()) == 5


def test_the_shipped_scenarios_cover_what_analysts_ask():
    store = ReferenceStore(paths.bundled_db_path())
    scenarios = store.scenarios()
    assert len(scenarios) >= 12
    links = store.scenario_links()
    for scenario in scenarios:
        own = [k for k in links if k.scenario_id == scenario.id]
        assert any(k.target_kind == ScenarioTarget.PROVISION for k in own), scenario.id
        assert all(k.sources and k.reasoning for k in own), scenario.id
    assert {k.relation for k in links} <= set(values_of(ScenarioRelation))
    titles = " / ".join(s.title.lower() for s in scenarios)
    for asked in (
        "satellite on a russian rocket",
        "training",
        "munitions",
        "workers",
        "joint ventures",
        "refined petroleum",
        "imagery",
        "designated",
    ):
        assert asked in titles, asked
