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
from briefer.store.search_index import build_search_index
from briefer.store.source_files import SourceRow, SourceSet, content_sha256
from briefer.store.validation import check_source_set

# (source file, table, entity kind for citations or None, id column(s) of a citation)
_LOADS: tuple[tuple[str, str, str | None], ...] = (
    ("sources.csv", "source_docs", None),
    ("sites.csv", "sites", "site"),
    ("subjects.csv", "subjects", "subject"),
    ("specs.csv", "specs", "spec"),
    ("launch_attempts.csv", "launches", "launch_attempt"),
    ("events.csv", "events", "event"),
    ("resolutions.csv", "resolutions", "resolution"),
    ("provisions.csv", "provisions", "provision"),
    ("organisations.csv", "organisations", "organisation"),
    ("claims.csv", "claims", "claim"),
    ("launch_links.csv", "launch_links", "launch_link"),
)
_REAL = {"latitude", "longitude", "value", "value_low", "value_high", "failure_time_s"}
_INTEGER = {"reached_orbit", "number", "resolution_number", "claims.adopted"}


def _cell(table: str, column: str, value: str | tuple[str, ...] | None) -> Any:
    if isinstance(value, tuple):
        return json.dumps(list(value), ensure_ascii=False)
    if value is None:
        return None
    if column in _REAL:
        return float(value)
    if column in _INTEGER or f"{table}.{column}" in _INTEGER:
        return int(value)
    return value


def _entity_id(kind: str, row: SourceRow) -> str:
    if kind == "spec":
        return f"{row.text('subject_id')}/{row.text('attribute')}"
    if kind == "resolution":
        return row.text("number") or ""
    if kind == "launch_link":
        return f"{row.text('launch_id')}/{row.text('target_kind')}/{row.text('target_id')}"
    return row.text("id") or ""


def _table_rows(table: str, row_set: tuple[SourceRow, ...]) -> Iterator[dict[str, Any]]:
    for row in row_set:
        yield {
            column: _cell(table, column, value)
            for column, value in row.values.items()
            if column != "sources"
        }


def _citation_rows(kind: str, row_set: tuple[SourceRow, ...]) -> Iterator[dict[str, Any]]:
    for row in row_set:
        for position, source_id in enumerate(row.items("sources")):
            yield {
                "entity_kind": kind,
                "entity_id": _entity_id(kind, row),
                "position": position,
                "source_id": source_id,
            }


def _dataset_rows(sources: SourceSet) -> list[dict[str, str]]:
    values = {
        row.text("key") or "": row.text("value") or "" for row in sources.table("dataset.csv")
    }
    values["schema_version"] = str(schema.SCHEMA_VERSION)
    values["content_sha256"] = content_sha256(sources.folder)
    return [{"key": key, "value": values[key]} for key in sorted(values)]


def _populate(db: sqlite_utils.Database, sources: SourceSet) -> None:
    db.conn.executescript(schema.TABLES)
    db["dataset"].insert_all(_dataset_rows(sources))
    for file, table, kind in _LOADS:
        rows = sources.table(file)
        db[table].insert_all(_table_rows(table, rows))
        if kind is not None:
            db["citations"].insert_all(_citation_rows(kind, rows))
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
