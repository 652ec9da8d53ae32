"""``briefer data build``: the reference database built from ``data/`` with sqlite-utils."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from briefer.store import schema
from briefer.store.errors import SourceDataError
from briefer.store.record_kinds import RECORD_KINDS, Column, ColumnType, RecordKind
from briefer.store.search_index import build_search_index
from briefer.store.source_files import SourceRow, SourceSet, content_sha256
from briefer.store.validation import check_source_set


def _cell(column: Column, value: str | tuple[str, ...] | None) -> Any:
    if isinstance(value, tuple):
        return json.dumps(list(value), ensure_ascii=False)
    if value is None:
        return None
    if column.type == ColumnType.REAL:
        return float(value)
    if column.type in (ColumnType.INTEGER, ColumnType.FLAG):
        return int(value)
    return value


def _table_rows(kind: RecordKind, row_set: tuple[SourceRow, ...]) -> Iterator[dict[str, Any]]:
    columns = kind.table_columns
    for row in row_set:
        yield {column.name: _cell(column, row.values.get(column.name)) for column in columns}


def _citation_rows(kind: RecordKind, row_set: tuple[SourceRow, ...]) -> Iterator[dict[str, Any]]:
    for row in row_set:
        entity_id = kind.entity_id(row.values)
        for position, source_id in enumerate(row.items("sources")):
            yield {
                "entity_kind": kind.entity,
                "entity_id": entity_id,
                "position": position,
                "source_id": source_id,
            }


def _create_table(db: sqlite_utils.Database, kind: RecordKind) -> None:
    """The table sqlite-utils derives from the declaration: types, keys, NOT NULL, references."""
    columns = kind.table_columns
    references: list[tuple[str, str, str]] = []
    for column in columns:
        if column.references is not None:
            table, key = column.references.split(".")
            references.append((column.name, table, key))
    db.table(kind.table).create(
        {column.name: column.sql_type for column in columns},
        pk=kind.key[0] if len(kind.key) == 1 else kind.key,
        not_null={c.name for c in columns if c.required or c.type == ColumnType.LIST},
        foreign_keys=references,
    )


def _dataset_rows(sources: SourceSet) -> list[dict[str, str]]:
    values = {
        row.text("key") or "": row.text("value") or "" for row in sources.table("dataset.csv")
    }
    values["schema_version"] = str(schema.SCHEMA_VERSION)
    values["content_sha256"] = content_sha256(sources.folder)
    return [{"key": key, "value": values[key]} for key in sorted(values)]


def _populate(db: sqlite_utils.Database, sources: SourceSet) -> None:
    for kind in RECORD_KINDS:
        _create_table(db, kind)
    db.conn.executescript(schema.TABLES)
    db.table("dataset").insert_all(_dataset_rows(sources))
    for kind in RECORD_KINDS:
        rows = sources.table(kind.file)
        if kind.loaded:
            db.table(kind.table).insert_all(_table_rows(kind, rows))
        if kind.entity is not None:
            db.table("citations").insert_all(_citation_rows(kind, rows))
    db.conn.executescript(schema.VIEWS)
    build_search_index(db.conn)


def build_database(sources: SourceSet, output: Path) -> Path:
    """Validate ``sources`` and write the database to ``output`` atomically.

    Raises:
        SourceDataError: the sources fail ``data check``; nothing is written.
    """
    problems = check_source_set(sources)
    if problems:
        raise SourceDataError(
            f"{len(problems)} problem(s) in {sources.folder}; "
            f"run 'briefer data check' ({problems[0]})"
        )
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".briefer-", suffix=".db", dir=output.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        conn = sqlite3.connect(temp)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            _populate(sqlite_utils.Database(conn), sources)
            conn.commit()
            _assert_integrity(conn)
            conn.execute("VACUUM")
        finally:
            conn.close()
        temp.chmod(0o644)
        os.replace(temp, output)
    finally:
        temp.unlink(missing_ok=True)
    return output


def _assert_integrity(conn: sqlite3.Connection) -> None:
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise SourceDataError(f"dangling references after build: {broken[:3]}")
