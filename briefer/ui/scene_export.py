"""A chart's scene item rendered in memory as PNG or SVG, ready for the atomic file writer;
the timeline and the map both export through here."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem

from briefer.ui.exports import png_bytes


def scene_png(item: QGraphicsItem, min_width: int) -> bytes:
    import pyqtgraph.exporters  # only when exporting: it pulls in XML and more

    exporter = pyqtgraph.exporters.ImageExporter(item)
    exporter.parameters()["width"] = max(int(item.sceneBoundingRect().width()), min_width)
    return png_bytes(exporter.export(toBytes=True))


def scene_svg(view: pg.GraphicsView, item: QGraphicsItem, what: str) -> bytes:
    """Vector export through QtSvg (pyqtgraph's own SVG exporter trips on Qt 6.11's paths).

    Raises:
        OSError: nothing was drawn.
    """
    from PySide6.QtSvg import QSvgGenerator

    source = item.sceneBoundingRect()
    page = QRectF(0, 0, source.width(), source.height())
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(source.size().toSize())
    generator.setViewBox(page)
    generator.setTitle(f"Briefer {what}")
    painter = QPainter(generator)
    try:
        painter.fillRect(page, view.backgroundBrush())
        view.scene().render(painter, page, source)
    finally:
        painter.end()
    if data.isEmpty():
        raise OSError(f"the {what} could not be drawn as SVG")
    return bytes(data.data())
