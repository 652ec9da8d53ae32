"""The basemap as graphics items: land filled, coastlines and borders drawn, a graticule; each
layer one path item (cheap to pan and zoom, drawn with cosmetic pens one pixel wide)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem

from briefer.store.basemap import Basemap, Shapes

GRATICULE_STEP = 10  # degrees


def _path(shapes: Shapes, closed: bool) -> QPainterPath:
    path = QPainterPath()
    for shape in shapes:
        points = [QPointF(float(x), float(y)) for x, y in shape]
        if closed:
            path.addPolygon(QPolygonF(points))
            path.closeSubpath()
        else:
            path.moveTo(points[0])
            for point in points[1:]:
                path.lineTo(point)
    return path


def _outside(path: QPainterPath, box: tuple[float, float, float, float]) -> QPainterPath:
    """The coarse world outside the detailed region, so the two never draw one coast twice."""
    west, south, east, north = box
    hole = QPainterPath()
    hole.addRect(QRectF(west, south, east - west, north - south))
    return path.subtracted(hole)


def _item(path: QPainterPath, z: float) -> QGraphicsPathItem:
    item = QGraphicsPathItem(path)
    item.setZValue(z)
    return item


def _runs_outside(
    shapes: Shapes, box: tuple[float, float, float, float]
) -> list[list[tuple[float, float]]]:
    """The parts of closed outlines that lie outside the box, as open lines."""
    west, south, east, north = box
    runs: list[list[tuple[float, float]]] = []
    for shape in shapes:
        run: list[tuple[float, float]] = []
        for x, y in [*shape, shape[0]]:
            if west <= x <= east and south <= y <= north:
                if len(run) >= 2:
                    runs.append(run)
                run = []
            else:
                run.append((float(x), float(y)))
        if len(run) >= 2:
            runs.append(run)
    return runs


def _on_edge(a: tuple[float, float], b: tuple[float, float], box: tuple[float, ...]) -> bool:
    """Whether a segment runs along the box's border (where clipping cut the coast)."""
    west, south, east, north = box
    return any(
        abs(a[axis] - edge) < 1e-4 and abs(b[axis] - edge) < 1e-4
        for axis, edge in ((0, west), (0, east), (1, south), (1, north))
    )


def _coast_inside(shapes: Shapes, box: tuple[float, float, float, float]) -> QPainterPath:
    """The clipped region's outlines without the segments the clip added along the box."""
    path = QPainterPath()
    for shape in shapes:
        points = [(float(x), float(y)) for x, y in shape]
        pen_down = False
        for a, b in zip(points, [*points[1:], points[0]], strict=True):
            if _on_edge(a, b, box):
                pen_down = False
                continue
            if not pen_down:
                path.moveTo(*a)
                pen_down = True
            path.lineTo(*b)
    return path


class BasemapLayers:
    """Land, coast and border items for a view box; ``set_colours`` follows the theme.

    The coarse world is filled outside the detailed region only, and its coast drawn only
    there, so no coast is drawn twice and the region's edge never shows."""

    def __init__(self, basemap: Basemap) -> None:
        world = _outside(_path(basemap.world_land, closed=True), basemap.region_box)
        region = _path(basemap.region_land, closed=True)
        self.land = [_item(world, -100), _item(region, -99)]
        coast = _coast_inside(basemap.region_land, basemap.region_box)
        for run in _runs_outside(basemap.world_land, basemap.region_box):
            coast.moveTo(*run[0])
            for point in run[1:]:
                coast.lineTo(*point)
        self.coast = _item(coast, -99.5)
        borders = QPainterPath(_path(basemap.world_borders, closed=False))
        borders.addPath(_path(basemap.region_borders, closed=False))
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
