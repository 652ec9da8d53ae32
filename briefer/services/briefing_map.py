"""The launch brief's inset map: the launch site, the danger zones the DPRK notified for the
launch, and the land around them, cut from the offline basemap and thinned for print."""

from __future__ import annotations

import logging

import numpy as np

from briefer.domain.briefing import MapInset
from briefer.domain.geometry import clip_ring
from briefer.domain.records import EntityRef, LaunchAttempt
from briefer.domain.vocabulary import EntityKind, MapKind
from briefer.services.map import MapService
from briefer.store.basemap import load_basemap
from briefer.store.errors import StoreError
from briefer.store.reference import ReferenceStore

LOG = logging.getLogger("briefer")
MIN_SPAN = 8.0  # degrees: enough coast around a lone site to place it
MIN_WIDTH_RATIO = 0.9  # width to height
MAX_POINTS = 1200  # land points kept for a map a few centimetres across
LONG_RUN = 2.0  # degrees: an edge this long is the basemap's box, never a coast


def _box(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    west, east = min(p[0] for p in points) - 1.5, max(p[0] for p in points) + 1.5
    south, north = min(p[1] for p in points) - 1.5, max(p[1] for p in points) + 1.5
    tall = north - south
    wide = max(MIN_SPAN, tall * MIN_WIDTH_RATIO)  # never a sliver: the coast needs room
    grow_x = max(0.0, wide - (east - west)) / 2
    grow_y = max(0.0, MIN_SPAN - tall) / 2
    return west - grow_x, south - grow_y, east + grow_x, north + grow_y


def launch_inset(store: ReferenceStore, launch: LaunchAttempt) -> MapInset | None:
    """None when the basemap cannot be read (the page then goes without the map)."""
    service = MapService(store)
    items = service.related(service.items(), EntityRef(EntityKind.LAUNCH_ATTEMPT, launch.id))
    zones = [i for i in items if i.kind == MapKind.DANGER_ZONE]
    sites = [i for i in items if i.kind == MapKind.SITE]
    tracks = [i for i in items if i.kind == MapKind.TRACK]
    debris = [i for i in items if i.kind == MapKind.DEBRIS]
    points = [p for i in items for p in i.shape.points]
    if not points:
        return None
    try:
        basemap = load_basemap()
    except StoreError as error:
        LOG.warning("the launch brief goes without its map: %s", error)
        return None
    bounds = _box(points)
    west, south, east, north = bounds
    nearby = [
        ring
        for ring in basemap.region_land
        if ring[:, 0].max() >= west
        and ring[:, 0].min() <= east
        and ring[:, 1].max() >= south
        and ring[:, 1].min() <= north
    ]
    step = max(1, sum(len(ring) for ring in nearby) // MAX_POINTS)  # thinned, then cut
    clipped = [clip_ring(_thinned(ring, step), bounds) for ring in nearby]
    thinned = tuple(tuple(ring) for ring in clipped if len(ring) >= 3)
    site = sites[0].feature.label if sites else launch.site
    summary = (
        f"Map: {site}, the launch site; {_shown(len(zones), len(tracks), len(debris))} "
        f"(equirectangular, {west:.0f}-{east:.0f}° E, {south:.0f}-{north:.0f}° N)."
    )
    return MapInset(
        bounds,
        thinned,
        tuple(tuple(i.shape.rings[0]) for i in zones),
        tuple((*i.shape.points[0], i.feature.label) for i in sites),
        summary,
        tracks=tuple(tuple(i.shape.rings[0]) for i in tracks),
        debris=tuple(i.shape.points[0] for i in debris),
    )


def _thinned(ring: np.ndarray, step: int) -> list[tuple[float, float]]:
    """Every ``step``-th point, and every corner of a long straight run: the basemap closes
    land cut at its region's box along the box, and dropping those corners would draw a
    chord across the sea."""
    keep = np.zeros(len(ring), dtype=bool)
    keep[::step] = True
    keep[-1] = True
    jumps = np.hypot(*np.diff(ring, axis=0).T) > LONG_RUN
    keep[:-1] |= jumps
    keep[1:] |= jumps
    return [(float(x), float(y)) for x, y in ring[keep]]


def _shown(zones: int, tracks: int, debris: int) -> str:
    """What the map draws besides the site, in words (the summary line under it)."""
    parts = [
        f"{zones} notified danger zone{'s' if zones != 1 else ''} (outlined)"
        if zones
        else "no notified danger zone in the dataset"
    ]
    if tracks:
        parts.append("the flight path as reported or implied by the zones (dashed, approximate)")
    if debris:
        places = f"{debris} place{'s' if debris != 1 else ''}"
        parts.append(f"{places} where debris fell or was recovered (×, approximate)")
    return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
