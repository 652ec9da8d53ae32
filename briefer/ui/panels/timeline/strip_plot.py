"""A bare plot: one view box and one axis, without PlotItem's menus, buttons and spare axes.

A PlotItem builds four axes, a title, context menus and a settings form; the cumulative and
overview strips need a fraction of that, and building them bare saves start-up time.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg


class StripPlot(pg.GraphicsLayout):
    """A view box with a single axis on its ``left`` or ``bottom`` side."""

    def __init__(self, side: str, axis: pg.AxisItem, axis_offset: float = 0.0) -> None:
        super().__init__()
        self.vb = pg.ViewBox(enableMenu=False)
        self.axis = axis
        self.side = side
        self.setSpacing(0)
        self.setContentsMargins(0, 0, 0, 0)
        if side == "left":
            self.addItem(axis, row=0, col=0)
            self.addItem(self.vb, row=0, col=1)
        else:
            self.layout.setContentsMargins(axis_offset, 0, 0, 0)
            self.addItem(self.vb, row=0, col=0)
            self.addItem(axis, row=1, col=0)
        axis.linkToView(self.vb)
        self.vb.disableAutoRange()

    def set_axis_offset(self, offset: float) -> None:
        """A bottom strip's left margin, to line its view up with plots that have a left axis."""
        self.layout.setContentsMargins(offset, 0, 0, 0)

    def add(self, item: Any, ignore_bounds: bool = False) -> None:
        self.vb.addItem(item, ignoreBounds=ignore_bounds)

    def set_x_range(self, low: float, high: float) -> None:
        self.vb.setXRange(low, high, padding=0)

    def set_y_range(self, low: float, high: float) -> None:
        self.vb.setYRange(low, high, padding=0)
