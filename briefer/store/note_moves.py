"""Moving a note from one record to another (a record of the analyst's retired in favour of an
official one), merging it with a note already there so that no text is lost."""

from __future__ import annotations

import sqlite3

from briefer.domain.note_rules import merged_tags, merged_text, size_problem
from briefer.domain.records import EntityRef, Note
from briefer.store.notes import NoteStore


def move_note(
    conn: sqlite3.Connection, source: EntityRef, target: EntityRef, session: str = ""
) -> tuple[Note | None, bool]:
    """Put the note on ``source`` onto ``target``, inside the caller's transaction.

    When ``target`` has a note already, the moved text joins it under a dated rule (or, when
    both together pass the size limit, stays in its history only), and the moved note's
    history becomes part of the target note's. Returns the target's note and whether two were
    merged; (None, False) when ``source`` had no note.
    """
    notes = NoteStore(conn, session)
    moving = notes.by_entity(source.kind, source.id)
    if moving is None:
        return None, False
    staying = notes.by_entity(target.kind, target.id)
    if staying is None:
        conn.execute(
            "UPDATE notes SET entity_kind = ?, entity_id = ?, record_changed = '' WHERE id = ?",
            (target.kind, target.id, moving.id),
        )
        return notes.get(moving.id), False
    _fold_history(conn, moving.id, staying.id)
    conn.execute("DELETE FROM notes WHERE id = ?", (moving.id,))
    notes.add_history(staying, moving.body, moving.tags, moving.updated_utc)  # if not there yet
    body = merged_text(staying.body, moving.body, moving.updated_utc)
    if size_problem(body):
        body = staying.body
    tags = merged_tags(staying.tags, moving.tags)
    if (body, tags) == (staying.body, staying.tags):
        return notes.get(staying.id), True
    return notes.replace_text(staying, body, tags, "merge"), True


def _fold_history(conn: sqlite3.Connection, from_id: str, into_id: str) -> None:
    """The revisions of one note renumbered after those of another, and given to it."""
    top = conn.execute(
        "SELECT COALESCE(MAX(revision), 0) FROM note_revisions WHERE note_id = ?", (into_id,)
    ).fetchone()[0]
    conn.execute(
        "UPDATE note_revisions SET note_id = ?, revision = revision + ? WHERE note_id = ?",
        (into_id, int(top), from_id),
    )
