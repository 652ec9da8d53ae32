"""A light legend for the timeline: one item that lays out and paints its entries itself.

pyqtgraph's LegendItem builds two graphics items per entry; with fourteen entries that cost a
noticeable share of start-up and of every repaint. This draws the same symbols in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsSceneResizeEvent, QSizePolicy

SYMBOL_SIZE = 10
GAP = 18
ROW_SPACING = 4
MARGIN = 8


@dataclass(frozen=True)
class LegendEntry:
    """One symbol of the legend and what it means."""

    symbol: str
    colour: str | None  # None: a hollow symbol in the text colour
    text: str
    ring: bool = False  # a dashed ring in ``colour`` (the analyst's own records)


class LegendStrip(pg.GraphicsWidget):
    """Entries flow left to right and wrap; the strip's height follows its width."""

    def __init__(self) -> None:
        super().__init__()
        self._entries: list[LegendEntry] = []
        self._ink = QColor("#202020")
        self._font = QFont()
        self.follow_font(QApplication.font())
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def follow_font(self, font: QFont) -> None:
        """A step smaller than ``font`` (the application's), never under 7.5 pt."""
        self._font = QFont(font)
        self._font.setPointSizeF(max(font.pointSizeF() - 1.5, 7.5))
        self._fit_height(self.size().width())
        self.update()

    def set_entries(self, entries: list[LegendEntry], ink: QColor) -> None:
        self._entries = entries
        self._ink = ink
        self._fit_height(self.size().width())
        self.update()

    @property
    def texts(self) -> list[str]:
        return [entry.text for entry in self._entries]

    def _layout(self, width: float) -> tuple[list[QPointF], float]:
        metrics = QFontMetrics(self._font)
        row_height = max(metrics.height(), SYMBOL_SIZE) + ROW_SPACING
        x, y, spots = MARGIN, float(MARGIN / 2), []
        for entry in self._entries:
            advance = SYMBOL_SIZE + 6 + metrics.horizontalAdvance(entry.text) + GAP
            if x > MARGIN and x + advance > width:
                x, y = MARGIN, y + row_height
            spots.append(QPointF(x, y))
            x += advance
        return spots, y + row_height + MARGIN / 2

    def _fit_height(self, width: float) -> None:
        _, height = self._layout(max(width, 200.0))
        if abs(self.preferredHeight() - height) > 0.5:
            self.setPreferredHeight(height)
            self.setMinimumHeight(height)
            self.setMaximumHeight(height)

    def resizeEvent(self, event: QGraphicsSceneResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height(event.newSize().width())

    def paint(self, painter: QPainter, *_args: Any) -> None:
        spots, _ = self._layout(self.size().width())
        metrics = QFontMetrics(self._font)
        painter.setFont(self._font)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for entry, spot in zip(self._entries, spots, strict=True):
            middle = spot.y() + max(metrics.height(), SYMBOL_SIZE) / 2
            painter.save()
            painter.translate(spot.x() + SYMBOL_SIZE / 2, middle)
            if entry.ring:
                pen = QPen(QColor(entry.colour or "#000000"), 1.6, Qt.PenStyle.DashLine)
                pen.setCosmetic(True)
                drawSymbol(painter, "o", SYMBOL_SIZE + 2, pen, Qt.BrushStyle.NoBrush)
            elif entry.colour is None:
                pen = QPen(self._ink, 1.4)
                pen.setCosmetic(True)
                drawSymbol(painter, entry.symbol, SYMBOL_SIZE, pen, Qt.BrushStyle.NoBrush)
            else:
                colour = QColor(entry.colour)
                pen = QPen(colour, 1.2)
                pen.setCosmetic(True)  # drawSymbol scales the painter to the symbol size
                drawSymbol(painter, entry.symbol, SYMBOL_SIZE, pen, pg.mkBrush(colour))
            painter.restore()
            painter.setPen(self._ink)
            text_rect = QRectF(
                spot.x() + SYMBOL_SIZE + 6, spot.y(), 1000, max(metrics.height(), SYMBOL_SIZE)
            )
            painter.drawText(
                text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, entry.text
            )
