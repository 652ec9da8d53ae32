"""Every tab of the main window, declared once.

A tab is a `PanelSpec`: its name, title, the record kinds whose links it opens and a factory.
The window derives everything else from this list: the tabs in order, View-menu entries with
Ctrl+1… shortcuts, lazy construction, routing a record to its panel and broadcasting the
selection. Adding a tab means one entry here and the panel itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import EntityKind, SubjectKind, values_of
from briefer.store.errors import StoreError

if TYPE_CHECKING:
    from briefer.services.context import ServiceContext
    from briefer.ui.panels.detail import DetailPanel
    from briefer.ui.state import SelectionState


@runtime_checkable
class Panel(Protocol):
    """What every tab offers: it announces the record the analyst picks in it."""

    record_selected: SignalInstance


@runtime_checkable
class FollowsSelection(Protocol):
    """A panel that highlights the shared selection when another panel changes it."""

    def show_selection(self, ref: EntityRef | None) -> None: ...


@runtime_checkable
class Reveals(Protocol):
    """A panel that makes a record visible when a link opens it (e.g. ticks a system)."""

    def reveal(self, ref: EntityRef) -> None: ...


@runtime_checkable
class Themed(Protocol):
    """A panel that draws its own colours and redraws when the appearance changes."""

    def apply_palette(self) -> None: ...


@runtime_checkable
class ShowsNotes(Protocol):
    """A panel listing the analyst's notes, reloaded when they are replaced wholesale."""

    def notes_replaced(self) -> None: ...


@runtime_checkable
class ListsRecords(Protocol):
    """A panel listing records, reloaded when the analyst adds, edits or deletes one."""

    def records_changed(self) -> None: ...


@runtime_checkable
class ImportsRecords(Protocol):
    """A panel that can bring in records (a notes import carries the analyst's own)."""

    records_imported: SignalInstance


@runtime_checkable
class HasTimers(Protocol):
    """A panel with pending timers, stopped when the window closes."""

    def stop_timers(self) -> None: ...


@dataclass(frozen=True)
class PanelHost:
    """What a factory may use to build and wire its panel."""

    services: ServiceContext
    state: SelectionState
    detail: DetailPanel


@dataclass(frozen=True)
class PanelSpec:
    """One tab: its name, title, factory and the record kinds it opens."""

    name: str
    title: str
    factory: Callable[[PanelHost], QWidget]
    opens: frozenset[str] = frozenset()
    lazy: bool = True


def _timeline(host: PanelHost) -> QWidget:
    from briefer.ui.panels.timeline import TimelinePanel

    panel = TimelinePanel()
    panel.chart.range_changed.connect(host.state.show_dates)
    as_of = date.fromisoformat(host.services.dataset.info.as_of)
    panel.set_source(host.services.timeline.timeline, as_of)
    previous = host.services.previous_dataset()
    if previous:
        panel.filters.offer_new_since(previous, partial(_new_on_timeline, host.services))
    return panel


def _new_on_timeline(services: ServiceContext) -> frozenset[EntityRef]:
    try:
        return frozenset(services.whats_new.new_on_timeline())
    except StoreError as error:
        logging.getLogger(__name__).warning("cannot compare with the previous dataset: %s", error)
        return frozenset()


def _comparison(host: PanelHost) -> QWidget:
    from briefer.ui.panels.comparison import ComparisonPanel

    settings = host.services.settings
    panel = ComparisonPanel()
    panel.comparison_changed.connect(settings.set_comparison)
    panel.comparison_changed.connect(host.state.set_comparison)
    chosen = {kind: settings.comparison(kind) for kind in values_of(SubjectKind)}
    panel.load(host.services.comparison, chosen)
    return panel


def _sanctions(host: PanelHost) -> QWidget:
    from briefer.ui.panels.sanctions import SanctionsPanel

    return SanctionsPanel(host.services.sanctions)


def _scenarios(host: PanelHost) -> QWidget:
    from briefer.ui.panels.scenarios import ScenariosPanel

    return ScenariosPanel(host.services.scenarios)


def _map(host: PanelHost) -> QWidget:
    from briefer.services.map import MapService
    from briefer.ui.panels.map.panel import MapPanel

    panel = MapPanel(MapService(host.services.reference))
    host.state.dates_shown.connect(panel.follow_dates)
    if host.state.shown_span is not None:
        panel.follow_dates(*host.state.shown_span)
    return panel


def _notes(host: PanelHost) -> QWidget:
    from briefer.ui.panels.notes import NotesPanel

    host.detail.notes.set_service(host.services.notes)
    panel = NotesPanel(host.services.notes)
    host.detail.notes.saved.connect(panel.note_saved)
    return panel


PANELS: tuple[PanelSpec, ...] = (
    PanelSpec(
        "timeline",
        "&Timeline",
        _timeline,
        frozenset({EntityKind.LAUNCH_ATTEMPT, EntityKind.EVENT, EntityKind.RESOLUTION}),
        lazy=False,
    ),
    PanelSpec("comparison", "&Comparison", _comparison, frozenset({EntityKind.SUBJECT})),
    PanelSpec("sanctions", "&Sanctions", _sanctions, frozenset({EntityKind.PROVISION})),
    PanelSpec("scenarios", "Sc&enarios", _scenarios, frozenset({EntityKind.SCENARIO})),
    PanelSpec("map", "&Map", _map, frozenset({EntityKind.SITE})),
    PanelSpec("notes", "&Notes", _notes),
)

DETAIL_SHORTCUT = "Ctrl+D"


def shortcut_of(spec: PanelSpec) -> str:
    """Tabs take Ctrl+1, Ctrl+2… in the order they are declared."""
    return f"Ctrl+{PANELS.index(spec) + 1}"


def panel_opening(kind: str) -> str | None:
    """The panel that shows records of ``kind`` (None: only the detail pane does)."""
    return next((spec.name for spec in PANELS if kind in spec.opens), None)
