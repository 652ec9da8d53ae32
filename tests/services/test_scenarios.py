"""A scenario's view: provisions grouped by relation with their status, counter-arguments,
evidence in date order, the Panel's lapse from the data, and the matrix by resolution."""

import pytest

from briefer.domain.records import EntityRef
from briefer.services.scenarios import ScenarioError, ScenariosService
from briefer.store.reference import ReferenceStore


@pytest.fixture
def service(fixture_db):
    return ScenariosService(ReferenceStore(fixture_db))


def test_provisions_are_grouped_strongest_first_with_their_status(service):
    view = service.view("scn-launch")
    groups = [(relation, [p.provision.id for p in items]) for relation, items in view.by_relation()]
    assert groups == [("prohibits", ["res2087-op2"]), ("arguable", ["res2087-op6"])]
    assert [p.in_force for p in view.provisions] == [True, False]
    assert [p.provision.id for p in view.in_force] == ["res2087-op2"]
    assert view.provisions[0].ref == EntityRef("provision", "res2087-op2")


def test_counter_arguments_and_evidence_open_their_records(service):
    view = service.view("scn-launch")
    [argument] = view.counter_arguments
    assert argument.claim.claimant == "Agency" and argument.ref == EntityRef("claim", "clm-3")
    [shown] = view.evidence
    assert shown.ref == EntityRef("launch_attempt", "l-2016")
    assert shown.link.confidence == "confirmed"


def test_the_panel_note_comes_from_the_lapsed_provision(service):
    note = service.view("scn-panel").panel_note
    assert note.startswith("The UN Panel of Experts' mandate lapsed on 2024-04-30")
    assert "still binds all states" in note


def test_sources_are_numbered_in_order_of_first_use(service):
    view = service.view("scn-launch")
    assert view.cited() == ["src-c", "src-b", "src-a"]  # scenario, provisions, claims, events
    assert set(view.sources) == {"src-a", "src-b", "src-c"}


def test_the_matrix_keeps_the_strongest_relation_per_resolution(service):
    matrix = service.matrix()
    assert [s.id for s in matrix.scenarios] == ["scn-launch", "scn-panel"]
    assert matrix.resolutions == ((2087, "S/RES/2087 (2013)"),)
    assert matrix.cells == {("scn-launch", 2087): "prohibits", ("scn-panel", 2087): "restricts"}


def test_an_unknown_scenario_is_one_clear_error(service):
    with pytest.raises(ScenarioError, match="unknown scenario id 'nope'"):
        service.view("nope")
