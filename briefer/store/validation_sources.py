"""``briefer data check`` rules on the dataset as a whole and its sources: required keys,
honest currency (``coverage_through``), source kinds, and no confirmed row on weak sources."""

from __future__ import annotations

from datetime import date

from briefer.domain import dates
from briefer.domain.vocabulary import DatePrecision, SourceKind, values_of
from briefer.store.source_files import SourceRow
from briefer.store.validation_rules import Checker

REQUIRED_DATASET_KEYS = ("dataset_version", "as_of", "coverage_through")
STALE_AFTER_DAYS = 30
MAX_MIRRORS = 10  # copies stand in for originals only where no original could be found
MIN_OFFICIAL_SHARE = 0.25  # the primary record (UN, governments, agencies, state media) first


def check_dataset(checker: Checker) -> None:
    rows = checker.sources.table("dataset.csv")
    keys = {row.text("key"): row for row in rows}
    for key in REQUIRED_DATASET_KEYS:
        if key not in keys:
            checker.report(None, f"missing key '{key}'", "dataset.csv")
    if "as_of" in keys:
        checker.check_date(keys["as_of"], "value", DatePrecision.DAY)
    if "coverage_through" in keys:
        _check_coverage(checker, keys["coverage_through"])


def _check_coverage(checker: Checker, row: SourceRow) -> None:
    """The dataset may not claim its events were checked long after its newest source."""
    checker.check_date(row, "value", DatePrecision.DAY)
    claimed = _safe_date(row.text("value") or "")
    newest = _newest_cited_source(checker)
    if claimed is None or newest is None:
        return
    if (claimed - newest).days > STALE_AFTER_DAYS:
        checker.report(
            row,
            f"coverage_through {claimed} is more than {STALE_AFTER_DAYS} days after the newest "
            f"cited source ({newest}); check events against newer sources or lower the date",
        )


def _newest_cited_source(checker: Checker) -> date | None:
    cited = {
        source
        for file in checker.sources.rows.values()
        for row in file
        for source in row.values.get("sources") or ()
        if isinstance(source, str)
    }
    published = [
        _safe_date(row.text("published") or "")
        for row in checker.sources.table("sources.csv")
        if row.text("id") in cited
    ]
    return max((day for day in published if day is not None), default=None)


def check_sources(checker: Checker) -> None:
    rows = checker.sources.table("sources.csv")
    checker.check_enum(rows, "kind", values_of(SourceKind))
    first_with_url: dict[str, str] = {}
    for row in rows:
        checker.check_date(row, "published")
        checker.check_date(row, "accessed", DatePrecision.DAY)
        url = row.text("url")
        if not url and not row.text("note"):
            checker.report(row, "source has neither a url nor a note saying where to find it")
        elif url and url in first_with_url:
            checker.report(row, f"same url as source '{first_with_url[url]}': cite that one")
        elif url:
            first_with_url[url] = row.text("id") or ""
    _check_source_mix(checker, rows)


def _check_source_mix(checker: Checker, rows: tuple[SourceRow, ...]) -> None:
    """Few copies, and a quarter of all sources from the primary record."""
    kinds = [row.text("kind") for row in rows]
    mirrors = kinds.count(SourceKind.MIRROR)
    if mirrors > MAX_MIRRORS:
        reason = f"{mirrors} sources are mirrors (at most {MAX_MIRRORS}): cite originals"
        checker.report(None, reason, "sources.csv")
    official = kinds.count(SourceKind.OFFICIAL)
    if kinds and official / len(kinds) < MIN_OFFICIAL_SHARE:
        reason = f"only {official} of {len(kinds)} sources are official (at least a quarter)"
        checker.report(None, reason, "sources.csv")


WEAK_SOURCE_KINDS = (SourceKind.REFERENCE, SourceKind.MIRROR)


def check_confirmed_rows_have_strong_sources(checker: Checker) -> None:
    """A ``confirmed`` row needs at least one source that is not an encyclopaedia or mirror."""
    kinds = {row.text("id"): row.text("kind") for row in checker.sources.table("sources.csv")}
    for rows in checker.sources.rows.values():
        for row in rows:
            cited = row.items("sources") if "sources" in row.values else ()
            if row.text("confidence") != "confirmed" or not cited:
                continue
            if all(kinds.get(source) in WEAK_SOURCE_KINDS for source in cited):
                message = "a confirmed row rests only on encyclopaedias or mirrors"
                checker.report(row, f"{message}: cite the original")



def _safe_date(text: str) -> date | None:
    try:
        return dates.parse_partial_date(text)
    except ValueError:
        return None
