"""The briefing that fits what is selected."""

from briefer.domain.records import EntityRef
from briefer.services.briefing_drafts import draft_request, template_for


def test_the_template_follows_the_selection():
    assert template_for(EntityRef("launch_attempt", "l-1998")) == "launch"
    assert template_for(EntityRef("provision", "res2087-op2")) == "sanctions"
    assert template_for(EntityRef("resolution", "2087")) == "sanctions"
    assert template_for(EntityRef("subject", "rocket-a")) == "overview"
    assert template_for(None) == "overview"


def test_a_launch_brief_is_on_the_selected_launch_and_the_compared_systems():
    request = draft_request(
        EntityRef("launch_attempt", "l-1998"), ("launch_vehicle", ["rocket-a", "rocket-r"])
    )
    assert (request.template, request.launch_id) == ("launch", "l-1998")
    assert request.subject_ids == ("rocket-a", "rocket-r")
    assert draft_request(EntityRef("subject", "rocket-a"), None).launch_id is None
