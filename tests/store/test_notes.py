"""Notes store: one note per record, saves that never overwrite a newer text, history."""

import os
import signal
import subprocess
import sys
import threading

import pytest

from briefer.store.notes import Draft, NoteSaveError, NoteStore
from briefer.store.user_db import UserStore

KIND, ENTITY = "launch_attempt", "l-1998"


@pytest.fixture
def path(tmp_path):
    return tmp_path / "user.db"


@pytest.fixture
def store(path):
    return NoteStore(UserStore(path).connection)


def draft(body, base=None, tags=(), entity=ENTITY):
    return Draft(KIND, entity, body, tuple(tags), base)


def test_saves_keep_a_revision_history(store):
    first = store.save(draft("first")).note
    second = store.save(draft("second", first.version, ("russia",))).note
    again = store.save(draft("second", second.version, ("russia",))).note  # unchanged
    assert again == second and second.tags == ("russia",)
    assert [(r.revision, r.body) for r in store.revisions(first.id)] == [(2, "second"), (1, "first")]


def test_one_note_per_record(store):
    store.save(draft("one"))
    assert store.by_entity(KIND, ENTITY).body == "one"
    assert store.by_entity(KIND, "other") is None
    with pytest.raises(NoteSaveError), store.transaction() as conn:
        conn.execute(
            "INSERT INTO notes (id, entity_kind, entity_id, body, created_utc, updated_utc) "
            "VALUES ('dup', ?, ?, 'two', 't', 't')",
            (KIND, ENTITY),
        )


def test_a_save_based_on_an_old_version_keeps_both_texts(path):
    window_a = NoteStore(UserStore(path).connection)
    window_b = NoteStore(UserStore(path).connection)
    opened = window_a.save(draft("shared start")).note  # both windows load version 1
    window_b.save(draft("B's newer analysis", opened.version))
    result = window_a.save(draft("A's older view", opened.version))
    assert result.conflict and result.met.body == "B's newer analysis"
    current = window_a.by_entity(KIND, ENTITY)
    assert "A's older view" in current.body and "B's newer analysis" in current.body
    bodies = [r.body for r in window_a.revisions(current.id)]
    assert "B's newer analysis" in bodies and "A's older view" in bodies
    assert {r.kind for r in window_a.revisions(current.id)} >= {"conflict", "merge"}


def test_a_first_note_written_meanwhile_elsewhere_is_not_replaced(path):
    window_a = NoteStore(UserStore(path).connection)
    window_b = NoteStore(UserStore(path).connection)
    window_b.save(draft("B wrote first"))
    result = window_a.save(draft("A thought there was no note", base=None))
    assert result.conflict
    assert "B wrote first" in window_a.by_entity(KIND, ENTITY).body


def test_simultaneous_first_saves_make_one_note(path):
    UserStore(path).close()
    barrier = threading.Barrier(8)
    errors = []

    def save(number):
        store = NoteStore(UserStore(path).connection)
        barrier.wait()
        try:
            store.save(draft(f"text {number}", entity="race"))
        except Exception as error:
            errors.append(error)

    threads = [threading.Thread(target=save, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    store = NoteStore(UserStore(path).connection)
    assert errors == []
    rows = store._conn.execute("SELECT COUNT(*) FROM notes WHERE entity_id = 'race'").fetchone()
    assert rows[0] == 1
    body = store.by_entity(KIND, "race").body
    assert all(f"text {n}" in body for n in range(8))  # every text kept in the one note


def test_autosaves_amend_this_sessions_revision_not_copy_it(store):
    note = store.save(draft("a")).note
    for text in ("ab", "abc", "abcd"):
        note = store.save(draft(text, note.version), amend=True).note
    assert [r.body for r in store.revisions(note.id)] == ["abcd"]
    note = store.save(draft("abcde", note.version)).note  # a checkpoint: a new revision
    assert [r.body for r in store.revisions(note.id)] == ["abcde", "abcd"]


def test_a_note_over_one_megabyte_is_refused_whole(store):
    with pytest.raises(NoteSaveError, match="limited to 1 MB"):
        store.save(draft("x" * (1024 * 1024 + 1)))
    assert store.by_entity(KIND, ENTITY) is None
    assert store.save(draft("y" * (1024 * 1024))).note.body.startswith("y")


WRITER = """
import sys
from pathlib import Path
from briefer.store.notes import Draft, NoteStore
from briefer.store.user_db import UserStore
store = NoteStore(UserStore(Path(sys.argv[1])).connection)
i = 0
while True:
    store.save(Draft("event", f"e{i}", "x" * 2000 + str(i), ("t",), None))
    print(f"saved e{i}", flush=True)
    i += 1
"""


@pytest.mark.subprocess
def test_acknowledged_saves_survive_sigkill(path):
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
    saved = {n.entity_id: n for n in store.all()}
    assert set(acknowledged) <= set(saved)
    assert store.integrity() == "ok"
    assert all(len(store.revisions(saved[e].id)) == 1 for e in acknowledged)


def test_two_texts_too_long_together_keep_the_other_in_history(path):
    window_a = NoteStore(UserStore(path).connection)
    window_b = NoteStore(UserStore(path).connection)
    start = window_a.save(draft("start")).note
    theirs = "b" * (700 * 1024)
    window_b.save(draft(theirs, start.version))
    result = window_a.save(draft("a" * (700 * 1024), start.version))
    assert result.conflict and not result.merged
    assert result.note.body == "a" * (700 * 1024)
    assert theirs in [r.body for r in window_a.revisions(result.note.id)]
