"""Saved briefings in the user database: kept whole, read back exactly, validated on the way
in from an export, and never half-written by a full disk, a failing write or a killed process."""

import errno
import json
import os
import signal
import sqlite3
import subprocess
import sys
import uuid
from dataclasses import replace

import pytest

from briefer.domain.briefing import Cited, Fact
from briefer.domain.briefing_recipe import (
    BriefingEdits,
    BriefingRecipe,
    BriefingRequest,
    SavedBriefing,
)
from briefer.store.briefing_json import BriefingDataError, saved_data, saved_of
from briefer.store.saved_briefings import SavedBriefingError, SavedBriefingStore
from briefer.store.user_db import USER_SCHEMA_VERSION, UserStore
from tests.store.old_schema import NOTE_BODY, database_at

HOSTILE = "\u202eevil\u202c \x1b[2J<b>&amp;</b> 한국어 \u2028 ' OR 1=1 --"


def saved(title: str = "Weekly launch brief", when: str = "2026-11-20T10:00:00.000000Z"):
    recipe = BriefingRecipe(
        BriefingRequest(
            template="launch",
            launch_id="l-2016",
            subject_ids=("unha-3", "safir"),
            provision_ids=("res2087-op2",),
            author="A. Analyst",
            page_size="a4",
            date="2026-11-20",
            notes=(Cited("Unha-3: my note"),),
            include_local=False,
        ),
        BriefingEdits(
            title=title,
            bluf="Edited bottom line.",
            judgments="First judgment [moderate]\nSecond",
            include_comparison=False,
            saved_judgments=(Cited("First judgment", ("src-a", "src-b"), "moderate", True),),
        ),
    )
    facts = (Fact("launch_attempt:l-2016", "Unha-3 launch", "2016-02-07, success"),)
    return SavedBriefing(
        uuid.uuid4().hex, title, "launch", when, "test.1", "a4", recipe, facts, "/tmp/x.pdf"
    )


@pytest.fixture
def path(tmp_path):
    return tmp_path / "user.db"


@pytest.fixture
def store(path):
    return SavedBriefingStore(UserStore(path).connection)


def test_a_saved_briefing_reads_back_exactly_newest_first(store):
    older = store.add(saved("Older", "2026-11-01T09:00:00.000000Z"))
    newer = store.add(saved(HOSTILE, "2026-11-21T09:00:00.000000Z"))
    assert store.all() == [newer, older]
    assert store.get(newer.id) == newer and store.get(newer.id).title == HOSTILE
    assert store.get("0" * 32) is None


def test_delete_removes_only_that_briefing(store):
    kept, gone = store.add(saved("Kept")), store.add(saved("Gone"))
    assert store.delete(gone.id) and not store.delete(gone.id)
    assert store.all() == [kept]


def test_merge_adds_what_is_new_and_keeps_what_is_here(store):
    here = store.add(saved("Here"))
    incoming = [replace(here, title="Changed elsewhere"), saved("New")]
    with store.transaction("imported"):
        assert store.merge(incoming) == 1
    assert {b.title for b in store.all()} == {"Here", "New"}


def test_json_round_trip_keeps_every_field():
    original = saved(HOSTILE)
    assert saved_of(json.loads(json.dumps(saved_data(original)))) == original


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda d: d.update(id="../../etc"), "id: must be 32 hexadecimal digits"),
        (lambda d: d.update(saved_utc="yesterday"), "saved_utc"),
        (lambda d: d.update(saved_utc="2999-01-01T00:00:00Z"), "saved_utc"),
        (lambda d: d["recipe"]["request"].update(template="memo"), "'memo' is not one of"),
        (lambda d: d["recipe"]["request"].update(page_size=3), "page_size: must be text"),
        (lambda d: d["recipe"]["request"].update(subject_ids="unha-3"), "must be a list of text"),
        (lambda d: d["recipe"]["edits"].update(include_timeline="yes"), "must be true or false"),
        (lambda d: d["recipe"]["edits"].update(title="\ud800"), "not valid Unicode"),
        (lambda d: d["recipe"]["edits"].update(bluf="x" * 200_001), "longer than"),
        (
            lambda d: d["recipe"]["edits"]["saved_judgments"][0].update(confidence="certain"),
            "not high, moderate or low",
        ),
        (lambda d: d.update(facts={"key": "x"}), "facts: must be a list"),
        (lambda d: d.update(recipe=None), "is not an object"),
    ],
)
def test_hostile_or_broken_json_is_refused_naming_the_field(change, said):
    data = saved_data(saved())
    change(data)
    with pytest.raises(BriefingDataError, match=said):
        saved_of(data, "briefing 1")


