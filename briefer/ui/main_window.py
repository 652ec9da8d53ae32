"""The main window: layout, menus and wiring of the panels to the shared selection."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import EntityKind, SubjectKind, values_of
from briefer.meta import APP_NAME
from briefer.paths import user_data_dir
from briefer.services.context import ServiceContext
from briefer.services.settings import GEOMETRY_KEY, STATE_KEY, THEMES
from briefer.store.errors import StoreError
from briefer.ui import theme
from briefer.ui.dialogs.about import show_about
from briefer.ui.lazy_tab import LazyTab
from briefer.ui.navigation import Navigator
from briefer.ui.panels.detail import DetailPanel
from briefer.ui.panels.search import SearchBox
from briefer.ui.panels.timeline import TimelinePanel
from briefer.ui.session_end import SessionEnd
from briefer.ui.state import SelectionState

if TYPE_CHECKING:
    from briefer.domain.search import SearchHit, SearchResults
    from briefer.ui.panels.comparison import ComparisonPanel
    from briefer.ui.panels.notes import NotesPanel
    from briefer.ui.panels.sanctions import SanctionsPanel


class MainWindow(QMainWindow):
    """Tabs for timeline, comparison and sanctions beside a detail pane."""

    def __init__(
        self, services: ServiceContext, state: SelectionState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._state = state
        self.compose_dialog: QDialog | None = None
        self.setWindowTitle(f"{APP_NAME} — DPRK satellite launches, capabilities and sanctions")
        self.timeline = TimelinePanel()
        self.comparison_tab = LazyTab(self._make_comparison)
        self.sanctions_tab = LazyTab(self._make_sanctions)
        self.notes_tab = LazyTab(self._make_notes)
        self.detail = DetailPanel()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.timeline, "&Timeline")
        self.tabs.addTab(self.comparison_tab, "&Comparison")
        self.tabs.addTab(self.sanctions_tab, "&Sanctions")
        self.tabs.addTab(self.notes_tab, "&Notes")
        self._panel_names = {
            "timeline": self.timeline,
            "comparison": self.comparison_tab,
            "sanctions": self.sanctions_tab,
            "notes": self.notes_tab,
        }
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 380])
        self.read_only_bar = self._make_read_only_bar()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.read_only_bar)
        column.addWidget(self.splitter, stretch=1)
        self.setCentralWidget(central)
        self.navigator = Navigator(self, self, state)
        self.search_box = SearchBox(self)
        self.search_box.set_searcher(self._search)
        self._build_status_bar()
        self._build_menus()
        self._build_toolbar()
        self._wire()
        self._load()
        self._restore_layout()
        self.apply_theme(services.settings.theme)
        self.session_end: SessionEnd | None = None

    def install_session_end(self) -> None:
        """Save notes on SIGTERM, SIGHUP, SIGINT and logout (the app's one window only)."""
        app = cast("QApplication", QApplication.instance())
        self.session_end = SessionEnd(app, self.end_session)

    def _make_read_only_bar(self) -> QLabel:
        """Shown when notes cannot be written: says why, above everything else."""
        reason = self._services.user.read_only_reason
        bar = QLabel(f"Notes are read-only: {reason}. Look-up and briefings work as usual.")
        bar.setWordWrap(True)
        bar.setAccessibleName("Notes read-only notice")
        bar.setStyleSheet("background: #E69F00; color: #000000; padding: 6px;")
        bar.setVisible(reason is not None)
        return bar

    # layout ---------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        label = QLabel(self._services.dataset.status_line)
        label.setToolTip(str(self._services.dataset.path))
        label.setAccessibleName("Dataset version")
        self.statusBar().addPermanentWidget(label)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.export_action = file_menu.addAction("&Export briefing…")
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setStatusTip("Compose and export a one-page PDF briefing")
        self.export_action.triggered.connect(self.open_compose)
        file_menu.addSeparator()
        self.restore_action = file_menu.addAction("&Restore notes from a backup…")
        self.restore_action.setEnabled(self._services.user.writable)
        self.restore_action.triggered.connect(self._on_restore_notes)
        file_menu.addSeparator()
        quit_action = file_menu.addAction("&Quit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self._build_view_menu()
        self._build_go_menu()
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction("&About Briefer").triggered.connect(self._on_about)

    def _build_go_menu(self) -> None:
        go_menu = self.menuBar().addMenu("&Go")
        go_menu.addAction(self.navigator.back_action)
        go_menu.addAction(self.navigator.forward_action)
        go_menu.addSeparator()
        self.search_action = go_menu.addAction("&Search everything…")
        self.search_action.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+F")])
        self.search_action.triggered.connect(self.search_box.focus_search)

    def _build_toolbar(self) -> None:
        bar = QToolBar("Navigation and search", self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addAction(self.navigator.back_action)
        bar.addAction(self.navigator.forward_action)
        bar.addWidget(self.search_box)
        bar.addAction(self.export_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

    def _build_view_menu(self) -> None:
        view_menu = self.menuBar().addMenu("&View")
        for number, (name, widget) in enumerate(
            (
                ("Timeline", self.timeline),
                ("Comparison", self.comparison_tab),
                ("Sanctions", self.sanctions_tab),
            ),
            start=1,
        ):
            action = view_menu.addAction(name)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, w=widget: self.show_panel(w))
        notes_action = view_menu.addAction("Notes")
        notes_action.setShortcut(QKeySequence("Ctrl+5"))
        notes_action.triggered.connect(lambda _=False: self.show_panel(self.notes_tab))
        detail_action = view_menu.addAction("Detail pane")
        detail_action.setShortcut(QKeySequence("Ctrl+4"))
        detail_action.triggered.connect(self.detail.browser.setFocus)
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu("&Appearance")
        self.theme_actions = QActionGroup(self)
        for name in THEMES:
            action = QAction(name.capitalize(), self, checkable=True)
            action.setData(name)
            action.setChecked(name == self._services.settings.theme)
            self.theme_actions.addAction(action)
            theme_menu.addAction(action)
        self.theme_actions.triggered.connect(self._on_theme_chosen)

    def _wire(self) -> None:
        self.timeline.record_selected.connect(self._state.select)
        self._state.selection_changed.connect(self._on_selection_changed)
        self.detail.link_activated.connect(self.open_record)
        self.search_box.hit_activated.connect(self.open_hit)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme_changed)

    def _load(self) -> None:
        as_of = date.fromisoformat(self._services.dataset.info.as_of)
        self.timeline.set_timeline(self._services.timeline.timeline(), as_of)

    def _make_comparison(self) -> QWidget:
        from briefer.ui.panels.comparison import ComparisonPanel

        panel = ComparisonPanel()
        panel.record_selected.connect(self._state.select)
        panel.comparison_changed.connect(self._on_comparison_changed)
        settings = self._services.settings
        chosen = {kind: settings.comparison(kind) for kind in values_of(SubjectKind)}
        panel.load(self._services.comparison, chosen)
        return panel

    def _make_sanctions(self) -> QWidget:
        from briefer.ui.panels.sanctions import SanctionsPanel

        panel = SanctionsPanel(self._services.sanctions)
        panel.record_selected.connect(self._state.select)
        panel.show_selection(self._state.current)
        return panel

    def _make_notes(self) -> QWidget:
        from briefer.ui.panels.notes import NotesPanel

        self.detail.notes.set_service(self._services.notes)
        panel = NotesPanel(self._services.notes)
        panel.record_selected.connect(self._state.select)
        self.detail.notes.saved.connect(panel.note_saved)
        return panel

    @property
    def notes(self) -> NotesPanel:
        return cast("NotesPanel", self.notes_tab.panel)

    @property
    def comparison(self) -> ComparisonPanel:
        return cast("ComparisonPanel", self.comparison_tab.panel)

    @property
    def sanctions(self) -> SanctionsPanel:
        return cast("SanctionsPanel", self.sanctions_tab.panel)

    def _panels(self) -> list[QWidget]:
        built = (self.comparison_tab.built, self.sanctions_tab.built, self.notes_tab.built)
        return [self.timeline, *(panel for panel in built if panel is not None)]

    # behaviour ------------------------------------------------------------------------
    def show_panel(self, widget: QWidget) -> None:
        """Bring a panel's tab forward (the panel or its lazy tab may be given)."""
        tab = widget if self.tabs.indexOf(widget) >= 0 else widget.parentWidget()
        self.tabs.setCurrentWidget(tab)
        panel = tab.panel if isinstance(tab, LazyTab) else tab
        panel.setFocus()

    def apply_theme(self, name: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, name)
        self.timeline.apply_palette()

    def _on_theme_chosen(self, action: QAction) -> None:
        name = str(action.data())
        self._services.settings.theme = name
        self.apply_theme(name)

    def _on_system_scheme_changed(self) -> None:
        if self._services.settings.theme == "system":
            self.apply_theme("system")

    def _on_selection_changed(self, ref: EntityRef | None) -> None:
        for panel in self._panels():
            panel.show_selection(ref)
        if not self.detail.notes.has_service and ref is not None:
            self.detail.notes.set_service(self._services.notes)  # notes load on first use
        detail = self._services.detail.detail(ref) if ref else None
        if detail is not None:
            from briefer.services.detail_notes import with_linked_notes

            detail = with_linked_notes(detail, self._services.notes)
        self.detail.show_detail(detail, ref)

    def open_compose(self) -> QDialog:
        """The briefing dialog, drafted for what is selected and compared right now."""
        from briefer.ui.dialogs.compose import ComposeDialog

        dialog = ComposeDialog(
            self._services.briefing,
            self._services.notes,
            self._state.comparison,
            self._state.current,
            self,
        )
        dialog.setModal(True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.compose_dialog = dialog
        return dialog

    def open_record(self, ref: EntityRef) -> None:
        """Follow a link: bring forward the panel that shows the record, and select it."""
        self.open_in_panel(ref, self._panel_for(ref))

    def _search(self, text: str) -> SearchResults:
        from briefer.domain.search import BOX_LIMIT, SearchResults

        try:
            return self._services.search.search(text, limit=BOX_LIMIT)
        except StoreError as error:
            return SearchResults(text, (), notice=f"The search failed: {error}")

    def open_hit(self, hit: SearchHit) -> None:
        """Open a search result: a note in the Notes tab, any record in its own panel."""
        panel = "notes" if hit.note_id is not None else self._panel_for(hit.ref)
        self.open_in_panel(hit.ref, panel)

    def _panel_for(self, ref: EntityRef) -> str:
        dated = {EntityKind.LAUNCH_ATTEMPT, EntityKind.EVENT, EntityKind.RESOLUTION}
        if ref.kind in dated:
            return "timeline"
        if ref.kind == EntityKind.PROVISION:
            return "sanctions"
        if ref.kind == EntityKind.SUBJECT:
            return "comparison"
        return self.current_panel_name()  # sites, organisations, sources: the detail pane

    def current_panel_name(self) -> str:
        current = self.tabs.currentWidget()
        return next(name for name, tab in self._panel_names.items() if tab is current)

    def open_in_panel(self, ref: EntityRef, panel: str, reveal: bool = True) -> None:
        """Bring ``panel`` forward and select ``ref``; with ``reveal`` a system joins the
        comparison (Back and Forward leave the comparison as the analyst last set it)."""
        self.show_panel(self._panel_names[panel])
        if reveal and panel == "comparison" and ref.kind == EntityKind.SUBJECT:
            self.comparison.reveal(ref.id)
        self._state.select(ref)

    def _on_comparison_changed(self, kind: str, ids: list[str]) -> None:
        self._services.settings.set_comparison(kind, ids)
        self._state.set_comparison(kind, ids)

    def _on_about(self) -> None:
        show_about(self, self._services.dataset_with_counts(), self._services.publishers())

    # window geometry ------------------------------------------------------------------
    def _restore_layout(self) -> None:
        settings = self._services.settings
        geometry, state = settings.blob(GEOMETRY_KEY), settings.blob(STATE_KEY)
        if geometry is None or not self.restoreGeometry(QByteArray(geometry)):
            self.resize(1280, 780)
        if state is not None:
            self.splitter.restoreState(QByteArray(state))

    def save_layout(self) -> None:
        settings = self._services.settings
        settings.set_blob(GEOMETRY_KEY, bytes(self.saveGeometry().data()))
        settings.set_blob(STATE_KEY, bytes(self.splitter.saveState().data()))

    def _on_restore_notes(self) -> None:
        from briefer.ui.dialogs.restore_notes import ask_restore_notes

        self.detail.notes.flush()
        outcome = ask_restore_notes(self, self._services)
        if outcome is not None:
            self.detail.notes.show_note_for(self.detail.notes.ref)
            if self.notes_tab.built is not None:
                self.notes.refresh()
            self.statusBar().showMessage(outcome, 10000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._notes_settled():
            event.ignore()
            return
        self.save_layout()
        if self.session_end is not None:
            self.session_end.uninstall()
            self.session_end = None
        self.detail.notes.stop_timers()
        if self.notes_tab.built is not None:
            self.notes.filter_timer.stop()
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

    def _notes_settled(self) -> bool:
        from briefer.ui.dialogs.unsaved_notes import settle_notes

        return settle_notes(self.detail.notes, self.ask_unsaved)

    def ask_unsaved(self) -> str:
        """``retry``, ``copy``, ``discard`` or ``cancel`` (the window stays open)."""
        from briefer.ui.dialogs.unsaved_notes import ask_unsaved

        return ask_unsaved(self, self.detail.notes.status.text())
