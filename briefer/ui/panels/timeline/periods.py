"""Periods (mandates, tenures): faint background bands plus labelled bars in their own lane."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QGraphicsRectItem

from briefer.domain.palette import PERIOD_COLOURS
from briefer.services.timeline import DAY, TimelineItem
from briefer.ui.tooltips import as_text

ROW_HEIGHT = 0.7
BAR_ALPHA = 120
BAND_ALPHA = 12


def assign_rows(periods: Sequence[TimelineItem]) -> list[int]:
    """Greedy interval packing: each period takes the first row free at its start."""
    row_ends: list[float] = []
    rows = []
    for period in periods:
        for row, end in enumerate(row_ends):
            if end <= period.start:
                row_ends[row] = period.end
                rows.append(row)
                break
        else:
            row_ends.append(period.end)
            rows.append(len(row_ends) - 1)
    return rows


def _tinted(colour: str, alpha: int) -> QColor:
    tint = QColor(colour)
    tint.setAlpha(alpha)
    return tint


def _last_day(period: TimelineItem) -> str:
    return (date(1970, 1, 1) + timedelta(seconds=period.end - DAY)).isoformat()


class PeriodLayer:
    """Draws periods into one lane of a plot, with a band behind every lane."""

    def __init__(self, plot: pg.PlotItem, lane: int) -> None:
        self._plot = plot
        self._lane = lane
        self._periods: list[TimelineItem] = []
        self._rows: list[int] = []
        self._items: list[object] = []
        self.labels: list[tuple[float, float, str]] = []  # (x, y, title) drawn by the chart
        self.row_count = 0

    def y_of(self, row: int) -> float:
        return self._lane + row * ROW_HEIGHT

    def set_periods(self, periods: Sequence[TimelineItem]) -> None:
        for item in self._items:
            self._plot.removeItem(item)
        self._periods = sorted(periods, key=lambda p: p.start)
        self._rows = assign_rows(self._periods)
        self.row_count = max(self._rows, default=-1) + 1
        self._items, self.labels = [], []
        for position, (period, row) in enumerate(zip(self._periods, self._rows, strict=True)):
            colour = PERIOD_COLOURS[position % len(PERIOD_COLOURS)]
            self._add_band(period, colour)
            self._add_bar(period, row, colour)

    def _add_band(self, period: TimelineItem, colour: str) -> None:
        """A faint band behind every lane (a plain rectangle: cheap to build and to paint)."""
        band = QGraphicsRectItem(QRectF(period.start, -50, period.end - period.start, 100))
        band.setBrush(pg.mkBrush(_tinted(colour, BAND_ALPHA)))
        band.setPen(pg.mkPen(None))
        band.setZValue(-150)
        self._plot.addItem(band, ignoreBounds=True)
        self._items.append(band)

    def _add_bar(self, period: TimelineItem, row: int, colour: str) -> None:
        """A period's bar; it carries the title and dates as a tooltip when no label fits."""
        height = ROW_HEIGHT * 0.85
        bar = QGraphicsRectItem(
            QRectF(period.start, self.y_of(row) - height / 2, period.end - period.start, height)
        )
        bar.setBrush(pg.mkBrush(_tinted(colour, BAR_ALPHA)))
        bar.setPen(pg.mkPen(None))
        bar.setToolTip(as_text(f"{period.title}\n{period.date_utc} – {_last_day(period)}"))
        self._plot.addItem(bar)
        self._items.append(bar)

    def render(
        self, x0: float, x1: float, width_px: int, row_height_px: float, metrics: QFontMetrics
    ) -> None:
        """Label a bar only where its visible part is wide and tall enough for the whole title.

        The labels go to ``labels`` for the chart's one label layer: a text item per bar
        would cost a text document each, laid out again on every pan.
        """
        scale = width_px / max(x1 - x0, 1e-9)
        self.labels = []
        if row_height_px < metrics.height():
            return
        for period, row in zip(self._periods, self._rows, strict=True):
            left, right = max(period.start, x0), min(period.end, x1)
            if (right - left) * scale >= metrics.horizontalAdvance(period.title) + 12:
                self.labels.append((left + 4 / scale, self.y_of(row), period.title))