def test_a_full_disk_refuses_the_save_and_changes_nothing(path):
    user = UserStore(path)
    store = SavedBriefingStore(user.connection)
    first = store.add(saved())
    pages = user.connection.execute("PRAGMA page_count").fetchone()[0]
    user.connection.execute(f"PRAGMA max_page_count = {pages}")
    big = replace(saved(), recipe=replace(saved().recipe, edits=BriefingEdits(bluf="x" * 90_000)))
    with pytest.raises(SavedBriefingError, match=r"not saved: .*disk is full") as caught:
        store.add(big)
    assert caught.value.fault.name == "FULL"
    assert store.all() == [first] and not user.connection.in_transaction


class FailingConnection:
    """A connection whose insert of a briefing fails, as a disk might."""

    def __init__(self, conn, error):
        self._conn, self._error = conn, error

    def execute(self, sql, *args):
        if sql.startswith("INSERT INTO briefings"):
            raise self._error
        return self._conn.execute(sql, *args)

    @property
    def in_transaction(self):
        return self._conn.in_transaction


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "disk is full"),
        (OSError(errno.EROFS, "Read-only file system"), "read-only"),
        (sqlite3.OperationalError("database is locked"), "unexpected error"),
    ],
)
def test_a_failing_write_leaves_nothing_behind(path, error, said):
    user = UserStore(path)
    with pytest.raises(SavedBriefingError, match=said):
        SavedBriefingStore(FailingConnection(user.connection, error)).add(saved())
    assert SavedBriefingStore(user.connection).all() == []
    assert not user.connection.in_transaction


def test_two_windows_save_into_one_database(path):
    one, two = UserStore(path), UserStore(path)
    a = SavedBriefingStore(one.connection).add(saved("From the first window"))
    b = SavedBriefingStore(two.connection).add(saved("From the second window"))
    assert {x.id for x in SavedBriefingStore(one.connection).all()} == {a.id, b.id}


def test_a_schema_7_database_gains_briefings_keeping_its_notes(path):
    from briefer.store.notes import NoteStore

    user = UserStore(database_at(path, 7))
    assert user.version == USER_SCHEMA_VERSION == 8
    assert NoteStore(user.connection).by_entity("event", "e1").body == NOTE_BODY
    assert SavedBriefingStore(user.connection).all() == []


def test_a_damaged_row_is_a_clear_error_not_a_traceback(store, path):
    one = store.add(saved())
    conn = sqlite3.connect(path)
    conn.execute("UPDATE briefings SET recipe = '{not json' WHERE id = ?", (one.id,))
    conn.commit()
    from briefer.store.errors import UserDatabaseError

    with pytest.raises(UserDatabaseError, match="saved briefing 'Weekly launch brief' cannot"):
        store.all()


WRITER = """
import sys
from dataclasses import replace
from pathlib import Path
from briefer.store.saved_briefings import SavedBriefingStore
from briefer.store.user_db import UserStore
from tests.store.test_saved_briefings import saved
store = SavedBriefingStore(UserStore(Path(sys.argv[1])).connection)
i = 0
while True:
    briefing = store.add(saved("x" * 5000 + str(i)))
    print(briefing.id, flush=True)
    i += 1
"""


@pytest.mark.subprocess
def test_a_process_killed_mid_save_leaves_every_briefing_whole(path):
    root = os.path.dirname(os.path.dirname(os.path.dirname(__file__)))
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True, cwd=root
    )
    acknowledged = []
    assert writer.stdout is not None
    for line in writer.stdout:
        acknowledged.append(line.strip())
        if len(acknowledged) == 30:
            os.kill(writer.pid, signal.SIGKILL)
            break
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    user = UserStore(path)
    assert user.connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    kept = SavedBriefingStore(user.connection).all()  # every row reads back whole
    assert set(acknowledged) <= {b.id for b in kept}
    assert all(b.recipe == saved(b.title).recipe and b.title.startswith("x" * 5000) for b in kept)
