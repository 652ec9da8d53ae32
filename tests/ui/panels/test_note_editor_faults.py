"""The note editor under faults: a failed save is never silent and text stays with its record."""

import os
import signal

import pytest
from PySide6.QtWidgets import QApplication

from briefer.domain.records import EntityRef
from briefer.services.context import ServiceContext
from briefer.store.notes import Draft, NoteStore
from briefer.store.reference import ReferenceStore
from briefer.store.user_db import UserStore
from briefer.ui.main_window import MainWindow
from briefer.ui.state import SelectionState

LAUNCH = EntityRef("launch_attempt", "l-1998")
OTHER = EntityRef("launch_attempt", "l-2012")


def select(window, ref):
    window.state.select(ref)
    return window.detail.notes


def fill_database(services):
    """Cap the database at its current size: the next growing write fails as on a full disk."""
    conn = services.user.connection
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def free_database(services):
    services.user.connection.execute("PRAGMA max_page_count = 1073741823")


BIG = "analysis " * 3000  # grows the database by several pages


def test_a_failed_save_says_so_keeps_the_text_and_is_retried(qtbot, window, services):
    editor = select(window, LAUNCH)
    fill_database(services)
    editor.text.setPlainText(BIG)
    assert editor.flush() is False
    assert editor.status.text().startswith("Not saved: the disk is full")
    assert "Your text is kept here and will be retried" in editor.status.text()
    assert editor.text.toPlainText() == BIG
    assert services.notes.note_for(LAUNCH) is None
    free_database(services)
    editor.retry_timer.setInterval(50)
    editor.retry_timer.start()
    qtbot.waitUntil(lambda: services.notes.note_for(LAUNCH) is not None, timeout=3000)
    assert services.notes.note_for(LAUNCH).body == BIG
    assert editor.status.text().startswith("Saved ")


def test_a_locked_database_is_a_failed_save_not_a_traceback(window, services, tmp_path):
    editor = select(window, LAUNCH)
    other = UserStore(services.user.path)
    other.connection.execute("BEGIN IMMEDIATE")
    editor.text.setPlainText("written while another program writes")
    assert editor.flush() is False
    assert "locked" in editor.status.text()
    other.connection.execute("ROLLBACK")
    assert editor.flush() is True
    assert services.notes.note_for(LAUNCH).body == "written while another program writes"


def test_text_stays_with_its_record_when_switching_during_failing_saves(window, services):
    editor = select(window, LAUNCH)
    fill_database(services)
    editor.text.setPlainText("about 1998 " + BIG)
    select(window, OTHER)  # the save of LAUNCH's text fails on the way out
    assert editor.text.toPlainText() == ""
    editor.text.setPlainText("about 2012 " + BIG)
    assert editor.flush() is False
    select(window, LAUNCH)
    assert editor.text.toPlainText().startswith("about 1998")  # its unsaved text, not the old
    free_database(services)
    assert editor.retry() is True
    assert services.notes.note_for(LAUNCH).body.startswith("about 1998")
    assert services.notes.note_for(OTHER).body.startswith("about 2012")


def test_closing_with_unsaved_text_asks(window, services, monkeypatch):
    editor = select(window, LAUNCH)
    fill_database(services)
    editor.text.setPlainText("do not lose me " + BIG)
    answers = ["cancel", "copy", "retry", "discard"]
    asked = []

    def ask():
        asked.append(answers[len(asked)])
        return asked[-1]

    monkeypatch.setattr(window, "ask_unsaved", ask)
    window.close()
    assert window.isVisible() and asked == ["cancel"]
    window.close()
    assert window.isVisible()
    assert "do not lose me" in QApplication.clipboard().text()
    window.close()  # retry fails (still full), then discard
    assert asked == ["cancel", "copy", "retry", "discard"]
    assert not window.isVisible()


def test_a_note_over_one_megabyte_stays_in_the_editor_with_a_message(window, services):
    editor = select(window, LAUNCH)
    huge = ("a line of the analyst's notes " * 3 + "\n") * 11600  # about 1.06 MB
    editor.text.setPlainText(huge)
    assert editor.flush() is False
    assert "limited to 1 MB" in editor.status.text()
    assert editor.text.toPlainText() == huge and services.notes.note_for(LAUNCH) is None
    editor.discard_unsaved()  # else closing the window would ask


def test_another_windows_save_is_picked_up_while_idle(qtbot, window, services):
    editor = select(window, LAUNCH)
    editor.watch_timer.setInterval(50)
    other = NoteStore(UserStore(services.user.path).connection)
    other.save(Draft(LAUNCH.kind, LAUNCH.id, "from window B", (), None))
    qtbot.waitUntil(lambda: editor.text.toPlainText() == "from window B", timeout=3000)
    assert "another window" in editor.status.text()


