"""All marker labels of the chart in one item: placed in data coordinates, drawn in pixels.

One ``TextItem`` per label meant a text document per label, laid out again on every pan; a
single item that draws plain text is far cheaper to build and to repaint.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter


class LabelLayer(pg.GraphicsObject):
    """Texts anchored at their left edge, vertically centred on a data point."""

    def __init__(self) -> None:
        super().__init__()
        self._labels: list[tuple[float, float, str]] = []
        self._ink = QColor("#202020")
        self._font = QFont()
        self.setZValue(40)

    def set_font(self, font: QFont) -> None:
        self._font = QFont(font)
        self.update()

    def set_ink(self, ink: QColor) -> None:
        self._ink = QColor(ink)
        self.update()

    def set_labels(self, labels: list[tuple[float, float, str]]) -> None:
        self._labels = labels
        self.update()

    @property
    def labels(self) -> list[tuple[float, float, str]]:
        return list(self._labels)

    def scene_rects(self) -> list[QRectF]:
        """Where each label is drawn, in scene coordinates (for tests and hit checks)."""
        metrics = QFontMetrics(self._font)
        rects = []
        for x, y, text in self._labels:
            point = self.mapToScene(QPointF(x, y))
            height = metrics.height()
            rects.append(
                QRectF(point.x(), point.y() - height / 2, metrics.horizontalAdvance(text), height)
            )
        return rects

    def boundingRect(self) -> QRectF:
        view = self.getViewBox()
        return view.viewRect() if view is not None else QRectF()

    def paint(self, painter: QPainter, *_args: Any) -> None:
        if not self._labels:
            return
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setFont(self._font)
        painter.setPen(self._ink)
        metrics = QFontMetrics(self._font)
        lift = (metrics.ascent() - metrics.descent()) / 2
        for x, y, text in self._labels:
            point = transform.map(QPointF(x, y))
            painter.drawText(QPointF(point.x(), point.y() + lift), text)
        painter.restore()
