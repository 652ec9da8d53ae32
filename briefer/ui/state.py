"""The selection shared by every panel: panels talk through it, never to each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from briefer.domain.records import EntityRef


class SelectionState(QObject):
    """The record the analyst is looking at.

    Signals:
        selection_changed(object): the newly selected ``EntityRef`` (or None when cleared).
    """

    selection_changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current: EntityRef | None = None

    @property
    def current(self) -> EntityRef | None:
        return self._current

    def select(self, ref: EntityRef | None) -> None:
        if ref == self._current:
            return
        self._current = ref
        self.selection_changed.emit(ref)
