"""Exceptions no slot caught while the window runs: a dialog, never only a traceback.

PySide6 hands an exception raised in a slot or a Qt override to ``sys.excepthook`` and carries
on. A StoreError (a reference database found damaged while browsing) is a message for the
analyst: one line on stderr and a warning dialog. Anything else is a bug: the traceback still
goes to stderr for the report, and a dialog says something went wrong, so the window never
fails silently. Under ``--smoke-test`` no dialog opens; the run ends with a failing exit code.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from briefer.meta import APP_NAME
from briefer.store.errors import StoreError

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
EXIT_STORE_ERROR, EXIT_BUG = 2, 1


class ErrorDialogs:
    """The ``sys.excepthook`` of the running window; ``exit_code`` is 0 until something failed."""

    def __init__(self, interactive: bool, previous: ExceptHook) -> None:
        self._interactive = interactive
        self._previous = previous
        self._showing = False
        self.exit_code = 0

    def __call__(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if not isinstance(error, Exception):  # KeyboardInterrupt, SystemExit: as Python does
            self._previous(kind, error, trace)
            return
        if isinstance(error, StoreError):
            from briefer.terminal_text import printable

            print(f"briefer: error: {printable(str(error))}", file=sys.stderr)
            code = EXIT_STORE_ERROR
        else:
            self._previous(kind, error, trace)
            code = EXIT_BUG
        self.exit_code = self.exit_code or code
        if not self._interactive:
            QApplication.exit(self.exit_code)
        elif not self._showing:  # one dialog at a time, however many slots fail behind it
            self._show(error)

    def _show(self, error: Exception) -> None:
        self._showing = True
        parent = QApplication.activeWindow()
        try:
            if isinstance(error, StoreError):
                QMessageBox.warning(parent, APP_NAME, str(error))
            else:
                QMessageBox.critical(
                    parent,
                    f"{APP_NAME}: unexpected error",
                    f"Something went wrong: {type(error).__name__}: {error}\n"
                    "The details were written to standard error; please report them.",
                )
        finally:
            self._showing = False


def install(interactive: bool) -> ErrorDialogs:
    hook = ErrorDialogs(interactive, sys.excepthook)
    sys.excepthook = hook
    return hook


def uninstall(hook: ErrorDialogs) -> None:
    """Put back the hook ``install`` replaced (when the window's event loop has ended)."""
    if sys.excepthook is hook:
        sys.excepthook = hook._previous
