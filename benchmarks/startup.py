"""Start-up time and memory of Briefer beside the floor its stack imposes.

Runs, alternately, ``briefer --smoke-test`` (as its entry point starts it) and a bare PySide6 main window holding
one empty pyqtgraph plot; each prints a line when its window has first painted. The floor runs
twice: as is (the budget's floor), and with the garbage collector paused until its window
shows, as Briefer's is (see ``briefer.collector``), so the ratio to it is Briefer's own cost
alone, like for like. The time counted
is from just before the process is spawned to the arrival of that line, on this process's
performance counter (the child's own figure comes from kernel ticks of 10 ms, too coarse for a
ratio near its budget). A warm-up run of each first fills a private bytecode cache, as an installed copy has.
Prints JSON lines (benchmark, case, metric, value, unit): the medians, the ratios and each
case's peak resident memory. Budgets: ratio to the floor <= 1.3, app peak RSS <= 200 MiB.

    python benchmarks/startup.py [--runs N] [--db PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

FLOOR = r"""
import os, sys
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
import pyqtgraph as pg
from briefer.process_clock import seconds_since_start

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(pg.PlotWidget())
window.resize(1280, 780)

class FirstPaint(QObject):
    seen = False
    def eventFilter(self, watched, event):
        if not self.seen and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) \
                and watched.window() is window:
            self.seen = True
            QTimer.singleShot(0, self.report)
        return False
    def report(self):
        print(f"main window painted {seconds_since_start():.3f} s after process start", flush=True)
        app.quit()

watcher = FirstPaint()
app.installEventFilter(watcher)
window.show()
app.exec()
"""
PAUSED_FLOOR = (
    "import gc\ngc.disable()\n"
    + FLOOR.replace("window.show()\n", "window.show()\ngc.freeze()\ngc.enable()\n")
)
assert PAUSED_FLOOR.count("gc.freeze()") == 1, "the floor no longer shows its window once"
PAINTED = re.compile(r"painted (\d+\.\d+) s after process start")


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawn to the child's "painted" line, and the child's peak RSS in MiB."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )
    painted_after = None
    out = []
    assert child.stdout is not None
    for line in child.stdout:
        if painted_after is None and PAINTED.search(line):
            painted_after = time.perf_counter() - started
        out.append(line)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0 or painted_after is None:
        raise SystemExit(f"startup benchmark: {command} failed ({child.returncode}): {out!r}")
    return painted_after, usage.ru_maxrss / 1024


def emit(case: str, metric: str, value: float, unit: str) -> None:
    print(
        json.dumps(
            {
                "benchmark": "startup",
                "case": case,
                "metric": metric,
                "value": round(value, 4),
                "unit": unit,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--db", help="reference database (default: the bundled one)")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env["BRIEFER_USER_DIR"] = tempfile.mkdtemp(prefix="briefer-bench-")
    # An installed Briefer runs from compiled modules; with PYTHONDONTWRITEBYTECODE set (as in
    # some sandboxes) every run would recompile ~80 modules the floor never has to, so both
    # cases use a private bytecode cache, filled by the warm-up runs below.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="briefer-bench-pyc-")
    # as the installed ``briefer`` entry point starts it (``-m`` would add runpy's imports)
    entry = "import sys; from briefer.__main__ import main; sys.exit(main())"
    app = [sys.executable, "-c", entry, "--smoke-test"] + (["--db", args.db] if args.db else [])
    commands = {
        "app": app,
        "floor": [sys.executable, "-c", FLOOR],
        "floor_paused_collector": [sys.executable, "-c", PAUSED_FLOOR],
    }
    for command in commands.values():  # warm the file cache and create the user database
        run_once(command, env)
    samples: dict[str, list[tuple[float, float]]] = {case: [] for case in commands}
    for _ in range(args.runs):
        for case, command in commands.items():
            samples[case].append(run_once(command, env))
    medians = {}
    for case, values in samples.items():
        medians[case] = statistics.median(seconds for seconds, _ in values)
        emit(case, "first_paint_median", medians[case], "s")
        emit(case, "first_paint_max", max(seconds for seconds, _ in values), "s")
        emit(case, "peak_rss_median", statistics.median(rss for _, rss in values), "MiB")
    emit("app", "ratio_to_floor", medians["app"] / medians["floor"], "x")
    emit(
        "app",
        "ratio_to_floor_paused_collector",
        medians["app"] / medians["floor_paused_collector"],
        "x",
    )


if __name__ == "__main__":
    main()
