"""Migration to one note per record: duplicates are merged, keeping every text they held."""

from __future__ import annotations

import json
import sqlite3

from briefer.domain.note_rules import merged_tags, merged_text, utc_now


def _tags(text: str) -> tuple[str, ...]:
    """Tags as stored; anything that is not a JSON list of strings counts as no tags."""
    try:
        tags = json.loads(text)
    except (TypeError, ValueError):
        return ()
    return tuple(tags) if isinstance(tags, list) and all(isinstance(t, str) for t in tags) else ()


def _merge_group(conn: sqlite3.Connection, kind: str, entity: str) -> None:
    rows = conn.execute(
        "SELECT id, body, tags, updated_utc, created_utc FROM notes "
        "WHERE entity_kind = ? AND entity_id = ? ORDER BY updated_utc DESC, id DESC",
        (kind, entity),
    ).fetchall()
    keeper, others = rows[0], rows[1:]
    body, tags = keeper[1], _tags(keeper[2])
    for other_id, other_body, other_tags, other_updated, _created in others:
        body = merged_text(body, other_body, other_updated)
        tags = merged_tags(tags, _tags(other_tags))
        conn.execute(
            "UPDATE note_revisions SET note_id = ?, revision = revision + "
            "(SELECT COALESCE(MAX(revision), 0) FROM note_revisions WHERE note_id = ?) "
            "WHERE note_id = ?",
            (keeper[0], keeper[0], other_id),
        )
        conn.execute("DELETE FROM notes WHERE id = ?", (other_id,))
    tags_json = json.dumps(list(tags), ensure_ascii=False)
    created = min(row[4] for row in rows)
    now = utc_now()
    conn.execute(
        "UPDATE notes SET body = ?, tags = ?, created_utc = ?, updated_utc = ?, "
        "version = version + 1 WHERE id = ?",
        (body, tags_json, created, now, keeper[0]),
    )
    conn.execute(
        "INSERT INTO note_revisions (note_id, revision, body, tags, saved_utc, kind) VALUES "
        "(?, (SELECT COALESCE(MAX(revision), 0) + 1 FROM note_revisions WHERE note_id = ?), "
        "?, ?, ?, 'merge')",
        (keeper[0], keeper[0], body, tags_json, now),
    )


def one_note_per_record(conn: sqlite3.Connection) -> None:
    """Merge each record's notes into its newest, then let the schema allow only one."""
    groups = conn.execute(
        "SELECT entity_kind, entity_id FROM notes GROUP BY entity_kind, entity_id "
        "HAVING COUNT(*) > 1"
    ).fetchall()
    for kind, entity in groups:
        _merge_group(conn, kind, entity)
    conn.execute("DROP INDEX IF EXISTS notes_by_entity")
    conn.execute("CREATE UNIQUE INDEX notes_one_per_record ON notes(entity_kind, entity_id)")
