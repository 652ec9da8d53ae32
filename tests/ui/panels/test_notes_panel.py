"""The notes list: filter, open the record, carry notes out and in, survive bad files."""

import json

import pytest
from PySide6.QtCore import Qt

from briefer.domain.note_rules import utc_now
from briefer.domain.records import EntityRef
from briefer.store.errors import StoreError

LAUNCH = EntityRef("launch_attempt", "l-1998")
PROVISION = EntityRef("provision", "res2087-op2")


@pytest.fixture
def panel(window, services):
    services.notes.save(LAUNCH, "engine question\nsecond line", ("russia",))
    services.notes.save(PROVISION, "bars any launch", ("law",))
    services.notes.save(EntityRef("event", "gone"), "orphan kept")
    window.show_panel("notes")
    return window.panel("notes")


def test_lists_every_note_with_what_it_is_about(panel):
    assert panel.model.rowCount() == 3
    titles = {panel.model.record(r).title for r in range(3)}
    assert {"Rocket A · ? (1998-08-31)", "S/RES/2087 (2013) OP2", "event gone"} == titles
    assert panel.count.text() == "3 note(s); 1 about records no longer in the dataset"


def test_filters_by_text_and_tag_after_a_pause_in_typing(qtbot, panel):
    panel.search.setText("LAUNCH")
    assert panel.model.rowCount() == 3  # not on every keystroke
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=2000)
    assert panel.model.record(0).note.body == "bars any launch"
    panel.search.clear()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=2000)
    panel.tag.setCurrentText("russia")
    assert panel.model.rowCount() == 1 and panel.model.record(0).ref == LAUNCH


def test_selecting_a_note_opens_its_record(qtbot, window, panel):
    row = next(r for r in range(3) if panel.table.ref_at_row(r) == PROVISION)
    rect = panel.table.visualRect(panel.table.model().index(row, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.state.current == PROVISION
    assert window.detail.notes.text.toPlainText() == "bars any launch"


def test_a_saved_note_appears_in_the_list(qtbot, window, panel):
    window.state.select(EntityRef("launch_attempt", "l-2016"))
    window.detail.notes.text.setPlainText("fresh")
    window.detail.notes.flush()
    assert panel.model.rowCount() == 4


def test_a_save_updates_one_row_without_reloading_the_list(qtbot, window, panel, monkeypatch):
    reloads = []
    monkeypatch.setattr(panel._service, "entries", lambda *a: reloads.append(a) or [])
    window.state.select(LAUNCH)
    window.detail.notes.text.setPlainText("engine question, revised")
    window.detail.notes.flush()
    assert reloads == []
    bodies = {panel.model.record(r).note.body for r in range(panel.model.rowCount())}
    assert "engine question, revised" in bodies and panel.model.rowCount() == 3


def test_export_then_import_elsewhere_merges(panel, services, tmp_path):
    path = tmp_path / "notes.json"
    assert panel.export_to(path) == f"Exported 3 note(s) to {path}"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["notes"][0]["body"] = "edited elsewhere"
    data["notes"][0]["updated_utc"] = utc_now()
    path.write_text(json.dumps(data), encoding="utf-8")
    message = panel.import_from(path)
    assert "1 updated, 2 already up to date, 0 kept because the note here is newer" in message
    assert any(panel.model.record(r).note.body == "edited elsewhere" for r in range(3))


def test_a_malformed_file_changes_nothing(panel, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text(
        '{"format": "briefer-notes", "version": 1, "notes": [{"id": 1}]}', encoding="utf-8"
    )
    with pytest.raises(StoreError, match="note 1 lacks"):
        panel.import_from(path)
    assert panel.model.rowCount() == 3


def test_a_saved_note_that_no_longer_matches_the_filter_leaves_the_list(qtbot, window, panel):
    panel.search.setText("engine")
    panel.refresh()
    assert panel.model.rowCount() == 1
    window.state.select(LAUNCH)
    window.detail.notes.text.setPlainText("rewritten about stages")
    window.detail.notes.flush()
    assert panel.model.rowCount() == 0
