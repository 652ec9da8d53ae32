"""How soon the compose dialog's preview shows what the analyst typed.

Opens the main window on the bundled dataset (offscreen) and its Export briefing dialog for
each template; then, ``--runs`` times, types a short phrase into the bottom line a key at a
time, 60 ms apart, and measures from the last keystroke to the moment the preview holds the
page with that text and says "Preview up to date". Prints JSON lines (median and slowest per
template). Budget: <= 400 ms after the last keystroke.

    python benchmarks/compose_preview.py [--runs 9]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from briefer import paths
from briefer.domain.briefing import TEMPLATES
from briefer.services.context import open_services
from briefer.ui import theme
from briefer.ui.dialogs.compose import UP_TO_DATE, ComposeDialog
from briefer.ui.main_window import MainWindow
from briefer.ui.state import SelectionState

KEY_GAP_MS = 60  # a brisk typist


def emit(case: str, metric: str, value: float) -> None:
    record = {"benchmark": "compose_preview", "case": case, "metric": metric}
    print(json.dumps({**record, "value": round(value, 1), "unit": "ms"}), flush=True)


def wait_until(app: QApplication, done: Callable[[], bool], timeout_s: float = 20.0) -> None:
    deadline = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > deadline:
            raise SystemExit("compose_preview benchmark: the preview never caught up")
        app.processEvents()
        time.sleep(0.001)


def type_and_time(app: QApplication, dialog: ComposeDialog, phrase: str) -> float:
    """Milliseconds from the last keystroke of ``phrase`` to the preview showing it."""
    dialog.bluf.setFocus()
    dialog.bluf.moveCursor(dialog.bluf.textCursor().MoveOperation.End)
    before = dialog.last_pdf
    typed = 0.0
    for position, character in enumerate(phrase):
        if position:
            deadline = time.perf_counter() + KEY_GAP_MS / 1000
            while time.perf_counter() < deadline:
                app.processEvents()
        QTest.keyClicks(dialog.bluf, character)
        typed = time.perf_counter()
    marker = phrase.strip().split()[-1]

    def shown() -> bool:
        if dialog.status.text() != UP_TO_DATE or dialog.last_pdf is before:
            return False
        return marker.encode() in _page_text(dialog.last_pdf)

    wait_until(app, shown)
    return (time.perf_counter() - typed) * 1000


def _page_text(pdf: bytes) -> bytes:
    import io

    from pypdf import PdfReader

    return PdfReader(io.BytesIO(pdf)).pages[0].extract_text().encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    app = QApplication([])
    theme.register_fonts(paths.fonts_dir())
    user = Path(tempfile.mkdtemp(prefix="briefer-bench-")) / "user.db"
    services = open_services(paths.bundled_db_path(), user)
    window = MainWindow(services, SelectionState())
    window.show()
    for template in TEMPLATES:
        dialog = window.open_compose()
        assert isinstance(dialog, ComposeDialog)
        dialog.template.setCurrentText(template)
        wait_until(app, lambda d=dialog: d.status.text() == UP_TO_DATE)
        timings = [type_and_time(app, dialog, f" check{run}x") for run in range(args.runs)]
        emit(template, "preview_after_last_key_median", statistics.median(timings))
        emit(template, "preview_after_last_key_max", max(timings))
        dialog.close()
        app.processEvents()
    window.close()
    services.close()


if __name__ == "__main__":
    main()
