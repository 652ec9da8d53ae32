"""The analyst's own records in the user database: history, edits that never overwrite a newer
one unseen, soft deletes, retirement with the note moved, and faults that change nothing."""

import errno
import os
import signal
import sqlite3
import subprocess
import sys
from dataclasses import replace

import pytest

from briefer.domain.local_records import LocalRecordContent
from briefer.domain.records import EntityRef
from briefer.store.local_records import (
    LocalRecordConflict,
    LocalRecordError,
    LocalRecordInvalid,
    LocalRecordStore,
)
from briefer.store.notes import Draft, NoteStore
from briefer.store.user_db import UserStore

OFFICIAL = EntityRef("launch_attempt", "l-2016")
CONTENT = LocalRecordContent(
    kind="launch_attempt",
    date_utc="2025-05-30",
    date_precision="day",
    category="satellite_launch",
    title="Chollima-1 from Sohae",
    summary="First reports of a launch.",
    actors=("PRK",),
    source="JCS text message, 30 May",
    source_url="https://example.org/jcs",
    confidence="unverified",
    vehicle="Chollima-1",
    outcome="unknown",
)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "user.db"


@pytest.fixture
def store(path):
    return LocalRecordStore(UserStore(path).connection)


def kinds(store, record_id):
    return [r.kind for r in store.revisions(record_id)]


def test_a_record_is_added_with_its_first_revision_and_listed_by_date(store):
    later = store.add(CONTENT)
    earlier = store.add(replace(CONTENT, date_utc="2024-05-27", title="Earlier"))
    assert later.id.startswith("local-") and later.version == 1 and later.is_live
    assert store.get(later.id) == later
    assert [r.id for r in store.live()] == [earlier.id, later.id]
    assert kinds(store, later.id) == ["add"]
    assert store.revisions(later.id)[0].content == CONTENT


def test_edits_keep_every_version_in_the_history(store):
    record = store.add(CONTENT)
    edited = store.edit(record.id, replace(CONTENT, outcome="failure"), record.version)
    assert edited.version == 2 and edited.content.outcome == "failure"
    assert edited.created_utc == record.created_utc and edited.updated_utc >= record.updated_utc
    assert kinds(store, record.id) == ["edit", "add"]
    same = store.edit(record.id, edited.content, edited.version)  # nothing changed
    assert same == edited and kinds(store, record.id) == ["edit", "add"]


def test_a_stale_edit_of_other_fields_is_merged_with_the_newer_one(path):
    window_a = LocalRecordStore(UserStore(path).connection)
    window_b = LocalRecordStore(UserStore(path).connection)
    opened = window_a.add(CONTENT)  # both windows show version 1
    window_b.edit(opened.id, replace(CONTENT, outcome="failure"), opened.version)
    merged = window_a.edit(opened.id, replace(CONTENT, summary="Debris found."), opened.version)
    assert (merged.content.outcome, merged.content.summary) == ("failure", "Debris found.")
    assert kinds(window_a, opened.id) == ["merge", "edit", "add"]


def test_a_stale_edit_of_the_same_field_is_refused_and_kept_in_the_history(path):
    window_a = LocalRecordStore(UserStore(path).connection)
    window_b = LocalRecordStore(UserStore(path).connection)
    opened = window_a.add(CONTENT)
    window_b.edit(opened.id, replace(CONTENT, title="B's title"), opened.version)
    mine = replace(CONTENT, title="A's title")
    with pytest.raises(LocalRecordConflict) as caught:
        window_a.edit(opened.id, mine, opened.version)
    assert "changed elsewhere since you opened it (title too)" in str(caught.value)
    assert caught.value.mine == mine and caught.value.current.content.title == "B's title"
    assert window_a.get(opened.id).content.title == "B's title"  # the newer stays current
    conflict = window_a.revisions(opened.id)[0]
    assert (conflict.kind, conflict.content.title) == ("conflict", "A's title")
    restored = window_a.restore(opened.id, conflict.revision)  # A's text was never lost
    assert restored.content.title == "A's title"


def test_deleting_keeps_the_record_out_of_the_list_and_restorable(store):
    record = store.add(CONTENT)
    deleted = store.delete(record.id)
    assert deleted.state == "deleted" and store.live() == []
    assert store.get(record.id).state == "deleted" and kinds(store, record.id)[0] == "delete"
    first = store.revisions(record.id)[-1]
    back = store.restore(record.id, first.revision)
    assert back.is_live and back.content == CONTENT and store.live() == [back]
    with pytest.raises(LocalRecordError, match="has no revision 99"):
        store.restore(record.id, 99)


def test_an_edit_of_a_record_deleted_in_another_window_is_kept_not_lost(path):
    window_a = LocalRecordStore(UserStore(path).connection)
    window_b = LocalRecordStore(UserStore(path).connection)
    opened = window_a.add(CONTENT)
    window_b.delete(opened.id)
    with pytest.raises(LocalRecordConflict, match="was deleted elsewhere"):
        window_a.edit(opened.id, replace(CONTENT, summary="Typed meanwhile"), opened.version)
    assert window_a.get(opened.id).state == "deleted"
    assert window_a.revisions(opened.id)[0].content.summary == "Typed meanwhile"