def test_a_save_from_an_older_version_keeps_both_texts_and_says_so(window, services):
    services.notes.save(LAUNCH, "shared start")
    editor = select(window, LAUNCH)
    editor.watch_timer.stop()
    other = NoteStore(UserStore(services.user.path).connection)
    base = other.by_entity(LAUNCH.kind, LAUNCH.id).version
    other.save(Draft(LAUNCH.kind, LAUNCH.id, "B's newer text", (), base))
    editor.text.setPlainText("A's text")
    assert editor.flush() is True
    stored = services.notes.note_for(LAUNCH).body
    assert "A's text" in stored and "B's newer text" in stored
    assert editor.text.toPlainText() == stored
    assert "also changed elsewhere" in editor.status.text()


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_a_stop_signal_saves_the_pending_note_and_closes(qtbot, window, services, number):
    before = signal.getsignal(number)
    window.install_session_end()
    editor = select(window, LAUNCH)
    qtbot.keyClicks(editor.text, "typed just before logout")
    os.kill(os.getpid(), number)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    assert services.notes.note_for(LAUNCH).body == "typed just before logout"
    assert signal.getsignal(number) is before  # the earlier handler is back


@pytest.fixture
def read_only_window(qtbot, fixture_db, tmp_path):
    path = tmp_path / "ro" / "user.db"
    store = UserStore(path)
    NoteStore(store.connection).save(Draft(LAUNCH.kind, LAUNCH.id, "kept for reading", (), None))
    store.close()
    services = ServiceContext(
        ReferenceStore(fixture_db), UserStore.snapshot(path, f"the disk is full ({path})")
    )
    main = MainWindow(services, SelectionState())
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()
    services.close()


def test_read_only_notes_show_a_bar_and_stay_readable(read_only_window):
    window = read_only_window
    assert window.read_only_bar.isVisible()
    assert "the disk is full" in window.read_only_bar.text()
    editor = select(window, LAUNCH)
    assert editor.text.toPlainText() == "kept for reading"
    assert editor.text.isReadOnly()
    assert not window.restore_action.isEnabled()


def test_file_menu_restores_notes_from_a_backup(window, services, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from briefer.store.backups import back_up, backup_folder

    services.notes.save(LAUNCH, "the good text")
    good = back_up(services.user, backup_folder(services.user.path))
    editor = select(window, LAUNCH)
    editor.text.setPlainText("an accident")
    editor.flush()
    offered = []

    def pick(_parent, _title, _label, labels, *_args):
        offered.extend(labels)
        return labels[0], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    window.restore_action.trigger()
    assert len(offered) == 1 and "1 note(s)" in offered[0]
    assert services.notes.note_for(LAUNCH).body == "the good text"
    assert editor.text.toPlainText() == "the good text"  # the editor shows what was restored
    assert good.name in told[0] and len(services.backups()) == 2


def test_text_kept_after_a_failed_save_still_meets_a_newer_text(window, services):
    services.notes.save(LAUNCH, "shared start")
    editor = select(window, LAUNCH)
    editor.watch_timer.stop()
    fill_database(services)
    editor.text.setPlainText("A's text " + BIG)
    select(window, OTHER)  # the save fails: A's text is kept, edited from version 1
    editor.retry_timer.stop()
    free_database(services)
    other = NoteStore(UserStore(services.user.path).connection)
    base = other.by_entity(LAUNCH.kind, LAUNCH.id).version
    other.save(Draft(LAUNCH.kind, LAUNCH.id, "B's newer text", (), base))
    select(window, LAUNCH)
    assert editor.flush() is True
    stored = services.notes.note_for(LAUNCH).body
    assert "B's newer text" in stored and "A's text" in stored
    assert "also changed elsewhere" in editor.status.text()


def test_saves_on_the_ui_thread_wait_briefly_for_a_lock(services):
    from briefer.store.user_db import SAVE_BUSY_TIMEOUT_MS

    timeout = services.user.connection.execute("PRAGMA busy_timeout").fetchone()[0]
    assert timeout == SAVE_BUSY_TIMEOUT_MS <= 100


def test_being_stopped_writes_unsaved_text_to_a_recovery_file(window, services, private_user_dir):
    editor = select(window, LAUNCH)
    fill_database(services)
    editor.text.setPlainText("rescued text " + BIG)
    window.end_session(interactive=False)
    recovered = list(private_user_dir.glob("unsaved-notes-*.txt"))
    assert len(recovered) == 1
    text = recovered[0].read_text(encoding="utf-8")
    assert text.startswith(f"[{LAUNCH.kind} {LAUNCH.id}]") and "rescued text" in text
    assert window.isVisible()  # no interaction allowed: nothing asked, nothing closed
    editor.discard_unsaved()
