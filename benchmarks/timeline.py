"""Timeline chart at scale: first frame and repaint times for 1k to 1M synthetic events.

For each size, loads a synthetic data set (8 lanes, 30 years) into one TimelineChart of
1200x500 px offscreen and prints JSON lines: the time to the first rendered frame (data set
handed over, drawn and painted), and the median and 95th-percentile repaint while panning and
zooming (each step forces a paint by grabbing the view). Budgets on the reference machine:
100k: first frame <= 300 ms, median repaint <= 16 ms; 1M: <= 1 s and <= 33 ms.

    python benchmarks/timeline.py [--sizes 1000,10000,100000,1000000] [--steps 60]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

from PySide6.QtWidgets import QApplication

from briefer.services.timeline import LANES
from briefer.ui.panels.timeline.chart import YEAR, TimelineChart
from briefer.ui.panels.timeline.columns import synthetic_columns

START, END = 0.0, 30 * YEAR


def emit(case: str, metric: str, value: float, unit: str) -> None:
    print(
        json.dumps(
            {
                "benchmark": "timeline",
                "case": case,
                "metric": metric,
                "value": round(value, 3),
                "unit": unit,
            }
        ),
        flush=True,
    )


def interaction_steps(count: int) -> list[tuple[float, float]]:
    """Views a user passes through: zoom in towards a decade, a year, a month, pan, zoom out."""
    views = []
    centre, width = (START + END) / 2, END - START
    for step in range(count):
        phase = step % 20
        if phase < 8:
            width *= 0.6
        elif phase < 14:
            centre += width * 0.15
        else:
            width /= 0.6 ** (8 / 6)
        views.append((centre - width / 2, centre + width / 2))
    return views


def measure(chart: TimelineChart, size: int, steps: int) -> None:
    columns = synthetic_columns(size, lanes=len(LANES), start=START, end=END)
    begin = time.perf_counter()
    chart.set_data(columns)
    chart.grab()
    emit(f"{size}", "first_frame", (time.perf_counter() - begin) * 1000, "ms")
    timings = []
    for x0, x1 in interaction_steps(steps):
        begin = time.perf_counter()
        chart.set_view(x0, x1)
        chart.grab()
        timings.append((time.perf_counter() - begin) * 1000)
    emit(f"{size}", "repaint_median", statistics.median(timings), "ms")
    emit(f"{size}", "repaint_p95", sorted(timings)[int(len(timings) * 0.95) - 1], "ms")
    emit(f"{size}", "items_in_last_view", float(chart.shown_count), "items")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--steps", type=int, default=60)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    chart = TimelineChart()
    chart.resize(1200, 500)
    chart.apply_palette()
    chart.show()
    app.processEvents()
    for size in (int(s) for s in args.sizes.split(",")):
        measure(chart, size, args.steps)


if __name__ == "__main__":
    main()
