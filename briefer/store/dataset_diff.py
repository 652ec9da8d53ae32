"""What changed between two reference databases: records added, removed and changed per
kind, with each changed field before and after (citations included, as ``sources``)."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefer.store.errors import StoreError
from briefer.store.record_kinds import RECORD_KINDS, RecordKind


@dataclass(frozen=True)
class RecordChange:
    key: str
    fields: dict[str, tuple[Any, Any]]  # field -> (before, after)


@dataclass(frozen=True)
class KindDiff:
    kind: str  # the table, e.g. ``launches``
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[RecordChange] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def diff_databases(old: Path, new: Path) -> list[KindDiff]:
    """One entry per record kind that differs, in declaration order.

    Raises:
        StoreError: either file is not a readable reference database.
    """
    before, after = _records(old), _records(new)
    diffs = [_diff(kind.table, before[kind.table], after[kind.table]) for kind in _kinds()]
    return [diff for diff in diffs if not diff.is_empty]


def _kinds() -> list[RecordKind]:
    return [kind for kind in RECORD_KINDS if kind.table != "dataset"]


def _diff(
    table: str, before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]
) -> KindDiff:
    changed = []
    for key in sorted(set(before) & set(after)):
        fields = {
            name: (before[key].get(name), after[key].get(name))
            for name in sorted(set(before[key]) | set(after[key]))
            if before[key].get(name) != after[key].get(name)
        }
        if fields:
            changed.append(RecordChange(key, fields))
    return KindDiff(
        table,
        added=sorted(set(after) - set(before)),
        removed=sorted(set(before) - set(after)),
        changed=changed,
    )


def _records(path: Path) -> dict[str, dict[str, dict[str, Any]]]:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise StoreError(f"cannot open {path}: {error}") from error
    conn.row_factory = sqlite3.Row
    try:
        cited = _citations(conn)
        tables: dict[str, dict[str, dict[str, Any]]] = {}
        for kind in _kinds():
            cursor = conn.execute(f"SELECT * FROM [{kind.table}]")
            names = [column[0] for column in cursor.description]
            by_key: dict[str, dict[str, Any]] = {}
            for row in cursor.fetchall():
                values = {
                    name: json.loads(row[name]) if name in kind.lists and row[name] else row[name]
                    for name in names
                }
                key = kind.entity_id(values)
                if kind.entity is not None:
                    values["sources"] = cited.get((kind.entity, key), [])
                by_key[key] = values
            tables[kind.table] = by_key
        return tables
    except sqlite3.Error as error:
        raise StoreError(f"{path} is not a Briefer reference database ({error})") from error
    finally:
        conn.close()


def _citations(conn: sqlite3.Connection) -> dict[tuple[str, str], list[str]]:
    cited: dict[tuple[str, str], list[str]] = defaultdict(list)
    query = "SELECT entity_kind, entity_id, source_id FROM citations ORDER BY position"
    for kind, entity_id, source_id in conn.execute(query):
        cited[(kind, entity_id)].append(source_id)
    return cited


def as_dict(diffs: list[KindDiff]) -> dict[str, Any]:
    return {
        diff.kind: {
            "added": diff.added,
            "removed": diff.removed,
            "changed": [
                {"key": c.key, "fields": {k: list(v) for k, v in c.fields.items()}}
                for c in diff.changed
            ],
        }
        for diff in diffs
    }
