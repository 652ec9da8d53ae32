"""Back and Forward over the shared selection: Alt+Left / Alt+Right and the mouse's side buttons.

Every record selected, however it was reached (a click in a panel, a link in the detail pane, a
search result), becomes a visit together with the panel it was seen in. Going back selects the
record again and brings its panel forward.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent, QWindow
from PySide6.QtWidgets import QWidget

from briefer.domain.records import EntityRef
from briefer.services.history import NavigationHistory, Visit
from briefer.ui.state import SelectionState


class Navigable(Protocol):
    """What the navigator needs of the main window."""

    def current_panel_name(self) -> str: ...

    def open_in_panel(self, ref: EntityRef, panel: str, reveal: bool = True) -> None: ...


class Navigator(QObject):
    def __init__(self, window: QWidget, pages: Navigable, state: SelectionState) -> None:
        super().__init__(window)
        self._window = window
        self._pages = pages
        self._state = state
        self._restoring = False
        self.history = NavigationHistory()
        self.back_action = QAction("&Back", window)
        self.back_action.setIconText("◀")  # text, so it takes the theme's colours
        self.back_action.setToolTip("Back (Alt+Left)")
        self.back_action.setShortcuts(_keys("Alt+Left", QKeySequence.StandardKey.Back))
        self.back_action.setStatusTip("Back to the record seen before (Alt+Left)")
        self.back_action.triggered.connect(self.go_back)
        self.forward_action = QAction("&Forward", window)
        self.forward_action.setIconText("▶")
        self.forward_action.setToolTip("Forward (Alt+Right)")
        self.forward_action.setShortcuts(_keys("Alt+Right", QKeySequence.StandardKey.Forward))
        self.forward_action.setStatusTip("Forward again (Alt+Right)")
        self.forward_action.triggered.connect(self.go_forward)
        state.selection_changed.connect(self._on_selection_changed)
        self._native: QWindow | None = None
        window.installEventFilter(self)  # to find its native window once it is shown
        self._update_actions()

    def go_back(self) -> None:
        self._restore(self.history.back())

    def go_forward(self) -> None:
        self._restore(self.history.forward())

    def _restore(self, visit: Visit | None) -> None:
        if visit is None:
            return
        self._restoring = True
        try:
            self._pages.open_in_panel(visit.ref, visit.panel, reveal=False)
        finally:
            self._restoring = False
        self._update_actions()

    def _on_selection_changed(self, ref: EntityRef | None) -> None:
        if ref is None or self._restoring:
            return
        self.history.visit(Visit(ref, self._pages.current_panel_name()))
        self._update_actions()

    def _update_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back)
        self.forward_action.setEnabled(self.history.can_go_forward)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The mouse's back and forward buttons, anywhere in the window.

        The filter sits on the window's native window, which receives every mouse press of
        the window before Qt hands it to the widget under the pointer. An application-wide
        filter would see the same presses but also every event of every widget, each one a
        call into Python (about 1,400 of them before the window first paints).
        """
        if watched is self._window:
            if event.type() == QEvent.Type.Show:
                self._watch(self._window.windowHandle())
            return False
        if not isinstance(event, QMouseEvent) or event.type() != QEvent.Type.MouseButtonPress:
            return False
        if event.button() == Qt.MouseButton.BackButton:
            self.go_back()
            return True
        if event.button() == Qt.MouseButton.ForwardButton:
            self.go_forward()
            return True
        return False

    def _watch(self, native: QWindow | None) -> None:
        """Filter ``native``; a window handle is replaced only after the old one is gone,
        taking its filters with it."""
        if native is not None and native is not self._native:
            native.installEventFilter(self)
            self._native = native


def _keys(portable: str, platform: QKeySequence.StandardKey) -> list[QKeySequence]:
    """The portable shortcut and the platform's own, once each (on Linux they are the same)."""
    keys = [QKeySequence(portable), *QKeySequence.keyBindings(platform)]
    unique: dict[str, QKeySequence] = {}
    for key in keys:
        unique.setdefault(key.toString(), key)
    return list(unique.values())
