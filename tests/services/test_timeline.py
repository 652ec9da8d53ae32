from datetime import date

from briefer.domain import dates
from briefer.domain.records import EntityRef
from briefer.services.timeline import DAY, TimelineFilter, TimelineService, cumulative
from briefer.store.reference import ReferenceStore


def timeline(fixture_db):
    return TimelineService(ReferenceStore(fixture_db)).timeline()


def test_every_dated_record_becomes_one_item_in_date_order(fixture_db):
    items = timeline(fixture_db).items
    assert [i.ref for i in items] == [
        EntityRef("launch_attempt", "l-1998"),
        EntityRef("event", "evt-poe"),
        EntityRef("launch_attempt", "l-2012"),
        EntityRef("resolution", "2087"),
        EntityRef("launch_attempt", "l-2016"),
    ]


def test_launch_items_carry_their_utc_time_and_outcome(fixture_db):
    launch = next(i for i in timeline(fixture_db).items if i.ref.id == "l-2012")
    assert launch.start == dates.epoch_seconds(date(2012, 4, 12)) + (22 * 60 + 38) * 60
    assert launch.outcome == "failure" and launch.end == launch.start and not launch.is_fuzzy


def test_periods_span_their_whole_last_day(fixture_db):
    period = next(i for i in timeline(fixture_db).items if i.is_period)
    assert period.start == dates.epoch_seconds(date(2009, 6, 12))
    assert period.end == dates.epoch_seconds(date(2024, 4, 30)) + DAY


def test_month_precision_is_a_span_not_a_day():
    first, last = dates.span_of("2017-03", "month")
    assert (first, last) == (date(2017, 3, 1), date(2017, 3, 31))
    assert dates.span_of("2016", "year") == (date(2016, 1, 1), date(2016, 12, 31))
    assert dates.span_of("2016-12", "month")[1] == date(2016, 12, 31)
    assert dates.utc_date(dates.epoch_seconds(date(2023, 11, 21))) == date(2023, 11, 21)


def test_filters_combine(fixture_db):
    line = timeline(fixture_db)
    assert len(line.filtered(TimelineFilter())) == 5
    launches = TimelineFilter(categories=frozenset({"satellite_launch"}))
    assert {i.ref.id for i in line.filtered(launches)} == {"l-1998", "l-2012", "l-2016"}
    failures = TimelineFilter(
        categories=frozenset({"satellite_launch"}), outcomes=frozenset({"failure"})
    )
    assert {i.ref.id for i in line.filtered(failures)} == {"l-1998", "l-2012"}
    window = TimelineFilter(start=date(2012, 4, 12), end=date(2012, 4, 12))
    assert {i.ref.id for i in line.filtered(window)} == {"evt-poe", "l-2012"}
    assert [i.ref.id for i in line.filtered(TimelineFilter(text="NOTHING was tracked"))] == [
        "l-1998"
    ]
    assert {i.ref.id for i in line.filtered(TimelineFilter(actors=frozenset({"UN"})))} == {
        "evt-poe",
        "2087",
    }
    assert line.actors() == ["PRK", "UN"]


def test_cumulative_series_counts_attempts_and_successes(fixture_db):
    series = cumulative(timeline(fixture_db).items)
    assert series.attempts == (1, 2, 3)
    assert series.successes == (0, 0, 1)
    assert list(series.times) == sorted(series.times)


def test_milestones_are_launches_and_diplomacy(fixture_db):
    milestones = timeline(fixture_db).milestones()
    assert {m.ref.id for m in milestones} == {"l-1998", "l-2012", "l-2016"}


def test_the_space_programme_has_its_own_lane_beside_the_launches():
    from briefer.domain.vocabulary import label
    from briefer.services.timeline import LANES

    assert LANES[:2] == ("satellite_launch", "space_programme")
    assert label("space_programme") == "Space programme"


def local_records(tmp_path):
    from briefer.services.local_records import LocalRecordsService
    from briefer.store.user_db import UserStore

    return LocalRecordsService(UserStore(tmp_path / "user.db"))


LOCAL_LAUNCH = {
    "date_utc": "2024-05-27",
    "title": "Chollima-1 breaks up",
    "source": "JCS",
    "confidence": "likely",
    "outcome": "failure",
}


def test_the_analysts_own_records_join_the_timeline_marked_as_theirs(fixture_db, tmp_path):
    local = local_records(tmp_path)
    launch = local.create("launch_attempt", LOCAL_LAUNCH)
    talks = local.create(
        "event",
        {"date_utc": "2024-06", "category": "diplomacy", "title": "Talks", "source": "TASS",
         "confidence": "unverified", "actors": "RUS PRK"},
    )  # fmt: skip
    local.delete(local.create("event", {**LOCAL_LAUNCH, "category": "response", "outcome": ""}).id)
    line = TimelineService(ReferenceStore(fixture_db), local).timeline()
    mine = [item for item in line.items if item.local]
    assert [item.ref for item in mine] == [launch.ref, talks.ref] and line.local_count == 2
    assert not any(item.local for item in line.items if item.ref.id.startswith("l-"))
    first, second = mine
    assert (first.category, first.outcome, first.is_fuzzy) == ("satellite_launch", "failure", False)
    assert first.start == dates.epoch_seconds(date(2024, 5, 27)) + 12 * 3600
    assert (second.category, second.outcome, second.is_fuzzy) == ("diplomacy", "none", True)
    assert second.end == dates.epoch_seconds(date(2024, 6, 30)) + DAY
    assert second.actors == ("RUS", "PRK") and "RUS" in line.actors()
    launches = TimelineFilter(categories=frozenset({"satellite_launch"}))
    assert launch.ref in {i.ref for i in line.filtered(launches)}
    assert cumulative(line.items).attempts == (1, 2, 3)  # dataset counts stay the dataset's


def test_unreadable_records_of_ones_own_leave_the_dataset_on_the_timeline(fixture_db):
    from briefer.store.errors import UserDatabaseError

    class Unreadable:
        def records(self):
            raise UserDatabaseError("your records cannot be read (disk I/O error)")

    line = TimelineService(ReferenceStore(fixture_db), Unreadable()).timeline()
    assert len(line.items) == 5 and "could not be read" in line.notice
