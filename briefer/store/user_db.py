"""The writable user database (settings and notes): WAL, versioned, migrated in order."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from briefer.store.errors import UserDatabaseError

# Each entry moves the schema from version N to N+1; never edit one that has shipped.
MIGRATIONS: Sequence[str] = (
    """
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        entity_kind TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        body TEXT NOT NULL,
        created_utc TEXT NOT NULL,
        updated_utc TEXT NOT NULL
    );
    CREATE INDEX notes_by_entity ON notes(entity_kind, entity_id);
    """,
    """
    ALTER TABLE notes ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
    CREATE TABLE note_revisions (
        note_id TEXT NOT NULL REFERENCES notes(id),
        revision INTEGER NOT NULL,
        body TEXT NOT NULL,
        tags TEXT NOT NULL,
        saved_utc TEXT NOT NULL,
        PRIMARY KEY (note_id, revision)
    );
    INSERT INTO note_revisions (note_id, revision, body, tags, saved_utc)
        SELECT id, 1, body, '[]', updated_utc FROM notes;
    """,
    """
    CREATE VIRTUAL TABLE notes_search USING fts5(
        body, tags, content = 'notes', content_rowid = 'rowid',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
    );
    CREATE TRIGGER notes_search_insert AFTER INSERT ON notes BEGIN
        INSERT INTO notes_search (rowid, body, tags) VALUES (new.rowid, new.body, new.tags);
    END;
    CREATE TRIGGER notes_search_delete AFTER DELETE ON notes BEGIN
        INSERT INTO notes_search (notes_search, rowid, body, tags)
            VALUES ('delete', old.rowid, old.body, old.tags);
    END;
    CREATE TRIGGER notes_search_update AFTER UPDATE ON notes BEGIN
        INSERT INTO notes_search (notes_search, rowid, body, tags)
            VALUES ('delete', old.rowid, old.body, old.tags);
        INSERT INTO notes_search (rowid, body, tags) VALUES (new.rowid, new.body, new.tags);
    END;
    INSERT INTO notes_search (notes_search) VALUES ('rebuild');
    """,
)
USER_SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: Sequence[str] = MIGRATIONS) -> int:
    """Apply the migrations the database lacks, each in its own transaction."""
    current = schema_version(conn)
    if current > len(migrations):
        raise UserDatabaseError(
            f"user database is from a newer Briefer (schema {current}, this one knows "
            f"{len(migrations)}); it was left untouched"
        )
    for version in range(current, len(migrations)):
        try:
            conn.executescript(
                f"BEGIN;\n{migrations[version]}\nPRAGMA user_version = {version + 1};\nCOMMIT;"
            )
        except sqlite3.DatabaseError:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return schema_version(conn)


class UserStore:
    """The user database: created on first use, WAL mode, migrated to the current schema."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self._conn.execute("PRAGMA journal_mode = WAL")
            # FULL: a note acknowledged as saved survives a crash or power loss.
            self._conn.execute("PRAGMA synchronous = FULL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            migrate(self._conn)
        except (OSError, sqlite3.DatabaseError) as error:
            raise UserDatabaseError(f"cannot open the user database {path}: {error}") from error

    def close(self) -> None:
        self._conn.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """For the stores that keep their tables here (notes); autocommit, WAL."""
        return self._conn

    @property
    def journal_mode(self) -> str:
        return str(self._conn.execute("PRAGMA journal_mode").fetchone()[0])

    @property
    def version(self) -> int:
        return schema_version(self._conn)

    def get_setting(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        self._conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
