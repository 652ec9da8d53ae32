"""Time to compose and write each briefing template (warm: fonts registered, database open).

Prints JSON lines: the median and the slowest of ``--runs`` exports per template and page
size, composing from the database included. Budget: a median <= 60 ms per template and page
size on the reference machine.

    python benchmarks/brief.py [--runs 15]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from briefer import paths
from briefer.briefing import fonts
from briefer.briefing.formats import write_briefing
from briefer.domain.briefing import PAGE_SIZES, TEMPLATES, Cited
from briefer.domain.briefing_recipe import BriefingRequest
from briefer.services.briefing import BriefingComposer
from briefer.services.comparison import ComparisonService
from briefer.services.launches import LaunchService
from briefer.services.sanctions import SanctionsService
from briefer.store.reference import ReferenceStore


def emit(case: str, metric: str, value: float) -> None:
    print(
        json.dumps(
            {
                "benchmark": "brief",
                "case": case,
                "metric": metric,
                "value": round(value, 2),
                "unit": "ms",
            }
        ),
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    started = time.perf_counter()
    fonts.register()
    emit("fonts", "register_once", (time.perf_counter() - started) * 1000)
    store = ReferenceStore(paths.bundled_db_path())
    launches = LaunchService(store)
    composer = BriefingComposer(
        store, launches, ComparisonService(store, launches), SanctionsService(store)
    )
    folder = Path(tempfile.mkdtemp(prefix="briefer-bench-"))
    for template in TEMPLATES:
        for size in PAGE_SIZES:
            request = BriefingRequest(template=template, page_size=size, author="Benchmark")
            write_briefing(composer.compose(request), folder / "warm.pdf")
            timings = []
            for _ in range(args.runs):
                begin = time.perf_counter()
                write_briefing(composer.compose(request), folder / f"{template}-{size}.pdf")
                timings.append((time.perf_counter() - begin) * 1000)
            emit(f"{template}/{size}", "export_median", statistics.median(timings))
            emit(f"{template}/{size}", "export_max", max(timings))
    worst_case(composer, folder)


def worst_case(composer, folder: Path) -> None:
    """Every free-text field 100,000 characters of mixed Persian and Latin: shortened, shaped
    and reordered onto one page (no budget; expected well under two seconds)."""
    text = ("برنامه ماهواره‌ای کره شمالی (DPRK) " * 3_000)[:100_000]
    draft = composer.compose(BriefingRequest(banner=text, author=text))
    many = tuple(Cited(text) for _ in range(100))
    briefing = replace(draft, title=text, bluf=text, judgments=many, notes=many)
    begin = time.perf_counter()
    write_briefing(briefing, folder / "worst.pdf")
    emit("long-rtl-fields", "export", (time.perf_counter() - begin) * 1000)


if __name__ == "__main__":
    main()
