"""The map rendered in memory as PNG or SVG, ready for the atomic file writer."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QPainter

from briefer.ui.exports import png_bytes


def map_png(plot: pg.PlotWidget) -> bytes:
    import pyqtgraph.exporters  # only when exporting

    exporter = pyqtgraph.exporters.ImageExporter(plot.getPlotItem())
    exporter.parameters()["width"] = max(int(plot.width()), 1000)
    return png_bytes(exporter.export(toBytes=True))


def map_svg(plot: pg.PlotWidget) -> bytes:
    """Vector export through QtSvg, as the timeline's."""
    from PySide6.QtSvg import QSvgGenerator

    source = plot.getPlotItem().sceneBoundingRect()
    page = QRectF(0, 0, source.width(), source.height())
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(source.size().toSize())
    generator.setViewBox(page)
    generator.setTitle("Briefer map")
    painter = QPainter(generator)
    try:
        painter.fillRect(page, plot.backgroundBrush())
        plot.scene().render(painter, page, source)
    finally:
        painter.end()
    if data.isEmpty():
        raise OSError("the map could not be drawn as SVG")
    return bytes(data.data())
