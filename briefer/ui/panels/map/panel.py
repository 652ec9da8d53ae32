"""The Map tab: an offline basemap in an equirectangular projection (longitude and latitude
drawn as x and y, one degree the same length both ways) with launch sites sized by launch
attempts, notified danger zones, paths, debris and Russia-DPRK meeting places. A selected
launch shows its features and the view fits them; clicking a feature selects its record."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGraphicsPathItem,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from briefer.domain.palette import BLUE, GREEN, VERMILION
from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import MapKind
from briefer.services.map import EAST_ASIA, WORLD, Bounds, MapItem, MapService
from briefer.store.basemap import load_basemap
from briefer.store.errors import StoreError
from briefer.ui.flow_layout import flow_row
from briefer.ui.panels.map.basemap_items import BasemapLayers
from briefer.ui.tooltips import as_text

KM_PER_DEGREE = 111.32
NICE_KM = (10, 20, 50, 100, 200, 500, 1000, 2000, 5000)
SYMBOLS: dict[str, str] = {MapKind.SITE: "o", MapKind.MEETING: "d", MapKind.DEBRIS: "x"}
COLOURS: dict[str, str] = {
    MapKind.SITE: BLUE,
    MapKind.MEETING: GREEN,
    MapKind.DEBRIS: VERMILION,
    MapKind.DANGER_ZONE: VERMILION,
    MapKind.TRACK: VERMILION,
}
LEGEND = (
    "● launch site (larger: more DPRK launch attempts)   ◆ Russia-DPRK meeting   "
    "▭ notified danger zone   ╌ flight path   ✕ debris"
)


class _Shape(QGraphicsPathItem):
    """A zone or path that selects its record when clicked."""

    def __init__(self, item: MapItem, on_click: object) -> None:
        super().__init__(_shape_path(item))
        self.item = item
        self._on_click = on_click
        self.setToolTip(as_text(item.hover))
        self.setAcceptHoverEvents(True)

    def mousePressEvent(self, event: object) -> None:
        self._on_click(self.item)  # type: ignore[operator]


def _shape_path(item: MapItem) -> QPainterPath:
    path = QPainterPath()
    for ring in item.shape.rings:
        points = [QPointF(lon, lat) for lon, lat in ring]
        if item.shape.type == "Polygon":
            path.addPolygon(QPolygonF(points))
            path.closeSubpath()
        else:
            path.moveTo(points[0])
            for point in points[1:]:
                path.lineTo(point)
    return path


def scale_km(view_width_deg: float, latitude: float) -> tuple[int, float]:
    """A round distance about a fifth of the view wide at ``latitude``, and its width in
    degrees of longitude there."""
    per_degree = KM_PER_DEGREE * max(math.cos(math.radians(latitude)), 0.05)
    target = view_width_deg * per_degree / 5
    km = max((k for k in NICE_KM if k <= target), default=NICE_KM[0])
    return km, km / per_degree


class MapPanel(QWidget):
    """Signals:
    record_selected(object): the ``EntityRef`` of a clicked feature's record.
    """

    record_selected = Signal(object)

    def __init__(self, service: MapService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Map")
        self._service = service
        self.items = service.items()
        self.order = sorted(
            (i for i in self.items if i.date_utc), key=lambda i: (i.date_utc, i.feature.id)
        )
        self._cursor = -1
        self._span: tuple[str, str] | None = None
        self.plot = pg.PlotWidget(self)
        self.plot.setAccessibleName("Map of launch sites, danger zones and meetings")
        self.plot.setAspectLocked(True)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setLabel("bottom", "Longitude (°E)")
        self.plot.setLabel("left", "Latitude (°N)")
        self.view = self.plot.getViewBox()
        self.status = QLabel(LEGEND, self)
        self.status.setWordWrap(True)
        self.hover = QLabel(self)
        self.hover.setAccessibleName("Feature under the pointer")
        self._build_controls()
        self._draw_basemap()
        self._draw_features()
        self.scale = pg.ScaleBar(size=1.0, suffix="")
        self.scale.setParentItem(self.view)
        self.scale.anchor((1, 1), (1, 1), offset=(-20, -20))
        self.view.sigRangeChanged.connect(self._update_scale)
        self.apply_palette()
        self.show_region(EAST_ASIA)

    # construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        row_holder, row = flow_row(self)
        for text, handler in (
            ("East Asia", lambda: self.show_region(EAST_ASIA)),
            ("World", lambda: self.show_region(WORLD)),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(handler)
            row.addWidget(button)
        self.fit_button = QPushButton("Fit selection", self)
        self.fit_button.clicked.connect(self.fit_selection)
        row.addWidget(self.fit_button)
        self.follow = QCheckBox("Follow the timeline's dates", self)
        self.follow.setToolTip("Show only the dated features within the dates the timeline shows")
        self.follow.toggled.connect(self._refilter)
        row.addWidget(self.follow)
        for suffix in ("png", "svg"):
            button = QPushButton(f"Export {suffix.upper()}…", self)
            button.clicked.connect(lambda _=False, s=suffix: self._ask_export(s))
            row.addWidget(button)
        self.hover.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addWidget(self.hover)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(row_holder)
        layout.addWidget(self.plot, stretch=1)
        layout.addWidget(self.status)

    def _draw_basemap(self) -> None:
        try:
            self.basemap: BasemapLayers | None = BasemapLayers(load_basemap())
        except StoreError as error:
            self.basemap = None
            self.status.setText(f"No basemap: {error}. Features are drawn on a bare grid.")
            return
        for item in self.basemap.items:
            self.plot.addItem(item, ignoreBounds=True)

    def _draw_features(self) -> None:
        self.shapes = [
            _Shape(item, self._clicked)
            for item in self.items
            if item.kind in (MapKind.DANGER_ZONE, MapKind.TRACK)
        ]
        for shape in self.shapes:
            shape.setZValue(5)
            self.plot.addItem(shape, ignoreBounds=True)
        self.points = [i for i in self.items if i.kind in SYMBOLS]
        spots = [
            {
                "pos": item.shape.points[0],
                "size": self._size(item),
                "symbol": SYMBOLS[item.kind],
                "brush": pg.mkBrush(COLOURS[item.kind]),
                "pen": pg.mkPen("w", width=1),
                "data": index,
            }
            for index, item in enumerate(self.points)
        ]
        self.scatter = pg.ScatterPlotItem(hoverable=True, tip=self._tip)
        self.scatter.addPoints(spots)
        self.scatter.setZValue(10)
        self.scatter.sigClicked.connect(self._on_points_clicked)
        self.scatter.sigHovered.connect(self._on_points_hovered)
        self.plot.addItem(self.scatter)
        self.ring = pg.ScatterPlotItem(size=26, symbol="o", brush=None)
        self.ring.setZValue(11)
        self.plot.addItem(self.ring, ignoreBounds=True)
        self.selected: list[MapItem] = []

    @staticmethod
    def _size(item: MapItem) -> float:
        if item.kind == MapKind.SITE:
            return 8 + 5 * math.sqrt(item.launches)
        return 12

    def _tip(self, x: float, y: float, data: int) -> str:
        return self.points[data].hover

    # colours ----------------------------------------------------------------------------------
    def apply_palette(self) -> None:
        palette = QApplication.palette()
        base = palette.color(QPalette.ColorRole.Base)
        dark = base.lightness() < 128
        self.plot.setBackground(QColor("#1b2a38") if dark else QColor("#dcebf5"))
        if self.basemap is not None:
            self.basemap.set_colours(
                land=QColor("#3a3d40") if dark else QColor("#f4f1e6"),
                coast=QColor("#8a9096") if dark else QColor("#7a7a72"),
                border=QColor("#b0707a") if dark else QColor("#a05a5a"),
                grid=QColor("#2f4356") if dark else QColor("#b9cfdf"),
            )
        ink = palette.color(QPalette.ColorRole.Text)
        self.ring.setPen(pg.mkPen(ink, width=2))
        self.scale.text.setColor(ink)
        self.scale.bar.setBrush(pg.mkBrush(ink))
        self._style_shapes()

    def _style_shapes(self) -> None:
        chosen = {id(item) for item in self.selected}
        for shape in self.shapes:
            colour = QColor(COLOURS[shape.item.kind])
            pen = QPen(colour, 3 if id(shape.item) in chosen else 1.5)
            pen.setCosmetic(True)
            if shape.item.kind == MapKind.TRACK:
                pen.setStyle(Qt.PenStyle.DashLine)
                shape.setBrush(QBrush(Qt.BrushStyle.NoBrush))
            else:
                fill = QColor(colour)
                fill.setAlpha(90 if id(shape.item) in chosen else 45)
                shape.setBrush(QBrush(fill))
            shape.setPen(pen)

    # following the timeline -------------------------------------------------------------------
    def follow_dates(self, start: float, end: float) -> None:
        """The timeline's visible span (epoch seconds); applied while Follow is ticked."""
        self._span = (
            datetime.fromtimestamp(start, UTC).date().isoformat(),
            datetime.fromtimestamp(end, UTC).date().isoformat(),
        )
        self._refilter()

    def shown(self, item: MapItem) -> bool:
        if not self.follow.isChecked() or not item.date_utc or self._span is None:
            return True
        return self._span[0] <= item.date_utc <= self._span[1]

    def _refilter(self, *_args: object) -> None:
        for shape in self.shapes:
            shape.setVisible(self.shown(shape.item))
        self.scatter.setPointsVisible([self.shown(item) for item in self.points])

    # view ---------------------------------------------------------------------------------------
    def show_region(self, bounds: Bounds) -> None:
        west, south, east, north = bounds
        self.view.setRange(xRange=(west, east), yRange=(south, north), padding=0)

    def fit_selection(self) -> None:
        bounds = MapService.bounds(self.selected)
        if bounds is not None:
            self.show_region(bounds)

    def _update_scale(self) -> None:
        (x0, x1), (y0, y1) = self.view.viewRange()
        km, width = scale_km(x1 - x0, (y0 + y1) / 2)
        self.scale.size = width
        self.scale.text.setText(f"{km:,} km")
        self.scale.updateBar()

    # selection ------------------------------------------------------------------------------
    def show_selection(self, ref: EntityRef | None) -> None:
        """Highlight what the selected record has on the map and fit the view to it."""
        self.selected = self._service.related(self.items, ref)
        self._style_shapes()
        points = [i.shape.points[0] for i in self.selected if i.kind in SYMBOLS]
        self.ring.setData(pos=points)
        if self.selected:
            self.fit_selection()

    def _clicked(self, item: MapItem) -> None:
        self.record_selected.emit(item.ref)

    def _on_points_clicked(self, _plot: object, points: list[object]) -> None:
        if points:
            self._clicked(self.points[points[0].data()])  # type: ignore[attr-defined]

    def _on_points_hovered(self, _plot: object, points: list[object], _event: object) -> None:
        self.hover.setText(self.points[points[0].data()].hover if points else "")  # type: ignore[attr-defined]

    # keyboard -----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        (x0, x1), (y0, y1) = self.view.viewRange()
        step_x, step_y = (x1 - x0) / 10, (y1 - y0) / 10
        moves: dict[int, tuple[float, float]] = {
            Qt.Key.Key_Left: (-step_x, 0),
            Qt.Key.Key_Right: (step_x, 0),
            Qt.Key.Key_Up: (0, step_y),
            Qt.Key.Key_Down: (0, -step_y),
        }
        if key in moves:
            dx, dy = moves[key]
            self.view.translateBy(x=dx, y=dy)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.view.scaleBy((0.8, 0.8))
        elif key == Qt.Key.Key_Minus:
            self.view.scaleBy((1.25, 1.25))
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self.order:
            self.step(-1 if key == Qt.Key.Key_Backtab else 1)
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab walks the features in date order while the map has focus."""
        if self.plot.hasFocus() and self.order:
            self.step(1 if forward else -1)
            return True
        return super().focusNextPrevChild(forward)

    def step(self, direction: int) -> MapItem:
        self._cursor = (self._cursor + direction) % len(self.order)
        item = self.order[self._cursor]
        self.hover.setText(item.hover)
        self.record_selected.emit(item.ref)
        return item

    # export -------------------------------------------------------------------------------------
    def export(self, path: Path) -> bool:
        from briefer.ui.exports import save_export
        from briefer.ui.scene_export import scene_png, scene_svg

        item = self.plot.getPlotItem()
        if path.suffix.lower() == ".svg":
            return save_export(self, path, lambda: scene_svg(self.plot, item, "map"))
        return save_export(self, path, lambda: scene_png(item, 1000))

    def _ask_export(self, suffix: str) -> None:
        from briefer.ui.dialogs.save_path import ask_save_path

        path = ask_save_path(self, "Export map", f"map.{suffix}", suffix)
        if path is not None:
            self.export(path)
