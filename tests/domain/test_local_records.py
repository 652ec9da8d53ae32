"""The analyst's own records: ids, references, merging two edits and how far apart dates are."""

from dataclasses import replace
from datetime import date

from briefer.domain.local_records import (
    LocalRecord,
    LocalRecordContent,
    days_apart,
    is_local,
    is_local_id,
    merge_contents,
    new_local_id,
)
from briefer.domain.records import EntityRef

BASE = LocalRecordContent(
    kind="event",
    date_utc="2025-05-27",
    date_precision="day",
    category="diplomacy",
    title="Talks",
    summary="First account.",
    actors=("PRK", "RUS"),
    source="Yonhap",
    source_url=None,
    confidence="unverified",
)


def test_ids_are_local_and_32_hex_digits_and_refs_carry_the_kind():
    first, second = new_local_id(), new_local_id()
    assert first != second and is_local_id(first) and len(first) == len("local-") + 32
    record = LocalRecord(first, BASE, "t", "t")
    assert record.ref == EntityRef("event", first) and is_local(record.ref)
    assert not is_local(EntityRef("event", "evt-2024-06-19-treaty"))
    assert not is_local(EntityRef("subject", first))
    assert not is_local_id("local-XYZ") and not is_local_id(f"{first}\n")


def test_edits_to_different_fields_both_survive_a_merge():
    mine = replace(BASE, title="Talks in Pyongyang")
    theirs = replace(BASE, summary="Second, fuller account.", confidence="likely")
    merged, clashes = merge_contents(BASE, mine, theirs)
    assert clashes == ()
    assert (merged.title, merged.summary, merged.confidence) == (
        "Talks in Pyongyang",
        "Second, fuller account.",
        "likely",
    )


def test_the_same_field_changed_two_ways_is_a_clash_and_mine_is_kept_there():
    merged, clashes = merge_contents(
        BASE, replace(BASE, title="Mine"), replace(BASE, title="Theirs", summary="New")
    )
    assert clashes == ("title",) and merged.title == "Mine" and merged.summary == "New"
    same, none = merge_contents(BASE, replace(BASE, title="Same"), replace(BASE, title="Same"))
    assert none == () and same.title == "Same"


def test_a_date_and_its_precision_merge_as_one():
    mine = replace(BASE, date_utc="2025-05-28")
    theirs = replace(BASE, date_utc="2025-05-01", date_precision="month")
    merged, clashes = merge_contents(BASE, mine, theirs)
    assert clashes == ("date_utc",) and (merged.date_utc, merged.date_precision) == (
        "2025-05-28",
        "day",
    )


def test_dates_are_compared_as_spans_at_their_precision():
    day = (date(2025, 5, 27), date(2025, 5, 27))
    assert days_apart(day, (date(2025, 5, 28), date(2025, 5, 28))) == 1
    assert days_apart((date(2025, 5, 29), date(2025, 5, 29)), day) == 2
    assert days_apart(day, (date(2025, 5, 1), date(2025, 5, 31))) == 0
    assert days_apart(day, (date(2025, 6, 1), date(2025, 6, 30))) == 5


def test_when_shows_only_what_is_known():
    assert BASE.when == "2025-05-27"
    assert replace(BASE, date_utc="2025-05-01", date_precision="month").when == "2025-05"
    assert replace(BASE, date_utc="2025-01-01", date_precision="year").when == "2025"
