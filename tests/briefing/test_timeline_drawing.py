"""The briefing's timeline marks the analyst's own records as the window does."""

from reportlab.graphics.shapes import Circle, String

from briefer.briefing.timeline_drawing import timeline_drawing
from briefer.domain.briefing import TimelineMark
from briefer.domain.palette import LOCAL_COLOUR

DATASET = TimelineMark("2023-11-21", "Malligyong-1", "satellite_launch", "success")
OWN = TimelineMark("2026-11-28", "Delegation at Sohae", "military_cooperation", "none", local=True)


def _rings(drawing):
    return [
        shape
        for shape in drawing.contents
        if isinstance(shape, Circle)
        and shape.fillColor is None
        and shape.strokeColor.hexval()[2:].upper() == LOCAL_COLOUR[1:].upper()
    ]


def _texts(drawing):
    return [shape.text for shape in drawing.contents if isinstance(shape, String)]


def test_an_own_record_gets_a_dashed_ring_and_the_legend_says_what_it_means():
    drawing = timeline_drawing([DATASET, OWN], 400)
    rings = _rings(drawing)
    assert len(rings) == 2 and all(ring.strokeDashArray for ring in rings)  # mark and legend
    assert "your own record (not in the dataset)" in _texts(drawing)


def test_a_timeline_of_dataset_records_alone_has_no_ring_and_no_legend():
    drawing = timeline_drawing([DATASET], 400)
    assert _rings(drawing) == []
    assert "your own record (not in the dataset)" not in _texts(drawing)


def test_first_flight_names_stay_on_the_axis_and_clear_of_the_legend():
    from briefer.domain.briefing import FIRST_FLIGHT

    flights = [
        TimelineMark("2021-10-21", "Nuri (KSLV-II) first flight", FIRST_FLIGHT, "none"),
        TimelineMark(
            "2024-05-27", "New-type satellite carrier rocket first flight", FIRST_FLIGHT, "none"
        ),
    ]
    width = 400
    drawing = timeline_drawing([DATASET, *flights, OWN], width)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    strings = [s for s in drawing.contents if isinstance(s, String)]
    legend = next(s for s in strings if s.text.startswith("your own record"))
    legend_left = legend.x - stringWidth(legend.text, legend.fontName, legend.fontSize)
    for name in (
        s for s in strings if s.text in ("Nuri (KSLV-II)", "New-type satellite carrier rocket")
    ):
        right = name.x + stringWidth(name.text, name.fontName, name.fontSize)
        assert right <= width - 8 and right <= legend_left
