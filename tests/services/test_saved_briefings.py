"""Saving an exported briefing and making it again: on the same dataset nothing has changed;
on a newer one, the outcome, dates, figures and provision status that moved are named."""

from dataclasses import replace

import pytest

from briefer.briefing.plain_text import as_plain_text
from briefer.domain.briefing import Cited
from briefer.domain.briefing_recipe import BriefingEdits, BriefingRecipe, BriefingRequest
from briefer.services.briefing import BriefingError
from briefer.services.briefing_edits import apply_edits
from briefer.services.context import ReferenceServices
from briefer.services.saved_briefings import SavedBriefingsService
from briefer.store.reference import ReferenceStore
from briefer.store.saved_briefings import SavedBriefingError
from briefer.store.user_db import UserStore
from tests.fixture_data import build_variant

REQUEST = BriefingRequest(
    template="launch",
    launch_id="l-2016",
    provision_ids=("res2087-op2", "res2087-op6"),
    notes=(Cited("Unha-3: watch the second stage"),),
)


def composer_on(path):
    return ReferenceServices(ReferenceStore(path)).briefing


@pytest.fixture
def user(tmp_path):
    store = UserStore(tmp_path / "user.db")
    yield store
    store.close()


def exported(service, composer, edits=None):
    edits = edits or BriefingEdits()
    recipe = BriefingRecipe(REQUEST, edits)
    briefing = apply_edits(composer.compose(REQUEST), edits)
    return service.save(recipe, briefing, "/tmp/brief.pdf")


def test_a_saved_briefing_made_again_on_its_dataset_has_no_changes(user, fixture_db):
    composer = composer_on(fixture_db)
    service = SavedBriefingsService(user, composer, clock=lambda: "2026-11-20T09:00:00.000000Z")
    edits = BriefingEdits(title="Launch of 7 February", bluf="My own bottom line.")
    saved = exported(service, composer, edits)
    assert service.all() == [saved] and saved.dataset_version == "test.1"
    assert saved.title == "Launch of 7 February" and saved.exported_to == "/tmp/brief.pdf"
    again = service.reissue(saved)
    assert again.changes == ()
    assert "none of its facts changed" in again.summary
    assert (again.briefing.title, again.briefing.bluf) == (edits.title, edits.bluf)
    assert "Unha-3: watch the second stage" in as_plain_text(again.briefing)


def changed(rows):
    rows["dataset.csv"][0]["value"] = "test.2"
    launch = next(r for r in rows["launch_attempts.csv"] if r["id"] == "l-2016")
    launch["outcome"] = "partial"
    provision = next(r for r in rows["provisions.csv"] if r["id"] == "res2087-op2")
    provision.update(status="superseded", status_since="2017-01-01")
    later = dict(launch, id="l-2017", date_utc="2017-03-01", date_local="2017-03-01")
    later.update(norad_id="", cospar_id="")
    rows["launch_attempts.csv"].append(later)


def test_a_briefing_made_again_on_a_newer_dataset_names_what_changed(user, fixture_db, tmp_path):
    saved = exported(SavedBriefingsService(user, composer_on(fixture_db)), composer_on(fixture_db))
    newer = SavedBriefingsService(user, composer_on(build_variant(tmp_path, "newer", changed)))
    again = newer.reissue(newer.get(saved.id))
    said = [change.sentence for change in again.changes]
    assert any(
        "launch (2016-02-07): 2016-02-07, success → 2016-02-07, partial" in s for s in said
    ), said
    assert any("S/RES/2087 (2013) OP2: In force → Superseded" in s for s in said), said
    assert any("new since (2017-03-01, partial)" in s for s in said), said
    assert "facts changed since (dataset test.2 in use)" in again.summary
    assert again.briefing.dataset_version == "test.2"


def test_a_judgment_kept_from_an_older_draft_keeps_its_sources(user, fixture_db, tmp_path):
    composer = composer_on(fixture_db)
    draft = composer.compose(REQUEST)
    first = draft.judgments[0]
    edits = BriefingEdits(judgments=f"{first.text} [high]", saved_judgments=(first,))
    saved = exported(SavedBriefingsService(user, composer), composer, edits)

    def reworded(rows):
        next(r for r in rows["launch_attempts.csv"] if r["id"] == "l-2016")["summary"] = "New."

    newer = SavedBriefingsService(user, composer_on(build_variant(tmp_path, "v", reworded)))
    judgment = newer.reissue(saved).briefing.judgments[0]
    assert (judgment.text, judgment.sources, judgment.confidence) == (
        first.text,
        first.sources,
        "high",
    )


def test_ids_are_found_by_their_start_and_unknown_ones_are_named(user, fixture_db):
    composer = composer_on(fixture_db)
    service = SavedBriefingsService(user, composer)
    saved = exported(service, composer)
    assert service.get(saved.id[:6]) == saved
    with pytest.raises(BriefingError, match="no saved briefing has the id 'zzz'"):
        service.get("zzz")


def test_duplicate_and_delete(user, fixture_db):
    composer = composer_on(fixture_db)
    service = SavedBriefingsService(user, composer)
    original = exported(service, composer)
    copy = service.duplicate(original.id)
    assert copy.id != original.id and copy.title == f"{original.title} (copy)"
    assert copy.recipe.edits.title == copy.title
    assert service.get(original.id) == original
    service.delete(original.id)
    assert service.all() == [copy]
    with pytest.raises(BriefingError):
        service.delete(original.id)


def test_a_read_only_user_database_lists_but_never_saves(tmp_path, fixture_db):
    writable = UserStore(tmp_path / "user.db")
    composer = composer_on(fixture_db)
    saved = exported(SavedBriefingsService(writable, composer), composer)
    writable.close()
    snapshot = UserStore.snapshot(tmp_path / "user.db", "the disk is full")
    service = SavedBriefingsService(snapshot, composer)
    assert service.all() == [saved]
    for attempt in (
        lambda: exported(service, composer),
        lambda: service.duplicate(saved.id),
        lambda: service.delete(saved.id),
    ):
        with pytest.raises(SavedBriefingError, match="cannot be saved: the disk is full"):
            attempt()
    assert service.all() == [saved]


def test_a_briefing_whose_launch_left_the_dataset_says_so(user, fixture_db, tmp_path):
    composer = composer_on(fixture_db)
    saved = exported(SavedBriefingsService(user, composer), composer)

    def without(rows):
        for name in (
            "launch_attempts.csv",
            "launch_links.csv",
            "scenario_links.csv",
            "map_features.csv",
        ):
            keys = ("id", "launch_id", "target_id")
            rows[name] = [r for r in rows[name] if "l-2016" not in (r.get(k) for k in keys)]

    newer = SavedBriefingsService(user, composer_on(build_variant(tmp_path, "w", without)))
    with pytest.raises(BriefingError, match="unknown launch id 'l-2016'"):
        newer.reissue(replace(saved))
