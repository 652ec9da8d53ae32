"""Reading the dataset's source files (one CSV per table in ``data/``) and hashing them."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from briefer.store.errors import SourceDataError
from briefer.store.record_kinds import RECORD_KINDS, RecordKind


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


def _read_table(path: Path, spec: RecordKind) -> tuple[tuple[SourceRow, ...], list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = tuple(reader.fieldnames or ())
        problems = [f"missing column '{c}'" for c in spec.column_names if c not in header]
        problems += [f"unexpected column '{c}'" for c in header if c not in spec.column_names]
        rows = []
        for record in reader:
            values: dict[str, str | tuple[str, ...] | None] = {}
            for column in spec.column_names:
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
    for spec in RECORD_KINDS:
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
    for spec in sorted(RECORD_KINDS, key=lambda table: table.file):
        path = folder / spec.file
        if not path.exists():
            continue
        digest.update(spec.file.encode("utf-8") + b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()
