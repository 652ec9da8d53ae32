"""The main window: the registered panels beside a detail pane, wired to the shared selection."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QSplitter,
    QWidget,
)

from briefer.domain.records import EntityRef
from briefer.meta import APP_NAME
from briefer.paths import user_data_dir
from briefer.services.context import ServiceContext
from briefer.services.settings import GEOMETRY_KEY, STATE_KEY
from briefer.ui import theme
from briefer.ui.local_records import LocalRecordActions
from briefer.ui.navigation import Navigator
from briefer.ui.panel_registry import PanelHost, Reveals, panel_opening
from briefer.ui.panel_tabs import PanelTabs
from briefer.ui.panels.detail import DetailPanel
from briefer.ui.panels.search import SearchBox, search_records
from briefer.ui.screen_fit import resize_within_screen
from briefer.ui.session_end import SessionEnd
from briefer.ui.state import SelectionState
from briefer.ui.text_size import TextSize
from briefer.ui.window_chrome import (
    build_menus,
    build_toolbar,
    dataset_label,
    read_only_bar,
    stacked,
)

if TYPE_CHECKING:
    from briefer.domain.search import SearchHit
    from briefer.services.saved_briefings import Reissue


class MainWindow(QMainWindow):
    """Tabs for timeline, comparison, sanctions and notes beside a detail pane."""

    export_action: QAction  # the menus and toolbar (window_chrome) set these
    restore_action: QAction
    search_action: QAction
    theme_actions: QActionGroup
    whats_new_dialog: QDialog | None = None
    briefings_dialog: QDialog | None = None
    shortcuts_dialog: QDialog | None = None
    reopen: Callable[[bool], bool] | None = None  # set by the WindowHost: reopen on a new dataset

    def __init__(
        self, services: ServiceContext, state: SelectionState, parent: QWidget | None = None
    ) -> None:
        # theme and text size before any widget, this one included: each alive is re-polished
        self._apply_app_theme(services.settings.theme)
        text_size = TextSize(services.settings)
        super().__init__(parent)
        self.text_size = text_size
        self.services = services
        self.state = state
        self.compose_dialog: QDialog | None = None
        self.session_end: SessionEnd | None = None
        self.setWindowTitle(f"{APP_NAME} — DPRK satellite launches, capabilities and sanctions")
        state.set_comparison_source(services.starting_comparison)
        self.detail = DetailPanel()
        self.tabs = PanelTabs(PanelHost(services, state, self.detail))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 380])
        self.read_only_bar = read_only_bar(services)
        self.setCentralWidget(stacked(self.read_only_bar, self.splitter))
        self.navigator = Navigator(self, self, state)
        self.search_box = SearchBox(self)
        # the search service (and the notes it searches) is made on the first search
        self.search_box.set_searcher(lambda text: search_records(services.search, text))
        self.statusBar().addPermanentWidget(dataset_label(services))
        self.local_records = LocalRecordActions(self)
        build_menus(self)
        self.toolbar = build_toolbar(self)
        self._wire()
        self._restore_layout()
        self.tabs.apply_palette()

    def install_session_end(self) -> None:
        """Save notes on SIGTERM, SIGHUP, SIGINT and logout (the app's one window only)."""
        app = cast("QApplication", QApplication.instance())
        self.session_end = SessionEnd(app, self.end_session)

    # panels -----------------------------------------------------------------------------
    def panel(self, name: str) -> QWidget:
        return self.tabs.panel(name)

    def show_panel(self, name: str) -> None:
        self.tabs.show_panel(name)

    def current_panel_name(self) -> str:
        return self.tabs.current_name()

    # layout -----------------------------------------------------------------------------
    def _wire(self) -> None:
        self.state.selection_changed.connect(self._on_selection_changed)
        self.detail.link_activated.connect(self.open_record)
        self.search_box.hit_activated.connect(self.open_hit)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme_changed)

    # behaviour --------------------------------------------------------------------------
    def apply_theme(self, name: str) -> None:
        self._apply_app_theme(name)
        self.tabs.apply_palette()

    @staticmethod
    def _apply_app_theme(name: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, name)

    def choose_theme(self, name: str) -> None:
        self.services.settings.theme = name
        self.apply_theme(name)

    def _on_system_scheme_changed(self) -> None:
        if self.services.settings.theme == "system":
            self.apply_theme("system")

    def _on_selection_changed(self, ref: EntityRef | None) -> None:
        self.tabs.show_selection(ref)
        self.show_detail_of(ref)

    def show_detail_of(self, ref: EntityRef | None) -> None:
        if not self.detail.notes.has_service and ref is not None:
            self.detail.notes.set_service(self.services.notes)  # notes load on first use
        detail = self.services.detail.detail(ref) if ref else None
        if detail is not None:
            from briefer.services.detail_notes import with_linked_notes

            detail = with_linked_notes(detail, self.services.notes)
        self.detail.show_detail(detail, ref)

    def open_compose(self, reissue: Reissue | None = None) -> QDialog:
        """The briefing dialog, drafted for what is selected and compared right now, or
        filled from a saved briefing made again (``reissue``)."""
        from briefer.ui.dialogs.compose import ComposeDialog

        services, state = self.services, self.state
        dialog = ComposeDialog(
            services.briefing,
            services.notes,
            state.comparison,
            state.current,
            self,
            saved=services.saved_briefings,
            reissue=reissue,
        )
        dialog.setModal(True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.compose_dialog = dialog
        return dialog

    def open_record(self, ref: EntityRef) -> None:
        """Follow a link: bring forward the panel that shows the record, and select it."""
        self.open_in_panel(ref, panel_opening(ref.kind) or self.current_panel_name())

    def open_hit(self, hit: SearchHit) -> None:
        """Open a search result: a note in the Notes tab, any record in its own panel."""
        if hit.note_id is not None:
            self.open_in_panel(hit.ref, "notes")
        else:
            self.open_record(hit.ref)

    def open_in_panel(self, ref: EntityRef, panel: str, reveal: bool = True) -> None:
        """Bring ``panel`` forward and select ``ref``; with ``reveal`` a system joins the
        comparison (Back and Forward leave the comparison as the analyst last set it)."""
        shown = self.tabs.show_panel(panel)
        if reveal and isinstance(shown, Reveals):
            shown.reveal(ref)
        self.state.select(ref)

    def show_about(self) -> None:
        from briefer.ui.dialogs.about import show_about

        show_about(self, self.services.dataset_with_counts(), self.services.publishers())

    def restore_notes(self) -> None:
        from briefer.ui.dialogs.restore_notes import ask_restore_notes

        self.detail.notes.flush()
        outcome = ask_restore_notes(self, self.services)
        if outcome is not None:
            self.detail.notes.show_note_for(self.detail.notes.ref)
            self.tabs.notes_replaced()
            self.local_records.refresh()  # the backup held the analyst's records too
            self.statusBar().showMessage(outcome, 10000)

    # window geometry and closing --------------------------------------------------------
    def _restore_layout(self) -> None:
        settings = self.services.settings
        geometry, state = settings.blob(GEOMETRY_KEY), settings.blob(STATE_KEY)
        if geometry is None or not self.restoreGeometry(QByteArray(geometry)):
            resize_within_screen(self, 1280, 780)
        if state is not None:
            self.splitter.restoreState(QByteArray(state))

    def save_layout(self) -> None:
        settings = self.services.settings
        settings.set_blob(GEOMETRY_KEY, bytes(self.saveGeometry().data()))
        settings.set_blob(STATE_KEY, bytes(self.splitter.saveState().data()))

    def closeEvent(self, event: QCloseEvent) -> None:
        from briefer.ui.dialogs.unsaved_notes import settle_notes

        if not settle_notes(self.detail.notes, self.ask_unsaved):
            event.ignore()
            return
        self.save_layout()
        if self.session_end is not None:
            self.session_end.uninstall()
            self.session_end = None
        self.detail.notes.stop_timers()
        self.tabs.stop_timers()
        super().closeEvent(event)

    def end_session(self, interactive: bool) -> None:
        """Asked to stop (signal, logout): save notes; text that cannot be saved goes to a
        recovery file first, since the process may be killed before a question is answered."""
        from briefer.ui.dialogs.unsaved_notes import keep_for_exit

        kept = keep_for_exit(self.detail.notes, user_data_dir())
        if kept is not None:
            self.statusBar().showMessage(f"Unsaved notes kept in {kept}")
        if interactive:
            self.close()

    def ask_unsaved(self) -> str:
        """``retry``, ``copy``, ``discard`` or ``cancel`` (the window stays open)."""
        from briefer.ui.dialogs.unsaved_notes import ask_unsaved

        return ask_unsaved(self, self.detail.notes.status.text())
