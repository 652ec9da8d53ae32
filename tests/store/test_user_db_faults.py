"""Opening the notes database under faults: only real damage is set aside."""

import errno
import multiprocessing
import sqlite3

import pytest

from briefer.store.notes import Draft, NoteSaveError, NoteStore
from briefer.store.user_db import USER_SCHEMA_VERSION, UserStore
from briefer.store.user_safety import Health, check, open_user_store
from tests.store.conftest import fill


def _with_note(path, body="precious"):
    store = UserStore(path)
    NoteStore(store.connection).save(Draft("event", "e1", body, (), None))
    store.close()
    return path.read_bytes()


def _not_set_aside(folder):
    return not [p for p in folder.iterdir() if ".damaged-" in p.name]


@pytest.mark.subprocess
def test_a_full_disk_at_start_up_leaves_a_healthy_database_alone(tmpfs):
    folder = tmpfs(512)  # room for the database and its write-ahead log, then filled
    path = folder / "user.db"
    _with_note(path)
    for sidecar in ("user.db-wal", "user.db-shm"):
        (folder / sidecar).unlink(missing_ok=True)
    fill(folder)
    opened = open_user_store(path)
    assert _not_set_aside(folder)
    assert not opened.store.writable
    assert "disk is full" in opened.notice
    assert str(path) in opened.notice
    note = NoteStore(opened.store.connection).by_entity("event", "e1")
    assert note.body == "precious"  # readable for look-up and briefings


def _refuse(path, code, message):
    real = sqlite3.connect

    def connect(target, *args, **kwargs):
        if str(path.name) in str(target) and "backups" not in str(target):
            error = sqlite3.OperationalError(message)
            error.sqlite_errorcode = code
            raise error
        return real(target, *args, **kwargs)

    return connect


def test_an_unreadable_file_is_not_set_aside(tmp_path, monkeypatch):
    path = tmp_path / "user.db"
    kept = _with_note(path)
    monkeypatch.setattr(sqlite3, "connect", _refuse(path, 14, "unable to open database file"))
    assert check(path).health is Health.UNREADABLE
    opened = open_user_store(path)
    monkeypatch.undo()
    assert _not_set_aside(tmp_path) and path.read_bytes() == kept
    assert not opened.store.writable and "permission was denied" in opened.notice
    assert str(path) in opened.notice


def test_an_io_error_opens_read_only_naming_the_cause(tmp_path, monkeypatch):
    path = tmp_path / "user.db"
    kept = _with_note(path)
    real = sqlite3.connect

    def failing_writes(target, *args, **kwargs):
        conn = real(target, *args, **kwargs)
        if str(target) == str(path):
            error = sqlite3.OperationalError("disk I/O error")
            error.sqlite_errorcode = 10
            raise error
        return conn

    monkeypatch.setattr(sqlite3, "connect", failing_writes)
    opened = open_user_store(path)
    monkeypatch.undo()
    assert _not_set_aside(tmp_path) and path.read_bytes() == kept
    assert "input/output error" in opened.notice and str(path) in opened.notice
    assert NoteStore(opened.store.connection).by_entity("event", "e1").body == "precious"


def test_a_read_only_connection_opens_the_notes_read_only(tmp_path, monkeypatch):
    path = tmp_path / "user.db"
    store = UserStore(path)
    store.connection.execute("PRAGMA journal_mode = DELETE")  # writing needs a WAL switch
    store.close()
    kept = path.read_bytes()
    real = sqlite3.connect

    def read_only(target, *args, **kwargs):
        if str(target) == str(path):
            kwargs["uri"] = True
            return real(f"{path.as_uri()}?mode=ro", *args, **kwargs)
        return real(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only)
    opened = open_user_store(path)
    monkeypatch.undo()
    assert path.read_bytes() == kept and _not_set_aside(tmp_path)
    assert "read-only" in opened.notice
    with pytest.raises(NoteSaveError):
        from briefer.services.notes import NotesService

        NotesService(opened.store, None).save_draft(
            __import__("briefer.domain.records").domain.records.EntityRef("event", "e1"),
            "x",
            (),
            None,
        )


def test_a_read_only_folder_on_first_start_opens_empty_with_a_reason(tmp_path, monkeypatch):
    path = tmp_path / "locked" / "user.db"

    def refuse(self, *args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(self))

    monkeypatch.setattr(type(path), "mkdir", refuse)
    opened = open_user_store(path)
    monkeypatch.undo()
    assert not opened.store.writable
    assert "read-only" in opened.notice and str(path) in opened.notice
    assert NoteStore(opened.store.connection).all() == []


def test_a_damaged_file_is_still_set_aside(tmp_path):
    path = tmp_path / "user.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    opened = open_user_store(path)
    assert opened.store.writable and "set aside" in opened.notice


def test_a_full_database_refuses_a_save_and_keeps_the_old_text(tmp_path):
    store = UserStore(tmp_path / "user.db")
    notes = NoteStore(store.connection)
    note = notes.save(Draft("event", "e1", "short", (), None)).note
    pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
    store.connection.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(NoteSaveError) as caught:
        notes.save(Draft("event", "e1", "long " * 20000, (), note.version))
    assert "disk is full" in str(caught.value)
    assert notes.by_entity("event", "e1").body == "short"
    assert not store.connection.in_transaction


def test_a_damaged_file_that_cannot_be_moved_opens_no_notes_with_the_reason(tmp_path, monkeypatch):
    path = tmp_path / "user.db"
    damaged = b"SQLite format 3\x00" + b"\xff" * 4096
    path.write_bytes(damaged)

    def refuse(self, target):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(type(path), "rename", refuse)
    opened = open_user_store(path)
    monkeypatch.undo()
    assert path.read_bytes() == damaged and not opened.store.writable
    assert "could not be set aside" in opened.notice and "read-only" in opened.notice


_RELEASE = None  # in each worker process: the barrier that releases all of them at once


def _share_release(barrier):
    global _RELEASE
    _RELEASE = barrier


def _open_when_released(path):
    _RELEASE.wait(timeout=60)  # every worker holds one task here until all six do
    store = UserStore(path)
    NoteStore(store.connection).save(Draft("event", "e", "x", (), None))
    return store.version


@pytest.mark.subprocess
def test_processes_released_together_on_a_new_file_all_open_it_writable(tmp_path):
    context = multiprocessing.get_context("spawn")
    release = context.Barrier(6)
    with context.Pool(6, initializer=_share_release, initargs=(release,)) as pool:
        for attempt in range(5):
            path = tmp_path / f"released{attempt}.db"
            versions = pool.map(_open_when_released, [path] * 6, chunksize=1)
            assert versions == [USER_SCHEMA_VERSION] * 6
