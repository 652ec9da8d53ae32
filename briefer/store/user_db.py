"""The writable user database (settings and notes): WAL, versioned, migrated in order."""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from briefer.store.errors import StoreError, UserDatabaseError
from briefer.store.faults import Fault, classify, describe
from briefer.store.note_merge import one_note_per_record

Migration = str | Callable[[sqlite3.Connection], None]
# Opening and migrating may wait for another process's first start; a save on the UI thread
# must not: a lock held longer fails the save, which keeps the text and is retried.
BUSY_TIMEOUT_S = 15.0
SAVE_BUSY_TIMEOUT_MS = 100
WAL_ATTEMPTS = 60
NEARLY_FULL_BYTES = 1024 * 1024

# Each entry moves the schema from version N to N+1; never edit one that has shipped.
MIGRATIONS: Sequence[Migration] = (
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
    """
    ALTER TABLE notes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE note_revisions ADD COLUMN kind TEXT NOT NULL DEFAULT 'edit';
    ALTER TABLE note_revisions ADD COLUMN session TEXT NOT NULL DEFAULT '';
    """,
    one_note_per_record,
    # the dataset version in which the noted record last changed, until the note is next edited
    "ALTER TABLE notes ADD COLUMN record_changed TEXT NOT NULL DEFAULT '';",
    # the analyst's own events and launch attempts, each write a revision (store/local_records)
    """
    CREATE TABLE local_records (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('event', 'launch_attempt')),
        date_utc TEXT NOT NULL,
        date_precision TEXT NOT NULL CHECK (date_precision IN ('day', 'month', 'year')),
        category TEXT NOT NULL,
        title TEXT NOT NULL,
        summary TEXT NOT NULL,
        actors TEXT NOT NULL,
        source TEXT NOT NULL,
        source_url TEXT,
        confidence TEXT NOT NULL,
        vehicle TEXT NOT NULL,
        payload TEXT NOT NULL,
        site TEXT NOT NULL,
        outcome TEXT NOT NULL,
        created_utc TEXT NOT NULL,
        updated_utc TEXT NOT NULL,
        version INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('live', 'deleted', 'retired')),
        retired_kind TEXT,
        retired_id TEXT,
        CHECK ((state = 'retired') = (retired_id IS NOT NULL))
    );
    CREATE INDEX local_records_by_state ON local_records(state, date_utc);
    CREATE TABLE local_record_revisions (
        record_id TEXT NOT NULL REFERENCES local_records(id),
        revision INTEGER NOT NULL,
        version INTEGER NOT NULL,
        kind TEXT NOT NULL,
        state TEXT NOT NULL,
        retired_kind TEXT,
        retired_id TEXT,
        content TEXT NOT NULL,
        saved_utc TEXT NOT NULL,
        session TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (record_id, revision)
    );
    """,
    # briefings as exported, to reopen and reissue (store/saved_briefings); JSON in two columns
    """
    CREATE TABLE briefings (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        template TEXT NOT NULL,
        saved_utc TEXT NOT NULL,
        dataset_version TEXT NOT NULL,
        page_size TEXT NOT NULL,
        exported_to TEXT NOT NULL,
        recipe TEXT NOT NULL,
        facts TEXT NOT NULL
    );
    CREATE INDEX briefings_by_time ON briefings(saved_utc);
    """,
)
USER_SCHEMA_VERSION = len(MIGRATIONS)


