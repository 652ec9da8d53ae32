"""Notes at scale, as the window runs them: the Notes list's filter with 5,000 notes, an
autosave with that list open, and saving a note of up to 1 MB on the UI thread.

Budgets: a save never blocks the window for more than 100 ms for notes up to 1 MB; the filter
runs once per pause in typing (250 ms), not per keystroke. Also prints how much the database
grows when a 1 MB note is autosaved 20 times while typing (autosaves amend one revision).

Prints JSON lines (benchmark, case, metric, value, unit):

    QT_QPA_PLATFORM=offscreen python benchmarks/notes.py [--notes 5000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtWidgets import QApplication

from briefer import paths
from briefer.domain.records import EntityRef
from briefer.services.context import open_services
from briefer.store.notes import Draft, NoteStore
from briefer.store.user_db import UserStore
from briefer.ui.main_window import MainWindow
from briefer.ui.state import SelectionState

WORDS = [
    "engine",
    "launch",
    "orbit",
    "Sohae",
    "Vostochny",
    "transfer",
    "stage",
    "payload",
    "reconnaissance",
]


def emit(case: str, metric: str, value: float, unit: str) -> None:
    print(
        json.dumps(
            {
                "benchmark": "notes",
                "case": case,
                "metric": metric,
                "value": round(value, 2),
                "unit": unit,
            }
        )
    )


def seed(user_db: Path, count: int) -> None:
    store = NoteStore(UserStore(user_db).connection)
    rng = random.Random(42)
    with store.transaction():
        for number in range(count):
            body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 200)))
            store._save(Draft("event", f"synthetic-{number}", body, ("bench",), None), False)


def timed(action) -> float:
    started = time.perf_counter()
    action()
    QApplication.processEvents()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="briefer-notes-bench-"))
    seed(folder / "user.db", args.notes)
    services = open_services(paths.bundled_db_path(), folder / "user.db")
    window = MainWindow(services, SelectionState())
    window.show()
    window.show_panel("notes")
    panel, editor = window.panel("notes"), window.detail.notes
    app.processEvents()

    filters = [
        timed(lambda t=text: (panel.search.setText(t), panel.refresh()))
        for text in ("orbit", "vosto", "stage pay", "", "zzz")
    ]
    emit(f"{args.notes} notes", "filter refresh (once per pause)", statistics.median(filters), "ms")

    launch = services.launches.attempts()[0]
    window.state.select(EntityRef("launch_attempt", launch.id))
    saves = []
    for run in range(args.runs):
        editor.text.setPlainText(f"autosave {run} " + " ".join(WORDS))
        saves.append(timed(lambda: editor.flush(checkpoint=False)))
    emit(
        f"{args.notes} notes, list open",
        "autosave incl. list row update",
        statistics.median(saves),
        "ms",
    )

    rng = random.Random(7)
    for size_kib in (100, 512, 1000):
        lines = []
        while sum(len(line) + 1 for line in lines) < size_kib * 1000:
            lines.append(" ".join(rng.choice(WORDS) for _ in range(12)))
        text = "\n".join(lines)[: size_kib * 1000]
        times = []
        for run in range(args.runs):
            editor.text.setPlainText(text + str(run))
            times.append(timed(lambda: editor.flush(checkpoint=False)))
        emit(f"note of {size_kib} kB", "save on the UI thread (max)", max(times), "ms")
        emit(
            f"note of {size_kib} kB",
            "save on the UI thread (median)",
            statistics.median(times),
            "ms",
        )

    editor.flush()
    holder = UserStore(folder / "user.db")
    holder.connection.execute("BEGIN IMMEDIATE")
    editor.text.setPlainText("written while another program holds the lock")
    locked = timed(editor.flush)
    holder.connection.execute("ROLLBACK")
    emit("database locked by another process", "failed save on the UI thread", locked, "ms")
    editor.flush()
    before = (folder / "user.db").stat().st_size
    for run in range(20):
        editor.text.setPlainText(text + f" typing {run}")
        editor.flush(checkpoint=False)
    services.user.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    grown = ((folder / "user.db").stat().st_size - before) / 1e6
    emit("note of 1000 kB, 20 autosaves", "database growth", grown, "MB")
    editor.discard_unsaved()
    window.close()
    services.close()


if __name__ == "__main__":
    main()
