"""The selection shared by every panel: panels talk through it, never to each other."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from briefer.domain.records import EntityRef


class SelectionState(QObject):
    """The record the analyst is looking at.

    Signals:
        selection_changed(object): the newly selected ``EntityRef`` (or None when cleared).
        dates_shown(float, float): the span of epoch seconds the timeline shows.
    """

    selection_changed = Signal(object)
    dates_shown = Signal(float, float)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current: EntityRef | None = None
        self._comparison: tuple[str, list[str]] | None = None
        self._comparison_source: Callable[[], tuple[str, list[str]]] | None = None
        self.shown_span: tuple[float, float] | None = None

    @property
    def current(self) -> EntityRef | None:
        return self._current

    def select(self, ref: EntityRef | None) -> None:
        if ref == self._current:
            return
        self._current = ref
        self.selection_changed.emit(ref)

    @property
    def comparison(self) -> tuple[str, list[str]] | None:
        """The kind and subject ids compared side by side; before the Comparison tab is first
        built, the analyst's saved comparison (read on first use, so start-up stays quick)."""
        if self._comparison is None and self._comparison_source is not None:
            self._comparison = self._comparison_source()
        return self._comparison

    def set_comparison_source(self, source: Callable[[], tuple[str, list[str]]]) -> None:
        self._comparison_source = source

    def set_comparison(self, kind: str, ids: list[str]) -> None:
        """What the comparison panel shows; the briefing export compares the same subjects."""
        self._comparison = (kind, list(ids))

    def show_dates(self, start: float, end: float) -> None:
        """The timeline's visible span, for panels that follow it (the map)."""
        self.shown_span = (start, end)
        self.dates_shown.emit(start, end)
