"""The checker behind ``briefer data check``: generic rules for every file and the helpers the
per-file rules in ``validation`` use (dates, numbers, references), collecting located problems."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from briefer.domain import dates
from briefer.domain.vocabulary import Confidence, values_of
from briefer.store.record_kinds import RECORD_KINDS
from briefer.store.source_files import SourceRow, SourceSet


@dataclass(frozen=True, order=True)
class Problem:
    """One reason a source row is wrong, located by file and line."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.reason}"


class Checker:
    """Collects problems for one source set; the per-file rules call its ``check_*`` helpers."""

    def __init__(self, sources: SourceSet) -> None:
        self.sources = sources
        self.problems: list[Problem] = []
        self.source_ids = {r.text("id") for r in sources.table("sources.csv")}
        self.subject_kinds = {r.text("id"): r.text("kind") for r in sources.table("subjects.csv")}
        self.site_ids = {r.text("id") for r in sources.table("sites.csv")}
        self.resolution_numbers = {r.text("number") for r in sources.table("resolutions.csv")}

    def report(self, row: SourceRow | None, reason: str, file: str = "") -> None:
        if row is None:
            self.problems.append(Problem(file, 0, reason))
        else:
            self.problems.append(Problem(row.file, row.line, reason))

    # generic rules -------------------------------------------------------------------
    def check_generic(self) -> None:
        for file, reason in self.sources.header_problems:
            self.report(None, reason, file)
        for spec in RECORD_KINDS:
            rows = self.sources.table(spec.file)
            self._check_required(rows, spec.required)
            self._check_unique(rows, spec.key)
            if "sources" in spec.column_names:
                self._check_citations(rows)
            if "confidence" in spec.column_names:
                self.check_enum(rows, "confidence", values_of(Confidence))

    def _check_required(self, rows: tuple[SourceRow, ...], required: tuple[str, ...]) -> None:
        for row in rows:
            for column in required:
                if not row.values.get(column):
                    reason = "row has no source" if column == "sources" else f"'{column}' is empty"
                    self.report(row, reason)

    def _check_unique(self, rows: tuple[SourceRow, ...], key: tuple[str, ...]) -> None:
        seen: dict[tuple[str | None, ...], int] = {}
        for row in rows:
            value = tuple(row.text(column) for column in key)
            if value in seen:
                self.report(row, f"duplicate {'/'.join(key)} {value} (first on line {seen[value]})")
            else:
                seen[value] = row.line

    def _check_citations(self, rows: tuple[SourceRow, ...]) -> None:
        for row in rows:
            for source_id in row.items("sources"):
                if source_id not in self.source_ids:
                    self.report(row, f"unknown source id '{source_id}'")

    def check_enum(
        self, rows: tuple[SourceRow, ...], column: str, allowed: tuple[str, ...]
    ) -> None:
        for row in rows:
            value = row.text(column)
            if value is not None and value not in allowed:
                self.report(row, f"{column} '{value}' is not one of {', '.join(allowed)}")

    def check_date(self, row: SourceRow, column: str, precision: str | None = None) -> None:
        value = row.text(column)
        if value is None:
            return
        try:
            day = dates.parse_partial_date(value)
        except ValueError:
            self.report(row, f"{column} '{value}' is not a valid date")
            return
        if precision is not None and dates.precision_of(value) != precision:
            self.report(row, f"{column} '{value}' does not match date_precision '{precision}'")
        if day > self.as_of:
            self.report(row, f"{column} '{value}' is after the dataset's as_of date")

    def check_number(self, row: SourceRow, column: str) -> float | None:
        value = row.text(column)
        if value is None:
            return None
        try:
            return float(value)
        except ValueError:
            self.report(row, f"{column} '{value}' is not a number")
            return None

    def check_reference(
        self, row: SourceRow, column: str, known: set[str | None], what: str
    ) -> None:
        value = row.text(column)
        if value is not None and value not in known:
            self.report(row, f"{column} '{value}' is not a known {what}")

    @property
    def as_of(self) -> date:
        for row in self.sources.table("dataset.csv"):
            if row.text("key") == "as_of":
                try:
                    return date.fromisoformat(row.text("value") or "")
                except ValueError:
                    break
        return date.max
