"""The timeline chart rendered in memory as PNG or SVG, ready for the atomic file writer."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QPainter

from briefer.ui.exports import png_bytes
from briefer.ui.panels.timeline.chart import TimelineChart


def chart_png(chart: TimelineChart) -> bytes:
    import pyqtgraph.exporters  # only when exporting: it pulls in XML and more

    exporter = pyqtgraph.exporters.ImageExporter(chart.ci)
    exporter.parameters()["width"] = max(int(chart.ci.width()), 800)
    return png_bytes(exporter.export(toBytes=True))


def chart_svg(chart: TimelineChart) -> bytes:
    """Vector export through QtSvg (pyqtgraph's own SVG exporter trips on Qt 6.11's paths)."""
    from PySide6.QtSvg import QSvgGenerator

    source = chart.ci.sceneBoundingRect()
    page = QRectF(0, 0, source.width(), source.height())
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(source.size().toSize())
    generator.setViewBox(page)
    generator.setTitle("Briefer timeline")
    painter = QPainter(generator)
    try:
        painter.fillRect(page, chart.backgroundBrush())
        chart.scene().render(painter, page, source)
    finally:
        painter.end()
    if data.isEmpty():
        raise OSError("the timeline could not be drawn as SVG")
    return bytes(data.data())
