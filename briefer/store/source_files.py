"""Reading the dataset's source files (one CSV per table in ``data/``) and hashing them."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from briefer.store.errors import SourceDataError


@dataclass(frozen=True)
class TableFile:
    """One source file: its name, its columns, and which of them are required or lists."""

    file: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    lists: tuple[str, ...] = ()
    key: tuple[str, ...] = ("id",)


TABLE_FILES: tuple[TableFile, ...] = (
    TableFile("dataset.csv", ("key", "value"), ("key", "value"), key=("key",)),
    TableFile(
        "sources.csv",
        ("id", "title", "publisher", "url", "published", "accessed", "kind", "note"),
        ("id", "title", "publisher", "accessed", "kind"),
    ),
    TableFile(
        "sites.csv",
        (
            "id",
            "name",
            "native_name",
            "aliases",
            "country",
            "latitude",
            "longitude",
            "summary",
            "sources",
            "confidence",
        ),
        ("id", "name", "country", "sources", "confidence"),
        lists=("aliases", "sources"),
    ),
    TableFile(
        "subjects.csv",
        (
            "id",
            "name",
            "kind",
            "country",
            "native_name",
            "aliases",
            "family",
            "derived_from",
            "operator",
            "status",
            "summary",
            "sources",
            "confidence",
        ),
        ("id", "name", "kind", "country", "sources", "confidence"),
        lists=("aliases", "sources"),
    ),
    TableFile(
        "specs.csv",
        (
            "subject_id",
            "attribute",
            "value",
            "value_text",
            "unit",
            "value_low",
            "value_high",
            "confidence",
            "sources",
            "note",
        ),
        ("subject_id", "attribute", "confidence"),
        lists=("sources",),
        key=("subject_id", "attribute"),
    ),
    TableFile(
        "launch_attempts.csv",
        (
            "id",
            "date_utc",
            "time_utc",
            "date_local",
            "time_local",
            "utc_offset",
            "vehicle_id",
            "site_id",
            "payload_id",
            "outcome",
            "claimed_outcome",
            "failure_stage",
            "failure_time_s",
            "reached_orbit",
            "norad_id",
            "cospar_id",
            "summary",
            "sources",
            "confidence",
        ),
        (
            "id",
            "date_utc",
            "date_local",
            "vehicle_id",
            "site_id",
            "outcome",
            "claimed_outcome",
            "reached_orbit",
            "summary",
            "sources",
            "confidence",
        ),
        lists=("sources",),
    ),
    TableFile(
        "events.csv",
        (
            "id",
            "date_utc",
            "date_precision",
            "end_date_utc",
            "category",
            "title",
            "summary",
            "actors",
            "sources",
            "confidence",
            "vehicle_id",
            "outcome",
        ),
        ("id", "date_utc", "date_precision", "category", "title", "sources", "confidence"),
        lists=("actors", "sources"),
    ),
    TableFile(
        "resolutions.csv",
        ("number", "symbol", "adopted", "vote", "trigger", "triggered_by", "summary", "sources"),
        ("number", "symbol", "adopted", "sources"),
        lists=("triggered_by", "sources"),
        key=("number",),
    ),
    TableFile(
        "organisations.csv",
        (
            "id",
            "name",
            "native_name",
            "aliases",
            "country",
            "kind",
            "summary",
            "sources",
            "confidence",
        ),
        ("id", "name", "country", "kind", "sources", "confidence"),
        lists=("aliases", "sources"),
    ),
    TableFile(
        "claims.csv",
        (
            "id",
            "subject_kind",
            "subject_id",
            "attribute",
            "claimant",
            "claimed_value",
            "claim_date",
            "sources",
            "adopted",
            "rationale",
        ),
        (
            "id",
            "subject_kind",
            "subject_id",
            "attribute",
            "claimant",
            "claimed_value",
            "claim_date",
            "sources",
            "adopted",
            "rationale",
        ),
        lists=("sources",),
    ),
    TableFile(
        "launch_links.csv",
        ("launch_id", "target_kind", "target_id", "relation", "note", "sources"),
        ("launch_id", "target_kind", "target_id", "relation"),
        lists=("sources",),
        key=("launch_id", "target_kind", "target_id"),
    ),
    TableFile(
        "provisions.csv",
        (
            "id",
            "resolution_number",
            "paragraph",
            "topics",
            "summary",
            "relevance",
            "status",
            "status_since",
            "sources",
            "confidence",
        ),
        ("id", "resolution_number", "paragraph", "summary", "status", "sources", "confidence"),
        lists=("topics", "sources"),
    ),
)

TABLE_FILES_BY_NAME = {table.file: table for table in TABLE_FILES}


@dataclass(frozen=True)
class SourceRow:
    """A row of a source file: values by column (lists split), with its file and line."""

    file: str
    line: int
    values: dict[str, str | tuple[str, ...] | None]

    def text(self, column: str) -> str | None:
        value = self.values.get(column)
        return value if isinstance(value, str) else None

    def items(self, column: str) -> tuple[str, ...]:
        value = self.values.get(column)
        return value if isinstance(value, tuple) else ()


@dataclass(frozen=True)
class SourceSet:
    """Every source file of a dataset, read and split but not yet validated."""

    folder: Path
    rows: dict[str, tuple[SourceRow, ...]]
    header_problems: tuple[tuple[str, str], ...]

    def table(self, file: str) -> tuple[SourceRow, ...]:
        return self.rows.get(file, ())


def _split_list(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def _read_table(path: Path, spec: TableFile) -> tuple[tuple[SourceRow, ...], list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = tuple(reader.fieldnames or ())
        problems = [f"missing column '{c}'" for c in spec.columns if c not in header]
        problems += [f"unexpected column '{c}'" for c in header if c not in spec.columns]
        rows = []
        for record in reader:
            values: dict[str, str | tuple[str, ...] | None] = {}
            for column in spec.columns:
                cell = (record.get(column) or "").strip()
                if column in spec.lists:
                    values[column] = _split_list(cell)
                else:
                    values[column] = cell or None
            rows.append(SourceRow(spec.file, reader.line_num, values))
    return tuple(rows), problems


def read_source_set(folder: Path) -> SourceSet:
    """Read every known source file in ``folder``; a missing optional file reads as empty."""
    if not folder.is_dir():
        raise SourceDataError(f"data folder not found: {folder}")
    rows: dict[str, tuple[SourceRow, ...]] = {}
    header_problems: list[tuple[str, str]] = []
    for spec in TABLE_FILES:
        path = folder / spec.file
        if not path.exists():
            rows[spec.file] = ()
            continue
        try:
            rows[spec.file], problems = _read_table(path, spec)
        except (UnicodeDecodeError, csv.Error) as error:
            raise SourceDataError(f"{spec.file}: cannot be read as UTF-8 CSV ({error})") from error
        header_problems += [(spec.file, problem) for problem in problems]
    return SourceSet(folder, rows, tuple(header_problems))


def content_sha256(folder: Path) -> str:
    """A hash over every source file's name and text, blind to line-ending conventions."""
    digest = hashlib.sha256()
    for spec in sorted(TABLE_FILES, key=lambda table: table.file):
        path = folder / spec.file
        if not path.exists():
            continue
        digest.update(spec.file.encode("utf-8") + b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()
