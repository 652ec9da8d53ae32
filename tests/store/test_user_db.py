import sqlite3

import pytest

from briefer import paths
from briefer.store.errors import UserDatabaseError
from briefer.store.user_db import MIGRATIONS, USER_SCHEMA_VERSION, UserStore, migrate
from tests.store.old_schema import NOTE_BODY, database_at


def test_created_on_first_use_in_wal_mode(tmp_path):
    path = tmp_path / "nested" / "user.db"
    store = UserStore(path)
    assert path.exists()
    assert store.journal_mode == "wal"
    assert store.version == USER_SCHEMA_VERSION


def test_settings_survive_reopening(tmp_path):
    path = tmp_path / "user.db"
    store = UserStore(path)
    store.set_setting("ui/theme", "dark")
    store.set_setting("ui/theme", "light")
    store.close()
    assert UserStore(path).get_setting("ui/theme") == "light"


def test_migrations_apply_in_order_and_only_once(tmp_path):
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    steps = ["CREATE TABLE a (x);", "ALTER TABLE a ADD COLUMN y;"]
    assert migrate(conn, steps[:1]) == 1
    assert migrate(conn, steps) == 2
    assert migrate(conn, steps) == 2
    assert [row[1] for row in conn.execute("PRAGMA table_info(a)")] == ["x", "y"]


def test_failed_migration_rolls_back(tmp_path):
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, ["CREATE TABLE a (x);", "CREATE TABLE b (x); CREATE TABLE a (y);"])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'b'").fetchone() is None


def test_newer_database_is_left_untouched(tmp_path):
    path = tmp_path / "user.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {USER_SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(UserDatabaseError, match="newer Briefer"):
        UserStore(path)


def test_tests_use_a_private_user_folder(private_user_dir):
    assert paths.user_db_path() == private_user_dir / "user.db"


def test_notes_written_before_the_search_index_are_searchable_after_migrating(tmp_path):
    path = tmp_path / "user.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:2])
    conn.execute(
        "INSERT INTO notes (id, entity_kind, entity_id, body, created_utc, updated_utc, tags) "
        "VALUES ('n1', 'launch_attempt', 'l-1998', 'Ask about Vostochny', 't', 't', '[]')"
    )
    conn.close()
    store = UserStore(path)
    hits = store.connection.execute(
        "SELECT rowid FROM notes_search WHERE notes_search MATCH 'vostoch*'"
    ).fetchall()
    assert len(hits) == 1


def test_duplicate_notes_on_one_record_merge_keeping_every_text(tmp_path):
    from briefer.store.notes import NoteStore

    path = tmp_path / "user.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:3])
    for note_id, body, updated in (("a", "older text", "2025-01-01"), ("b", "newer text", "2025-02-01")):
        conn.execute(
            "INSERT INTO notes (id, entity_kind, entity_id, body, created_utc, updated_utc, tags) "
            "VALUES (?, 'event', 'e1', ?, ?, ?, '[\"t\"]')",
            (note_id, body, updated, updated),
        )
        conn.execute(
            "INSERT INTO note_revisions (note_id, revision, body, tags, saved_utc) "
            "VALUES (?, 1, ?, '[]', ?)",
            (note_id, body, updated),
        )
    conn.close()
    notes = NoteStore(UserStore(path).connection)
    merged = notes.by_entity("event", "e1")
    assert merged.id == "b" and len(notes.all()) == 1
    assert merged.body.startswith("newer text") and "older text" in merged.body
    assert {"older text", "newer text"} <= {r.body for r in notes.revisions("b")}


@pytest.mark.parametrize("tags", ["not json", "null", '{"a": 1}'])
def test_duplicates_with_unreadable_tags_still_merge(tmp_path, tags):
    from briefer.store.notes import NoteStore

    path = tmp_path / "user.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:3])
    for note_id in ("a", "b"):
        conn.execute(
            "INSERT INTO notes (id, entity_kind, entity_id, body, created_utc, updated_utc, tags) "
            "VALUES (?, 'event', 'e1', ?, '2025-01-01', '2025-01-01', ?)",
            (note_id, f"text {note_id}", tags),
        )
    conn.close()
    merged = NoteStore(UserStore(path).connection).by_entity("event", "e1")
    assert "text a" in merged.body and "text b" in merged.body


def test_a_schema_6_database_gains_the_analysts_own_records_keeping_its_notes(tmp_path):
    from briefer.store.local_records import LocalRecordStore
    from briefer.store.notes import NoteStore
    from tests.store.test_local_records import CONTENT

    store = UserStore(database_at(tmp_path / "user.db", 6))
    assert store.version == USER_SCHEMA_VERSION == 8
    assert NoteStore(store.connection).by_entity("event", "e1").body == NOTE_BODY
    records = LocalRecordStore(store.connection)
    assert records.all() == []
    added = records.add(CONTENT)
    assert records.live() == [added]
