"""The timeline's UTC date axis: calendar ticks spaced for the room, labels in UTC."""

from datetime import UTC, datetime

import pytest

from briefer.ui.panels.timeline.date_axis import UtcDateAxis, step_for, ticks

DAY = 86400


def at(*parts):
    return datetime(*parts, tzinfo=UTC).timestamp()


@pytest.mark.parametrize(
    ("span_days", "width", "expected"),
    [
        (365 * 34, 800, ("year", 2)),
        (365 * 34, 300, ("year", 5)),
        (180, 800, ("month", 1)),
        (25, 800, ("day", 7)),
        (5, 800, ("day", 1)),
    ],
)
def test_the_step_leaves_room_for_each_label(span_days, width, expected):
    assert step_for(span_days * DAY, width) == expected


def test_ticks_fall_on_calendar_boundaries_in_utc():
    years = list(ticks(at(1993, 5, 11), at(2027, 12, 4), "year", 5))
    assert [datetime.fromtimestamp(v, UTC).year for v in years] == [
        1995,
        2000,
        2005,
        2010,
        2015,
        2020,
        2025,
    ]
    quarters = list(ticks(at(2023, 9, 1), at(2024, 3, 1), "month", 3))
    assert [datetime.fromtimestamp(v, UTC).month for v in quarters] == [10, 1]
    weeks = list(ticks(at(2023, 11, 10), at(2023, 12, 5), "day", 7))
    assert {datetime.fromtimestamp(v, UTC).weekday() for v in weeks} == {0}  # Mondays
    assert all(at(2023, 11, 10) <= v <= at(2023, 12, 5) for v in weeks)


def test_labels_follow_the_step(qapp):
    axis = UtcDateAxis("bottom")
    [(spacing, values)] = axis.tickValues(at(2023, 9, 1), at(2024, 3, 1), 800)
    assert axis.tickStrings(values, 1.0, spacing)[:2] == ["Sep 2023", "Oct 2023"]
    [(spacing, values)] = axis.tickValues(at(2023, 11, 10), at(2023, 12, 5), 800)
    assert axis.tickStrings(values, 1.0, spacing)[0] == "13 Nov"
    assert axis.tickValues(5.0, 5.0, 800) == []
    assert axis.tickValues(-1e14, 1e14, 800) == []  # far outside the calendar: no ticks
