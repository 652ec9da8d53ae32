"""Slow work off the UI thread: run in the thread pool, get the result back on the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    """Carries a task's outcome to the UI thread (signals cross threads safely).

    Signals:
        done(object): the function's return value.
        failed(object): the exception it raised.
    """

    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, function: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._function = function
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._function()
        except Exception as error:
            self._relay.failed.emit(error)
        else:
            self._relay.done.emit(result)


class TaskRunner(QObject):
    """One small runner for every slow call (PDF rendering and export)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # reportlab is not thread-safe: one job at a time
        self._relays: set[_Relay] = set()

    def run(
        self,
        function: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        relay = _Relay()
        self._relays.add(relay)
        relay.done.connect(on_done)
        relay.failed.connect(on_failed)
        for signal in (relay.done, relay.failed):
            signal.connect(lambda _=None, r=relay: self._relays.discard(r))
        self._pool.start(_Task(function, relay))

    def wait(self, milliseconds: int = 10000) -> bool:
        return self._pool.waitForDone(milliseconds)
