"""The timeline chart: swimlanes on a UTC date axis, period bands, a cumulative-launch strip
aligned on the same axis, and an overview with the visible range."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsRectItem, QWidget

from briefer.domain.palette import EVENT_COLOUR, LOCAL_COLOUR, OUTCOME_COLOURS, OUTCOME_SYMBOLS
from briefer.domain.vocabulary import Outcome, label
from briefer.services.timeline import LANES, CumulativeSeries, TimelineItem
from briefer.ui.panels.timeline.columns import TimelineColumns
from briefer.ui.panels.timeline.date_axis import UtcDateAxis
from briefer.ui.panels.timeline.labels import LabelLayer
from briefer.ui.panels.timeline.lanes import LaneLayer
from briefer.ui.panels.timeline.legend import LegendEntry, LegendStrip
from briefer.ui.panels.timeline.periods import ROW_HEIGHT, PeriodLayer
from briefer.ui.panels.timeline.strip_plot import StripPlot
from briefer.ui.panels.timeline.style import CATEGORY_SYMBOLS
from briefer.ui.theme import muted_ink
from briefer.ui.tooltips import as_text

YEAR = 365.25 * 86400
AXIS_WIDTH = 130
STRIPE_REACH = 300 * YEAR  # lane stripes reach well past any date the data can hold
PERIOD_LANE = len(LANES)
Describe = Callable[[int], str]


def _cache_tree(item: QGraphicsItem) -> None:
    """Cache an item and its children as pixmaps: a legend never changes while panning."""
    item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    for child in item.childItems():
        _cache_tree(child)


class TimelineViewBox(pg.ViewBox):
    """Pans and zooms along time only; Shift+drag draws a rubber band to zoom into."""

    def mouseDragEvent(self, ev: Any, axis: int | None = None) -> None:
        if ev.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.setMouseMode(pg.ViewBox.RectMode)
            try:
                super().mouseDragEvent(ev, axis)
            finally:
                self.setMouseMode(pg.ViewBox.PanMode)
        else:
            super().mouseDragEvent(ev, axis)


def _step(
    times: Sequence[float], counts: Sequence[int], until: float
) -> tuple[list[float], list[float]]:
    xs: list[float] = []
    ys: list[float] = []
    previous = 0
    for moment, count in zip(times, counts, strict=True):
        xs += [moment, moment]
        ys += [previous, count]
        previous = count
    if xs:
        xs.append(max(until, xs[-1]))
        ys.append(previous)
    return xs, ys


class TimelineChart(pg.GraphicsLayoutWidget):
    """Draws columns of timeline items; knows rows and indices, never records or services.

    Signals:
        item_clicked(int): the caller's index of the item whose marker was clicked.
        range_changed(float, float): the visible time range, in UTC epoch seconds.
        key_pressed(object): navigation keys (arrows, Home/End, +/-) for the panel to act on.
    """

    item_clicked = Signal(int)
    range_changed = Signal(float, float)
    key_pressed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Timeline chart")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.ci.setSpacing(2)
        self.legend = LegendStrip()
        self.addItem(self.legend, row=0, col=0)
        self.main = self.addPlot(
            row=1,
            col=0,
            enableMenu=False,
            viewBox=TimelineViewBox(enableMenu=False),
            axisItems={"bottom": UtcDateAxis("bottom")},
        )
        self.cumulative = StripPlot("left", pg.AxisItem("left"))
        self.addItem(self.cumulative, row=2, col=0)
        self.overview = StripPlot(
            "bottom", UtcDateAxis("bottom"), axis_offset=AXIS_WIDTH
        )
        self.addItem(self.overview, row=3, col=0)
        self._columns: TimelineColumns | None = None
        self._row_of = np.empty(0, dtype=np.int64)
        self._describe: Describe | None = None
        self.shown_count = 0
        self._loading = False
        self._redraw_pending = False
        self._setup_main()
        self._setup_cumulative()
        self._setup_overview()
        self.main.disableAutoRange()  # every range is set explicitly; auto-ranging only costs
        self.ci.layout.setRowStretchFactor(1, 10)
        self._cache_static_items()
        self._fit_to_font(self.font())

    # construction ---------------------------------------------------------------------
    def _setup_main(self) -> None:
        main = self.main
        main.setMouseEnabled(x=True, y=False)
        main.hideButtons()
        main.invertY(True)
        main.setYRange(-0.6, PERIOD_LANE + 0.6, padding=0)
        ticks = [(i, label(c)) for i, c in enumerate(LANES)] + [(PERIOD_LANE, "Periods")]
        main.getAxis("left").setTicks([ticks, []])
        main.getAxis("left").setWidth(AXIS_WIDTH)
        self.stripes = [
            QGraphicsRectItem(QRectF(-STRIPE_REACH, i - 0.5, 2 * STRIPE_REACH, 1.0))
            for i in range(1, PERIOD_LANE + 1, 2)
        ]
        for stripe in self.stripes:
            stripe.setZValue(-200)
            stripe.setPen(pg.mkPen(None))
            main.addItem(stripe, ignoreBounds=True)
        self.lanes = [LaneLayer(main, i, c, self._tip) for i, c in enumerate(LANES)]
        for lane in self.lanes:
            lane.on_new_group = self._connect_spots
        self.periods = PeriodLayer(main, PERIOD_LANE)
        self.labels = LabelLayer()
        main.addItem(self.labels, ignoreBounds=True)
        self.ring = pg.ScatterPlotItem(size=24, symbol="o", brush=None)
        self.ring.setZValue(50)
        main.addItem(self.ring)
        main.vb.sigXRangeChanged.connect(self._on_range_changed)
        main.vb.sigResized.connect(self.redraw)

    def _setup_cumulative(self) -> None:
        plot = self.cumulative
        plot.setMaximumHeight(96)
        plot.setMinimumHeight(80)
        plot.vb.setXLink(self.main.vb)
        plot.vb.setMouseEnabled(x=True, y=False)
        plot.axis.setWidth(AXIS_WIDTH)
        plot.axis.setLabel("Cumulative")
        self.attempts_curve = pg.PlotDataItem()
        self.successes_curve = pg.PlotDataItem()
        plot.add(self.attempts_curve)
        plot.add(self.successes_curve)
        self.cumulative_legend = pg.LegendItem(offset=(8, 4), labelTextSize="8pt")
        self.cumulative_legend.setParentItem(plot.vb)
        self.cumulative_legend.addItem(self.attempts_curve, "Launch attempts")
        self.cumulative_legend.addItem(self.successes_curve, "Reached orbit")

    def _setup_overview(self) -> None:
        plot = self.overview
        plot.setMaximumHeight(52)
        plot.setMinimumHeight(48)
        plot.vb.setMouseEnabled(x=False, y=False)
        plot.axis.setHeight(22)
        self.overview_bars = pg.BarGraphItem(x0=[], x1=[], y0=[], y1=[])
        plot.add(self.overview_bars)
        self.region = pg.LinearRegionItem(movable=True)
        self.region.setZValue(10)
        plot.add(self.region)
        self.region.sigRegionChanged.connect(self._on_region_moved)

    def _axes(self) -> list[pg.AxisItem]:
        return [
            self.main.getAxis("left"),
            self.main.getAxis("bottom"),
            self.cumulative.axis,
            self.overview.axis,
        ]

    def _cache_static_items(self) -> None:
        """Axes and legend repaint from a cached pixmap unless they themselves change.

        Drawing an axis' text costs a few milliseconds; without the cache every pan would
        redraw all the axes, though only the date axis moved.
        """
        cache = QGraphicsItem.CacheMode.DeviceCoordinateCache
        for axis in self._axes():
            axis.setCacheMode(cache)
            # dates and counts take no SI prefix: without this, every range change re-sets
            # each axis label as HTML only to find no prefix again
            axis.enableAutoSIPrefix(False)

    def _build_legend(self, ink: QColor) -> None:
        entries = [
            LegendEntry(OUTCOME_SYMBOLS[outcome], OUTCOME_COLOURS[outcome], f"Launch: {outcome}")
            for outcome in Outcome
        ]
        entries += [
            LegendEntry(symbol, EVENT_COLOUR, label(category))
            for category, symbol in CATEGORY_SYMBOLS.items()
        ]
        entries.append(LegendEntry("o", None, "Date known to month/year"))
        if self._columns is not None and self._columns.local is not None:
            entries.append(LegendEntry("o", LOCAL_COLOUR, "Your own record", ring=True))
        self.legend.set_entries(entries, ink)

    # data -----------------------------------------------------------------------------
    def set_data(
        self,
        columns: TimelineColumns,
        periods: Sequence[TimelineItem] = (),
        series: CumulativeSeries | None = None,
        describe: Describe | None = None,
        until: float | None = None,
    ) -> None:
        """Show ``columns`` (and the periods and launch series) and fit the view to them."""
        self._loading = True
        try:
            self._set_data(columns, periods, series, describe, until)
        finally:
            self._loading = False
        if self.isVisible():
            self.redraw()
        else:  # laid out when first shown: drawn then, at its real size, once
            self._redraw_pending = True
        self.range_changed.emit(*self.view_range())

    def _set_data(
        self,
        columns: TimelineColumns,
        periods: Sequence[TimelineItem],
        series: CumulativeSeries | None,
        describe: Describe | None,
        until: float | None,
    ) -> None:
        had_local = self._columns is not None and self._columns.local is not None
        self._columns = columns
        self._describe = describe
        if had_local != (columns.local is not None):
            self._build_legend(QApplication.palette().color(QPalette.ColorRole.Text))
        self._row_of = np.full(int(columns.index.max(initial=-1)) + 1, -1, dtype=np.int64)
        self._row_of[columns.index] = np.arange(len(columns))
        for lane in self.lanes:
            lane.set_columns(columns)
        self.periods.set_periods(periods)
        bottom = PERIOD_LANE + max(self.periods.row_count, 1) * ROW_HEIGHT - 0.2
        span = bottom + 0.6
        self.main.vb.setLimits(yMin=-0.6, yMax=bottom, minYRange=span, maxYRange=span)
        self.main.setYRange(-0.6, bottom, padding=0)
        low, high = self.full_range(periods)
        self._set_cumulative(series or CumulativeSeries(), until or high)
        self._set_overview(columns, periods, low, high)
        self.main.vb.setLimits(xMin=low - 5 * YEAR, xMax=high + 5 * YEAR, minXRange=86400 * 3)
        self.show_selection(None)
        self.set_view(low, high)

    def full_range(self, periods: Sequence[TimelineItem] = ()) -> tuple[float, float]:
        columns = self._columns
        starts = [p.start for p in periods]
        ends = [p.end for p in periods]
        if columns is not None and len(columns):
            starts.append(float(columns.x[0]))
            ends.append(float(columns.x[-1]))
        if not starts:
            return 0.0, YEAR
        low, high = min(starts), max(ends)
        margin = max((high - low) * 0.03, 15 * 86400)
        return low - margin, high + margin

    def _set_cumulative(self, series: CumulativeSeries, until: float) -> None:
        xs, ys = _step(series.times, series.attempts, until)
        self.attempts_curve.setData(xs, ys)
        xs, ys = _step(series.times, series.successes, until)
        self.successes_curve.setData(xs, ys)
        top = max(series.attempts, default=1)
        self.cumulative.set_y_range(0, top * 1.15 + 0.5)

    def _set_overview(
        self, columns: TimelineColumns, periods: Sequence[TimelineItem], low: float, high: float
    ) -> None:
        edges = np.linspace(low, high, 121)
        counts, _ = np.histogram(columns.x, bins=edges)
        heights = np.log1p(counts)
        self.overview_bars.setOpts(
            x0=edges[:-1], x1=edges[1:], y0=np.zeros(counts.size), y1=heights
        )
        self.overview.set_x_range(low, high)
        self.overview.set_y_range(0, max(float(heights.max(initial=0)), 1.0) * 1.1)

    # view -------------------------------------------------------------------------------
    def view_range(self) -> tuple[float, float]:
        (x0, x1), _ = self.main.vb.viewRange()
        return float(x0), float(x1)

    def set_view(self, x0: float, x1: float) -> None:
        self.main.setXRange(x0, x1, padding=0)

    def zoom(self, factor: float, centre: float | None = None) -> None:
        x0, x1 = self.view_range()
        middle = (x0 + x1) / 2 if centre is None else centre
        half = (x1 - x0) * factor / 2
        self.set_view(middle - half, middle + half)

    def _row(self, index: int | None) -> int | None:
        """The drawn row of the caller's item ``index``, or None (periods are not rows)."""
        if index is None or not 0 <= index < self._row_of.size or self._row_of[index] < 0:
            return None
        return int(self._row_of[index])

    def ensure_visible(self, index: int) -> None:
        row = self._row(index)
        if row is None or self._columns is None:
            return
        x = float(self._columns.x[row])
        x0, x1 = self.view_range()
        if not x0 <= x <= x1:
            half = (x1 - x0) / 2
            self.set_view(x - half, x + half)

    def show_selection(self, index: int | None) -> None:
        row = self._row(index)
        if row is None or self._columns is None:
            self.ring.setData([])
            return
        self.ring.setData([{"pos": (float(self._columns.x[row]), float(self._columns.lane[row]))}])

    def redraw(self) -> None:
        if getattr(self, "_columns", None) is None:
            return
        self._redraw_pending = False
        x0, x1 = self.view_range()
        width = max(int(self.main.vb.width()), 1)
        metrics = QFontMetrics(self.font())
        (_, (y0, y1)) = self.main.vb.viewRange()
        unit_px = self.main.vb.height() / max(abs(y1 - y0), 1e-9)
        self.shown_count = sum(lane.render(x0, x1, width, metrics, unit_px) for lane in self.lanes)
        self.periods.render(x0, x1, width, ROW_HEIGHT * unit_px, metrics)
        self.labels.set_font(self.font())
        lane_labels = [label for lane in self.lanes for label in lane.labels]
        self.labels.set_labels(lane_labels + self.periods.labels)
        with QSignalBlocker(self.region):
            self.region.setRegion((x0, x1))

    def follow_font(self) -> None:
        font = self.font()
        for axis in self._axes():
            axis.setStyle(tickFont=font)
            axis.label.setFont(font)
        self.legend.follow_font(font)
        self._fit_to_font(font)
        self.redraw()

    def _fit_to_font(self, font: QFont) -> None:
        """Give every lane a line of text and the lane labels their width, at any text size.

        The chart's minimum height is what its lanes, strips and legend need; the panel
        scrolls the chart when the window is shorter than that, so labels never pile up.
        """
        metrics = QFontMetrics(font)
        line = metrics.lineSpacing()
        names = [label(c) for c in LANES] + ["Periods", "Cumulative"]
        width = max(AXIS_WIDTH, max(metrics.horizontalAdvance(n) for n in names) + 3 * line)
        self.main.getAxis("left").setWidth(width)
        self.cumulative.axis.setWidth(width)
        self.overview.set_axis_offset(width)
        self.main.setMinimumHeight(round((PERIOD_LANE + 1) * line * 1.25 + 2 * line))
        self.cumulative.setMinimumHeight(max(80, round(4.5 * line)))
        self.cumulative.setMaximumHeight(max(96, round(5.5 * line)))
        self.overview.axis.setHeight(max(22, line + 6))
        self.overview.setMinimumHeight(max(48, 2 * line + 14))
        self.overview.setMaximumHeight(max(52, 2 * line + 18))
        size = f"{max(font.pointSizeF() - 1.5, 7.5):.1f}pt"
        self.cumulative_legend.setLabelTextSize(size)
        for _sample, text in self.cumulative_legend.items:
            text.setText(text.text, size=size)
        self._fit_minimum_height()

    def _fit_minimum_height(self) -> None:
        parts = (self.legend, self.main, self.cumulative, self.overview)
        needed = sum(part.minimumHeight() for part in parts) + 3 * self.ci.layout.verticalSpacing()
        self.setMinimumHeight(round(needed) + 8)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The legend wraps to the new width; the minimum height follows its lines."""
        super().resizeEvent(event)
        if hasattr(self, "overview"):
            self._fit_minimum_height()

    # look -------------------------------------------------------------------------------
    def apply_palette(self) -> None:
        palette = QApplication.palette()
        ink = palette.color(QPalette.ColorRole.Text)
        key = (ink.rgba(), palette.color(QPalette.ColorRole.Base).rgba())
        if key == getattr(self, "_palette_key", None):
            return
        self._palette_key = key
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        stripe = palette.color(QPalette.ColorRole.AlternateBase)
        for band in self.stripes:
            band.setBrush(pg.mkBrush(stripe))
        for axis in self._axes():
            axis.setTextPen(ink)
            axis.setPen(pg.mkPen(muted_ink(palette)))
        for lane in self.lanes:
            lane.set_ink(ink)
        self.labels.set_ink(ink)
        self.ring.setPen(pg.mkPen(palette.color(QPalette.ColorRole.Highlight), width=2.5))
        self.attempts_curve.setPen(pg.mkPen(ink, width=2))
        self.successes_curve.setPen(
            pg.mkPen(OUTCOME_COLOURS[Outcome.SUCCESS], width=2, style=Qt.PenStyle.DashLine)
        )
        self.cumulative_legend.setLabelTextColor(ink)
        backdrop = QColor(palette.color(QPalette.ColorRole.Base))
        backdrop.setAlpha(230)
        self.cumulative_legend.setBrush(pg.mkBrush(backdrop))
        self.cumulative_legend.setPen(pg.mkPen(muted_ink(palette)))
        bars = QColor(ink)
        bars.setAlpha(110)
        self.overview_bars.setOpts(brush=pg.mkBrush(bars), pen=pg.mkPen(None))
        highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
        highlight.setAlpha(60)
        self.region.setBrush(pg.mkBrush(highlight))
        self._build_legend(ink)

    def changeEvent(self, event: QEvent) -> None:
        """The palette (appearance) or the font (View > Text size) changed: the chart follows."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "periods"):
            self.apply_palette()
        if event.type() == QEvent.Type.FontChange and hasattr(self, "periods"):
            self.follow_font()

    # events -----------------------------------------------------------------------------
    def _tip(self, x: float, y: float, data: Any) -> str:
        row = int(data)
        if self._describe is not None and self._columns is not None:
            return as_text(self._describe(int(self._columns.index[row])))
        return as_text(self._columns.titles[row]) if self._columns is not None else ""

    def _connect_spots(self, spots: pg.ScatterPlotItem) -> None:
        spots.sigClicked.connect(self._on_spots_clicked)

    def _on_spots_clicked(self, _item: Any, points: Sequence[Any], _event: Any) -> None:
        if len(points) and self._columns is not None:
            self.item_clicked.emit(int(self._columns.index[int(points[0].data())]))

    def _on_range_changed(self, *_args: Any) -> None:
        if self._loading:
            return
        self.redraw()
        self.range_changed.emit(*self.view_range())

    def _on_region_moved(self) -> None:
        x0, x1 = self.region.getRegion()
        self.set_view(float(x0), float(x1))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._redraw_pending:
            self.redraw()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        navigation = {
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
            Qt.Key.Key_Home,
            Qt.Key.Key_End,
            Qt.Key.Key_Plus,
            Qt.Key.Key_Minus,
            Qt.Key.Key_Equal,
        }
        if event.key() in navigation:
            self.key_pressed.emit(Qt.Key(event.key()))
            event.accept()
            return
        super().keyPressEvent(event)
