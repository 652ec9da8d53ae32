"""Backups keep what matters: only changed notes, whole or absent, never rotated past a reset."""

import errno
from pathlib import Path

import pytest

from briefer.store.backups import back_up, backup_folder, list_backups, restore
from briefer.store.notes import Draft, NoteStore
from briefer.store.user_db import UserDatabaseFault, UserStore
from briefer.store.user_safety import open_user_store


def write(store, body, entity="e1"):
    notes = NoteStore(store.connection)
    current = notes.by_entity("event", entity)
    notes.save(Draft("event", entity, body, (), current.version if current else None))


def test_no_backup_when_the_notes_did_not_change(tmp_path):
    store = UserStore(tmp_path / "user.db")
    write(store, "one")
    folder = tmp_path / "backups"
    first = back_up(store, folder)
    store.set_setting("ui/theme", "dark")  # settings alone are not worth a copy
    assert first is not None and back_up(store, folder) is None
    write(store, "two")
    assert back_up(store, folder) is not None
    assert len(list_backups(folder)) == 2


def test_a_record_of_the_analysts_alone_is_worth_a_backup_and_is_in_it(tmp_path):
    import sqlite3

    from briefer.services.local_records import LocalRecordsService

    store = UserStore(tmp_path / "user.db")
    write(store, "one")
    folder = tmp_path / "backups"
    assert back_up(store, folder) is not None
    typed = {
        "date_utc": "2026-11-28",
        "category": "diplomacy",
        "title": "Talks in Vladivostok",
        "summary": "",
        "actors": "PRK, RUS",
        "source": "TASS",
        "source_url": "",
        "confidence": "unverified",
    }
    LocalRecordsService(store).create("event", typed)
    made = back_up(store, folder)
    assert made is not None
    with sqlite3.connect(made) as copy:
        assert copy.execute("SELECT title FROM local_records").fetchall() == [
            ("Talks in Vladivostok",)
        ]


def test_rotation_keeps_the_five_newest(tmp_path):
    store = UserStore(tmp_path / "user.db")
    folder = tmp_path / "backups"
    for number in range(7):
        write(store, f"text {number}")
        back_up(store, folder)
    backups = list_backups(folder)
    assert len(backups) == 5 and backups[0].notes == 1


def test_a_failed_backup_leaves_nothing(tmp_path, monkeypatch):
    store = UserStore(tmp_path / "user.db")
    write(store, "one")
    folder = tmp_path / "backups"

    def full(self, target):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "rename", full)
    with pytest.raises(UserDatabaseFault, match="disk is full"):
        back_up(store, folder)
    monkeypatch.undo()
    assert list(folder.iterdir()) == []


@pytest.mark.subprocess
def test_a_backup_on_a_full_disk_leaves_no_empty_file(tmp_path, tmpfs):
    from tests.store.conftest import fill

    store = UserStore(tmp_path / "user.db")
    write(store, "x" * 200_000)
    folder = tmpfs(64)
    fill(folder)
    with pytest.raises(UserDatabaseFault):
        back_up(store, folder)
    assert [p.name for p in folder.iterdir()] == ["filler"]


def test_backups_from_before_a_reset_are_never_rotated_out(tmp_path):
    path = tmp_path / "user.db"
    opened = open_user_store(path)
    for number in range(5):
        write(opened.store, f"good {number}")
        back_up(opened.store, backup_folder(path))
    opened.store.close()
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    for number in range(6):  # six starts after the reset, each with a change
        opened = open_user_store(path)
        write(opened.store, f"new {number}")
        back_up(opened.store, backup_folder(path))
        opened.store.close()
    backups = list_backups(backup_folder(path))
    assert sum(b.kept for b in backups) == 5 and sum(not b.kept for b in backups) == 5


def test_restore_brings_back_a_backup_after_saving_the_current_state(tmp_path):
    store = UserStore(tmp_path / "user.db")
    folder = tmp_path / "backups"
    write(store, "the good text")
    good = back_up(store, folder)
    write(store, "an accident")
    saved = restore(store, good, folder)
    assert NoteStore(store.connection).by_entity("event", "e1").body == "the good text"
    assert saved is not None
    replaced = UserStore(saved)
    assert NoteStore(replaced.connection).by_entity("event", "e1").body == "an accident"


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 100])
def test_restoring_something_that_is_not_a_backup_changes_nothing(tmp_path, content):
    store = UserStore(tmp_path / "user.db")
    write(store, "current")
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(content)
    with pytest.raises(UserDatabaseFault):
        restore(store, bogus, tmp_path / "backups")
    assert NoteStore(store.connection).by_entity("event", "e1").body == "current"


def test_restoring_the_oldest_of_five_keeps_it_even_when_the_restore_fails(tmp_path):
    store = UserStore(tmp_path / "user.db")
    folder = tmp_path / "backups"
    write(store, "old text " * 20000)
    for number in range(5):
        back_up(store, folder)
        write(store, f"later {number}", entity=f"e{number + 2}")
    backups = [b.path for b in list_backups(folder)]
    assert len(backups) == 5
    oldest = backups[-1]
    conn = store.connection
    conn.execute("DELETE FROM note_revisions")
    conn.execute("DELETE FROM notes")
    conn.execute("VACUUM")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # the restore cannot grow the file
    with pytest.raises(UserDatabaseFault, match="nothing was changed"):
        restore(store, oldest, folder)
    assert oldest.exists()
    conn.execute("PRAGMA max_page_count = 1073741823")
    restore(store, oldest, folder)
    assert oldest.exists()
    assert NoteStore(conn).by_entity("event", "e1").body.startswith("old text")
