"""The Map tab's speed on the bundled dataset (offscreen, 1200x800 px).

Prints JSON lines: the first paint of the tab (the panel built from the database and the
basemap file, shown and painted), and the median and 95th-percentile repaint while panning
and zooming at the East-Asia zoom (each step forces a paint by grabbing the view). Budgets:
first paint <= 150 ms, repaint <= 16 ms.

    python benchmarks/map.py [--steps 60] [--runs 5]
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

from briefer import paths
from briefer.services.map import EAST_ASIA, MapService
from briefer.store.reference import ReferenceStore
from briefer.ui.panels.map.panel import MapPanel


def emit(metric: str, value: float, unit: str = "ms") -> None:
    record = {"benchmark": "map", "case": "east_asia", "metric": metric}
    print(json.dumps({**record, "value": round(value, 2), "unit": unit}), flush=True)


def first_paint(app: QApplication, store: ReferenceStore) -> tuple[float, MapPanel]:
    begin = time.perf_counter()
    panel = MapPanel(MapService(store))
    panel.resize(1200, 800)
    panel.show()
    panel.plot.grab()  # painted
    elapsed = (time.perf_counter() - begin) * 1000
    app.processEvents()
    return elapsed, panel


def repaints(app: QApplication, panel: MapPanel, steps: int) -> list[float]:
    panel.show_region(EAST_ASIA)
    app.processEvents()
    timings = []
    for step in range(steps):
        begin = time.perf_counter()
        if step % 3 == 2:
            panel.view.scaleBy((0.9, 0.9) if step % 2 else (1.1, 1.1))
        else:
            panel.view.translateBy(x=0.6 if step % 2 else -0.6, y=0.3)
        panel.plot.grab()
        timings.append((time.perf_counter() - begin) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication([])
    store = ReferenceStore(paths.bundled_db_path())
    warm, panel = first_paint(app, store)  # fonts, glyph caches and imports, once
    panel.close()
    firsts = []
    for run in range(args.runs):
        elapsed, panel = first_paint(app, store)
        firsts.append(elapsed)
        if run < args.runs - 1:
            panel.close()
    emit("first_paint_warmup", warm)
    emit("first_paint_median", statistics.median(firsts))
    timings = repaints(app, panel, args.steps)
    emit("repaint_median", statistics.median(timings))
    emit("repaint_p95", statistics.quantiles(timings, n=20)[-1])


if __name__ == "__main__":
    main()
