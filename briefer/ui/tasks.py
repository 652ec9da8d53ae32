"""Slow work off the UI thread: run in the thread pool, get the result back on the UI thread.

A task may name a ``key``: a newer task with the same key supersedes the older ones. An older
task still queued is skipped without running, and the result (or error) of one already running
is dropped, so only the newest request for a key ever reaches its callbacks. A task that fails
logs its traceback (logger ``briefer``) before its error goes to ``on_failed``.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

LOG = logging.getLogger("briefer")


@dataclass(frozen=True)
class _Outcome:
    ticket: int
    result: Any = None
    error: Exception | None = None
    skipped: bool = False


class _Relay(QObject):
    """Carries outcomes from the pool to the UI thread (signals cross threads safely).

    Signals:
        finished(object): an ``_Outcome``.
    """

    finished = Signal(object)


class _Task(QRunnable):
    def __init__(
        self,
        ticket: int,
        function: Callable[[], Any],
        relay: _Relay,
        wanted: Callable[[], bool],
        name: str,
    ) -> None:
        super().__init__()
        self._ticket = ticket
        self._function = function
        self._relay = relay
        self._wanted = wanted
        self._name = name

    def run(self) -> None:
        if not self._wanted():  # superseded while it waited: do not spend the time
            self._relay.finished.emit(_Outcome(self._ticket, skipped=True))
            return
        try:
            result = self._function()
        except Exception as error:
            LOG.exception("background task %s failed", self._name)
            self._relay.finished.emit(_Outcome(self._ticket, error=error))
        else:
            self._relay.finished.emit(_Outcome(self._ticket, result=result))


@dataclass(frozen=True)
class _Callbacks:
    on_done: Callable[[Any], None]
    on_failed: Callable[[Exception], None]
    key: str | None


class TaskRunner(QObject):
    """One small runner for every slow call (PDF rendering and export)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)  # made before the relay, so deleted (and waited) first
        self._pool.setMaxThreadCount(1)  # reportlab is not thread-safe: one job at a time
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._tickets = itertools.count(1)
        self._callbacks: dict[int, _Callbacks] = {}
        self._latest: dict[str, int] = {}
        self._lock = threading.Lock()  # _latest is read by the pool's thread

    def run(
        self,
        function: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[Exception], None],
        key: str | None = None,
    ) -> int:
        """Run ``function`` in the pool; its result or error comes back on the UI thread.

        With a ``key``, this task supersedes every earlier one with the same key: they are
        skipped if they have not started, and their outcome is dropped if they have.
        Returns the task's ticket.
        """
        ticket = next(self._tickets)
        if key is not None:
            with self._lock:
                self._latest[key] = ticket
        self._callbacks[ticket] = _Callbacks(on_done, on_failed, key)
        name = key if key is not None else str(getattr(function, "__name__", function))

        def wanted() -> bool:
            return self.is_current(ticket, key)

        self._pool.start(_Task(ticket, function, self._relay, wanted, name))
        return ticket

    def is_current(self, ticket: int, key: str | None) -> bool:
        """False once a newer task with the same ``key`` was started (any thread may ask)."""
        if key is None:
            return True
        with self._lock:
            return self._latest.get(key) == ticket

    def pending(self, key: str | None = None) -> bool:
        """Whether any task (with ``key``, when given) has not yet reported back."""
        return any(key is None or c.key == key for c in self._callbacks.values())

    @Slot(object)
    def _deliver(self, outcome: _Outcome) -> None:
        callbacks = self._callbacks.pop(outcome.ticket)
        if outcome.skipped or not self.is_current(outcome.ticket, callbacks.key):
            return
        if outcome.error is not None:
            callbacks.on_failed(outcome.error)
        else:
            callbacks.on_done(outcome.result)

    def wait(self, milliseconds: int = 10000) -> bool:
        return self._pool.waitForDone(milliseconds)
