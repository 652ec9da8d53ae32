"""Links between records in the detail pane, on the fixture dataset."""

import pytest

from briefer.domain.records import EntityRef
from briefer.services.detail import DetailService
from briefer.store.reference import ReferenceStore


@pytest.fixture
def details(fixture_db):
    return DetailService(ReferenceStore(fixture_db))


def links_of(details, kind, entity_id):
    detail = details.detail(EntityRef(kind, entity_id))
    return {heading: [ref for _text, ref in links] for heading, links in detail.links}


def test_a_launch_links_its_vehicle_payload_and_site(details):
    links = links_of(details, "launch_attempt", "l-2012")
    assert links["Vehicle, payload and site"] == [
        EntityRef("subject", "rocket-a"),
        EntityRef("subject", "sat-1"),
        EntityRef("site", "site-w"),
    ]


def test_a_vehicle_links_its_launches_and_a_satellite_the_launches_that_carried_it(details):
    vehicle = links_of(details, "subject", "rocket-a")["Launch attempts"]
    assert {ref.id for ref in vehicle} == {"l-1998", "l-2012", "l-2016"}
    satellite = links_of(details, "subject", "sat-1")["Launched on"]
    assert {ref.id for ref in satellite} == {"l-2012", "l-2016"}


def test_a_provision_links_what_triggered_its_resolution_and_the_launches_it_bears_on(details):
    links = links_of(details, "provision", "res2087-op2")
    assert links["Resolution"] == [EntityRef("resolution", "2087")]
    assert links["Triggered by"] == [EntityRef("launch_attempt", "l-2012")]
    assert links["Launch attempts it bears on"] == [EntityRef("launch_attempt", "l-2016")]


def test_a_site_lists_its_launches_and_its_names(details):
    detail = details.detail(EntityRef("site", "site-w"))
    facts = dict(detail.facts)
    assert facts["Native name"] == "서해" and "Tongchang-ri" in facts["Also known as"]
    assert len(dict(detail.links)["Launch attempts from here"]) == 3


def test_an_organisation_detail_has_its_names(details):
    detail = details.detail(EntityRef("organisation", "org-nada"))
    assert detail.title == "National Aerospace Development Administration"
    assert dict(detail.facts)["Native name"] == "국가우주개발국"


def test_a_source_lists_every_record_citing_it(details):
    detail = details.detail(EntityRef("source", "src-c"))
    cited_by = dict(detail.links)["Cited by"]
    refs = {ref for _text, ref in cited_by}
    assert EntityRef("resolution", "2087") in refs
    assert EntityRef("event", "evt-poe") in refs
    assert EntityRef("launch_attempt", "l-1998") in refs  # through claim clm-2
    assert detail.confidence == "" and [s.id for s in detail.sources] == ["src-c"]


def test_shipped_operator_links_match_whole_names_only():
    from briefer import paths

    details = DetailService(ReferenceStore(paths.bundled_db_path()))
    nada = links_of(details, "organisation", "nada")["Systems it operates or operated"]
    assert EntityRef("subject", "malligyong-1") in nada
    for ref in nada:
        subject = details.detail(ref)
        assert "Canada" not in dict(subject.facts).get("Operator", "")


def test_notes_on_linked_records_are_listed_but_not_the_records_own(details, fixture_db, tmp_path):
    from briefer.services.detail_notes import HEADING, with_linked_notes
    from briefer.services.notes import NotesService
    from briefer.store.user_db import UserStore

    notes = NotesService(UserStore(tmp_path / "user.db"), ReferenceStore(fixture_db))
    notes.save(EntityRef("subject", "rocket-a"), "First stage\nlooks like four Nodong engines")
    notes.save(EntityRef("launch_attempt", "l-2012"), "The launch itself")
    notes.save(EntityRef("site", "site-w"), "   ")
    detail = with_linked_notes(details.detail(EntityRef("launch_attempt", "l-2012")), notes)
    group = dict(detail.links)[HEADING]
    assert group == (("Rocket A: First stage", EntityRef("subject", "rocket-a")),)


def test_a_source_and_the_sources_of_a_record_show_their_kind(details):
    source = details.detail(EntityRef("source", "src-b"))
    assert ("Kind", "official") in source.facts
    launch = details.detail(EntityRef("launch_attempt", "l-1998"))
    assert {s.kind for s in launch.sources} <= {"official", "analysis"} and launch.sources
