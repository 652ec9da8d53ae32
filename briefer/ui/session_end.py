"""Ending the session without losing a note: SIGTERM, SIGHUP and the session manager's quit
close the window as the analyst would, which saves every pending note first."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSocketNotifier
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)


class SessionEnd:
    """Runs ``end(interactive)`` on the UI thread when the process is asked to stop: a signal
    or a session manager that lets the application ask the user gives True.

    Python runs signal handlers only between bytecodes, never while Qt's event loop waits, so
    each signal writes a byte to a pipe that a ``QSocketNotifier`` watches. Windows has no
    such pipe for signals; there only the session manager's request is followed.
    """

    def __init__(self, app: QApplication, end: Callable[[bool], None]) -> None:
        self._end = end
        self._pipe: tuple[int, int] | None = None
        self._previous: dict[int, Any] = {}
        if os.name == "posix":
            self._watch_signals()
        if isinstance(app, QGuiApplication):
            app.commitDataRequest.connect(lambda manager: end(manager.allowsInteraction()))

    def _watch_signals(self) -> None:
        reader, writer = os.pipe()
        for descriptor in (reader, writer):
            os.set_blocking(descriptor, False)
        self._pipe = (reader, writer)
        self._notifier = QSocketNotifier(reader, QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._on_signal)
        self._previous_fd = signal.set_wakeup_fd(writer)
        self._previous = {number: signal.getsignal(number) for number in SIGNALS}
        for number in SIGNALS:
            signal.signal(number, lambda *_args: None)  # the wake-up byte does the work

    def _on_signal(self) -> None:
        assert self._pipe is not None
        try:
            os.read(self._pipe[0], 64)
        except BlockingIOError:
            return
        self._end(True)

    def uninstall(self) -> None:
        if self._pipe is None:
            return
        signal.set_wakeup_fd(self._previous_fd)
        for number, handler in self._previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        self._notifier.setEnabled(False)
        for descriptor in self._pipe:
            os.close(descriptor)
        self._pipe = None
