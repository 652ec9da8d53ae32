"""What an update changed, as the window lists it, and which dataset it is compared with."""

import json

from briefer.domain.records import EntityRef
from briefer.services.dataset_changes import whats_new
from briefer.store.dataset_choice import POINTER, datasets_dir, predecessor
from tests.fixture_data import build_variant


def _old(rows):
    rows["events.csv"].append({**rows["events.csv"][0], "id": "evt-gone"})


def _new(rows):
    rows["dataset.csv"][0]["value"] = "test.2"
    rows["resolutions.csv"][0]["vote"] = "15-0-0 (recorded anew)"
    next(r for r in rows["launch_attempts.csv"] if r["id"] == "l-2016")["outcome"] = "partial"
    rows["events.csv"].append({**rows["events.csv"][0], "id": "evt-new", "title": "New one"})
    next(r for r in rows["specs.csv"] if r["subject_id"] == "sat-1")["value"] = "999"


def test_items_say_what_was_added_changed_and_removed_and_what_each_opens(tmp_path):
    old, new = build_variant(tmp_path, "old", _old), build_variant(tmp_path, "new", _new)
    changes = whats_new(new, old)
    assert (changes.version, changes.previous) == ("test.2", "test.1")
    by_key = {(item.change, item.key): item for item in changes.items}
    launch = by_key[("changed", "l-2016")]
    assert launch.owner == EntityRef("launch_attempt", "l-2016")
    assert [(f.field, f.before, f.after) for f in launch.fields] == [
        ("outcome", "success", "partial")
    ]
    assert by_key[("added", "evt-new")].owner == EntityRef("event", "evt-new")
    assert by_key[("removed", "evt-gone")].owner is None  # nothing left to open
    [spec] = [item for item in changes.items if item.kind_label == "Specification"]
    assert spec.part and spec.owner == EntityRef("subject", "sat-1")
    assert spec.key == "sat-1/mass_kg"
    assert changes.summary == "Dataset test.2 since test.1: 1 added, 3 changed, 1 removed."


def test_only_records_that_existed_before_count_as_changed_for_notes(tmp_path):
    old, new = build_variant(tmp_path, "old", _old), build_variant(tmp_path, "new", _new)
    changes = whats_new(new, old)
    # the new event is not "changed" (no note can predate it); the edited spec changes its subject
    assert changes.changed_records() == {
        EntityRef("launch_attempt", "l-2016"),
        EntityRef("subject", "sat-1"),
        EntityRef("resolution", "2087"),
    }
    assert changes.new_on_timeline() == {
        EntityRef("launch_attempt", "l-2016"),
        EntityRef("event", "evt-new"),
        EntityRef("resolution", "2087"),  # resolutions are drawn on the timeline too
    }


def test_nothing_to_compare_with_the_bundled_dataset_alone(tmp_path):
    new = build_variant(tmp_path, "new", _new)
    changes = whats_new(new, None)
    assert changes.items == () and "nothing to compare" in changes.summary
    assert predecessor(new, tmp_path / "user", tmp_path / "bundled.db") is None


def _point(user_dir, current, previous=None):
    folder = datasets_dir(user_dir)
    folder.mkdir(parents=True, exist_ok=True)

    def entry(path):
        target = folder / path.name
        target.write_bytes(path.read_bytes())
        return {"version": path.stem, "file": path.name, "installed_utc": "2026-12-01"}

    values = {"current": entry(current), "previous": entry(previous) if previous else None}
    (folder / POINTER).write_text(json.dumps(values), encoding="utf-8")
    return folder / current.name


def test_an_installed_dataset_is_compared_with_the_one_it_replaced(tmp_path):
    old, new = build_variant(tmp_path, "old", _old), build_variant(tmp_path, "new", _new)
    user = tmp_path / "user"
    in_use = _point(user, new)  # the first install: it replaced the bundled dataset
    assert predecessor(in_use, user, old) == old
    in_use = _point(user, new, previous=old)
    assert predecessor(in_use, user, tmp_path / "missing.db") == datasets_dir(user) / "old.db"
    assert predecessor(old, user, old) is None  # the installed one is not in use (--db)
