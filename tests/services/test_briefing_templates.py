"""Template wording and the records it names."""

import logging

from briefer import paths
from briefer.domain.briefing_recipe import BriefingRequest
from briefer.services import briefing_templates as wording
from briefer.services.briefing import BriefingComposer
from briefer.services.comparison import ComparisonService
from briefer.services.launches import LaunchService
from briefer.services.sanctions import SanctionsService
from briefer.store.reference import ReferenceStore


def _composer(path) -> BriefingComposer:
    store = ReferenceStore(path)
    launches = LaunchService(store)
    return BriefingComposer(
        store, launches, ComparisonService(store, launches), SanctionsService(store)
    )


def test_every_event_a_template_names_is_in_the_shipped_dataset():
    store = ReferenceStore(paths.bundled_db_path())
    known = {event.id for event in store.timeline_events()}
    assert [i for i in wording.event_ids() if i not in known] == []


def test_a_named_event_missing_from_the_dataset_is_logged_not_silently_dropped(
    fixture_db, caplog
):
    with caplog.at_level(logging.WARNING, logger="briefer"):
        briefing = _composer(fixture_db).compose(BriefingRequest(template="sanctions"))
    assert "evt-2024-04-30-panel-of-experts-expires" in caplog.text
    assert all("Panel of Experts expires" not in j.text for j in briefing.judgments)


def test_the_shipped_sanctions_briefing_carries_every_named_event():
    briefing = _composer(paths.bundled_db_path()).compose(BriefingRequest(template="sanctions"))
    assert len(briefing.judgments) == len(wording.SANCTIONS_EVENTS)
