"""Notes import: validated whole, merged by record, never going back in time."""

import copy
import json

import pytest

from briefer.store.note_exchange import NoteImportError, export_data, import_data
from briefer.store.notes import Draft, NoteStore
from briefer.store.user_db import UserStore

KIND, ENTITY = "launch_attempt", "l-1998"


@pytest.fixture
def store(tmp_path):
    return NoteStore(UserStore(tmp_path / "user.db").connection)


def export(body="elsewhere", updated="2025-02-01T00:00:00Z", revisions=None, **extra):
    entry = {
        "id": "n-remote",
        "entity_kind": KIND,
        "entity_id": ENTITY,
        "body": body,
        "tags": [],
        "created_utc": "2025-01-01T00:00:00Z",
        "updated_utc": updated,
        "revisions": revisions or [],
    }
    entry.update(extra)
    return {"format": "briefer-notes", "version": 1, "notes": [entry]}


def test_export_and_import_round_trip_with_history(store, tmp_path):
    note = store.save(Draft(KIND, ENTITY, "first", ("a",), None)).note
    store.save(Draft(KIND, ENTITY, "kept", ("a", "b"), note.version))
    data = json.loads(json.dumps(export_data(store)))
    other = NoteStore(UserStore(tmp_path / "other.db").connection)
    report = import_data(other, data)
    assert (report.added, report.updated) == (1, 0)
    copied = other.by_entity(KIND, ENTITY)
    assert (copied.body, copied.tags) == ("kept", ("a", "b"))
    assert sorted(r.body for r in other.revisions(copied.id)) == ["first", "kept"]


def test_an_older_file_never_replaces_a_newer_local_edit(store):
    store.save(Draft(KIND, ENTITY, "newer here", (), None))
    report = import_data(store, export(body="older elsewhere", updated="2025-02-01T00:00:00Z"))
    assert report.kept_newer == 1
    note = store.by_entity(KIND, ENTITY)
    assert note.body == "newer here"
    assert "older elsewhere" in [r.body for r in store.revisions(note.id)]  # kept in history
    again = import_data(store, export(body="older elsewhere"))  # re-import: still nothing lost
    assert again.kept_newer == 1 and store.by_entity(KIND, ENTITY).body == "newer here"


def test_second_precision_times_compare_as_times_not_strings(store):
    store.save(Draft(KIND, ENTITY, "local", (), None))
    local = store.by_entity(KIND, ENTITY).updated_utc  # has microseconds
    same_second = local[:19] + "Z"  # "Z" sorts after "." as text: looked newer before
    import_data(store, export(body="remote", updated=same_second))
    assert store.by_entity(KIND, ENTITY).body == "local"


def test_a_newer_file_updates_and_keeps_the_local_text_in_history(store):
    store.save(Draft(KIND, ENTITY, "local", (), None))
    history = [
        {"revision": 1, "body": "remote draft", "tags": [], "saved_utc": "2025-01-05T00:00:00Z"}
    ]
    newer = export(body="remote final", updated="2099-01-01T00:00:00Z", revisions=history)
    with pytest.raises(NoteImportError, match="in the future"):
        import_data(store, newer)
    from briefer.domain.note_rules import utc_now

    newer["notes"][0]["updated_utc"] = utc_now()
    report = import_data(store, newer)
    note = store.by_entity(KIND, ENTITY)
    assert report.updated == 1 and note.body == "remote final"
    assert {"local", "remote draft", "remote final"} <= {r.body for r in store.revisions(note.id)}


BAD = [
    ({"updated_utc": "zzz"}, "updated_utc: 'zzz' is not an ISO 8601 timestamp"),
    ({"updated_utc": "2025-01-01T00:00:00"}, "not in UTC"),
    ({"updated_utc": "2025-01-01T00:00:00+02:00"}, "not in UTC"),
    ({"created_utc": "9999-01-01T00:00:00Z"}, "in the future"),
    ({"body": "lone \ud800 surrogate"}, "not valid Unicode"),
    ({"tags": ["ok", "\udfff"]}, "not valid Unicode"),
    ({"revisions": [{"body": "x", "saved_utc": "soon"}]}, "revision 1, saved_utc"),
    ({"revisions": "x"}, "revisions must be a list"),
]


