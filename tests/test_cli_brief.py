"""``briefer brief`` as PNG, and made again from a briefing saved in the window."""

import io

import pytest
from PIL import Image

from briefer import paths
from briefer.domain.briefing_recipe import BriefingEdits, BriefingRecipe, BriefingRequest
from briefer.services.briefing_edits import apply_edits
from briefer.services.context import ReferenceServices
from briefer.services.saved_briefings import SavedBriefingsService
from briefer.store.reference import ReferenceStore
from briefer.store.user_db import UserStore
from tests.fixture_data import build_variant
from tests.services.test_saved_briefings import changed
from tests.test_cli import briefer


@pytest.mark.subprocess
@pytest.mark.parametrize(("dpi", "width"), [("72", 612), ("150", 1275)])
def test_png_is_the_page_at_the_chosen_resolution(fixture_db, tmp_path, dpi, width):
    target = tmp_path / "page.png"
    result = briefer(
        "brief", "--db", str(fixture_db), "--format", "png", "--dpi", dpi, "-o", str(target)
    )
    assert result.returncode == 0, result.stderr
    image = Image.open(io.BytesIO(target.read_bytes()))
    assert image.format == "PNG" and image.width == width
    assert abs(image.height - width * 11 / 8.5) <= 1  # a Letter page
    assert round(image.info["dpi"][0]) == int(dpi)
    assert image.info["Title"].startswith("DPRK satellite launches")
    darkest, lightest = image.convert("L").getextrema()
    assert darkest < 80 and lightest == 255  # ink on white paper, not a blank page


@pytest.mark.subprocess
def test_output_is_required_unless_listing(fixture_db):
    result = briefer("brief", "--db", str(fixture_db))
    assert result.returncode == 2
    assert "brief needs -o FILE" in result.stderr


def save_one(database, edits: BriefingEdits) -> str:
    composer = ReferenceServices(ReferenceStore(database)).briefing
    user = UserStore(paths.user_db_path())
    request = BriefingRequest(template="launch", launch_id="l-2016")
    briefing = apply_edits(composer.compose(request), edits)
    saved = SavedBriefingsService(user, composer).save(
        BriefingRecipe(request, edits), briefing, "x.pdf"
    )
    user.close()
    return saved.id


@pytest.mark.subprocess
def test_a_saved_briefing_is_listed_and_made_again_naming_what_changed(fixture_db, tmp_path):
    edits = BriefingEdits(title="Weekly: Rocket A", bluf="Analyst's own bottom line.")
    briefing_id = save_one(fixture_db, edits)
    listed = briefer("brief", "--list-saved", "--db", str(fixture_db))
    assert listed.returncode == 0
    assert listed.stdout.startswith(f"{briefing_id[:12]}\t") and "Weekly: Rocket A" in listed.stdout
    same = tmp_path / "same.txt"
    result = briefer(
        "brief",
        "--from-saved",
        briefing_id[:8],
        "--format",
        "text",
        "--db",
        str(fixture_db),
        "-o",
        str(same),
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr
    text = same.read_text(encoding="utf-8")
    assert "Weekly: Rocket A" in text and "Analyst's own bottom line." in text
    newer = build_variant(tmp_path, "newer", changed)
    result = briefer(
        "brief", "--from-saved", briefing_id, "--db", str(newer), "-o", str(tmp_path / "b.pdf")
    )
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith("briefer: warning: Saved ") and "dataset test.2 in use" in lines[0]
    assert any("2016-02-07, success → 2016-02-07, partial" in line for line in lines)
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.subprocess
def test_listing_with_none_saved_says_how_they_are_made(fixture_db):
    result = briefer("brief", "--list-saved", "--db", str(fixture_db))
    assert result.returncode == 0 and "no saved briefings yet" in result.stdout


@pytest.mark.subprocess
def test_a_scenario_brief_from_the_command_line(fixture_db, tmp_path):
    target = tmp_path / "scenario.txt"
    result = briefer(
        "brief",
        "--template",
        "scenario",
        "--scenario",
        "scn-panel",
        "--format",
        "text",
        "--db",
        str(fixture_db),
        "-o",
        str(target),
    )
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert "Would working around the Panel breach UN sanctions?" in text
    bad = briefer(
        "brief",
        "--template",
        "scenario",
        "--scenario",
        "scn-x",
        "--db",
        str(fixture_db),
        "-o",
        str(tmp_path / "x.pdf"),
    )
    assert bad.returncode == 2 and "unknown scenario id 'scn-x'" in bad.stderr
