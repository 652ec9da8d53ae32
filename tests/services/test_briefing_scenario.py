"""The scenario brief: a question for a title, a factual bottom line (provisions in force and
which prohibit, the best-attested counter-argument, what was observed), judgments each with
its sources, the engaged provisions, the evidence on the timeline."""

import pytest

from briefer.briefing.plain_text import as_plain_text
from briefer.domain.briefing_recipe import BriefingRequest
from briefer.services.briefing import BriefingError
from briefer.services.briefing_scenario import scenario_title
from briefer.services.context import ReferenceServices
from briefer.store.reference import ReferenceStore


@pytest.fixture
def composer(fixture_db):
    return ReferenceServices(ReferenceStore(fixture_db)).briefing


def brief(composer, scenario="scn-launch"):
    return composer.compose(BriefingRequest(template="scenario", scenario_id=scenario))


def test_the_title_asks_the_question():
    assert scenario_title("Launching a DPRK satellite on a Russian rocket") == (
        "Would launching a DPRK satellite on a Russian rocket breach UN sanctions?"
    )
    assert scenario_title("The DPRK supplying munitions") == (
        "Would the DPRK supplying munitions breach UN sanctions?"
    )
    assert scenario_title("Russia supplying arms").startswith("Would Russia supplying")
    assert scenario_title("DPRK workers").startswith("Would DPRK workers")


def test_the_bottom_line_counts_names_and_weighs(composer):
    briefing = brief(composer)
    assert (
        briefing.title
        == "Would launching a DPRK satellite on a foreign rocket breach UN sanctions?"
    )
    assert briefing.bluf.startswith(
        "1 of the 2 provisions it engages are in force; 1 prohibits it outright "
        "(S/RES/2087 (2013) OP2)."
    )
    assert "counter-argument (Agency, 2023-09-13): Space cooperation is peaceful" in briefing.bluf
    assert "1 event(s) show or allege it (1 confirmed), the latest on 2016-02-07" in briefing.bluf


def test_judgments_carry_the_links_sources_and_the_panel_lapse(composer):
    briefing = brief(composer)
    texts = [j.text for j in briefing.judgments]
    assert texts[0].startswith("Prohibited by S/RES/2087 (2013) OP2: The launch uses")
    assert briefing.judgments[0].sources == ("src-c",)
    counter = next(j for j in briefing.judgments if j.text.startswith("Counter-argument"))
    assert "The launch ban covers any launch" in counter.text and counter.sources == ("src-b",)
    assert texts[-1].startswith("The UN Panel of Experts' mandate lapsed on 2024-04-30")
    assert briefing.judgments[-1].sources == ("src-c",)


def test_provisions_and_evidence_fill_their_sections(composer):
    briefing = brief(composer)
    assert briefing.provision_ids == ("res2087-op2", "res2087-op6")
    launch = next(m for m in briefing.timeline if m.date_utc == "2016-02-07")
    assert launch.outcome == "success" and launch.ref.id == "l-2016"
    text = as_plain_text(briefing)
    assert "S/RES/2087 (2013) OP6 (lapsed since 2024-04-30)" in text


def test_without_an_id_the_first_scenario_and_an_unknown_one_is_an_error(composer):
    assert brief(composer, scenario=None).title.startswith("Would launching")
    with pytest.raises(BriefingError, match="unknown scenario id 'scn-nope'"):
        brief(composer, "scn-nope")
