"""Window sizes that never exceed the screen: at large text a dialog's preferred size can be
taller than a 768-pixel laptop screen, and a window taller than its screen hides its buttons."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

TITLE_BAR = 40  # room for the window manager's title bar, which the area does not include


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width`` x ``height``, or to its screen's free area if smaller."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    area = screen.availableGeometry()
    widget.resize(min(width, area.width()), min(height, area.height() - TITLE_BAR))
