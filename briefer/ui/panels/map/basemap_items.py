"""The basemap as graphics items: land filled, coastlines and borders drawn, a graticule; each
layer one path item (cheap to pan and zoom, drawn with cosmetic pens one pixel wide)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from briefer.store.basemap import Basemap, Shapes

Box = tuple[float, float, float, float]

GRATICULE_STEP = 10  # degrees


def _lines(shapes: Shapes, closed: bool, keep: Keep | None = None) -> QPainterPath:
    """One path of all ``shapes`` built from arrays (pyqtgraph's fast path builder): each shape
    a subpath, closed ones back to their start; ``keep`` may drop segments."""
    if not shapes:
        return QPainterPath()
    rings = [np.vstack([s, s[:1]]) if closed else s for s in shapes]
    points = np.concatenate(rings).astype(np.float64)
    connect = np.ones(len(points), dtype=np.int32)
    ends = np.cumsum([len(r) for r in rings]) - 1
    connect[ends] = 0  # no segment from one shape to the next
    if keep is not None:
        connect &= keep(points).astype(np.int32)
    return pg.arrayToQPath(points[:, 0], points[:, 1], connect=connect)


Keep = Callable[[np.ndarray], np.ndarray]


def _inside(points: np.ndarray, box: Box) -> np.ndarray:
    west, south, east, north = box
    x, y = points[:, 0], points[:, 1]
    return (x >= west) & (x <= east) & (y >= south) & (y <= north)


def _outside_box(box: Box) -> Keep:
    """Segments with both ends outside the box (the coarse coast beyond the region)."""

    def keep(points: np.ndarray) -> np.ndarray:
        out = ~_inside(points, box)
        return out & np.append(out[1:], False)

    return keep


def _off_box_edges(box: Box) -> Keep:
    """Segments that do not run along the box's border (where clipping cut the coast)."""
    west, south, east, north = box

    def keep(points: np.ndarray) -> np.ndarray:
        x, y = points[:, 0], points[:, 1]
        x2, y2 = np.append(x[1:], np.nan), np.append(y[1:], np.nan)
        along = np.zeros(len(points), dtype=bool)
        for a, b, edge in ((x, x2, west), (x, x2, east), (y, y2, south), (y, y2, north)):
            along |= (np.abs(a - edge) < 1e-4) & (np.abs(b - edge) < 1e-4)
        return ~along

    return keep


def _outside(path: QPainterPath, box: Box) -> QPainterPath:
    """The coarse world outside the detailed region, so the two never draw one coast twice."""
    west, south, east, north = box
    hole = QPainterPath()
    hole.addRect(QRectF(west, south, east - west, north - south))
    return path.subtracted(hole)


def _item(path: QPainterPath, z: float) -> QGraphicsPathItem:
    item = QGraphicsPathItem(path)
    item.setZValue(z)
    return item


class BasemapLayers:
    """Land, coast and border items for a view box; ``set_colours`` follows the theme.

    The coarse world is filled outside the detailed region only, and its coast drawn only
    there, so no coast is drawn twice and the region's edge never shows."""

    def __init__(self, basemap: Basemap) -> None:
        box = basemap.region_box
        world = _outside(_lines(basemap.world_land, closed=True), box)
        region = _lines(basemap.region_land, closed=True)
        self.land = [_item(world, -100), _item(region, -99)]
        coast = _lines(basemap.region_land, closed=True, keep=_off_box_edges(box))
        coast.addPath(_lines(basemap.world_land, closed=True, keep=_outside_box(box)))
        self.coast = _item(coast, -99.5)
        borders = _lines(basemap.world_borders, closed=False)
        borders.addPath(_lines(basemap.region_borders, closed=False))
        self.borders = _item(borders, -98)
        self.graticule = _item(self._graticule(), -101)

    @staticmethod
    def _graticule() -> QPainterPath:
        path = QPainterPath()
        for lon in range(-180, 181, GRATICULE_STEP):
            path.moveTo(lon, -80)
            path.lineTo(lon, 85)
        for lat in range(-80, 81, GRATICULE_STEP):
            path.moveTo(-180, lat)
            path.lineTo(180, lat)
        return path

    @property
    def items(self) -> list[QGraphicsPathItem]:
        return [*self.land, self.coast, self.borders, self.graticule]

    def set_colours(self, land: QColor, coast: QColor, border: QColor, grid: QColor) -> None:
        world, region = self.land
        world.setBrush(QBrush(land))
        world.setPen(QPen(Qt.PenStyle.NoPen))
        region.setBrush(QBrush(land))
        region.setPen(QPen(Qt.PenStyle.NoPen))
        self.coast.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        self.coast.setPen(_pen(coast, Qt.PenStyle.SolidLine))
        self.borders.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        self.borders.setPen(_pen(border, Qt.PenStyle.DashLine))
        self.graticule.setPen(_pen(grid, Qt.PenStyle.DotLine))


def _pen(colour: QColor, style: Qt.PenStyle) -> QPen:
    pen = QPen(colour, 1, style)
    pen.setCosmetic(True)
    return pen
