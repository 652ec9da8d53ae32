"""The briefing's small timeline, drawn as vector graphics (never a screenshot)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefer.briefing import fonts
from briefer.domain.briefing import FIRST_FLIGHT, TimelineMark
from briefer.domain.palette import EVENT_COLOUR, LOCAL_COLOUR, outcome_colour

INK = HexColor("#222222")
OWN_LEGEND = "your own record (not in the dataset)"
HEIGHT = 62


def _year_fraction(day: str) -> float:
    moment = date.fromisoformat(day[:10])
    start = date(moment.year, 1, 1)
    return moment.year + (moment - start).days / 365.25


def timeline_drawing(marks: Sequence[TimelineMark], width: float) -> Drawing:
    """Launches on an upper row (shape and colour by outcome), context events on a lower row."""
    # the renderer starts every drawing in its own font, an unembedded Helvetica, unless told
    drawing = Drawing(width, HEIGHT, initialFontName=fonts.BODY, initialFontSize=7.5)
    if not marks:
        return drawing
    years = [_year_fraction(m.date_utc) for m in marks]
    first, last = int(min(years)), int(max(years)) + 1
    left, right = 52.0, width - 8.0
    scale = (right - left) / max(last - first, 1)

    def x_of(year: float) -> float:
        return left + (year - first) * scale

    axis_y, launch_y, event_y = 14.0, 44.0, 28.0
    drawing.add(Line(left, axis_y, right, axis_y, strokeColor=INK, strokeWidth=0.6))
    step = max(1, round((last - first) / 10))
    for tick in range(first, last + 1, step):
        x = x_of(tick)
        drawing.add(Line(x, axis_y - 2, x, axis_y + 2, strokeColor=INK, strokeWidth=0.6))
        drawing.add(
            String(
                x,
                3,
                str(tick),
                fontName=fonts.BODY,
                fontSize=7.5,
                fillColor=INK,
                textAnchor="middle",
            )
        )
    drawing.add(
        String(2, launch_y - 2, "Launches", fontName=fonts.BODY, fontSize=7.5, fillColor=INK)
    )
    drawing.add(String(2, event_y - 2, "Context", fontName=fonts.BODY, fontSize=7.5, fillColor=INK))
    for mark, year in zip(marks, years, strict=True):
        x = x_of(year)
        if mark.kind == "satellite_launch":
            _launch_marker(drawing, x, launch_y, mark.outcome)
        elif mark.kind == FIRST_FLIGHT:
            drawing.add(_first_flight(x, launch_y))
        else:
            drawing.add(
                Polygon(
                    [x, event_y + 3, x + 3, event_y, x, event_y - 3, x - 3, event_y],
                    fillColor=HexColor(EVENT_COLOUR),
                    strokeColor=None,
                )
            )
        if mark.local:
            y = launch_y if mark.kind == "satellite_launch" else event_y
            drawing.add(_own_ring(x, y))
    own = any(mark.local for mark in marks)
    legend_left = right - 13 - stringWidth(OWN_LEGEND, fonts.BODY, 7) - 4 if own else right
    _label_first_flights(drawing, marks, x_of, years, launch_y + 7, (left, legend_left))
    if own:
        drawing.add(_own_ring(right - 4, HEIGHT - 6))
        drawing.add(
            String(
                right - 13,
                HEIGHT - 8.5,
                OWN_LEGEND,
                fontName=fonts.BODY,
                fontSize=7,
                fillColor=INK,
                textAnchor="end",
            )
        )
    return drawing


def _first_flight(x: float, y: float) -> Polygon:
    """A compared system's first flight: an open triangle on the launches row."""
    return Polygon(
        [x - 3.6, y - 3.2, x + 3.6, y - 3.2, x, y + 3.6],
        fillColor=None,
        strokeColor=INK,
        strokeWidth=0.9,
    )


def _label_first_flights(
    drawing: Drawing,
    marks: Sequence[TimelineMark],
    x_of: Callable[[float], float],
    years: Sequence[float],
    y: float,
    room: tuple[float, float],
) -> None:
    """Each first flight named above its mark, left to right, kept within ``room`` (the axis,
    less any legend); a name that would touch the one before it or leave the room is left out
    (the key judgments and the comparison table name them all)."""
    right_edge = -1e9
    for mark, year in zip(marks, years, strict=True):
        if mark.kind != FIRST_FLIGHT:
            continue
        name = mark.label.removesuffix(" first flight")
        width = stringWidth(name, fonts.BODY, 7.5)
        x = max(room[0], x_of(year) - width / 2)
        if x < right_edge + 4 or x + width > room[1]:
            continue
        drawing.add(String(x, y, name, fontName=fonts.BODY, fontSize=7.5, fillColor=INK))
        right_edge = x + width


def _own_ring(x: float, y: float) -> Circle:
    """The analyst's own record: a dashed ring, as on the window's timeline."""
    return Circle(
        x,
        y,
        5.6,
        fillColor=None,
        strokeColor=HexColor(LOCAL_COLOUR),
        strokeWidth=1.1,
        strokeDashArray=[1.6, 1.2],
    )


def _launch_marker(drawing: Drawing, x: float, y: float, outcome: str) -> None:
    colour = HexColor(outcome_colour(outcome))
    if outcome == "failure":
        for dx in (-3.2, 3.2):
            drawing.add(Line(x - dx, y - 3.2, x + dx, y + 3.2, strokeColor=colour, strokeWidth=1.6))
    elif outcome == "partial":  # shapes as in the window's legend: colour is never alone
        drawing.add(
            Polygon(
                [x - 3.6, y + 3.2, x + 3.6, y + 3.2, x, y - 3.6], fillColor=colour, strokeColor=None
            )
        )
    elif outcome == "unknown":
        drawing.add(Rect(x - 3, y - 3, 6, 6, fillColor=colour, strokeColor=None))
    else:
        drawing.add(Circle(x, y, 3.4, fillColor=colour, strokeColor=None))
