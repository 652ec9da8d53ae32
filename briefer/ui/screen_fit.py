"""Fitting the screen at large text: windows no larger than the screen's free area (a dialog
taller than a 768-pixel laptop screen hides its buttons), and content that scrolls up and down
rather than growing its window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

TITLE_BAR = 40  # room for the window manager's title bar, which the area does not include


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width`` x ``height``, or to its screen's free area if smaller."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    area = screen.availableGeometry()
    widget.resize(min(width, area.width()), min(height, area.height() - TITLE_BAR))


def vertical_scroll(content: QWidget, parent: QWidget) -> QScrollArea:
    """``content`` scrolling up and down only, never narrower than it can be laid out."""
    area = QScrollArea(parent)
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    bar = area.verticalScrollBar().sizeHint().width()
    area.setMinimumWidth(content.minimumSizeHint().width() + bar)
    return area
