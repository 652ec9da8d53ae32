from datetime import date

import pytest

from briefer.domain import dates


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("2023-11-21", "day"),
        ("2023-11", "month"),
        ("2023", "year"),
        ("21/11/2023", None),
        ("", None),
    ],
)
def test_precision_of(text, precision):
    assert dates.precision_of(text) == precision


def test_partial_dates_start_at_their_first_day():
    assert dates.parse_partial_date("2017-03") == date(2017, 3, 1)
    assert dates.parse_partial_date("1998") == date(1998, 1, 1)


@pytest.mark.parametrize("text", ["2023-02-30", "2023-13", "23-01-01"])
def test_impossible_dates_raise(text):
    with pytest.raises(ValueError):
        dates.parse_partial_date(text)


def test_pyongyang_time_offset_converts_2016_launch():
    local = dates.local_datetime("2016-02-07", "00:30", "+08:30")
    assert (local.date().isoformat(), f"{local:%H:%M}") == ("2016-02-07", "09:00")


def test_evening_utc_launch_is_next_local_day():
    local = dates.local_datetime("2023-05-30", "21:27", "+09:00")
    assert local.date().isoformat() == "2023-05-31"


@pytest.mark.parametrize("offset", ["+9", "09:00", "+15:00"])
def test_bad_offsets_raise(offset):
    with pytest.raises(ValueError):
        dates.parse_utc_offset(offset)


def test_local_date_plausibility_without_time():
    assert dates.local_date_is_plausible("2012-04-12", "2012-04-13")
    assert not dates.local_date_is_plausible("2012-04-12", "2012-04-15")
