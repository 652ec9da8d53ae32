"""The tab widget holding every registered panel, built lazily, addressed by name."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QTabWidget, QWidget

from briefer.domain.records import EntityRef
from briefer.ui.focus_order import follow_layout
from briefer.ui.lazy_tab import LazyTab
from briefer.ui.panel_registry import (
    PANELS,
    FollowsSelection,
    HasTimers,
    ImportsRecords,
    ListsRecords,
    PanelHost,
    PanelSpec,
    ShowsNotes,
    Themed,
)


class PanelTabs(QTabWidget):
    """One tab per `PanelSpec`, in declared order; a lazy panel is built when first needed."""

    def __init__(self, host: PanelHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self._host = host
        self._tabs: dict[str, QWidget] = {}
        for spec in PANELS:
            tab = LazyTab(partial(self._build, spec)) if spec.lazy else self._build(spec)
            self._tabs[spec.name] = tab
            self.addTab(tab, spec.title)
            if not spec.lazy:
                follow_layout(tab)

    def _build(self, spec: PanelSpec) -> QWidget:
        panel = spec.factory(self._host)
        panel.record_selected.connect(self._host.state.select)  # type: ignore[attr-defined]
        if isinstance(panel, FollowsSelection):
            panel.show_selection(self._host.state.current)
        if isinstance(panel, ImportsRecords):
            panel.records_imported.connect(self.records_changed)
        return panel

    def tab(self, name: str) -> QWidget:
        """The widget in the tab bar: the panel, or the lazy tab that will hold it."""
        return self._tabs[name]

    def panel(self, name: str) -> QWidget:
        """The panel called ``name`` (built now if it was not yet)."""
        tab = self._tabs[name]
        return tab.panel if isinstance(tab, LazyTab) else tab

    def built_panels(self) -> list[QWidget]:
        panels = (t.built if isinstance(t, LazyTab) else t for t in self._tabs.values())
        return [panel for panel in panels if panel is not None]

    def show_panel(self, name: str) -> QWidget:
        self.setCurrentWidget(self._tabs[name])
        panel = self.panel(name)
        panel.setFocus()
        return panel

    def current_name(self) -> str:
        current = self.currentWidget()
        return next(name for name, tab in self._tabs.items() if tab is current)

    def show_selection(self, ref: EntityRef | None) -> None:
        for panel in self.built_panels():
            if isinstance(panel, FollowsSelection):
                panel.show_selection(ref)

    def apply_palette(self) -> None:
        for panel in self.built_panels():
            if isinstance(panel, Themed):
                panel.apply_palette()

    def records_changed(self) -> None:
        for panel in self.built_panels():
            if isinstance(panel, ListsRecords):
                panel.records_changed()

    def notes_replaced(self) -> None:
        for panel in self.built_panels():
            if isinstance(panel, ShowsNotes):
                panel.notes_replaced()

    def stop_timers(self) -> None:
        for panel in self.built_panels():
            if isinstance(panel, HasTimers):
                panel.stop_timers()
