"""A user database left at an older schema, holding one note, for the upgrade tests."""

import sqlite3
from pathlib import Path

from briefer.store.user_db import MIGRATIONS, migrate

NOTE_BODY = "kept across the upgrade"


def database_at(path: Path, version: int) -> Path:
    """``path`` migrated only to ``version``, with a note on event ``e1``."""
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, MIGRATIONS[:version]) == version
    conn.execute(
        "INSERT INTO notes (id, entity_kind, entity_id, body, created_utc, updated_utc, tags) "
        "VALUES ('n1', 'event', 'e1', ?, 't', 't', '[]')",
        (NOTE_BODY,),
    )
    conn.close()
    return path
