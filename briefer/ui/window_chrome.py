"""The main window's chrome: menus and toolbar (from the panel registry), status bar, notices."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QToolBar, QVBoxLayout, QWidget

from briefer.domain.palette import NOTICE_BACKGROUND
from briefer.services.settings import THEMES
from briefer.store.errors import StoreError
from briefer.ui.panel_registry import DETAIL_SHORTCUT, PANELS, shortcut_of

if TYPE_CHECKING:
    from briefer.services.context import ServiceContext
    from briefer.ui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    _build_file_menu(window)
    _build_view_menu(window)
    _build_go_menu(window)
    help_menu = window.menuBar().addMenu("&Help")
    whats_new = help_menu.addAction("What's &new in this dataset")
    whats_new.triggered.connect(lambda: _show_whats_new(window))
    keys = help_menu.addAction("&Keyboard shortcuts")
    keys.triggered.connect(lambda: _show_shortcuts(window))
    help_menu.addAction("&About Briefer").triggered.connect(window.show_about)


def _build_file_menu(window: MainWindow) -> None:
    file_menu = window.menuBar().addMenu("&File")
    window.export_action = file_menu.addAction("&Export briefing…")
    window.export_action.setShortcut(QKeySequence("Ctrl+E"))
    window.export_action.setStatusTip("Compose and export a one-page PDF briefing")
    window.export_action.triggered.connect(lambda: window.open_compose())
    copy_text = file_menu.addAction("Copy briefing as &text")
    copy_text.setStatusTip("The briefing for what is selected, as plain text for a message")
    copy_text.triggered.connect(lambda: _copy_briefing_as_text(window))
    briefings = file_menu.addAction("&Briefings…")
    briefings.setStatusTip("The briefings you exported: reopen and reissue, duplicate, delete")
    briefings.triggered.connect(lambda: _show_saved_briefings(window))
    file_menu.addSeparator()
    new_event = file_menu.addAction("New e&vent…")
    new_event.setShortcut(QKeySequence("Ctrl+Shift+N"))
    new_event.setStatusTip("Record an event of your own (breaking news no data pack has yet)")
    new_event.triggered.connect(window.local_records.new_event)
    new_launch = file_menu.addAction("New &launch attempt…")
    new_launch.setStatusTip("Record a launch attempt of your own")
    new_launch.triggered.connect(window.local_records.new_launch_attempt)
    file_menu.addSeparator()
    window.restore_action = file_menu.addAction("&Restore notes from a backup…")
    window.restore_action.setEnabled(window.services.user.writable)
    window.restore_action.triggered.connect(window.restore_notes)
    file_menu.addSeparator()
    update = file_menu.addAction("&Update dataset…")
    update.setStatusTip("Verify and install a signed data pack, then show what it changed")
    update.triggered.connect(lambda: _update_dataset(window))
    previous = file_menu.addAction("Return to the &previous dataset")
    previous.triggered.connect(lambda: _previous_dataset(window))
    file_menu.addSeparator()
    quit_action = file_menu.addAction("&Quit")
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)


def _show_shortcuts(window: MainWindow) -> None:
    from briefer.ui.dialogs.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    window.shortcuts_dialog = dialog


def _show_saved_briefings(window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    from briefer.ui.dialogs.saved_briefings import SavedBriefingsDialog

    dialog = SavedBriefingsDialog(window.services.saved_briefings, window.open_compose, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    window.briefings_dialog = dialog


def _copy_briefing_as_text(window: MainWindow) -> None:
    """The draft the compose dialog would open with, on the clipboard as plain text."""
    from PySide6.QtGui import QGuiApplication

    from briefer.briefing.plain_text import as_plain_text
    from briefer.services.briefing_drafts import draft_request

    request = draft_request(window.state.current, window.state.comparison)
    try:
        briefing = window.services.briefing.compose(request)
    except StoreError as error:
        window.statusBar().showMessage(f"No briefing copied: {error}", 15000)
        return
    QGuiApplication.clipboard().setText(as_plain_text(briefing))
    window.statusBar().showMessage(f"Copied the {request.template} briefing as text", 10000)


def _show_whats_new(window: MainWindow) -> None:
    from briefer.ui.dialogs.whats_new import show_whats_new

    show_whats_new(window)


def _update_dataset(window: MainWindow) -> None:
    from briefer.ui.dialogs.update_dataset import ask_update_dataset

    reading = window.services.reference.path
    _switch(window, ask_update_dataset(window, reading), show_whats_new=True)


def _previous_dataset(window: MainWindow) -> None:
    from briefer.ui.dialogs.update_dataset import ask_return_to_previous

    _switch(window, ask_return_to_previous(window), show_whats_new=False)


def _switch(window: MainWindow, outcome: str | None, show_whats_new: bool) -> None:
    """Reopen on the dataset now in use (after this menu's slot has returned)."""
    if not outcome:
        return
    window.statusBar().showMessage(outcome, 15000)
    reopen = window.reopen
    if reopen is not None:
        QTimer.singleShot(0, lambda: reopen(show_whats_new))


def _build_view_menu(window: MainWindow) -> None:
    view_menu = window.menuBar().addMenu("&View")
    for spec in PANELS:
        action = view_menu.addAction(spec.title.replace("&", ""))
        action.setShortcut(QKeySequence(shortcut_of(spec)))
        action.triggered.connect(lambda _=False, name=spec.name: window.show_panel(name))
    detail_action = view_menu.addAction("Detail pane")
    detail_action.setShortcut(QKeySequence(DETAIL_SHORTCUT))
    detail_action.triggered.connect(window.detail.browser.setFocus)
    view_menu.addSeparator()
    _build_text_size_menu(window, view_menu.addMenu("&Text size"))
    theme_menu = view_menu.addMenu("&Appearance")
    window.theme_actions = QActionGroup(window)
    for name in THEMES:
        action = QAction(name.capitalize(), window, checkable=True)
        action.setData(name)
        action.setChecked(name == window.services.settings.theme)
        window.theme_actions.addAction(action)
        theme_menu.addAction(action)
    window.theme_actions.triggered.connect(lambda action: window.choose_theme(str(action.data())))


def _build_text_size_menu(window: MainWindow, menu: QMenu) -> None:
    size = window.text_size
    for text, keys, handler in (
        ("&Larger", ["Ctrl++", "Ctrl+="], size.larger),
        ("&Smaller", ["Ctrl+-"], size.smaller),
        ("&Reset", ["Ctrl+0"], size.reset),
    ):
        action = menu.addAction(text)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(handler)


def _build_go_menu(window: MainWindow) -> None:
    go_menu = window.menuBar().addMenu("&Go")
    go_menu.addAction(window.navigator.back_action)
    go_menu.addAction(window.navigator.forward_action)
    go_menu.addSeparator()
    window.search_action = go_menu.addAction("&Search everything…")
    window.search_action.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+F")])
    window.search_action.triggered.connect(window.search_box.focus_search)


def build_toolbar(window: MainWindow) -> QToolBar:
    bar = QToolBar("Navigation and search", window)
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    bar.addAction(window.navigator.back_action)
    bar.addAction(window.navigator.forward_action)
    bar.addWidget(window.search_box)
    bar.addAction(window.export_action)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar


def read_only_bar(services: ServiceContext) -> QLabel:
    """Shown when notes cannot be written: says why, above everything else."""
    reason = services.user.read_only_reason
    bar = QLabel(f"Notes are read-only: {reason}. Look-up and briefings work as usual.")
    bar.setWordWrap(True)
    bar.setAccessibleName("Notes read-only notice")
    bar.setStyleSheet(f"background: {NOTICE_BACKGROUND}; color: #000000; padding: 6px;")
    bar.setVisible(reason is not None)
    return bar


def stacked(*widgets: QWidget) -> QWidget:
    """The widgets in a column without margins, the last one taking the spare height."""
    central = QWidget()
    column = QVBoxLayout(central)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    for widget in widgets:
        column.addWidget(widget, stretch=int(widget is widgets[-1]))
    return central


def dataset_label(services: ServiceContext) -> QLabel:
    """The status bar's permanent note of the dataset's version and currency."""
    label = QLabel(services.dataset.status_line)
    label.setToolTip(str(services.dataset.path))
    label.setAccessibleName("Dataset version")
    return label
