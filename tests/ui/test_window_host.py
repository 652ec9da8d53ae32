"""After an update the window reopens on the new dataset: What's new lists the changes, the
timeline offers "new since", and notes on changed records are marked."""

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from briefer import paths
from briefer.domain.records import EntityRef
from briefer.services.context import open_services
from briefer.services.data_updates import install_pack
from briefer.store.dataset_choice import reference_for_reading
from briefer.ui.window_host import WindowHost
from tests.fixture_data import build_variant, signed_pack

CHANGED = EntityRef("launch_attempt", "l-2016")
NEW_EVENT = EntityRef("event", "evt-new")


def _update(rows):
    next(r for r in rows["launch_attempts.csv"] if r["id"] == CHANGED.id)["outcome"] = "partial"
    rows["events.csv"].append({**rows["events.csv"][0], "id": NEW_EVENT.id, "title": "Fresh"})


@pytest.fixture
def host(qtbot, tmp_path, monkeypatch, private_user_dir):
    bundled = build_variant(tmp_path, "bundled")  # test.1 stands in for the bundled dataset
    monkeypatch.setattr(paths, "bundled_db_path", lambda: bundled)

    def open_current():
        return open_services(reference_for_reading(), paths.user_db_path())

    app = QApplication.instance()
    made = WindowHost(app, open_current(), open_current)
    made.show()
    qtbot.waitExposed(made.window)
    yield made
    made.window.close()
    made.close()


def _install(tmp_path, monkeypatch):
    pack, keys = signed_pack(tmp_path, "test.2", _update)
    monkeypatch.setenv("BRIEFER_TRUSTED_KEYS", str(keys))
    return install_pack(pack)


def _status_line(window):
    labels = window.statusBar().findChildren(QLabel)
    return next(label.text() for label in labels if label.accessibleName() == "Dataset version")


def test_the_window_reopens_on_the_installed_dataset_and_lists_what_is_new(
    qtbot, host, tmp_path, monkeypatch
):
    old = host.window
    old.services.notes.save(CHANGED, "Written against test.1")
    assert _status_line(old).startswith("Dataset test.1")
    _install(tmp_path, monkeypatch)
    assert host.switch_dataset(show_whats_new=True)
    assert host.window is not old and not old.isVisible()
    assert _status_line(host.window).startswith("Dataset test.2 · installed 20")
    dialog = host.window.whats_new_dialog
    assert dialog.isVisible() and dialog.summary.text() == (
        "Dataset test.2 since test.1: 1 added, 1 changed, 0 removed."
    )
    opened = []
    dialog._open_record = opened.append
    groups = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    assert [g.text(0) for g in groups] == ["Added (1)", "Changed (1)"]
    changed = groups[1].child(0)
    assert changed.child(0).text(0) == "outcome" and changed.child(0).text(3) == "partial"
    dialog.tree.itemActivated.emit(changed.child(0), 0)  # a field row opens its record
    assert opened == [CHANGED]
    dialog.close()


def test_a_note_on_a_changed_record_is_marked_in_the_detail_pane_and_the_notes_list(
    qtbot, host, tmp_path, monkeypatch
):
    host.window.services.notes.save(CHANGED, "Written against test.1")
    _install(tmp_path, monkeypatch)
    host.switch_dataset(show_whats_new=False)
    window = host.window
    window.open_record(CHANGED)
    editor = window.detail.notes
    assert editor.record_changed.isVisibleTo(window)
    assert "dataset test.2 altered it" in editor.record_changed.text()
    window.show_panel("notes")
    notes = window.panel("notes")
    assert "(record changed in dataset test.2)" in notes.model.data(notes.model.index(0, 0))
    assert "1 on records changed since the note" in notes.count.text()
    editor.text.setPlainText("Read the new assessment")
    editor.flush()
    assert not editor.record_changed.isVisibleTo(window)


def test_the_timeline_shows_only_what_is_new_since_the_previous_dataset(
    qtbot, host, tmp_path, monkeypatch
):
    assert host.window.panel("timeline").filters.new_since.isHidden()  # nothing to compare
    _install(tmp_path, monkeypatch)
    host.switch_dataset(show_whats_new=False)
    timeline = host.window.panel("timeline")
    toggle = timeline.filters.new_since
    assert not toggle.isHidden() and toggle.text() == "New since test.1"
    everything = len(timeline.shown)
    toggle.setChecked(True)
    assert {item.ref for item in timeline.shown} == {CHANGED, NEW_EVENT}
    toggle.setChecked(False)
    assert len(timeline.shown) == everything


def test_a_dataset_that_cannot_be_opened_keeps_the_window_as_it_was(
    qtbot, host, tmp_path, monkeypatch
):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: said.append(title))
    old = host.window
    _install(tmp_path, monkeypatch)
    installed = reference_for_reading()
    installed.write_bytes(b"not a database at all" * 100)
    assert not host.switch_dataset(show_whats_new=True)
    assert host.window is old and old.isVisible() and said == ["Dataset not opened"]


def test_the_window_stays_when_the_analyst_keeps_an_unsaved_note_open(
    qtbot, host, tmp_path, monkeypatch
):
    old = host.window
    monkeypatch.setattr(type(old), "ask_unsaved", lambda _self: "cancel")
    monkeypatch.setattr(
        "briefer.ui.dialogs.unsaved_notes.settle_notes", lambda _editor, _ask: False
    )
    _install(tmp_path, monkeypatch)
    assert not host.switch_dataset(show_whats_new=True)
    assert host.window is old and old.isVisible()
    assert _status_line(old).startswith("Dataset test.1")  # it reads the next start's dataset


def test_a_window_that_cannot_be_built_on_the_new_dataset_is_not_a_switch(
    qtbot, host, tmp_path, monkeypatch
):
    from briefer.store.errors import StoreError

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: said.append(title))
    _install(tmp_path, monkeypatch)
    built = host._window_on

    def fail_on_the_new_dataset(services):
        if services is not host.services:
            raise StoreError("the new dataset is damaged inside")
        return built(services)

    monkeypatch.setattr(host, "_window_on", fail_on_the_new_dataset)
    assert not host.switch_dataset(show_whats_new=True)
    assert said == ["Dataset not opened"] and host.window.whats_new_dialog is None
    assert _status_line(host.window).startswith("Dataset test.1")
