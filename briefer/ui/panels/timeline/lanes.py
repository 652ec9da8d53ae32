"""One swimlane: markers when they can be told apart, a density strip when they cannot.

Work per redraw is proportional to what is visible: the visible slice is found by binary
search on the sorted times; above one marker per few pixel columns the lane aggregates the
slice into one bar per two pixel columns instead of drawing markers; pyqtgraph items are only
handed new data when the visible slice (or the scale, for labels) actually changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics, QPen

from briefer.domain.palette import LOCAL_COLOUR
from briefer.ui.panels.timeline.columns import OUTCOMES, TimelineColumns
from briefer.ui.panels.timeline.style import MARKER_SIZE, colour_of, symbol_of

PIXELS_PER_MARKER = 3


def own_pen() -> QPen:
    """The dashed ring of the analyst's own records, on the map and in the legend alike."""
    return pg.mkPen(LOCAL_COLOUR, width=1.8, style=Qt.PenStyle.DashLine)


LABEL_LIMIT = 80
LABEL_GAP_PX = 10
MIN_LABEL_PX = 48
Tip = Callable[[float, float, Any], str]


def point_limit(width_px: int) -> int:
    """How many markers a lane draws before aggregating: about one per three pixel columns."""
    return max(60, width_px // PIXELS_PER_MARKER)


class LaneLayer:
    """Draws the items of one lane of a ``TimelineColumns`` into a plot."""

    def __init__(self, plot: pg.PlotItem, lane: int, category: str, tip: Tip) -> None:
        self.lane = lane
        self.category = category
        self._plot = plot
        self._tip = tip
        self._rows = np.empty(0, dtype=np.int64)
        self._xs = np.empty(0)
        self._columns: TimelineColumns | None = None
        self._drawn: tuple[int, int, bool] | None = None
        self.groups: dict[int, pg.ScatterPlotItem] = {}
        self._fuzzy: pg.ScatterPlotItem | None = None
        self._spans: pg.ErrorBarItem | None = None
        self._density: pg.PlotCurveItem | None = None
        self._own: pg.ScatterPlotItem | None = None
        self.labels: list[tuple[float, float, str]] = []
        self._ink = QColor("#202020")
        self.on_new_group: Callable[[pg.ScatterPlotItem], None] | None = None

    def _group(self, code: int) -> pg.ScatterPlotItem:
        """The marker item for one outcome, made the first time the lane needs it."""
        if code not in self.groups:
            colour = colour_of(OUTCOMES[code])
            spots = pg.ScatterPlotItem(
                symbol=symbol_of(self.category, OUTCOMES[code]),
                size=MARKER_SIZE,
                pen=pg.mkPen(colour, width=1.4),
                brush=pg.mkBrush(colour),
                hoverable=True,
                tip=self._tip,
                hoverPen=pg.mkPen("#000000", width=2),
                hoverSize=MARKER_SIZE + 4,
            )
            self._plot.addItem(spots)
            self.groups[code] = spots
            if self.on_new_group is not None:
                self.on_new_group(spots)
        return self.groups[code]

    @property
    def fuzzy(self) -> pg.ScatterPlotItem:
        """Hollow markers for dates known only to the month or year (made when first needed)."""
        if self._fuzzy is None:
            self._fuzzy = pg.ScatterPlotItem(
                symbol=symbol_of(self.category, OUTCOMES[-1]),
                size=MARKER_SIZE,
                brush=None,
                pen=pg.mkPen(self._ink, width=1.4),
                hoverable=True,
                tip=self._tip,
            )
            self._plot.addItem(self._fuzzy)
            if self.on_new_group is not None:
                self.on_new_group(self._fuzzy)
        return self._fuzzy

    @property
    def own(self) -> pg.ScatterPlotItem:
        """A dashed ring around each of the analyst's own records (made when first needed)."""
        if self._own is None:
            self._own = pg.ScatterPlotItem(
                symbol="o", size=MARKER_SIZE + 9, brush=None, pen=own_pen(), pxMode=True
            )
            self._own.setZValue(-1)
            self._plot.addItem(self._own)
        return self._own

    @property
    def spans(self) -> pg.ErrorBarItem:
        """The month or year each fuzzy marker may fall in, as a horizontal bar."""
        if self._spans is None:
            self._spans = pg.ErrorBarItem(beam=0.12, pen=pg.mkPen(self._ink, width=1.2))
            self._plot.addItem(self._spans)
        return self._spans

    @property
    def density(self) -> pg.PlotCurveItem:
        """One bar per two pixel columns where markers cannot be told apart."""
        if self._density is None:
            self._density = pg.PlotCurveItem(connect="pairs", pen=self._density_pen())
            self._plot.addItem(self._density)
        return self._density

    def _density_pen(self) -> QPen:
        ink = self._ink
        return pg.mkPen(QColor(ink.red(), ink.green(), ink.blue(), 170), width=1)

    def set_columns(self, columns: TimelineColumns) -> None:
        self._columns = columns
        self._rows = columns.lane_rows(self.lane)
        self._xs = columns.x[self._rows]
        self._drawn = None
        # sorted(set()) rather than np.unique, which imports numpy.ma (15 ms at start-up)
        for code in sorted(set(columns.outcome[self._rows].tolist())):
            self._group(int(code))

    def set_ink(self, ink: QColor) -> None:
        self._ink = ink
        if self._fuzzy is not None:
            self._fuzzy.setPen(pg.mkPen(ink, width=1.4))
        if self._spans is not None:
            self._spans.setData(pen=pg.mkPen(ink, width=1.2))
        if self._density is not None:
            self._density.setPen(self._density_pen())

    def visible_bounds(self, x0: float, x1: float) -> tuple[int, int]:
        lo, hi = np.searchsorted(self._xs, [x0, x1])
        return int(lo), int(hi)

    def render(
        self, x0: float, x1: float, width_px: int, metrics: QFontMetrics, lane_px: float = 1e9
    ) -> int:
        """Redraw for the view [x0, x1]; returns how many items are in view.

        ``lane_px`` is the lane's height on screen: labels need a lane at least as tall as
        a line of text, or they would reach into the next lane.
        """
        lo, hi = self.visible_bounds(x0, x1)
        rows = self._rows[lo:hi]
        dense = rows.size > point_limit(width_px)
        if dense:
            self._draw_density(rows, x0, x1, width_px)
        if self._drawn != (lo, hi, dense):
            if not dense and self._density is not None:
                self._density.setData([], [])
            self._draw_points(rows[:0] if dense else rows)
            self._drawn = (lo, hi, dense)
        room_for_text = lane_px >= metrics.height() + 4
        labelled = rows if not dense and rows.size <= LABEL_LIMIT and room_for_text else rows[:0]
        self._place_labels(labelled, x0, x1, width_px, metrics)
        return int(rows.size)

    def _draw_points(self, rows: np.ndarray) -> None:
        columns = self._columns
        if columns is None:
            return
        fuzzy = columns.fuzzy[rows]
        sharp_rows, fuzzy_rows = rows[~fuzzy], rows[fuzzy]
        codes = columns.outcome[sharp_rows]
        for code, spots in self.groups.items():
            chosen = sharp_rows[codes == code]
            if chosen.size == 0 and len(spots.data) == 0:
                continue
            spots.setData(
                x=columns.x[chosen], y=np.full(chosen.size, float(self.lane)), data=chosen
            )
        self._draw_own(rows)
        if fuzzy_rows.size == 0 and (self._fuzzy is None or len(self._fuzzy.data) == 0):
            return
        y = np.full(fuzzy_rows.size, float(self.lane))
        self.fuzzy.setData(x=columns.x[fuzzy_rows], y=y, data=fuzzy_rows)
        half = (columns.high[fuzzy_rows] - columns.low[fuzzy_rows]) / 2
        self.spans.setData(x=columns.x[fuzzy_rows], y=y, left=half, right=half, height=0.0)

    def _draw_own(self, rows: np.ndarray) -> None:
        columns = self._columns
        local = columns.local if columns is not None else None
        if local is None:
            if self._own is not None:
                self._own.setData([], [])
            return
        assert columns is not None
        mine = rows[local[rows]]
        self.own.setData(x=columns.x[mine], y=np.full(mine.size, float(self.lane)))

    def _draw_density(self, rows: np.ndarray, x0: float, x1: float, width_px: int) -> None:
        bins = max(1, width_px // 2)
        scale = bins / max(x1 - x0, 1e-9)
        xs = self._xs[np.searchsorted(self._xs, x0) :][: rows.size]
        slots = np.clip(((xs - x0) * scale).astype(np.int64), 0, bins - 1)
        counts = np.bincount(slots, minlength=bins)
        filled = np.flatnonzero(counts)
        heights = np.log1p(counts[filled]) / np.log1p(counts.max()) * 0.7
        centres = x0 + (filled + 0.5) / scale
        xs_pairs = np.repeat(centres, 2)
        ys = np.empty(xs_pairs.size)
        ys[0::2] = self.lane + 0.35
        ys[1::2] = self.lane + 0.35 - heights
        self.density.setData(xs_pairs, ys)

    def _place_labels(
        self, rows: np.ndarray, x0: float, x1: float, width_px: int, metrics: QFontMetrics
    ) -> None:
        """Label a marker on its own row, right of it, only in the room before the next marker.

        A title is shortened to fit that room and dropped when even a short form does not
        fit, so labels never overlap each other or a marker, at any zoom.
        """
        columns = self._columns
        self.labels = []
        if columns is None or rows.size == 0:
            return
        scale = width_px / max(x1 - x0, 1e-9)
        starts = (columns.x[rows] - x0) * scale + MARKER_SIZE / 2 + 4
        ends = (columns.high[rows] - x0) * scale + 4
        starts = np.where(columns.fuzzy[rows], np.maximum(starts, ends), starts)
        limits = np.append((columns.x[rows[1:]] - x0) * scale - MARKER_SIZE, width_px)
        rooms = (limits - starts - LABEL_GAP_PX).astype(np.int64)
        for position in np.flatnonzero(rooms >= MIN_LABEL_PX):
            title = columns.titles[int(rows[position])]
            text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, int(rooms[position]))
            if len(text) >= 6:
                self.labels.append((x0 + starts[position] / scale, float(self.lane), text))

    def shown_labels(self) -> list[tuple[float, str]]:
        return [(x, text) for x, _, text in self.labels]
