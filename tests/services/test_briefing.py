import pytest

from briefer.domain.briefing_recipe import BriefingRequest
from briefer.services.briefing import BriefingComposer, BriefingError
from briefer.services.comparison import ComparisonService
from briefer.services.launches import LaunchService
from briefer.services.sanctions import SanctionsService
from briefer.store.reference import ReferenceStore


@pytest.fixture
def composer(fixture_db):
    store = ReferenceStore(fixture_db)
    launches = LaunchService(store)
    return BriefingComposer(
        store, launches, ComparisonService(store, launches), SanctionsService(store)
    )


def test_overview_draft_is_factual_and_sourced(composer):
    briefing = composer.compose(BriefingRequest(author="A"))
    assert briefing.bluf.startswith(
        "The DPRK has made 3 satellite launch attempts since 1998; 1 reached orbit."
    )
    first = briefing.judgments[0]
    assert first.text == "1 of 3 attempts reached orbit; DPRK media claimed success 2 times."
    assert first.sources and all(s in briefing.sources for s in first.sources)
    assert [m.date_utc for m in briefing.timeline][:3] == ["1998-08-31", "2012-04-12", "2016-02-07"]
    assert briefing.comparison.headers == ("", "Rocket A", "Raketa")
    assert briefing.dataset_version == "test.1" and briefing.as_of == "2025-01-31"


def test_launch_brief_lists_claims_and_the_provisions_it_bears_on(composer):
    briefing = composer.compose(BriefingRequest(template="launch", launch_id="l-1998"))
    assert (
        "independent assessment: failure" in briefing.bluf
        and "DPRK media claimed success" in briefing.bluf
    )
    claimants = [j.text.split(" (")[0] for j in briefing.judgments[1:]]
    assert claimants == ["KCNA", "US Space Command"]
    later = composer.compose(BriefingRequest(template="launch", launch_id="l-2016"))
    assert [p.text.split(" (in force)")[0] for p in later.provisions] == ["S/RES/2087 (2013) OP2"]


def test_sanctions_brief_counts_what_is_in_force(composer):
    briefing = composer.compose(
        BriefingRequest(template="sanctions", provision_ids=("res2087-op2", "res2087-op6"))
    )
    assert briefing.bluf.startswith("1 of the 2 provisions this briefing draws on are in force.")
    assert "lapsed since 2024-04-30" in briefing.provisions[1].text


def test_comparison_brief_uses_the_chosen_subjects(composer):
    briefing = composer.compose(
        BriefingRequest(template="comparison", subject_ids=("rocket-r", "rocket-a"))
    )
    assert briefing.comparison.headers == ("", "Raketa", "Rocket A")
    # no payload figure for either: the comparison starts with what is known
    assert briefing.judgments[0].text == (
        "Success rate: Rocket A 33.3 % (1 of 3); no public figure for Raketa."
    )


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (BriefingRequest(template="launch", launch_id="nope"), "unknown launch id 'nope'"),
        (
            BriefingRequest(template="comparison", subject_ids=("ghost",)),
            "unknown subject id 'ghost'",
        ),
        (
            BriefingRequest(template="comparison", subject_ids=("rocket-a", "sat-1")),
            "compare launch vehicles with",
        ),
        (BriefingRequest(provision_ids=("res1-op1",)), "unknown provision id 'res1-op1'"),
        (BriefingRequest(template="memo"), "unknown template 'memo'"),
    ],
)
def test_bad_requests_say_what_is_wrong(composer, request_, message):
    with pytest.raises(BriefingError, match=message):
        composer.compose(request_)


def test_provision_choices_list_launch_relevant_provisions_first(composer):
    assert [provision_id for provision_id, _ in composer.provision_choices()] == [
        "res2087-op2",
        "res2087-op6",
    ]


def fixed(year, month, day, hour, minute, hours_from_utc, name):
    from datetime import datetime, timedelta, timezone

    zone = timezone(timedelta(hours=hours_from_utc), name)
    return lambda: datetime(year, month, day, hour, minute, tzinfo=zone)


def composer_at(fixture_db, clock):
    store = ReferenceStore(fixture_db)
    launches = LaunchService(store)
    return BriefingComposer(
        store, launches, ComparisonService(store, launches), SanctionsService(store), clock=clock
    )


@pytest.mark.parametrize(
    ("clock", "date", "zone", "generated"),
    [
        (fixed(2025, 1, 2, 23, 30, -5, "EST"), "2025-01-02", "EST", "2025-01-03 04:30 UTC"),
        (fixed(2025, 1, 3, 8, 0, 9, "KST"), "2025-01-03", "KST", "2025-01-02 23:00 UTC"),
        (fixed(2025, 1, 3, 12, 0, 9, "KST"), "2025-01-03", "", "2025-01-03 03:00 UTC"),
        (fixed(2025, 1, 3, 1, 0, 5, "+05"), "2025-01-03", "UTC+05:00", "2025-01-02 20:00 UTC"),
    ],
)
def test_today_is_the_clocks_local_day_and_its_zone_is_named_when_utc_differs(
    fixture_db, clock, date, zone, generated
):
    briefing = composer_at(fixture_db, clock).compose(BriefingRequest())
    assert (briefing.date, briefing.date_zone, briefing.generated_utc) == (date, zone, generated)


def test_a_chosen_date_is_kept_and_its_zone_named_unless_it_is_the_utc_day(fixture_db):
    composer = composer_at(fixture_db, fixed(2025, 1, 3, 8, 0, 9, "KST"))
    chosen = composer.compose(BriefingRequest(date="2025-01-05"))
    assert (chosen.date, chosen.date_zone) == ("2025-01-05", "KST")
    utc_day = composer.compose(BriefingRequest(date="2025-01-02"))
    assert (utc_day.date, utc_day.date_zone) == ("2025-01-02", "")


def test_a_briefing_using_an_analysts_own_event_says_so_in_its_footer(fixture_db, tmp_path):
    import io

    from pypdf import PdfReader

    from briefer.briefing.render import render
    from briefer.services.local_records import LocalRecordsService
    from briefer.store.user_db import UserStore

    local = LocalRecordsService(UserStore(tmp_path / "user.db"))
    local.create(
        "event",
        {"date_utc": "2024-06-19", "category": "diplomacy", "title": "Treaty signed in Pyongyang",
         "source": "KCNA", "confidence": "likely"},
    )  # fmt: skip
    local.create(  # known only to the month: not drawn, as the dataset's are not
        "event",
        {"date_utc": "2024-07", "category": "diplomacy", "title": "Follow-up talks",
         "source": "TASS", "confidence": "unverified"},
    )  # fmt: skip
    store = ReferenceStore(fixture_db)
    launches = LaunchService(store)
    composer = BriefingComposer(
        store, launches, ComparisonService(store, launches), SanctionsService(store), local=local
    )
    briefing = composer.compose(BriefingRequest())
    mine = [mark for mark in briefing.timeline if mark.local]
    assert [(m.date_utc, m.label) for m in mine] == [("2024-06-19", "Treaty signed in Pyongyang")]
    assert briefing.analyst_items == 1
    text = PdfReader(io.BytesIO(render(briefing))).pages[0].extract_text()
    assert "includes 1 analyst-entered item ·" in " ".join(text.split())
    without = composer.compose(BriefingRequest(include_local=False))
    assert without.analyst_items == 0 and not any(m.local for m in without.timeline)
    plain = PdfReader(io.BytesIO(render(without))).pages[0].extract_text()
    assert "analyst-entered" not in plain
