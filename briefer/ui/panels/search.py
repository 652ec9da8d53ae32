"""The search box (Ctrl+K, Ctrl+F): type, see results grouped by kind, Enter opens one.

The results float over the window under the box, as a child widget rather than a popup
window, so typing never loses focus and a screenshot of the window shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

if TYPE_CHECKING:
    from briefer.domain.search import SearchHit, SearchResults
    from briefer.services.search import SearchService
    from briefer.ui.panels.search_results import SearchResultsView

DEBOUNCE_MS = 80
_MIN_WIDTH, _MAX_WIDTH = 520, 760

Searcher = Callable[[str], "SearchResults"]


def search_records(service: SearchService, text: str) -> SearchResults:
    """The box's results for ``text``; a failed search is a notice in the list, not an error."""
    from briefer.domain.search import BOX_LIMIT, SearchResults
    from briefer.store.errors import StoreError

    try:
        return service.search(text, limit=BOX_LIMIT)
    except StoreError as error:
        return SearchResults(text, (), notice=f"The search failed: {error}")


class SearchBox(QLineEdit):
    """Signals:
    hit_activated(object): the ``SearchHit`` chosen; the box closes its results.
    """

    hit_activated = Signal(object)

    def __init__(self, overlay_parent: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("Search everything…   Ctrl+K")
        self.setClearButtonEnabled(True)
        self.setAccessibleName("Search everything")
        self.setMinimumWidth(280)
        self._overlay_parent = overlay_parent
        self._searcher: Searcher | None = None
        self._results_view: SearchResultsView | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.textChanged.connect(self._on_text_changed)

    def set_searcher(self, searcher: Searcher) -> None:
        self._searcher = searcher

    @property
    def results_view(self) -> SearchResultsView:
        """Made on first use, so start-up does not pay for it."""
        if self._results_view is None:
            from briefer.ui.panels.search_results import SearchResultsView

            view = SearchResultsView(self._overlay_parent)
            view.hide()
            view.hit_activated.connect(self._on_hit_activated)
            cast("QApplication", QApplication.instance()).installEventFilter(self)
            self._results_view = view
        return self._results_view

    @property
    def results_visible(self) -> bool:
        return self._results_view is not None and self._results_view.isVisible()

    def focus_search(self) -> None:
        """Ctrl+K / Ctrl+F: focus the box with its text selected; show earlier results again."""
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()
        if self.text().strip() and self._results_view is not None:
            self._place_results()

    def run_search(self) -> None:
        self._timer.stop()
        text = self.text()
        if not text.strip() or self._searcher is None:
            self.hide_results()
            return
        self.results_view.show_results(self._searcher(text))
        self._place_results()

    def hide_results(self) -> None:
        if self._results_view is not None:
            self._results_view.hide()

    def _on_text_changed(self, text: str) -> None:
        if not text.strip():
            self._timer.stop()
            self.hide_results()

    def _on_hit_activated(self, hit: SearchHit) -> None:
        self.hide_results()
        self.hit_activated.emit(hit)

    def _place_results(self) -> None:
        view = self.results_view
        parent = self._overlay_parent
        top_left = self.mapTo(parent, QPoint(0, self.height() + 2))
        width = max(_MIN_WIDTH, min(_MAX_WIDTH, self.width()))
        left = max(4, min(top_left.x(), parent.width() - width - 4))
        limit = max(160, min(560, int(parent.height() * 0.7)))
        view.setGeometry(left, top_left.y(), width, limit)
        view.raise_()
        view.show()
        view.setGeometry(left, top_left.y(), width, max(80, min(limit, view.content_height())))

    # keys -------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        steps = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_PageDown: 8,
            Qt.Key.Key_PageUp: -8,
        }
        if key in steps and self.text().strip():
            if not self.results_visible:
                self.run_search()
            self.results_view.step(steps[Qt.Key(key)])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            if self._timer.isActive() or not self.results_visible:
                self.run_search()
            self.results_view.activate_current()
            return
        if key == Qt.Key.Key_Escape:
            if self.results_visible:
                self.hide_results()
            else:
                self.clear()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Close the results on a click anywhere outside them and the box."""
        if event.type() == QEvent.Type.MouseButtonPress and self.results_visible:
            inside = isinstance(watched, QWidget) and (
                watched is self
                or self.isAncestorOf(watched)
                or watched is self._results_view
                or (self._results_view is not None and self._results_view.isAncestorOf(watched))
            )
            if not inside and isinstance(watched, QWidget) and watched.window() is self.window():
                self.hide_results()
        return False
