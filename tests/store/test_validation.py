from pathlib import Path

import pytest

from briefer.store.source_files import read_source_set
from briefer.store.validation import check_source_set
from tests.fixture_data import ROWS, with_changes, write_dataset


def problems_for(tmp_path: Path, rows) -> list[str]:
    return [str(p) for p in check_source_set(read_source_set(write_dataset(tmp_path / "d", rows)))]


def test_fixture_is_clean(tmp_path):
    assert problems_for(tmp_path, ROWS) == []


@pytest.mark.parametrize(
    ("file", "index", "changes", "expected"),
    [
        (
            "launch_attempts.csv",
            0,
            {"sources": "src-a;nope"},
            "launch_attempts.csv:2: unknown source id 'nope'",
        ),
        ("launch_attempts.csv", 1, {"sources": ""}, "launch_attempts.csv:3: row has no source"),
        (
            "launch_attempts.csv",
            0,
            {"vehicle_id": "ghost"},
            "vehicle_id 'ghost' is not a known subject",
        ),
        (
            "launch_attempts.csv",
            0,
            {"payload_id": "rocket-r"},
            "payload_id 'rocket-r' is a launch_vehicle",
        ),
        ("launch_attempts.csv", 0, {"site_id": "east"}, "site_id 'east' is not a known site"),
        ("sources.csv", 0, {"kind": "blog"}, "sources.csv:2: kind 'blog'"),
        ("provisions.csv", 0, {"topics": "financial;gossip"}, "topic 'gossip' is not one of"),
        ("events.csv", 0, {"vehicle_id": "sat-1", "outcome": "success"}, "not a known launch vehicle"),
        ("events.csv", 0, {"vehicle_id": "rocket-r"}, "needs both vehicle_id and outcome"),
        ("events.csv", 0, {"vehicle_id": "rocket-r", "outcome": "won"}, "outcome 'won'"),
        ("sources.csv", 1, {"kind": ""}, "sources.csv:3: 'kind' is empty"),
        (
            "resolutions.csv",
            0,
            {"triggered_by": "l-2012;ghost"},
            "resolutions.csv:2: triggered_by 'ghost' is not a launch attempt or event",
        ),
        (
            "resolutions.csv",
            0,
            {"triggered_by": "l-2016"},
            "resolutions.csv:2: triggered_by 'l-2016' is dated after the adoption",
        ),
        ("launch_attempts.csv", 0, {"outcome": "win"}, "outcome 'win' is not one of"),
        (
            "launch_attempts.csv",
            0,
            {"date_utc": "2012-02-30"},
            "date_utc '2012-02-30' is not a valid date",
        ),
        (
            "launch_attempts.csv",
            0,
            {"date_local": "2012-04-12"},
            "date_local 2012-04-12 disagrees with 2012-04-12 22:38 UTC+09:00",
        ),
        ("launch_attempts.csv", 1, {"utc_offset": "+09:00"}, "time_local 09:00 disagrees"),
        (
            "launch_attempts.csv",
            1,
            {"outcome": "failure"},
            "reached_orbit is 1 but the assessed outcome is failure",
        ),
        ("launch_attempts.csv", 0, {"confidence": "sure"}, "confidence 'sure' is not one of"),
        ("subjects.csv", 0, {"kind": "rocket"}, "kind 'rocket' is not one of"),
        ("specs.csv", 2, {"unit": "ft"}, "unit 'ft' for 'height_m' differs from 'm' on line 2"),
        ("specs.csv", 1, {"value_low": "95"}, "value_low 95.0 is above value_high 92.0"),
        ("specs.csv", 0, {"value": "thirty"}, "value 'thirty' is not a number"),
        ("events.csv", 0, {"category": "party"}, "category 'party' is not one of"),
        ("events.csv", 0, {"date_utc": "2009-06"}, "does not match date_precision 'day'"),
        (
            "events.csv",
            0,
            {"end_date_utc": "2001-01-01"},
            "end_date_utc 2001-01-01 is before date_utc",
        ),
        ("events.csv", 0, {"actors": "North Korea"}, "actor 'North Korea' is not an ISO 3166"),
        ("events.csv", 0, {"date_utc": "2030-01-01"}, "after the dataset's as_of date"),
        (
            "provisions.csv",
            0,
            {"resolution_number": "9999"},
            "resolution_number '9999' is not a known resolution",
        ),
        (
            "provisions.csv",
            1,
            {"status_since": ""},
            "a provision that is not in force needs status_since",
        ),
        ("sources.csv", 1, {"note": ""}, "source has neither a url nor a note"),
        (
            "claims.csv",
            0,
            {"subject_id": "ghost"},
            "subject_id 'ghost' is not a known launch_attempt",
        ),
        ("claims.csv", 0, {"adopted": "yes"}, "adopted 'yes' is not one of 0, 1"),
        ("claims.csv", 0, {"subject_kind": "planet"}, "subject_kind 'planet' is not one of"),
        (
            "launch_links.csv",
            0,
            {"target_id": "9999"},
            "target_id '9999' is not a known resolution",
        ),
        (
            "launch_links.csv",
            1,
            {"launch_id": "l-2012"},
            "res2087-op2 was adopted 2013-01-22, after the launch on 2012-04-12",
        ),
        (
            "launch_links.csv",
            0,
            {"launch_id": "l-2016"},
            "2087 was adopted 2013-01-22, before the launch on 2016-02-07",
        ),
        (
            "launch_links.csv",
            2,
            {"sources": ""},
            "a link to a council_statement needs its own sources",
        ),
        ("launch_links.csv", 1, {"relation": "caused"}, "relation 'caused' is not one of"),
        ("organisations.csv", 0, {"kind": "club"}, "kind 'club' is not one of"),
    ],
)
def test_each_rule_reports_file_line_and_reason(tmp_path, file, index, changes, expected):
    problems = problems_for(tmp_path, with_changes(file, index, **changes))
    assert any(expected in p for p in problems), problems
    assert all(p.split(":")[0].endswith(".csv") for p in problems)


