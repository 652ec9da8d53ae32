"""``briefer notes``: export, import, backups and restore from the command line."""

import json

import pytest

from briefer.store.backups import back_up, backup_folder
from briefer.store.notes import Draft, NoteStore
from briefer.store.user_db import UserStore
from tests.test_cli import briefer

pytestmark = pytest.mark.subprocess  # every test here runs a child process


def write_note(path, body):
    store = UserStore(path)
    notes = NoteStore(store.connection)
    current = notes.by_entity("event", "e1")
    notes.save(Draft("event", "e1", body, (), current.version if current else None))
    return store


def test_export_then_import_into_another_user_folder(private_user_dir, tmp_path):
    write_note(private_user_dir / "user.db", "carried over").close()
    exported = tmp_path / "notes.json"
    result = briefer("notes", "export", str(exported))
    assert result.returncode == 0, result.stderr
    assert "exported 1 note(s)" in result.stdout
    other = tmp_path / "elsewhere"
    result = briefer("notes", "import", str(exported), env={"BRIEFER_USER_DIR": str(other)})
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout
    note = NoteStore(UserStore(other / "user.db").connection).by_entity("event", "e1")
    assert note.body == "carried over"


def test_export_to_standard_output(private_user_dir):
    write_note(private_user_dir / "user.db", "to stdout").close()
    result = briefer("notes", "export", "-")
    assert result.returncode == 0 and json.loads(result.stdout)["notes"][0]["body"] == "to stdout"


def test_a_malformed_import_is_one_line_and_changes_nothing(private_user_dir, tmp_path):
    write_note(private_user_dir / "user.db", "before").close()
    bad = tmp_path / "bad.json"
    for content in ('{"format": "briefer-notes", "version": true, "notes": []}', "[" * 100000):
        bad.write_text(content, encoding="utf-8")
        result = briefer("notes", "import", str(bad))
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr
    note = NoteStore(UserStore(private_user_dir / "user.db").connection).by_entity("event", "e1")
    assert note.body == "before"


def test_backups_are_listed_and_one_is_restored(private_user_dir):
    path = private_user_dir / "user.db"
    store = write_note(path, "good text")
    good = back_up(store, backup_folder(path))
    store.close()
    write_note(path, "accident").close()
    listed = briefer("notes", "backups", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [row["path"] for row in json.loads(listed.stdout)] == [str(good)]
    result = briefer("notes", "restore", str(good))
    assert result.returncode == 0, result.stderr
    note = NoteStore(UserStore(path).connection).by_entity("event", "e1")
    assert note.body == "good text"
    after = json.loads(briefer("notes", "backups", "--json").stdout)
    assert len(after) == 2  # the state it replaced was backed up first


def test_restoring_a_file_that_is_not_a_backup_fails_in_one_line(private_user_dir, tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_text("no database here", encoding="utf-8")
    result = briefer("notes", "restore", str(bogus))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_export_refuses_when_the_notes_cannot_be_read(private_user_dir, tmp_path):
    (private_user_dir / "user.db").mkdir(parents=True)  # a folder where the file should be
    good = tmp_path / "good.json"
    good.write_text("earlier export", encoding="utf-8")
    result = briefer("notes", "export", str(good))
    assert result.returncode == 2 and "nothing exported" in result.stderr
    assert good.read_text(encoding="utf-8") == "earlier export"


def test_records_of_ones_own_travel_with_the_notes(private_user_dir, tmp_path):
    from briefer.services.local_records import LocalRecordsService

    store = UserStore(private_user_dir / "user.db")
    record = LocalRecordsService(store).create(
        "event",
        {"date_utc": "2025-05-27", "category": "diplomacy", "title": "Talks", "source": "TASS",
         "confidence": "likely"},
    )  # fmt: skip
    store.close()
    exported = tmp_path / "notes.json"
    result = briefer("notes", "export", str(exported))
    assert result.returncode == 0, result.stderr
    assert "exported 0 note(s), 1 record(s) of your own" in result.stdout
    other = tmp_path / "elsewhere"
    result = briefer("notes", "import", str(exported), env={"BRIEFER_USER_DIR": str(other)})
    assert result.returncode == 0, result.stderr
    assert "your records: 1 added" in result.stdout
    copied = LocalRecordsService(UserStore(other / "user.db")).get(record.id)
    assert copied.content == record.content
