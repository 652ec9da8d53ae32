"""Notes in the detail pane: typed text is saved without asking, never lost, never markup."""

import time

from briefer.domain.records import EntityRef

LAUNCH = EntityRef("launch_attempt", "l-1998")
OTHER = EntityRef("launch_attempt", "l-2012")


def select(window, ref):
    window.state.select(ref)
    return window.detail.notes


def test_autosave_waits_for_a_pause_in_typing(qtbot, window, services):
    editor = select(window, LAUNCH)
    started = time.monotonic()
    qtbot.keyClicks(editor.text, "Check the third stage")
    assert services.notes.note_for(LAUNCH) is None  # not on every keystroke
    assert editor.status.text() == "Unsaved changes…"
    qtbot.waitUntil(lambda: services.notes.note_for(LAUNCH) is not None, timeout=3000)
    assert time.monotonic() - started >= 0.75
    assert services.notes.note_for(LAUNCH).body == "Check the third stage"
    assert editor.status.text().startswith("Saved ")


def test_switching_records_saves_at_once(qtbot, window, services):
    editor = select(window, LAUNCH)
    qtbot.keyClicks(editor.text, "first thoughts")
    select(window, OTHER)
    assert services.notes.note_for(LAUNCH).body == "first thoughts"
    assert editor.text.toPlainText() == ""
    select(window, LAUNCH)
    assert editor.text.toPlainText() == "first thoughts"


def test_leaving_the_editor_saves(qtbot, window, services):
    editor = select(window, LAUNCH)
    editor.text.setFocus()
    qtbot.keyClicks(editor.tags, "russia, engines")
    window.panel("timeline").table.setFocus()
    editor.tags.clearFocus()
    assert services.notes.note_for(LAUNCH).tags == ("russia", "engines")


def test_closing_the_window_saves(qtbot, window, services):
    editor = select(window, LAUNCH)
    qtbot.keyClicks(editor.text, "last words")
    window.close()
    assert services.notes.note_for(LAUNCH).body == "last words"


def test_markup_is_kept_as_typed(qtbot, window, services):
    editor = select(window, LAUNCH)
    typed = "<b>not bold</b> & <img src=x> 천리마 Ж"
    editor.text.setPlainText(typed)
    editor.flush()
    assert services.notes.note_for(LAUNCH).body == typed
    select(window, OTHER)
    select(window, LAUNCH)
    assert editor.text.toPlainText() == typed


def test_history_restores_an_earlier_revision(qtbot, window, services):
    from briefer.ui.panels.note_editor import HistoryDialog

    editor = select(window, LAUNCH)
    editor.text.setPlainText("version one")
    editor.flush()
    editor.text.setPlainText("version two")
    editor.flush()
    dialog = HistoryDialog(services.notes, services.notes.note_for(LAUNCH))
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    dialog.list.setCurrentRow(1)
    assert dialog.preview.toPlainText() == "version one"
    dialog.restore_selected()
    assert services.notes.note_for(LAUNCH).body == "version one"


def test_a_record_gone_from_the_dataset_keeps_its_note(qtbot, window, services):
    gone = EntityRef("launch_attempt", "renamed-away")
    services.notes.save(gone, "kept anyway")
    editor = select(window, gone)
    assert "no longer in the reference dataset" in window.detail.text
    assert editor.text.toPlainText() == "kept anyway"
    assert editor.text.isEnabled()