def test_retiring_moves_the_note_with_its_history_to_the_official_record(path):
    user = UserStore(path)
    store, notes = LocalRecordStore(user.connection), NoteStore(user.connection)
    record = store.add(CONTENT)
    note = notes.save(
        Draft(record.ref.kind, record.ref.id, "Watch the second stage", (), None)
    ).note
    notes.save(Draft(record.ref.kind, record.ref.id, "Second stage failed?", ("t",), note.version))
    retired = store.retire(record.id, OFFICIAL)
    assert retired.record.state == "retired" and retired.record.retired_for == OFFICIAL
    assert store.live() == [] and kinds(store, record.id)[0] == "retire" and not retired.merged
    assert notes.by_entity(record.ref.kind, record.ref.id) is None
    moved = notes.by_entity(OFFICIAL.kind, OFFICIAL.id)
    assert moved.id == note.id and moved.body == "Second stage failed?" == retired.note.body
    assert len(notes.revisions(note.id)) == 2


def test_retiring_onto_a_noted_record_merges_the_notes_keeping_both_histories(path):
    user = UserStore(path)
    store, notes = LocalRecordStore(user.connection), NoteStore(user.connection)
    record = store.add(CONTENT)
    notes.save(Draft(record.ref.kind, record.ref.id, "My breaking-news note", (), None))
    official = notes.save(Draft(OFFICIAL.kind, OFFICIAL.id, "Official note", ("a",), None)).note
    retired = store.retire(record.id, OFFICIAL)
    assert retired.merged
    body = notes.by_entity(OFFICIAL.kind, OFFICIAL.id).body
    assert body.startswith("Official note") and "My breaking-news note" in body
    history = [r.body for r in notes.revisions(official.id)]
    assert {"Official note", "My breaking-news note", body} <= set(history)
    assert len(notes.all()) == 1


def test_a_record_is_retired_once_and_only_for_a_dataset_record(store):
    record = store.add(CONTENT)
    with pytest.raises(LocalRecordError, match="dataset record"):
        store.retire(record.id, store.add(CONTENT).ref)
    store.retire(record.id, OFFICIAL)
    with pytest.raises(LocalRecordError, match="is retired already"):
        store.retire(record.id, OFFICIAL)


def test_what_the_form_would_refuse_is_refused_here_too(store):
    with pytest.raises(LocalRecordInvalid, match="Source URL") as caught:
        store.add(replace(CONTENT, source_url="javascript:alert(1)"))
    assert [p.field for p in caught.value.problems] == ["source_url"]
    record = store.add(CONTENT)
    event = replace(CONTENT, kind="event", category="diplomacy", vehicle="", outcome="")
    with pytest.raises(LocalRecordInvalid, match="kind cannot change"):
        store.edit(record.id, event, record.version)
    assert store.all() == [record]


def test_a_full_disk_refuses_the_write_and_changes_nothing(path):
    user = UserStore(path)
    store = LocalRecordStore(user.connection)
    record = store.add(CONTENT)
    pages = user.connection.execute("PRAGMA page_count").fetchone()[0]
    user.connection.execute(f"PRAGMA max_page_count = {pages}")
    long = replace(CONTENT, summary=("A long account. " * 1200).strip())
    with pytest.raises(LocalRecordError) as caught:
        store.edit(record.id, long, record.version)
    assert "disk is full" in str(caught.value) and caught.value.fault.name == "FULL"
    with pytest.raises(LocalRecordError, match="disk is full"):
        store.add(long)
    assert store.all() == [record] and kinds(store, record.id) == ["add"]
    assert not user.connection.in_transaction


class FailingConnection:
    """A connection whose write of a record's revision fails, as a disk might."""

    def __init__(self, conn, error):
        self._conn, self._error = conn, error

    def execute(self, sql, *args):
        if sql.startswith("INSERT INTO local_record_revisions"):
            raise self._error
        return self._conn.execute(sql, *args)

    @property
    def in_transaction(self):
        return self._conn.in_transaction


def io_error():
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = 10
    return error


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (io_error(), "input/output error"),
        (sqlite3.OperationalError("database is locked"), "unexpected error"),
        (OSError(errno.ENOSPC, "No space left on device"), "disk is full"),
    ],
)
def test_a_failing_write_leaves_neither_record_nor_revision(path, error, said):
    user = UserStore(path)
    store = LocalRecordStore(FailingConnection(user.connection, error))
    with pytest.raises(LocalRecordError, match=said):
        store.add(CONTENT)
    assert LocalRecordStore(user.connection).all() == []
    assert user.connection.execute("SELECT COUNT(*) FROM local_record_revisions").fetchone() == (0,)
    assert not user.connection.in_transaction


WRITER = """
import sys
from dataclasses import replace
from pathlib import Path
from briefer.store.local_records import LocalRecordStore
from briefer.store.user_db import UserStore
from tests.store.test_local_records import CONTENT
store = LocalRecordStore(UserStore(Path(sys.argv[1])).connection)
i = 0
while True:
    record = store.add(replace(CONTENT, summary="x" * 2000 + str(i)))
    store.edit(record.id, replace(record.content, summary=f"edited {i}"), record.version)
    print(record.id, flush=True)
    i += 1
"""


@pytest.mark.subprocess
def test_a_process_killed_mid_write_leaves_every_record_whole(path):
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))),
    )
    acknowledged = []
    assert writer.stdout is not None
    for line in writer.stdout:
        acknowledged.append(line.strip())
        if len(acknowledged) == 40:
            os.kill(writer.pid, signal.SIGKILL)
            break
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    user = UserStore(path)
    store = LocalRecordStore(user.connection)
    assert user.connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    records = {record.id: record for record in store.all()}
    assert set(acknowledged) <= set(records)
    for record in records.values():  # the old state or the new, each with its revision
        newest = store.revisions(record.id)[0]
        assert (newest.version, newest.content) == (record.version, record.content)
    for record_id in acknowledged:
        assert records[record_id].content.summary.startswith("edited ")