def test_duplicate_ids_are_reported_with_first_line(tmp_path):
    rows = with_changes("launch_attempts.csv", 1, id="l-2012")
    problems = problems_for(tmp_path, rows)
    assert any("duplicate id ('l-2012',) (first on line 2)" in p for p in problems)


def test_missing_column_is_reported(tmp_path):
    folder = write_dataset(tmp_path / "d")
    (folder / "sites.csv").write_text("id,name\nx,X\n", encoding="utf-8")
    problems = [str(p) for p in check_source_set(read_source_set(folder))]
    assert "sites.csv: missing column 'country'" in problems


@pytest.mark.parametrize(
    ("coverage", "expected"),
    [
        ("2024-07-01", None),  # 30 days after the newest cited source (2024-06)
        ("2024-08-01", "more than 30 days after the newest cited source (2024-06-01)"),
        ("not a date", "not a date"),
    ],
)
def test_coverage_through_may_not_outrun_the_sources(tmp_path, coverage, expected):
    rows = with_changes("dataset.csv", 2, value=coverage)
    found = [p for p in problems_for(tmp_path, rows) if p.startswith("dataset.csv")]
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1 and expected in found[0]


def test_coverage_through_is_required(tmp_path):
    rows = {name: [dict(r) for r in records] for name, records in ROWS.items()}
    rows["dataset.csv"] = [r for r in rows["dataset.csv"] if r["key"] != "coverage_through"]
    assert "dataset.csv: missing key 'coverage_through'" in problems_for(tmp_path, rows)


def test_a_confirmed_row_may_not_rest_only_on_a_mirror(tmp_path):
    rows = with_changes("sources.csv", 0, kind="mirror")
    found = problems_for(tmp_path, rows)
    weak = [p for p in found if "rests only on encyclopaedias or mirrors" in p]
    assert weak and all(not p.startswith("sources.csv") for p in weak)
    assert problems_for(tmp_path, with_changes("sources.csv", 0, kind="news")) == []


def _sources_of(kinds: list[str]) -> dict[str, list[dict[str, str]]]:
    """The fixture with extra sources of ``kinds`` (uncited, so only the mix changes)."""
    rows = {name: [dict(r) for r in records] for name, records in ROWS.items()}
    template = rows["sources.csv"][0]
    for number, kind in enumerate(kinds):
        extra = dict(template, id=f"extra-{number}", url=f"https://example.org/{number}")
        rows["sources.csv"].append(dict(extra, kind=kind))
    return rows


def test_more_than_ten_mirrors_fail_the_check(tmp_path):
    official = ["official"] * 10
    assert problems_for(tmp_path, _sources_of(["mirror"] * 10 + official)) == []
    found = problems_for(tmp_path, _sources_of(["mirror"] * 11 + official))
    assert found == ["sources.csv: 11 sources are mirrors (at most 10): cite originals"]


def test_fewer_than_a_quarter_official_sources_fail_the_check(tmp_path):
    assert problems_for(tmp_path, _sources_of(["news"] * 5)) == []  # 2 of 8 official
    found = problems_for(tmp_path, _sources_of(["news"] * 6))
    assert found == ["sources.csv: only 2 of 9 sources are official (at least a quarter)"]


def test_two_sources_with_one_url_fail_the_check(tmp_path):
    rows = with_changes("sources.csv", 1, url="https://undocs.org/S/RES/2087(2013)")
    found = [p for p in problems_for(tmp_path, rows) if "same url" in p]
    assert len(found) == 1 and "cite that one" in found[0]
