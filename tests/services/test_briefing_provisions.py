"""Each template cites the sanctions paragraphs on what it is about (the shipped dataset)."""

import pytest

from briefer.domain.briefing_recipe import BriefingRequest
from briefer.services.briefing_provisions import main_topic

PAGE = 4  # about as many paragraphs as a page keeps


@pytest.fixture(scope="module")
def shipped(shipped_composer, shipped_store):
    return shipped_composer, {p.id: p for p in shipped_store.provisions()}


def _first(shipped, **request):
    composer, provisions = shipped
    briefing = composer.compose(BriefingRequest(**request))
    return [provisions[i] for i in briefing.provision_ids[:PAGE]]


def test_an_overview_leads_with_the_launch_ban_and_the_cooperation_bans(shipped):
    chosen = _first(shipped, template="overview")
    topics = [main_topic(p) for p in chosen]
    assert topics[:3] == ["ballistic_missile_launches", "technical_cooperation", "training"]
    assert chosen[0].id == "res1718-op2"  # the founding demand, not a later reaffirmation
    assert all(p.status == "in_force" for p in chosen)


def test_a_comparison_cites_cooperation_training_and_transfers_never_a_trigger_clause(shipped):
    chosen = _first(shipped, template="comparison")
    assert {main_topic(p) for p in chosen} == {"technical_cooperation", "training", "transfers"}
    assert not {"res2397-op28", "res2321-op15"} & {p.id for p in chosen}


def test_a_launch_brief_leads_with_what_that_launch_bears_on_then_the_launch_bans(
    shipped, shipped_store
):
    composer, provisions = shipped
    bearing = [
        k.target_id
        for k in shipped_store.launch_links("prk-2016-02-07")
        if k.relation == "bears_on" and k.target_kind == "provision"
    ]
    briefing = composer.compose(BriefingRequest(template="launch", launch_id="prk-2016-02-07"))
    ids = list(briefing.provision_ids)
    assert bearing and set(ids[: len(bearing)]) == set(bearing)
    rest = [provisions[i] for i in ids[len(bearing) :]]
    assert rest and all(main_topic(p) == "ballistic_missile_launches" for p in rest)


def test_a_sanctions_brief_cites_the_analysts_picks_in_their_order(shipped):
    picks = ("res2270-op17", "res1718-op2")
    chosen = _first(shipped, template="sanctions", provision_ids=picks)
    assert tuple(p.id for p in chosen) == picks


def test_a_sanctions_brief_without_picks_leads_with_the_founding_launch_ban(shipped):
    chosen = _first(shipped, template="sanctions")
    assert chosen[0].id == "res1718-op2"
    assert not {"res2397-op28", "res2321-op15"} & {p.id for p in chosen}
