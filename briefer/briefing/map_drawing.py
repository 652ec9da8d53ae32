"""The launch brief's inset map as vector graphics: land, notified zones, the flight path,
debris and the launch site (the layout prints the line of text that says what it shows under it)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect
from reportlab.lib.colors import HexColor

from briefer.briefing import fonts
from briefer.domain.briefing import MapInset
from briefer.domain.palette import BLUE, VERMILION

SEA, LAND, COAST, INK = (HexColor(c) for c in ("#E3EEF6", "#F4F1E6", "#8A8A80", "#222222"))
MAX_HEIGHT = 90.0


def inset_size(inset: MapInset, width: float) -> tuple[float, float]:
    """Width and height of the map, one degree the same length both ways."""
    west, south, east, north = inset.bounds
    scale = min(width / (east - west), MAX_HEIGHT / (north - south))
    return (east - west) * scale, (north - south) * scale


def map_drawing(inset: MapInset, width: float) -> Drawing:
    map_width, map_height = inset_size(inset, width)
    drawing = Drawing(map_width, map_height, initialFontName=fonts.BODY, initialFontSize=7)
    west, south, _east, _north = inset.bounds
    scale = map_width / (inset.bounds[2] - west)

    def at(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * scale, (lat - south) * scale

    def points(path: Sequence[tuple[float, float]]) -> list[float]:
        return [c for lon, lat in path for c in at(lon, lat)]

    drawing.add(
        Rect(0, 0, map_width, map_height, fillColor=SEA, strokeColor=COAST, strokeWidth=0.5)
    )
    for ring in inset.land:
        drawing.add(Polygon(points(ring), fillColor=LAND, strokeColor=COAST, strokeWidth=0.3))
    zone_ink = HexColor(VERMILION, hasAlpha=False)
    for ring in inset.zones:
        drawing.add(Polygon(points(ring), fillColor=None, strokeColor=zone_ink, strokeWidth=1.0))
    for path in inset.tracks:
        drawing.add(
            PolyLine(points(path), strokeColor=zone_ink, strokeWidth=0.8, strokeDashArray=[3, 2])
        )
    for lon, lat in inset.debris:
        x, y = at(lon, lat)
        for dx in (-2.5, 2.5):
            drawing.add(Line(x - dx, y - 2.5, x + dx, y + 2.5, strokeColor=INK, strokeWidth=1.0))
    for lon, lat, _name in inset.sites:  # named in the summary line below the map
        x, y = at(lon, lat)
        drawing.add(Circle(x, y, 3, fillColor=HexColor(BLUE), strokeColor=INK, strokeWidth=0.4))
    return drawing
