"""The GUI entry and composition root: builds the app, stores, services, state and window once."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from briefer import collector, paths
from briefer.meta import APP_ID, APP_NAME, ORGANIZATION, __version__
from briefer.store.errors import StoreError

if TYPE_CHECKING:
    from briefer.services.context import ServiceContext

BACKUP_DELAY_MS = 1000  # the start-up backup waits until the window is up and painted


def _needs_offscreen(smoke_test: bool) -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return False
    has_display = bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return smoke_test and not has_display


def _no_display_message() -> str | None:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display found (DISPLAY and WAYLAND_DISPLAY are unset); "
        "the command-line subcommands work without one"
    )


def _quiet_offscreen_warnings(app: object) -> None:
    """Drop the offscreen platform's notice that it cannot size native windows (noise in CI)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.platformName() != "offscreen":
        return

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def _import_qt_free_modules() -> None:
    """Import the window's Qt-free modules before PySide6: once PySide6 is loaded, its import
    hook reads the source of every module imported after it (looking for ``__feature__``),
    about 0.1 ms a module; numpy (the timeline chart's, through pyqtgraph) alone has ~70."""
    import numpy  # noqa: F401

    import briefer.domain.palette
    import briefer.files
    import briefer.process_clock
    import briefer.services.context
    import briefer.services.history
    import briefer.services.local_records
    import briefer.store.dataset_choice  # noqa: F401


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window; returns the process exit code."""
    if _needs_offscreen(args.smoke_test):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif (message := _no_display_message()) is not None:
        print(f"briefer: error: {message}", file=sys.stderr)
        return 2
    with collector.paused():  # until the window is shown (see briefer.collector)
        return _start(args)


def _start(args: argparse.Namespace) -> int:
    _import_qt_free_modules()
    from PySide6.QtWidgets import QApplication

    from briefer import files
    from briefer.services.context import open_services
    from briefer.store.dataset_choice import reference_for_reading
    from briefer.ui import theme

    files.prime()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    if args.smoke_test:
        _quiet_offscreen_warnings(app)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANIZATION)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(theme.app_icon(paths.icons_dir()))
    theme.register_fonts(paths.fonts_dir())

    def open_current() -> ServiceContext:
        return open_services(reference_for_reading(args.db), paths.user_db_path())

    try:
        services = open_current()
    except StoreError as error:
        from briefer.ui.dialogs.fatal import show_fatal

        show_fatal(str(error), interactive=not args.smoke_test)
        return 2
    if services.user_notice:
        from briefer.ui.dialogs.fatal import show_notice

        show_notice(services.user_notice, interactive=not args.smoke_test)
    return _run_window(
        app, services, open_current, smoke_test=args.smoke_test, on_shown=collector.settle
    )


def _run_window(
    app: object,
    services: ServiceContext,
    open_current: Callable[[], ServiceContext],
    smoke_test: bool,
    on_shown: Callable[[], None] = lambda: None,
) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from briefer.ui import uncaught
    from briefer.ui.smoke import report_first_paint
    from briefer.ui.window_host import WindowHost

    assert isinstance(app, QApplication)
    hook = uncaught.install(interactive=not smoke_test)
    try:
        host = WindowHost(app, services, open_current)
    except StoreError as error:  # the reference database turned out damaged inside
        from briefer.ui.dialogs.fatal import show_fatal

        services.close()
        show_fatal(str(error), interactive=not smoke_test)
        return 2
    backup = QTimer()
    backup.setSingleShot(True)
    backup.timeout.connect(lambda: host.services.back_up_user_data())
    try:
        if smoke_test:
            report_first_paint(host.window, app)
        host.show()
        on_shown()
        backup.start(BACKUP_DELAY_MS)
        code = app.exec()
    finally:
        backup.stop()  # not to fire on closed services if the loop ended first
        host.close()
        uncaught.uninstall(hook)
    return hook.exit_code or code
