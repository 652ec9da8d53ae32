"""What the analyst may type into a record of their own: one clear line per field at fault."""

from datetime import date

import pytest

from briefer.domain.local_rules import (
    MAX_SUMMARY,
    MAX_TITLE,
    clean_text,
    form_values,
    parse_content,
    problems_of,
)

TODAY = date(2025, 6, 1)
EVENT = {
    "date_utc": "2025-05-27",
    "category": "diplomacy",
    "title": "Shoigu in Pyongyang",
    "summary": "Talks on space cooperation.",
    "actors": "rus, PRK",
    "source": "Yonhap, 27 May 2025",
    "source_url": "https://en.yna.co.kr/view/1",
    "confidence": "likely",
}
LAUNCH = {
    "date_utc": "2025-05-30",
    "title": "Chollima-1 / Malligyong-1-2",
    "source": "JCS statement",
    "confidence": "unverified",
    "vehicle": "Chollima-1",
}


def parse(kind="event", today=TODAY, **changes):
    typed = {**(EVENT if kind == "event" else LAUNCH), **changes}
    return parse_content(kind, typed, today)


def messages(kind="event", **changes):
    content, problems = parse(kind, **changes)
    assert content is None
    return [str(problem) for problem in problems]


def test_a_well_typed_event_becomes_content_in_the_dataset_vocabularies():
    content, problems = parse()
    assert problems == ()
    assert (content.kind, content.date_utc, content.date_precision) == (
        "event",
        "2025-05-27",
        "day",
    )
    assert content.actors == ("RUS", "PRK") and content.category == "diplomacy"
    assert content.source_url == "https://en.yna.co.kr/view/1" and not content.is_launch


def test_a_launch_attempt_is_a_satellite_launch_with_an_outcome_and_prk_by_default():
    content, problems = parse("launch_attempt")
    assert problems == ()
    assert content.category == "satellite_launch" and content.outcome == "unknown"
    assert content.actors == ("PRK",) and content.vehicle == "Chollima-1"
    assert messages("launch_attempt", category="diplomacy") == [
        "Category: a launch attempt is always a satellite launch"
    ]


@pytest.mark.parametrize(
    ("typed", "precision", "stored"),
    [
        ("2024-05", "", ("2024-05-01", "month")),
        ("2024", "", ("2024-01-01", "year")),
        ("2024-05-27", "month", ("2024-05-01", "month")),
        ("2024-05-27", "year", ("2024-01-01", "year")),
        (" 2024-05-27 ", "DAY", ("2024-05-27", "day")),
    ],
)
def test_a_coarse_date_is_stored_as_its_first_day_keeping_its_precision(typed, precision, stored):
    content, problems = parse(date_utc=typed, date_precision=precision)
    assert problems == () and (content.date_utc, content.date_precision) == stored
    assert parse_content("event", form_values(content), TODAY)[0] == content  # round trip


@pytest.mark.parametrize(
    ("typed", "precision", "message"),
    [
        ("", "", "Date: give the UTC date"),
        ("2025-02-30", "", "Date: '2025-02-30' is not a real date"),
        ("27/05/2025", "", "Date: '27/05/2025' is not a real date"),
        ("2024-05", "day", "Date precision: '2024-05' gives no day: add it or choose month"),
        ("2024-05-27", "week", "Date precision: 'week' is not one of day, month or year"),
        ("1850-01-01", "", "Date: 1850-01-01 is outside 1900 to 2026-06-02"),
        ("2925-05-27", "", "Date: 2925-05-27 is outside 1900"),
    ],
)
def test_a_date_that_is_not_real_says_what_to_write(typed, precision, message):
    assert messages(date_utc=typed, date_precision=precision)[0].startswith(message)


def test_every_problem_is_one_line_naming_its_field():
    found = messages(
        title="  ",
        category="weather",
        confidence="sure",
        actors="Russia",
        source="",
        source_url="javascript:alert(1)",
        vehicle="Unha",
    )
    assert found[0].startswith("Category: 'weather' is not a category; choose one of ")
    assert found[1:] == [
        "Title: give the record a title",
        "Actors: 'RUSSIA' is not a country code; use ISO 3166 alpha-3 codes (PRK, RUS) or UN",
        "Source: say where this comes from (publisher, date), so it can be defended",
        "Source URL: 'javascript:alert(1)' is not a web address (http:// or https://)",
        "Confidence: 'sure' is not one; choose confirmed, likely or unverified",
        "Vehicle: only a launch attempt has one; leave it empty for an event",
    ]
    assert (
        "diplomacy" in found[0] and "satellite_launch" not in found[0] and "period" not in found[0]
    )
    assert all("\n" not in line for line in found)


def test_a_satellite_launch_is_entered_as_a_launch_attempt_not_an_event():
    assert messages(category="satellite_launch") == [
        "Category: record a satellite launch as a launch attempt, not an event"
    ]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "JAVASCRIPT:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.org/x",
        "www.example.org/no-scheme",
        "https://",
        "https://exa mple.org",
        "https://example.org/\nSet-Cookie: x",
        "https://[::1",
    ],
)
def test_only_a_web_address_is_accepted_as_the_source_url(url):
    assert messages(source_url=url)[0].startswith("Source URL: ")


@pytest.mark.parametrize("url", ["http://example.org", "HTTPS://Example.org/a?b=c#d"])
def test_http_and_https_addresses_are_kept_as_typed(url):
    assert parse(source_url=url)[0].source_url == url


def test_hostile_text_is_cleaned_of_what_is_invisible_and_nothing_visible():
    content, problems = parse(
        title="Launch\u202e gnp.exe\x00 at\tSohae\n",
        summary="Line one\r\nLine two\x1b[31m\u2028Line three",
        source="KCNA \u202bقناة\u202c",
    )
    assert problems == ()
    assert content.title == "Launch gnp.exe at Sohae"  # overrides, NUL, tab, newline gone
    assert content.summary == "Line one\nLine two[31m\nLine three"
    assert content.source == "KCNA \u202bقناة\u202c"  # a paragraph keeps its embedding


def test_a_huge_paste_is_refused_with_its_size_and_quoted_only_briefly():
    found = messages(title="x" * 1_000_000, summary="y" * (MAX_SUMMARY + 1))
    assert found == [
        f"Title: 1,000,000 characters is too long (at most {MAX_TITLE})",
        f"Summary: {MAX_SUMMARY + 1:,} characters is too long (at most {MAX_SUMMARY:,})",
    ]
    quoted = messages(date_utc="9" * 1_000_000)[0]
    assert len(quoted) < 200


def test_text_that_is_not_valid_unicode_is_refused_not_stored():
    assert messages(title="bad \ud800 half") == [
        "Title: holds characters that are not valid Unicode; type it again"
    ]


def test_a_field_the_form_does_not_have_is_refused_rather_than_dropped():
    assert messages(sumary="a typo'd field") == ["sumary: is not a field the form fills"]


def test_content_from_elsewhere_is_checked_as_the_form_would():
    content, _ = parse()
    assert problems_of(content, TODAY) == ()
    from dataclasses import replace

    sneaky = replace(content, title="two\nlines", confidence="certain")
    assert [str(p) for p in problems_of(sneaky, TODAY)] == [
        "Confidence: 'certain' is not one; choose confirmed, likely or unverified"
    ]
    assert [p.field for p in problems_of(replace(content, title="two\nlines"), TODAY)] == ["title"]


def test_clean_text_keeps_line_breaks_only_where_they_belong():
    assert clean_text("a\r\nb\rc", multiline=True) == "a\nb\nc"
    assert clean_text("  a \n  b  ") == "a b"
