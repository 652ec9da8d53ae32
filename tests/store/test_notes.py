import json
import os
import signal
import subprocess
import sys

import pytest

from briefer.domain.records import Note
from briefer.store.notes import NoteImportError, NoteStore
from briefer.store.user_db import UserStore


@pytest.fixture
def store(tmp_path):
    return NoteStore(UserStore(tmp_path / "user.db").connection)


def note(note_id="n1", body="first", updated="2025-01-01T00:00:00Z", tags=()):
    return Note(
        note_id, "launch_attempt", "l-1998", body, tuple(tags), "2025-01-01T00:00:00Z", updated
    )


def test_saves_keep_a_revision_history(store):
    store.save(note(body="first"))
    store.save(note(body="second", updated="2025-01-02T00:00:00Z", tags=("russia",)))
    store.save(note(body="second", updated="2025-01-03T00:00:00Z", tags=("russia",)))  # unchanged
    assert store.get("n1").body == "second" and store.get("n1").tags == ("russia",)
    assert [(r.revision, r.body) for r in store.revisions("n1")] == [(2, "second"), (1, "first")]


def test_notes_are_found_by_entity(store):
    store.save(note())
    assert [n.id for n in store.for_entity("launch_attempt", "l-1998")] == ["n1"]
    assert store.for_entity("launch_attempt", "other") == []


def test_export_and_import_round_trip(store, tmp_path):
    store.save(note(body="kept", tags=("a", "b")))
    data = store.export_data()
    other = NoteStore(UserStore(tmp_path / "other.db").connection)
    report = other.import_data(json.loads(json.dumps(data)))
    assert (report.added, report.updated) == (1, 0)
    assert other.get("n1") == store.get("n1")


def test_import_never_overwrites_a_newer_note(store):
    store.save(note(body="newer here", updated="2025-03-01T00:00:00Z"))
    older = {
        "format": "briefer-notes",
        "version": 1,
        "notes": [
            {
                "id": "n1",
                "entity_kind": "launch_attempt",
                "entity_id": "l-1998",
                "body": "older elsewhere",
                "tags": [],
                "created_utc": "2025-01-01T00:00:00Z",
                "updated_utc": "2025-02-01T00:00:00Z",
            },
        ],
    }
    report = store.import_data(older)
    assert report.kept_newer == 1 and store.get("n1").body == "newer here"
    older["notes"][0]["updated_utc"] = "2025-04-01T00:00:00Z"
    assert store.import_data(older).updated == 1
    assert store.get("n1").body == "older elsewhere"
    assert [r.body for r in store.revisions("n1")] == ["older elsewhere", "newer here"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "not a Briefer notes export"),
        (
            {"format": "briefer-notes", "version": 9, "notes": []},
            "unsupported notes export version 9",
        ),
        ({"format": "briefer-notes", "version": 1, "notes": {}}, "no list of notes"),
        (
            {"format": "briefer-notes", "version": 1, "notes": [{"id": "x"}]},
            "note 1 lacks text field\\(s\\): entity_kind",
        ),
        (
            {
                "format": "briefer-notes",
                "version": 1,
                "notes": [
                    {
                        "id": "x",
                        "entity_kind": "k",
                        "entity_id": "e",
                        "body": "b",
                        "created_utc": "c",
                        "updated_utc": "u",
                        "tags": "oops",
                    }
                ],
            },
            "tags must be a list",
        ),
    ],
)
def test_malformed_imports_change_nothing(store, data, message):
    store.save(note())
    before = store.export_data()["notes"]
    with pytest.raises(NoteImportError, match=message):
        store.import_data(data)
    assert store.export_data()["notes"] == before


def test_a_bad_note_late_in_a_file_changes_nothing(store):
    good = {
        "id": "g",
        "entity_kind": "k",
        "entity_id": "e",
        "body": "b",
        "created_utc": "c",
        "updated_utc": "u",
    }
    with pytest.raises(NoteImportError, match="note 2"):
        store.import_data({"format": "briefer-notes", "version": 1, "notes": [good, {"id": 5}]})
    assert store.get("g") is None


WRITER = """
import sys
from briefer.domain.records import Note
from briefer.store.notes import NoteStore, utc_now
from briefer.store.user_db import UserStore
store = NoteStore(UserStore(__import__("pathlib").Path(sys.argv[1])).connection)
i = 0
while True:
    now = utc_now()
    store.save(Note(f"note-{i}", "event", f"e{i}", "x" * 2000 + str(i), ("t",), now, now))
    print(f"saved note-{i}", flush=True)
    i += 1
"""


def test_acknowledged_saves_survive_sigkill(tmp_path):
    path = tmp_path / "user.db"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    acknowledged = []
    assert writer.stdout is not None
    for line in writer.stdout:
        acknowledged.append(line.split()[1])
        if len(acknowledged) == 60:
            os.kill(writer.pid, signal.SIGKILL)
            break
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    store = NoteStore(UserStore(path).connection)
    saved = {n.id for n in store.all()}
    assert set(acknowledged) <= saved
    assert store.integrity() == "ok"
    assert all(len(store.revisions(i)) == 1 for i in acknowledged)
