"""The selection shared by every panel: panels talk through it, never to each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from briefer.domain.records import EntityRef


class SelectionState(QObject):
    """The record the analyst is looking at.

    Signals:
        selection_changed(object): the newly selected ``EntityRef`` (or None when cleared).
        comparison_changed(str, list): the kind and subject ids now compared side by side.
    """

    selection_changed = Signal(object)
    comparison_changed = Signal(str, list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current: EntityRef | None = None
        self.comparison: tuple[str, list[str]] | None = None

    @property
    def current(self) -> EntityRef | None:
        return self._current

    def select(self, ref: EntityRef | None) -> None:
        if ref == self._current:
            return
        self._current = ref
        self.selection_changed.emit(ref)

    def set_comparison(self, kind: str, ids: list[str]) -> None:
        """What the comparison panel shows; the briefing export compares the same subjects."""
        self.comparison = (kind, list(ids))
        self.comparison_changed.emit(kind, list(ids))
