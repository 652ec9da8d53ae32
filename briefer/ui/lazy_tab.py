"""A tab whose panel is built the first time it is needed, so start-up builds only what shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from briefer.ui.focus_order import follow_layout


class LazyTab(QWidget):
    """Holds a factory; the panel is made when the tab is first shown or first asked for."""

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._panel: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> QWidget | None:
        """The panel if it exists yet, without building it."""
        return self._panel

    @property
    def panel(self) -> QWidget:
        if self._panel is None:
            self._panel = self._factory()
            self._layout.addWidget(self._panel)
            follow_layout(self._panel)  # once in the window: reparenting reorders the chain
        return self._panel

    def showEvent(self, event: QShowEvent) -> None:
        self.panel  # noqa: B018 - building on first show is the point
        super().showEvent(event)
