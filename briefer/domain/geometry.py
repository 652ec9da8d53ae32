"""GeoJSON geometries of map features: parsed and checked (coordinate ranges, enough points,
closed polygon rings), so ``data check`` and the map read the same rules."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

Point = tuple[float, float]  # longitude, latitude
TYPES = ("Point", "LineString", "Polygon")


class GeometryError(ValueError):
    """A geometry that cannot be drawn; the message says why in a line."""


@dataclass(frozen=True)
class Geometry:
    type: str
    rings: tuple[tuple[Point, ...], ...]  # one for a point or a line; a polygon's rings

    @property
    def points(self) -> tuple[Point, ...]:
        return tuple(p for ring in self.rings for p in ring)

    def bounds(self) -> tuple[float, float, float, float]:
        """west, south, east, north."""
        lons, lats = [p[0] for p in self.points], [p[1] for p in self.points]
        return min(lons), min(lats), max(lons), max(lats)


def _point(value: Any) -> Point:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
    ):
        raise GeometryError(f"{value!r} is not a [longitude, latitude] pair")
    lon, lat = float(value[0]), float(value[1])
    if not -180 <= lon <= 180:
        raise GeometryError(f"longitude {lon} is outside -180..180")
    if not -90 <= lat <= 90:
        raise GeometryError(f"latitude {lat} is outside -90..90")
    return lon, lat


def _line(values: Any, least: int, what: str) -> tuple[Point, ...]:
    if not isinstance(values, list) or len(values) < least:
        raise GeometryError(f"a {what} needs at least {least} points")
    return tuple(_point(v) for v in values)


def parse_geometry(text: str) -> Geometry:
    """Raises GeometryError for text that is not a Point, LineString or Polygon we can draw."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise GeometryError("not valid GeoJSON (JSON text expected)") from None
    if not isinstance(data, dict) or data.get("type") not in TYPES:
        raise GeometryError(f"type must be one of {', '.join(TYPES)}")
    kind, coordinates = data["type"], data.get("coordinates")
    if kind == "Point":
        return Geometry(kind, ((_point(coordinates),),))
    if kind == "LineString":
        return Geometry(kind, (_line(coordinates, 2, "line"),))
    if not isinstance(coordinates, list) or not coordinates:
        raise GeometryError("a polygon needs at least one ring")
    rings = tuple(_line(ring, 4, "polygon ring") for ring in coordinates)
    for ring in rings:
        if ring[0] != ring[-1]:
            raise GeometryError("a polygon ring must end where it starts (closed)")
    return Geometry(kind, rings)


@dataclass(frozen=True)
class MapFeature:
    """One thing on the map, with the launch or event it belongs to, its sources and
    confidence (the ``map_features`` view)."""

    id: str
    kind: str
    geometry: str  # GeoJSON text; ``shape`` parses it
    launch_id: str | None
    event_id: str | None
    label: str
    sources: tuple[str, ...]
    confidence: str

    @property
    def shape(self) -> Geometry:
        return parse_geometry(self.geometry)


def _clip_edge(points: list[Point], axis: int, value: float, above: bool) -> list[Point]:
    """One Sutherland-Hodgman pass: the ring on the kept side of ``axis = value``."""

    def inside(p: Point) -> bool:
        return p[axis] >= value if above else p[axis] <= value

    def cross(a: Point, b: Point) -> Point:
        t = (value - a[axis]) / (b[axis] - a[axis])
        return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))

    kept: list[Point] = []
    previous = points[-1]
    for current in points:
        if inside(current):
            if not inside(previous):
                kept.append(cross(previous, current))
            kept.append(current)
        elif inside(previous):
            kept.append(cross(previous, current))
        previous = current
    return kept


def clip_ring(ring: list[Point], box: tuple[float, float, float, float]) -> list[Point]:
    """The part of a closed ring inside an axis-aligned box (west, south, east, north);
    empty when none of it is."""
    points = list(ring)
    west, south, east, north = box
    for axis, value, above in (
        (0, west, True),
        (1, south, True),
        (0, east, False),
        (1, north, False),
    ):
        if not points:
            return []
        points = _clip_edge(points, axis, value, above)
    return points
