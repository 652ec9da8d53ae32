"""The analyst's own records travel with the notes: exported with history, imported by id,
never going back in time, a malformed file changing nothing."""

import copy
import json
from dataclasses import replace

import pytest

from briefer.store.local_records import LocalRecordStore
from briefer.store.note_exchange import NoteImportError, export_data, import_data
from briefer.store.notes import Draft, NoteStore
from briefer.store.user_db import UserStore
from tests.store.test_local_records import CONTENT, OFFICIAL


def stores(path):
    user = UserStore(path)
    return NoteStore(user.connection), LocalRecordStore(user.connection)


def exported(notes, records):
    return json.loads(json.dumps(export_data(notes, records)))


def test_records_round_trip_with_their_state_and_history_into_a_fresh_database(tmp_path):
    notes, records = stores(tmp_path / "here.db")
    edited = records.add(CONTENT)
    edited = records.edit(edited.id, replace(CONTENT, outcome="failure"), edited.version)
    deleted = records.delete(records.add(replace(CONTENT, title="Mistaken")).id)
    retired = records.retire(records.add(replace(CONTENT, title="Now official")).id, OFFICIAL)
    notes.save(Draft(edited.ref.kind, edited.ref.id, "A note on my record", (), None))
    data = exported(notes, records)
    assert data["version"] == 2 and len(data["local_records"]) == 3
    other_notes, other = stores(tmp_path / "there.db")
    report = import_data(other_notes, data)
    assert (report.records_added, report.added) == (3, 1)
    assert "your records: 3 added" in report.sentence
    assert other.get(edited.id).content == edited.content
    assert other.get(deleted.id).state == "deleted" and other.live() == [other.get(edited.id)]
    assert other.get(retired.record.id).retired_for == OFFICIAL
    history = [r.content.outcome for r in other.revisions(edited.id)]
    assert "unknown" in history and "failure" in history
    assert other_notes.by_entity(edited.ref.kind, edited.ref.id).body == "A note on my record"


def test_an_export_without_records_stays_version_1_and_version_1_is_still_read(tmp_path):
    notes, records = stores(tmp_path / "here.db")
    notes.save(Draft("event", "e1", "only a note", (), None))
    data = exported(notes, records)
    assert data["version"] == 1 and "local_records" not in data
    other_notes, _ = stores(tmp_path / "there.db")
    assert import_data(other_notes, data).added == 1


def test_an_older_record_never_replaces_a_newer_one_but_joins_its_history(tmp_path):
    notes, records = stores(tmp_path / "here.db")
    record = records.add(CONTENT)
    data = exported(notes, records)
    entry = data["local_records"][0]
    entry["content"]["title"] = "Older title from elsewhere"
    entry["updated_utc"] = "2020-01-01T00:00:00Z"
    report = import_data(notes, data)
    assert report.records_kept_newer == 1
    assert records.get(record.id).content.title == CONTENT.title
    assert "Older title from elsewhere" in [r.content.title for r in records.revisions(record.id)]
    again = import_data(notes, data)  # nothing lost, nothing doubled
    assert again.records_kept_newer == 1 and len(records.revisions(record.id)) == 2


def test_a_newer_record_replaces_the_current_one_which_stays_in_history(tmp_path):
    notes, records = stores(tmp_path / "here.db")
    record = records.add(CONTENT)
    data = exported(notes, records)
    record = records.edit(record.id, replace(CONTENT, summary="Edited here"), record.version)
    entry = data["local_records"][0]
    entry["content"]["outcome"] = "success"
    entry["updated_utc"] = "2099-01-01T00:00:00Z"
    with pytest.raises(NoteImportError, match="in the future"):
        import_data(notes, data)
    entry["updated_utc"] = _later(record.updated_utc)  # edited elsewhere after the edit here
    report = import_data(notes, data)
    assert report.records_updated == 1 and records.get(record.id).content.outcome == "success"
    assert "Edited here" in [r.content.summary for r in records.revisions(record.id)]
    assert import_data(notes, data).records_unchanged == 1


def _later(stamp):
    from datetime import datetime, timedelta

    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")) + timedelta(seconds=1)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda e: e.update(id="evt-not-mine"), "record 1: id must be 'local-'"),
        (lambda e: e["content"].update(source_url="file:///etc/passwd"), "record 1: Source URL"),
        (lambda e: e["content"].pop("title"), "record 1: content must have exactly"),
        (lambda e: e["content"].update(actors="PRK"), "record 1: actors must be a list"),
        (lambda e: e["content"].update(title=7), "record 1: every field but actors"),
        (lambda e: e.update(state="retired", retired_for=None), "names the record that replaced"),
        (
            lambda e: e.update(state="retired", retired_for={"kind": "x'><h1>", "id": "l-1"}),
            "retired_for names no kind of record",
        ),
        (lambda e: e.update(state="gone"), "state must be live, deleted or retired"),
        (lambda e: e.update(revisions={}), "revisions must be a list"),
        (lambda e: e["revisions"][0].update(saved_utc="yesterday"), "revision 1, saved_utc"),
    ],
)
def test_a_malformed_record_is_refused_and_nothing_is_imported(tmp_path, change, message):
    notes, records = stores(tmp_path / "here.db")
    records.add(CONTENT)
    notes.save(Draft("event", "e1", "a note travelling with it", (), None))
    data = exported(notes, records)
    change(data["local_records"][0])
    other_notes, other = stores(tmp_path / "there.db")
    with pytest.raises(NoteImportError, match=message):
        import_data(other_notes, copy.deepcopy(data))
    assert other.all() == [] and other_notes.all() == []


def test_two_records_with_one_id_are_refused(tmp_path):
    notes, records = stores(tmp_path / "here.db")
    records.add(CONTENT)
    data = exported(notes, records)
    data["local_records"].append(copy.deepcopy(data["local_records"][0]))
    with pytest.raises(NoteImportError, match="record 2: a second record with the same id"):
        import_data(stores(tmp_path / "there.db")[0], data)
