"""The date line and the footer never show two different days without naming each one's zone."""

import re
from datetime import datetime, timedelta, timezone

import pytest

from briefer.briefing.render import render
from briefer.domain.briefing_recipe import BriefingRequest
from tests.briefing.conftest import make_composer, pages

ZONES = [(-10, "HST"), (-5, "EST"), (0, "UTC"), (3, "MSK"), (9, "KST"), (14, "+14")]
DAY = r"(\d{4}-\d{2}-\d{2})"


@pytest.mark.parametrize(("offset", "name"), ZONES)
def test_date_line_and_footer_agree_or_name_their_zones(fixture_db, offset, name):
    zone = timezone(timedelta(hours=offset), name)
    for hour in (1, 7, 13, 19):
        clock = datetime(2025, 1, 3, hour, 30, tzinfo=zone)
        text = pages(
            render(make_composer(fixture_db, clock=lambda c=clock: c).compose(BriefingRequest()))
        )[0]
        line = re.search(DAY + r"( \([^)]+\))? · events checked through", text)
        footer = re.search(r"Generated " + DAY + r" \d{2}:\d{2} UTC", text)
        assert line and footer, text
        assert line.group(1) == "2025-01-03"  # the local day where the briefing was made
        if line.group(1) != footer.group(1):
            assert line.group(2) in (f" ({name})", f" (UTC{offset:+03d}:00)")
        else:
            assert line.group(2) is None


def test_the_page_states_how_far_events_were_checked(fixture_db):
    text = pages(render(make_composer(fixture_db).compose(BriefingRequest())))[0]
    assert "events checked through 2024-06-30" in text
    assert re.search(r"dataset test\.1 \(events checked through 2024-06-30\)", text)


def test_a_long_dataset_version_never_cuts_the_generated_time(fixture_db):
    from dataclasses import replace

    briefing = make_composer(fixture_db).compose(BriefingRequest())
    text = pages(render(replace(briefing, dataset_version="v" * 40)))[0]
    assert re.search(r"Generated " + DAY + r" \d{2}:\d{2} UTC", text)
