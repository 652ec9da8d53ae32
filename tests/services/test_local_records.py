"""The analyst's own records as the window uses them: typed text in, clear refusals, history,
read-only stores, and matching with the dataset after an update."""

import pytest

from briefer.domain.records import EntityRef
from briefer.services.local_records import (
    LocalRecordConflict,
    LocalRecordError,
    LocalRecordInvalid,
    LocalRecordsService,
)
from briefer.store.reference import ReferenceStore
from briefer.store.user_db import UserStore

LAUNCH = {
    "date_utc": "2012-04-13",
    "title": "Unha-3 again?",
    "source": "Yonhap flash",
    "confidence": "unverified",
    "vehicle": "Unha-3",
}
SANCTIONS = {
    "date_utc": "2013-01-23",
    "category": "sanctions",
    "title": "Council adopts a resolution",
    "source": "UN press release",
    "confidence": "confirmed",
    "actors": "UN",
}


@pytest.fixture
def local(tmp_path):
    return LocalRecordsService(UserStore(tmp_path / "user.db"))


def test_typed_text_becomes_a_record_and_its_form_values_edit_it(local):
    record = local.create("launch_attempt", LAUNCH)
    assert record.ref.kind == "launch_attempt" and local.records() == [record]
    values = local.form_values(record)
    assert values["date_utc"] == "2012-04-13" and values["actors"] == "PRK"
    assert local.edit(record.id, values, record.version) == record  # unchanged: no new version
    edited = local.edit(record.id, {**values, "outcome": "failure"}, record.version)
    assert edited.version == 2 and [r.kind for r in local.history(record.id)] == ["edit", "add"]


def test_bad_input_is_refused_with_a_line_per_field_and_nothing_stored(local):
    with pytest.raises(LocalRecordInvalid) as caught:
        local.create("event", {**SANCTIONS, "title": "", "source_url": "file:///c:/x"})
    assert [p.field for p in caught.value.problems] == ["title", "source_url"]
    assert str(caught.value) == (
        "Title: give the record a title; "
        "Source URL: 'file:///c:/x' is not a web address (http:// or https://)"
    )
    with pytest.raises(LocalRecordInvalid, match="Kind: 'note' is neither"):
        local.create("note", SANCTIONS)
    assert local.all_records() == []


def test_an_edit_from_another_window_on_the_same_field_surfaces_both_texts(tmp_path):
    window_a = LocalRecordsService(UserStore(tmp_path / "user.db"))
    window_b = LocalRecordsService(UserStore(tmp_path / "user.db"))
    record = window_a.create("event", SANCTIONS)
    window_b.edit(record.id, {**window_b.form_values(record), "title": "B"}, record.version)
    with pytest.raises(LocalRecordConflict) as caught:
        window_a.edit(record.id, {**window_a.form_values(record), "title": "A"}, record.version)
    assert caught.value.mine.title == "A" and caught.value.current.content.title == "B"
    assert [r.content.title for r in window_a.history(record.id)][:2] == ["A", "B"]


def test_a_read_only_store_lists_records_but_refuses_writes_saying_why(tmp_path):
    path = tmp_path / "user.db"
    LocalRecordsService(UserStore(path)).create("event", SANCTIONS)
    snapshot = LocalRecordsService(UserStore.snapshot(path, "the disk is full"))
    assert [r.content.title for r in snapshot.records()] == [SANCTIONS["title"]]
    with pytest.raises(LocalRecordError, match="your records are read-only: the disk is full"):
        snapshot.create("event", SANCTIONS)
    with pytest.raises(LocalRecordError, match="read-only"):
        snapshot.delete(snapshot.records()[0].id)


def test_delete_and_restore_from_history(local):
    record = local.create("event", SANCTIONS)
    local.delete(record.id)
    assert local.records() == [] and local.get(record.id).state == "deleted"
    assert local.record_for(record.ref).state == "deleted"
    restored = local.restore(record.id, local.history(record.id)[-1].revision)
    assert local.records() == [restored]


def test_records_match_the_dataset_by_category_and_a_date_within_a_day(local, fixture_db):
    reference = ReferenceStore(fixture_db)
    day_after = local.create("launch_attempt", LAUNCH)
    two_days = local.create("launch_attempt", {**LAUNCH, "date_utc": "2012-04-14"})
    month = local.create("launch_attempt", {**LAUNCH, "date_utc": "2016-02"})
    council = local.create("event", SANCTIONS)
    other_category = local.create("event", {**SANCTIONS, "category": "diplomacy"})
    found = {match.record.id: match.candidates for match in local.matches(reference)}
    assert set(found) == {day_after.id, month.id, council.id}
    assert found[day_after.id][0].ref == EntityRef("launch_attempt", "l-2012")
    assert found[day_after.id][0].days_apart == 1
    assert [c.ref.id for c in found[month.id]] == ["l-2016"]
    assert found[council.id][0].ref == EntityRef("resolution", "2087")
    assert two_days.id not in found and other_category.id not in found
    assert local.candidates(two_days, reference) == ()


def test_retired_and_deleted_records_are_not_offered_again(local, fixture_db):
    reference = ReferenceStore(fixture_db)
    retired = local.create("launch_attempt", LAUNCH)
    deleted = local.create("event", SANCTIONS)
    local.retire(retired.id, EntityRef("launch_attempt", "l-2012"))
    local.delete(deleted.id)
    assert local.matches(reference) == []
    assert local.get(retired.id).retired_for == EntityRef("launch_attempt", "l-2012")


def test_a_record_is_retired_only_for_a_record_of_the_dataset_in_use(tmp_path, fixture_db):
    local = LocalRecordsService(UserStore(tmp_path / "user.db"), ReferenceStore(fixture_db))
    record = local.create("event", SANCTIONS)
    with pytest.raises(LocalRecordError, match="resolution '9999' is not in the dataset in use"):
        local.retire(record.id, EntityRef("resolution", "9999"))
    assert local.records() == [record]
    assert local.retire(record.id, EntityRef("resolution", "2087")).record.state == "retired"


def test_hostile_text_is_refused_in_one_short_line_or_stored_cleaned(local):
    paste = "\u202e" + "A" * (1024 * 1024)
    with pytest.raises(LocalRecordInvalid) as caught:
        local.create("event", {**SANCTIONS, "summary": paste, "date_utc": paste})
    message = str(caught.value)
    assert "\n" not in message and len(message) < 300
    assert message.startswith("Date: '") and "Summary: 1,048,577 characters is too long" in message
    assert local.all_records() == []
    record = local.create("event", {**SANCTIONS, "title": "\x1b[2JCouncil\u202e acts\x00"})
    assert record.content.title == "[2JCouncil acts"
    assert local.get(record.id).content.title == "[2JCouncil acts"
