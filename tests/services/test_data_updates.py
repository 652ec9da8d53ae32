"""Installing a pack and going back mark the notes on records that changed."""

import pytest

from briefer import paths
from briefer.domain.records import EntityRef
from briefer.services.data_updates import install_pack, mark_notes, return_to_previous
from briefer.services.notes import NotesService
from briefer.store.user_db import UserStore
from tests.fixture_data import build_variant, signed_pack

CHANGED = EntityRef("launch_attempt", "l-2016")
UNCHANGED = EntityRef("launch_attempt", "l-2012")


@pytest.fixture
def bundled(tmp_path, monkeypatch, private_user_dir):
    """The fixture dataset (test.1) stands in for the bundled one."""
    database = build_variant(tmp_path, "bundled")
    monkeypatch.setattr(paths, "bundled_db_path", lambda: database)
    return database


def _pack(tmp_path, monkeypatch):
    pack, keys = signed_pack(tmp_path, "test.2", partial_outcome)
    monkeypatch.setenv("BRIEFER_TRUSTED_KEYS", str(keys))
    return pack


def partial_outcome(rows):
    next(r for r in rows["launch_attempts.csv"] if r["id"] == CHANGED.id)["outcome"] = "partial"


def _notes():
    user = UserStore(paths.user_db_path())
    return user, NotesService(user, None)


def _marks():
    user, notes = _notes()
    try:
        found = {ref.id: notes.note_for(ref) for ref in (CHANGED, UNCHANGED)}
    finally:
        user.close()
    return {key: note.record_changed if note else None for key, note in found.items()}


def test_an_update_marks_notes_on_changed_records_until_they_are_edited(
    bundled, tmp_path, monkeypatch
):
    user, notes = _notes()
    notes.save(CHANGED, "Outcome per the assessment of 2024")
    notes.save(UNCHANGED, "Nothing to see")
    user.close()
    outcome = install_pack(_pack(tmp_path, monkeypatch))
    assert outcome.version == "test.2" and outcome.replaced == "test.1"
    assert "1 note(s) are on records that changed" in outcome.sentence
    assert _marks() == {CHANGED.id: "test.2", UNCHANGED.id: ""}
    user, notes = _notes()
    notes.save(CHANGED, "Outcome revised to partial")  # the analyst read the change
    user.close()
    assert _marks() == {CHANGED.id: "", UNCHANGED.id: ""}
    assert "bundled dataset (test.1)" in return_to_previous()
    assert _marks() == {CHANGED.id: "test.1", UNCHANGED.id: ""}  # changed back: marked again


def test_an_update_still_installs_when_the_notes_database_cannot_be_opened(
    bundled, tmp_path, monkeypatch
):
    paths.user_db_path().mkdir(parents=True)  # a folder where the notes database should be
    outcome = install_pack(_pack(tmp_path, monkeypatch))
    assert outcome.version == "test.2"
    assert "Notes on changed records could not be marked: cannot open the notes database" in (
        outcome.sentence
    )
    assert mark_notes(bundled, bundled) == ""  # the same dataset: nothing to compare


def test_a_session_on_another_database_installs_but_marks_nothing(bundled, tmp_path, monkeypatch):
    other = build_variant(tmp_path, "other")  # what --db names
    user, notes = _notes()
    notes.save(CHANGED, "Written against test.1")
    user.close()
    outcome = install_pack(_pack(tmp_path, monkeypatch), reading=other)
    assert outcome.version == "test.2" and f"reads {other} (--db)" in outcome.sentence
    assert _marks()[CHANGED.id] == ""
