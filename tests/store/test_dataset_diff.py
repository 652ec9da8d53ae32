"""What changed between two databases, per record kind and field."""

from briefer.store.dataset_diff import as_dict, diff_databases
from tests.fixture_data import build_variant as _database


def _with_old_event(rows):
    rows["events.csv"].append({**rows["events.csv"][0], "id": "evt-gone"})


def _edit(rows):
    launch = next(r for r in rows["launch_attempts.csv"] if r["id"] == "l-2016")
    launch["outcome"] = "partial"
    launch["sources"] = "src-b;src-a"
    rows["events.csv"].append({**rows["events.csv"][0], "id": "evt-new"})


def test_added_removed_and_changed_records_with_their_fields(tmp_path):
    old = _database(tmp_path, "old", _with_old_event)
    new = _database(tmp_path, "new", _edit)
    diffs = {d.kind: d for d in diff_databases(old, new)}
    launches = diffs["launches"]
    assert launches.removed == [] and launches.added == []
    [change] = launches.changed
    assert change.key == "l-2016"
    assert change.fields["outcome"] == ("success", "partial")
    assert change.fields["sources"][1] == ["src-b", "src-a"]  # citation order counts
    assert diffs["events"].added == ["evt-new"] and diffs["events"].removed == ["evt-gone"]
    assert set(diffs) == {"launches", "events"}  # nothing else differs


def test_identical_databases_have_no_differences_and_json_is_plain(tmp_path):
    old = _database(tmp_path, "old")
    assert diff_databases(old, old) == []
    new = _database(tmp_path, "new", _edit)
    shown = as_dict(diff_databases(old, new))
    assert shown["launches"]["changed"][0]["fields"]["outcome"] == ["success", "partial"]
