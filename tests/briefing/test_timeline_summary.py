"""The line under the briefing's timeline says in words what the drawing shows."""

import io

from pypdf import PdfReader

from briefer.briefing.render import render
from briefer.briefing.timeline_summary import timeline_summary
from briefer.domain.briefing import FIRST_FLIGHT, TimelineMark
from briefer.domain.briefing_recipe import BriefingRequest
from briefer.services.context import ReferenceServices
from briefer.store.reference import ReferenceStore


def mark(day: str, kind: str = "satellite_launch", outcome: str = "none", **extra):
    return TimelineMark(day, "x", kind, outcome, **extra)


def test_it_counts_launches_by_outcome_with_their_shapes_and_the_span():
    marks = [
        mark("2012-04-13", outcome="failure"),
        mark("2012-12-12", outcome="success"),
        mark("2016-02-07", outcome="success"),
        mark("2023-08-24", outcome="partial"),
        mark("2014-03-01", kind="sanctions"),
        mark("2015-01-01", kind=FIRST_FLIGHT),
        mark("2024-01-01", kind="diplomacy", local=True),
    ]
    assert timeline_summary(marks) == (
        "Timeline, 2012–2024: 4 DPRK satellite launch attempts: 2 successes (filled circles), "
        "1 failure (crosses), 1 partial success (triangles); 1 first flight of compared systems "
        "(open triangles); 2 context events (diamonds, lower row); 1 of them your own "
        "record (ringed)."
    )


def test_a_single_year_and_no_launches_read_plainly():
    assert timeline_summary([mark("2019-04-25", kind="diplomacy")]) == (
        "Timeline, 2019: 1 context event (diamonds, lower row)."
    )
    assert timeline_summary([]) == "Timeline: nothing to show."


def test_every_template_prints_the_line_under_its_timeline(fixture_db):
    composer = ReferenceServices(ReferenceStore(fixture_db)).briefing
    for request in (
        BriefingRequest(template="overview"),
        BriefingRequest(template="launch", launch_id="l-2016"),
    ):
        briefing = composer.compose(request)
        text = PdfReader(io.BytesIO(render(briefing))).pages[0].extract_text()
        words = " ".join(text.split())
        assert timeline_summary(briefing.timeline) in words, request.template


def test_each_outcome_has_its_own_shape_not_only_its_colour():
    from reportlab.graphics.shapes import Circle, Line, Polygon, Rect

    from briefer.briefing.timeline_drawing import timeline_drawing

    shapes = {}
    for outcome in ("success", "failure", "partial", "unknown"):
        drawing = timeline_drawing([mark("2016-02-07", outcome=outcome)], 300)
        drawn = {type(c) for c in drawing.contents} - {
            type(c) for c in timeline_drawing([], 300).contents
        }
        shapes[outcome] = frozenset(drawn - {Line} if outcome != "failure" else drawn)
    assert Circle in shapes["success"] and Polygon in shapes["partial"]
    assert Rect in shapes["unknown"] and Line in shapes["failure"]
    assert len(set(shapes.values())) == 4