@contextmanager
def write_transaction(
    conn: sqlite3.Connection, failure: Callable[[BaseException], StoreError]
) -> Iterator[sqlite3.Connection]:
    """One write transaction on the user database, all or nothing; SQLite's and the file
    system's errors become ``failure(error)`` (the store's own error, naming the fault)."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    except (sqlite3.Error, OSError) as error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise failure(error) from error


class UserDatabaseFault(UserDatabaseError):
    """The user database could not be opened or written; ``fault`` says why."""

    def __init__(self, message: str, fault: Fault) -> None:
        super().__init__(message)
        self.fault = fault


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def statements(script: str) -> Iterator[str]:
    """The statements of an SQL script, triggers whole (``executescript`` would commit)."""
    pending = ""
    for part in script.split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
    if pending.strip(" \n\t;"):
        yield pending.strip()


def _apply(conn: sqlite3.Connection, migration: Migration) -> None:
    if callable(migration):
        migration(conn)
        return
    for statement in statements(migration):
        conn.execute(statement)


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply the migrations the database lacks, each in its own write transaction.

    The version is read again once the write lock is held, so two processes starting together
    apply each step once: the second waits, then finds the step done.
    """
    while (current := schema_version(conn)) < len(migrations):
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = schema_version(conn)
            if current < len(migrations):
                _apply(conn, migrations[current])
                conn.execute(f"PRAGMA user_version = {current + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    if current > len(migrations):
        raise UserDatabaseFault(
            f"user database is from a newer Briefer (schema {current}, this one knows "
            f"{len(migrations)}); it was left untouched",
            Fault.OTHER,
        )
    return current


def _connect(target: str, uri: bool = False) -> sqlite3.Connection:
    return sqlite3.connect(
        target, uri=uri, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_S
    )


def _no_space_left(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL; SQLite answers BUSY at once (no busy wait) while another process
    switches the same file, so try again for a while before calling it a fault."""
    for attempt in range(WAL_ATTEMPTS):
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if classify(error) is not Fault.LOCKED or attempt == WAL_ATTEMPTS - 1:
                raise
            time.sleep(0.05 + 0.01 * attempt)


class UserStore:
    """The user database: created on first use, WAL mode, migrated to the current schema.

    A store opened with ``snapshot`` or ``unavailable`` is an in-memory copy: look-up works,
    nothing reaches the disk, and ``read_only_reason`` says why.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.read_only_reason: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = _connect(str(path))
        except (OSError, sqlite3.Error) as error:
            raise self._fault(error) from error
        self.available = True
        try:
            _use_wal(self._conn)
            # FULL: a note acknowledged as saved survives a crash or power loss.
            self._conn.execute("PRAGMA synchronous = FULL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            migrate(self._conn)
            self._conn.execute(f"PRAGMA busy_timeout = {SAVE_BUSY_TIMEOUT_MS}")
        except (OSError, sqlite3.Error) as error:
            self._conn.close()
            raise self._fault(error) from error
        except (ValueError, TypeError) as error:  # a migration met data it cannot read
            self._conn.close()
            raise UserDatabaseFault(
                f"cannot upgrade the notes database {path}: {error}; it was left as it was",
                Fault.OTHER,
            ) from error

    def _fault(self, error: BaseException) -> UserDatabaseFault:
        fault = classify(error)
        if fault is Fault.IO and _no_space_left(self.path):
            fault = Fault.FULL  # SQLite reports a full disk as I/O on its -shm and -wal files
        detail = fault.value if fault is not classify(error) else describe(error)
        return UserDatabaseFault(f"cannot open the notes database {self.path}: {detail}", fault)

    @classmethod
    def snapshot(cls, path: Path, reason: str) -> UserStore:
        """A read-only copy of ``path`` in memory (migrated there, never written back).

        Raises:
            UserDatabaseFault: the file cannot be read either.
        """
        store = cls.__new__(cls)
        store.path, store.read_only_reason, store.available = path, reason, True
        store._conn = _connect(":memory:")
        for query in ("mode=ro", "immutable=1"):  # immutable: when the WAL index cannot be made
            try:
                source = _connect(f"{path.resolve().as_uri()}?{query}", uri=True)
                try:
                    source.backup(store._conn)
                finally:
                    source.close()
                break
            except sqlite3.Error as error:
                failure: sqlite3.Error = error
        else:
            store._conn.close()
            raise store._fault(failure)
        migrate(store._conn)
        return store

    @classmethod
    def unavailable(cls, path: Path, reason: str) -> UserStore:
        """An empty in-memory store standing in for a notes database that cannot be read."""
        store = cls.__new__(cls)
        store.path, store.read_only_reason, store.available = path, reason, False
        store._conn = _connect(":memory:")
        migrate(store._conn)
        return store

    @property
    def writable(self) -> bool:
        return self.read_only_reason is None

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

    def data_version(self) -> int:
        """Changes whenever another connection commits (cheap; polled to see other windows);
        -1 once the store is closed."""
        try:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.ProgrammingError:
            return -1

    def get_setting(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        """Settings are a convenience: one that cannot be written is skipped, never fatal."""
        try:
            self._conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
        except sqlite3.OperationalError as error:
            if classify(error) is Fault.OTHER:
                raise
