"""Which briefing fits what the analyst is looking at: the compose dialog's first draft and
File > Copy briefing as text start from the same choice."""

from __future__ import annotations

from briefer.domain.briefing import TEMPLATES
from briefer.domain.briefing_recipe import BriefingRequest
from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import EntityKind


def template_for(selected: EntityRef | None) -> str:
    """A launch brief for a launch, a sanctions brief for a provision or a resolution, an
    overview for anything else."""
    kind = selected.kind if selected is not None else None
    if kind == EntityKind.LAUNCH_ATTEMPT:
        return "launch"
    if kind in (EntityKind.PROVISION, EntityKind.RESOLUTION):
        return "sanctions"
    if kind == EntityKind.SCENARIO:
        return "scenario"
    return TEMPLATES[0]


def draft_request(
    selected: EntityRef | None, comparison: tuple[str, list[str]] | None
) -> BriefingRequest:
    """The request for that template, on the selected launch and the compared systems."""
    template = template_for(selected)
    launch = selected.id if template == "launch" and selected is not None else None
    scenario = selected.id if template == "scenario" and selected is not None else None
    return BriefingRequest(
        template=template,
        launch_id=launch,
        scenario_id=scenario,
        subject_ids=tuple(comparison[1]) if comparison else (),
    )
