"""What the map draws, as plain data: every feature with the record it opens, its date (the
order Tab walks them in) and, for a launch site, how many launch attempts left from it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from briefer.domain.geometry import Geometry, GeometryError, MapFeature
from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import EntityKind, MapKind
from briefer.store.reference import ReferenceStore

Bounds = tuple[float, float, float, float]  # west, south, east, north
EAST_ASIA: Bounds = (110.0, 20.0, 150.0, 56.0)
WORLD: Bounds = (-180.0, -60.0, 180.0, 80.0)


@dataclass(frozen=True)
class MapItem:
    feature: MapFeature
    shape: Geometry
    ref: EntityRef  # the record a click selects
    date_utc: str  # '' for a site
    launches: int = 0  # launch attempts from a site

    @property
    def kind(self) -> str:
        return self.feature.kind

    @property
    def hover(self) -> str:
        when = f" · {self.date_utc}" if self.date_utc else ""
        count = (
            f" · {self.launches} DPRK launch attempt{'s' if self.launches != 1 else ''}"
            if self.kind == MapKind.SITE
            else ""
        )
        return f"{self.feature.label}{when}{count} · {self.feature.confidence}"


class MapService:
    def __init__(self, store: ReferenceStore) -> None:
        self.store = store
        self._launch_sites: dict[str, str] = {}

    def items(self) -> list[MapItem]:
        """Every drawable feature; one whose geometry cannot be read is left out (data check
        refuses such rows, so only a hand-edited database has one)."""
        launches = {launch.id: launch for launch in self.store.launch_attempts()}
        self._launch_sites = {i: la.site_id for i, la in launches.items() if la.site_id}
        launch_sites = Counter(self._launch_sites.values())
        events = {event.id: event.date_utc for event in self.store.timeline_events()}
        items = []
        for feature in self.store.map_features():
            try:
                shape = feature.shape
            except GeometryError:
                continue
            if feature.kind == MapKind.SITE:
                site_id = feature.id.removeprefix("site-")
                ref, date, count = EntityRef(EntityKind.SITE, site_id), "", launch_sites[site_id]
            elif feature.launch_id:
                launch = launches.get(feature.launch_id)
                ref = EntityRef(EntityKind.LAUNCH_ATTEMPT, feature.launch_id)
                date, count = (launch.date_utc if launch else ""), 0
            else:
                ref = EntityRef(EntityKind.EVENT, feature.event_id or "")
                date, count = events.get(feature.event_id or "", ""), 0
            items.append(MapItem(feature, shape, ref, date, count))
        return items

    def related(self, items: list[MapItem], ref: EntityRef | None) -> list[MapItem]:
        """The features a selected record has: a launch's zones, path and debris and its
        site; a meeting's place; a site."""
        if ref is None:
            return []
        wanted = {ref}
        site = self._launch_sites.get(ref.id) if ref.kind == EntityKind.LAUNCH_ATTEMPT else None
        if site:
            wanted.add(EntityRef(EntityKind.SITE, site))
        return [item for item in items if item.ref in wanted]

    @staticmethod
    def bounds(items: list[MapItem], margin: float = 1.5) -> Bounds | None:
        if not items:
            return None
        boxes = [item.shape.bounds() for item in items]
        west = min(b[0] for b in boxes) - margin
        south = min(b[1] for b in boxes) - margin
        east = max(b[2] for b in boxes) + margin
        north = max(b[3] for b in boxes) + margin
        return west, south, east, north
