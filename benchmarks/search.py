"""Search latency: the median time per query, on the bundled database and on 100k records.

The synthetic database is the bundled one plus ``--rows`` generated records whose titles,
names and text are drawn from the real index's own words (so word frequencies, and hence the
number of matches of a short prefix, look like the real data's), and 1,000 notes. Each query
is timed ``--runs`` times as the search box runs it: ``SearchService.search`` (ranking,
grouping, notes) and the highlighted title and snippet of every hit the box shows. Budget: <= 20 ms per query at 100k rows,
the slowest query included.

Prints JSON lines (benchmark, case, metric, value, unit):

    python benchmarks/search.py [--runs 15] [--rows 100000]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from briefer import paths
from briefer.domain.records import EntityRef
from briefer.domain.search import BOX_LIMIT, SHOWN_PER_GROUP, SearchResults
from briefer.services.notes import NotesService
from briefer.services.search import SearchService
from briefer.store.reference import ReferenceStore
from briefer.store.search_index import IndexDocument, insert_documents, optimize
from briefer.store.user_db import UserStore

QUERIES = (
    # whole names
    "Chollima-1",
    "Sohae Satellite Launching Station",
    "Kwangmyongsong-4",
    "S/RES/2270 (2016)",
    # words and phrases
    "reconnaissance",
    "Russia",
    "engine",
    "aerospace training",
    '"panel of experts"',
    # prefixes as typed
    "ch",
    "so",
    "ma",
    "un",
    "cho",
    "sat",
    "res",
    "kwa",
    # Hangul, Cyrillic, numbers
    "만리경",
    "천리마",
    "서해",
    "Союз",
    "2270",
    "OP17",
)


def emit(case: str, metric: str, value: float, unit: str = "ms") -> None:
    record = {"benchmark": "search", "case": case, "metric": metric}
    record |= {"value": round(value, 3), "unit": unit}
    print(json.dumps(record, ensure_ascii=False), flush=True)


def corpus(conn: sqlite3.Connection) -> tuple[list[str], list[tuple[str, str]]]:
    """The words of the real index (with repeats, so frequent words stay frequent)."""
    words: list[str] = []
    kinds: list[tuple[str, str]] = []
    for kind, when, title, names, body in conn.execute(
        "SELECT d.kind, d.when_utc, i.title, i.names, i.body FROM search_index i JOIN search_docs d ON d.doc = i.rowid"
    ):
        words += f"{title} {names} {body}".split()
        kinds.append((kind, when))
    return words, kinds


def synthetic_documents(conn: sqlite3.Connection, rows: int, seed: int) -> list[IndexDocument]:
    rng = random.Random(seed)
    words, kinds = corpus(conn)
    docs = []
    for number in range(rows):
        kind, when = rng.choice(kinds)
        title = " ".join(rng.choices(words, k=rng.randint(2, 6)))
        names = tuple(" ".join(rng.choices(words, k=2)) for _ in range(rng.randint(0, 3)))
        body = (" ".join(rng.choices(words, k=rng.randint(20, 60))),)
        docs.append(IndexDocument(kind, f"synthetic-{number}", when, title, names, body))
    return docs


def synthetic_database(folder: Path, rows: int, seed: int = 7) -> Path:
    path = folder / "synthetic.db"
    shutil.copyfile(paths.bundled_db_path(), path)
    conn = sqlite3.connect(path)
    with conn:
        insert_documents(conn, synthetic_documents(conn, rows, seed))
        optimize(conn)
    conn.execute("VACUUM")
    conn.close()
    return path


def user_store_with_notes(folder: Path, reference: ReferenceStore, count: int) -> UserStore:
    user = UserStore(folder / "user.db")
    notes = NotesService(user, reference)
    rng = random.Random(11)
    words, _ = corpus(sqlite3.connect(reference.path))
    launches = [launch.id for launch in reference.launch_attempts()]
    for number in range(count):
        body = " ".join(rng.choices(words, k=rng.randint(10, 80)))
        notes.save(EntityRef("launch_attempt", f"{rng.choice(launches)}-{number}"), body)
    return user


def search_as_shown(service: SearchService, query: str) -> SearchResults:
    """A search, and the highlighted titles and snippets the search box then shows."""
    results = service.search(query, limit=BOX_LIMIT)
    for group in results.groups:
        for hit in group.hits[:SHOWN_PER_GROUP]:
            _ = (hit.title, hit.snippet)
    return results


def measure(case: str, service: SearchService, runs: int) -> None:
    medians = {}
    for query in QUERIES:
        search_as_shown(service, query)
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            results = search_as_shown(service, query)
            times.append((time.perf_counter() - started) * 1000)
        medians[query] = statistics.median(times)
        emit(case, f"median {query}", medians[query])
        emit(case, f"hits {query}", results.total, "hits")
    slowest = max(medians, key=lambda query: medians[query])
    emit(case, "median of all queries", statistics.median(medians.values()))
    emit(case, f"slowest query median ({slowest})", medians[slowest])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="briefer-search-bench-"))
    try:
        bundled = ReferenceStore(paths.bundled_db_path())
        user = user_store_with_notes(folder / "bundled", bundled, 0)
        measure(
            "bundled", SearchService(bundled.search_index(), NotesService(user, bundled)), args.runs
        )
        started = time.perf_counter()
        big = ReferenceStore(synthetic_database(folder, args.rows))
        emit(f"{args.rows} rows", "build synthetic database", time.perf_counter() - started, "s")
        user = user_store_with_notes(folder / "big", big, 1000)
        service = SearchService(big.search_index(), NotesService(user, big))
        measure(f"{args.rows} rows", service, args.runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
