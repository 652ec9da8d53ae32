"""Ending the session without losing a note: SIGTERM, SIGHUP and the session manager's quit
close the window as the analyst would, which saves every pending note first."""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

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
    each signal writes a byte to a socket that a ``QSocketNotifier`` watches.
    """

    def __init__(self, app: QApplication, end: Callable[[bool], None]) -> None:
        self._end = end
        self._reader, self._writer = socket.socketpair()
        for end_socket in (self._reader, self._writer):
            end_socket.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._on_signal)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {number: signal.getsignal(number) for number in SIGNALS}
        for number in SIGNALS:
            signal.signal(number, lambda *_args: None)  # the wake-up byte does the work
        if isinstance(app, QGuiApplication):
            app.commitDataRequest.connect(lambda manager: end(manager.allowsInteraction()))

    def _on_signal(self) -> None:
        try:
            self._reader.recv(64)
        except BlockingIOError:
            return
        self._end(True)

    def uninstall(self) -> None:
        signal.set_wakeup_fd(self._previous_fd)
        for number, handler in self._previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
