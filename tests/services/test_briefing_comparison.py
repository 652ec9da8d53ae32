"""A comparison brief compares what matters first, each with its sources (the shipped data)."""

import pytest

from briefer.domain.briefing import FIRST_FLIGHT
from briefer.domain.briefing_recipe import BriefingRequest
from briefer.services.comparison import ComparisonService
from briefer.services.launches import LaunchService

SYSTEMS = ("chollima-1", "unha-3", "soyuz-2-1b", "nuri")


@pytest.fixture(scope="module")
def briefing(shipped_composer, shipped_store):
    names = {s.id: s.name for s in shipped_store.subjects()}
    ids = tuple(i for i in SYSTEMS if i in names)
    request = BriefingRequest(template="comparison", subject_ids=ids)
    return shipped_composer.compose(request), [names[i] for i in ids]


def test_payload_success_rate_and_flight_history_lead_each_with_sources(briefing):
    page, names = briefing
    payload, rate, history = page.judgments[:3]
    assert payload.text.startswith("Payload to low Earth orbit: ")
    assert rate.text.startswith("Success rate: ") and " of " in rate.text
    assert history.text.startswith("Flight history: ")
    for judgment in (payload, rate, history):
        assert judgment.sources and all(name in judgment.text for name in names)
    firsts = [part.split(" since ")[1][:10] for part in history.text.split("; ")]
    assert firsts == sorted(firsts)  # the longest history first


def test_the_timeline_marks_each_systems_first_flight_back_to_the_oldest(briefing):
    page, names = briefing
    flights = [m for m in page.timeline if m.kind == FIRST_FLIGHT]
    assert {m.label.removesuffix(" first flight") for m in flights} == set(names)
    assert page.timeline[0].date_utc == min(m.date_utc for m in flights)


def test_each_comparison_line_cites_the_systems_it_names_in_their_order(briefing, shipped_store):
    page, _names = briefing
    launches = LaunchService(shipped_store)
    matrix = ComparisonService(shipped_store, launches).matrix("launch_vehicle", SYSTEMS)
    row = matrix.row("payload_leo_kg")
    cells = {s.name: c for s, c in zip(matrix.subjects, row.cells, strict=True)}
    payload = page.judgments[0]
    named = [
        next(name for name in cells if part.startswith(name))
        for part in payload.text.split(": ", 1)[1].split("; ")
        if not part.startswith("no public figure")
    ]
    expected = tuple(cells[name].sources[0] for name in named if cells[name].sources)
    assert payload.every_source and payload.sources == expected
