"""One attribute as horizontal bars per subject, with error bars for ranges."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from briefer.domain.records import Subject
from briefer.services.comparison import ComparisonRow
from briefer.ui.models.comparison_table import short_name

COUNTRY_COLOURS = {
    "PRK": "#D55E00",
    "RUS": "#0072B2",
    "KOR": "#56B4E9",
    "JPN": "#CC79A7",
    "IRN": "#009E73",
    "USA": "#E69F00",
    "CHN": "#F0E442",
}
LOG_SPREAD = 20.0


def wants_log(values: Sequence[float]) -> bool:
    """A log scale when the largest known value is over twenty times the smallest."""
    positive = [v for v in values if v > 0]
    return len(positive) >= 2 and max(positive) / min(positive) > LOG_SPREAD


class ComparisonChart(pg.PlotWidget):
    """Bars coloured by country; unknown values are written as such, never drawn as zero."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, enableMenu=False)
        self.setAccessibleName("Comparison chart")
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.getPlotItem().invertY(True)
        self.bars = pg.BarGraphItem(x0=[], x1=[], y=[], height=0.6)
        self.ranges = pg.ErrorBarItem(beam=0.25)
        self.addItem(self.bars)
        self.addItem(self.ranges)
        self._notes: list[pg.TextItem] = []
        self.log_scale = False
        self.apply_palette()

    def apply_palette(self) -> None:
        palette = QApplication.palette()
        ink = palette.color(QPalette.ColorRole.Text)
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        for name in ("left", "bottom"):
            self.getAxis(name).setTextPen(ink)
            self.getAxis(name).setPen(pg.mkPen(ink))
        self.ranges.setData(pen=pg.mkPen(ink, width=1.5))
        for note in self._notes:
            note.setColor(ink)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "ranges"):
            self.apply_palette()

    def show_row(
        self, row: ComparisonRow, subjects: Sequence[Subject], log: bool | None = None
    ) -> None:
        """Draw ``row`` for ``subjects``; ``log=None`` picks the scale from the spread."""
        values = [cell.midpoint for cell in row.cells]
        known = [v for v in values if v is not None]
        self.log_scale = wants_log(known) if log is None else log and all(v > 0 for v in known)
        transform = (lambda v: math.log10(v)) if self.log_scale else (lambda v: v)
        base = math.floor(math.log10(min(known))) if self.log_scale and known else 0.0
        self._draw_bars(row, subjects, values, transform, base)
        self._draw_ranges(row, transform)
        self._write_unknowns(row, values, base)
        self._draw_axes(row, subjects, known, transform, base)
        self._describe(row, subjects)

    def _describe(self, row: ComparisonRow, subjects: Sequence[Subject]) -> None:
        """The chart in words, for a screen reader: each system's figure, and where the table
        with the sources is."""
        figures = "; ".join(
            f"{short_name(s.name)} ({s.country}): {'unknown' if c.is_unknown else c.display()}"
            for s, c in zip(subjects, row.cells, strict=True)
        )
        scale = ", log scale" if self.log_scale else ""
        self.setAccessibleDescription(
            f"Bar chart of {row.heading}{scale} for {len(subjects)} systems. {figures}. "
            "The Comparison table above lists every figure with its sources and confidence."
        )

    def _draw_bars(self, row, subjects, values, transform, base) -> None:  # noqa: ANN001
        drawn = [(i, v) for i, v in enumerate(values) if v is not None]
        self.bars.setOpts(
            x0=[base] * len(drawn),
            x1=[transform(v) for _, v in drawn],
            y=[i for i, _ in drawn],
            height=0.6,
            brushes=[pg.mkBrush(_colour(subjects[i].country)) for i, _ in drawn],
            pens=[pg.mkPen(None)] * len(drawn),
        )

    def _draw_ranges(self, row: ComparisonRow, transform) -> None:  # noqa: ANN001
        spans = [
            (i, c) for i, c in enumerate(row.cells) if c.low is not None and c.high is not None
        ]
        if not spans:
            self.ranges.setData(x=np.empty(0), y=np.empty(0), left=np.empty(0), right=np.empty(0))
            return
        middle = np.array([transform(c.midpoint) for _, c in spans])
        self.ranges.setData(
            x=middle,
            y=np.array([float(i) for i, _ in spans]),
            height=np.zeros(len(spans)),
            left=middle - np.array([transform(c.low) for _, c in spans]),
            right=np.array([transform(c.high) for _, c in spans]) - middle,
        )

    def _write_unknowns(self, row: ComparisonRow, values: list, base: float) -> None:
        for note in self._notes:
            self.removeItem(note)
        ink = QApplication.palette().color(QPalette.ColorRole.Text)
        self._notes = []
        for i, value in enumerate(values):
            if value is None:
                cell = row.cells[i]
                text = "unknown" if cell.is_unknown else f"{cell.display()} (bound only)"
                if cell.text and cell.low is None and cell.high is None:
                    text = "not a number: see the table"
                note = pg.TextItem(text, color=ink, anchor=(0, 0.5))
                note.setPos(base, i)
                self.addItem(note, ignoreBounds=True)
                self._notes.append(note)

    def _draw_axes(self, row, subjects, known, transform, base) -> None:  # noqa: ANN001
        left = self.getAxis("left")
        # the country is written beside each name, so the bars' colours are never its only sign
        names = [(i, f"{short_name(s.name)} ({s.country})") for i, s in enumerate(subjects)]
        left.setTicks([names, []])
        bottom = self.getAxis("bottom")
        bottom.setLogMode(self.log_scale)
        scale = ", log scale" if self.log_scale else ""
        self.setLabel("bottom", f"{row.heading}{scale}")
        highs = [transform(c.high) for c in row.cells if c.high is not None]
        top = max([transform(v) for v in known] + highs, default=1.0)
        self.setXRange(base, top + (top - base) * 0.08 or 1.0, padding=0)
        self.setYRange(-0.6, len(subjects) - 0.4, padding=0)


def _colour(country: str) -> QColor:
    return QColor(COUNTRY_COLOURS.get(country, "#999999"))