@pytest.mark.parametrize(("change", "message"), BAD)
def test_malformed_notes_change_nothing(store, change, message):
    store.save(Draft(KIND, ENTITY, "before", (), None))
    before = export_data(store)["notes"]
    data = export()
    data["notes"][0].update(change)
    with pytest.raises(NoteImportError, match=message):
        import_data(store, data)
    assert export_data(store)["notes"] == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "not a Briefer notes export"),
        ({"format": "briefer-notes", "version": True, "notes": []}, "version True"),
        ({"format": "briefer-notes", "version": 9, "notes": []}, "version 9"),
        ({"format": "briefer-notes", "version": 1, "notes": {}}, "no list of notes"),
        ({"format": "briefer-notes", "version": 1, "notes": [{"id": "x"}]}, "note 1 lacks"),
    ],
)
def test_malformed_files_change_nothing(store, data, message):
    with pytest.raises(NoteImportError, match=message):
        import_data(store, data)
    assert store.all() == []


def test_a_bad_note_late_in_a_file_changes_nothing(store):
    data = export()
    bad = copy.deepcopy(data["notes"][0]) | {"entity_id": "other", "updated_utc": "zzz"}
    data["notes"].append(bad)
    with pytest.raises(NoteImportError, match="note 2"):
        import_data(store, data)
    assert store.all() == []


@pytest.mark.parametrize("local_time", ["2099-01-01T00:00:00Z", "not a time"])
def test_a_local_time_ahead_or_unreadable_keeps_the_local_text(store, local_time):
    store.save(Draft(KIND, ENTITY, "local", (), None))
    store._conn.execute("UPDATE notes SET updated_utc = ?", (local_time,))
    report = import_data(store, export(body="imported", updated="2020-01-01T00:00:00Z"))
    assert report.kept_newer == 1 and store.by_entity(KIND, ENTITY).body == "local"


def test_imported_times_are_stored_in_one_form(store):
    import_data(store, export(updated="2024-01-01T00:00:00+00:00"))
    note = store.by_entity(KIND, ENTITY)
    assert note.updated_utc == "2024-01-01T00:00:00.000000Z"
    assert note.created_utc == "2025-01-01T00:00:00.000000Z"


def test_an_over_long_revision_is_refused(store):
    history = [{"body": "x" * (1024 * 1024 + 1), "saved_utc": "2025-01-01T00:00:00Z"}]
    with pytest.raises(NoteImportError, match="revision 1: the note is"):
        import_data(store, export(revisions=history))


def test_saved_briefings_travel_with_notes_and_are_merged_by_id(tmp_path):
    from briefer.store.saved_briefings import SavedBriefingStore
    from tests.store.test_saved_briefings import saved

    user = UserStore(tmp_path / "here.db")
    notes, briefings = NoteStore(user.connection), SavedBriefingStore(user.connection)
    assert export_data(notes, None, briefings)["version"] == 1  # nothing new to carry
    first, second = briefings.add(saved("First")), briefings.add(saved("Second"))
    data = json.loads(json.dumps(export_data(notes, None, briefings)))
    assert data["version"] == 3 and len(data["briefings"]) == 2
    other = UserStore(tmp_path / "there.db")
    there = SavedBriefingStore(other.connection)
    there.add(first)
    report = import_data(NoteStore(other.connection), data)
    assert (report.briefings_added, report.briefings_already_here) == (1, 1)
    assert "saved briefings: 1 added, 1 already here" in report.sentence
    assert {b.id for b in there.all()} == {first.id, second.id}
    assert there.get(second.id) == second


def test_a_bad_briefing_in_an_export_changes_nothing(tmp_path):
    from briefer.store.saved_briefings import SavedBriefingStore
    from tests.store.test_saved_briefings import saved

    source = UserStore(tmp_path / "here.db")
    SavedBriefingStore(source.connection).add(saved())
    data = json.loads(
        json.dumps(
            export_data(NoteStore(source.connection), None, SavedBriefingStore(source.connection))
        )
    )
    data["notes"] = export()["notes"]
    data["briefings"].append(dict(data["briefings"][0], id="not-an-id"))
    target = UserStore(tmp_path / "there.db")
    with pytest.raises(NoteImportError, match="briefing 2, id: must be 32 hexadecimal"):
        import_data(NoteStore(target.connection), data)
    assert NoteStore(target.connection).all() == []
    assert SavedBriefingStore(target.connection).all() == []
    data["briefings"][1] = data["briefings"][0]
    with pytest.raises(NoteImportError, match="the same briefing twice"):
        import_data(NoteStore(target.connection), data)
