"""``--smoke-test``: report when the main window has painted, then quit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from briefer.process_clock import seconds_since_start


class _FirstPaint(QObject):
    """Watches every paint; the first one inside the window means its backing store is drawn.

    Qt paints a window's whole widget tree in one pass, so a zero-delay timer started at the
    first child paint fires once that pass (and its flush to the screen) has finished.
    """

    def __init__(self, window: QWidget, app: QApplication) -> None:
        super().__init__(window)
        self._window = window
        self._app = app
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._seen
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self._seen = True
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(
            f"smoke-test: main window painted {seconds_since_start():.3f} s after process start",
            flush=True,
        )
        self._app.quit()


def report_first_paint(window: QWidget, app: QApplication) -> None:
    app.installEventFilter(_FirstPaint(window, app))
