import json

import pytest

from briefer.domain.records import EntityRef
from briefer.services.notes import NotesService, parse_tags
from briefer.store.note_exchange import NoteImportError
from briefer.store.reference import ReferenceStore
from briefer.store.user_db import UserStore

LAUNCH = EntityRef("launch_attempt", "l-1998")


@pytest.fixture
def notes(fixture_db, tmp_path):
    return NotesService(UserStore(tmp_path / "user.db"), ReferenceStore(fixture_db))


def test_one_note_per_record_created_then_updated(notes):
    first = notes.save(LAUNCH, "Claimed in orbit; nothing tracked.", ("claims",))
    second = notes.save(LAUNCH, "Claimed in orbit; US found nothing.", ("claims", "1998"))
    assert first.id == second.id and second.created_utc == first.created_utc
    assert second.updated_utc >= first.updated_utc
    assert notes.note_for(LAUNCH).body == "Claimed in orbit; US found nothing."
    assert [r.revision for r in notes.revisions(first.id)] == [2, 1]


def test_restore_brings_back_an_earlier_revision_as_a_new_one(notes):
    note = notes.save(LAUNCH, "v1")
    notes.save(LAUNCH, "v2")
    restored = notes.restore(note.id, 1)
    assert restored.body == "v1"
    assert [r.body for r in notes.revisions(note.id)] == ["v1", "v2", "v1"]


def test_orphaned_notes_are_kept_and_flagged(notes):
    notes.save(EntityRef("launch_attempt", "gone-after-update"), "Still mine")
    notes.save(LAUNCH, "Current")
    entries = {e.note.body: e for e in notes.entries()}
    assert (
        entries["Still mine"].orphaned
        and entries["Still mine"].title == "launch_attempt gone-after-update"
    )
    assert (
        not entries["Current"].orphaned and entries["Current"].title == "Rocket A · ? (1998-08-31)"
    )


def test_list_filters_by_text_and_tag(notes):
    notes.save(LAUNCH, "engine question", ("russia",))
    notes.save(EntityRef("provision", "res2087-op2"), "bars launches", ("law",))
    assert [e.note.body for e in notes.entries(text="S/RES/2087")] == ["bars launches"]
    assert [e.note.body for e in notes.entries(tag="russia")] == ["engine question"]
    assert notes.tags() == ["law", "russia"]


def test_tags_are_parsed_trimmed_and_unique():
    assert parse_tags(" russia, engines ,russia,, ") == ("russia", "engines")


def test_export_file_and_import_it_elsewhere(notes, fixture_db, tmp_path):
    notes.save(LAUNCH, "Ж 천리마 <b>&", ("t",))
    path = tmp_path / "notes.json"
    assert notes.export(path) == 1
    assert json.loads(path.read_text(encoding="utf-8"))["notes"][0]["body"] == "Ж 천리마 <b>&"
    other = NotesService(UserStore(tmp_path / "other.db"), ReferenceStore(fixture_db))
    assert other.import_file(path).added == 1
    assert other.note_for(LAUNCH).body == "Ж 천리마 <b>&"


def test_malformed_file_gives_a_clear_message_and_changes_nothing(notes, tmp_path):
    notes.save(LAUNCH, "mine")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(NoteImportError, match=r"bad\.json is not a JSON notes export"):
        notes.import_file(bad)
    with pytest.raises(NoteImportError, match="cannot read"):
        notes.import_file(tmp_path / "missing.json")
    assert [e.note.body for e in notes.entries()] == ["mine"]


def test_a_note_on_an_analysts_own_record_carries_its_title_not_an_orphan_flag(notes):
    from briefer.services.local_records import LocalRecordsService

    local = LocalRecordsService(notes.user)
    record = local.create(
        "event",
        {"date_utc": "2025-05-27", "category": "diplomacy", "title": "Talks in Moscow",
         "source": "TASS", "confidence": "likely"},
    )  # fmt: skip
    notes.save(record.ref, "Check the readout")
    entry = next(e for e in notes.entries() if e.ref == record.ref)
    assert (entry.title, entry.orphaned, entry.flag) == ("Talks in Moscow", False, "")
    local.delete(record.id)
    assert notes.title_of(record.ref) == "Talks in Moscow (deleted)"
    assert notes.title_of(EntityRef("event", "local-" + "f" * 32)) is None
