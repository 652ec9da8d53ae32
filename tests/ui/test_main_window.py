import gc
import re
import subprocess
import sys
from argparse import Namespace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from briefer.domain.records import EntityRef
from briefer.ui.main_window import MainWindow
from briefer.ui.panel_registry import PANELS
from briefer.ui.state import SelectionState


def test_each_panel_shows_rows_from_the_database(window):
    assert window.tabs.tab("comparison").built is None  # built when first shown
    window.show_panel("comparison")
    window.show_panel("sanctions")
    assert window.panel("timeline").model.rowCount() == 5
    assert {s.name for s in window.panel("comparison").matrix.subjects} == {"Rocket A", "Raketa"}
    assert window.panel("sanctions").model.rowCount() == 2
    status = " ".join(w.text() for w in window.statusBar().findChildren(QLabel))
    assert "Dataset test.1 · events checked through 2024-06-30 · offline" in status


def test_selecting_a_row_fills_the_detail_pane_with_sources(qtbot, window):
    table = window.panel("timeline").table
    row = next(r for r in range(5) if table.ref_at_row(r) == EntityRef("launch_attempt", "l-2012"))
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    text = window.detail.text
    assert "Rocket A · Sat One" in text
    assert "Outcome (assessed)" in text and "failure" in text
    assert "Confidence: ● confirmed" in text
    assert "Agency report <b>&amp;" in text  # data text is shown literally, never as markup


def test_selection_is_shared_across_panels(qtbot, window, state):
    state.select(EntityRef("launch_attempt", "l-2016"))
    assert window.panel("timeline").table.selectionModel().hasSelection()
    window.show_panel("comparison")
    column = next(c for c in range(2) if window.panel("comparison").matrix.subjects[c].id == "rocket-r")
    table = window.panel("comparison").table
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(table.model().index(0, column)).center(),
    )
    assert state.current == EntityRef("subject", "rocket-r")
    assert not window.panel("timeline").table.selectionModel().hasSelection()
    assert "Raketa" in window.detail.text and "Ракета" in window.detail.text


def test_shortcuts_follow_the_tab_order_and_the_detail_pane_has_its_own(qtbot, window):
    window.activateWindow()
    names = [spec.name for spec in PANELS]
    assert names == ["timeline", "comparison", "sanctions", "scenarios", "map", "notes"]
    for number in (2, 6, 5, 4, 3, 1):
        key = getattr(Qt.Key, f"Key_{number}")
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentWidget() is window.tabs.tab(names[number - 1])
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.detail.browser.hasFocus()


def test_the_view_menu_lists_every_registered_panel_with_its_shortcut(window):
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    shortcuts = {a.text(): a.shortcut().toString() for a in view.actions() if a.text()}
    for number, spec in enumerate(PANELS, start=1):
        assert shortcuts[spec.title.replace("&", "")] == f"Ctrl+{number}"
    assert shortcuts["Detail pane"] == "Ctrl+D"
    assert len(set(shortcuts.values()) - {""}) == len(PANELS) + 1  # no key used twice


def test_a_record_opens_in_the_panel_registered_for_its_kind(window, state):
    window.open_record(EntityRef("provision", "res2087-op2"))
    assert window.current_panel_name() == "sanctions"
    window.open_record(EntityRef("subject", "rocket-r"))
    assert window.current_panel_name() == "comparison"
    window.open_record(EntityRef("launch_attempt", "l-2016"))
    assert window.current_panel_name() == "timeline"
    window.open_record(EntityRef("site", "site-w"))  # a launch site opens on the map
    assert window.current_panel_name() == "map"
    assert state.current == EntityRef("site", "site-w")
    window.open_record(EntityRef("organisation", "org-nada"))  # no panel: the tab stays
    assert window.current_panel_name() == "map"


def test_window_geometry_is_remembered(qtbot, services):
    first = MainWindow(services, SelectionState())
    qtbot.addWidget(first)
    first.show()
    first.resize(1210, 760)
    first.splitter.setSizes([800, 400])
    chosen = (first.width(), first.height())
    assert chosen == (1210, 760) and chosen != (1280, 780)  # not the default size
    first.close()
    second = MainWindow(services, SelectionState())
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == chosen
    assert abs(second.splitter.sizes()[1] - first.splitter.sizes()[1]) <= 2


def test_dark_theme_is_applied_and_stored(window, services):
    action = next(a for a in window.theme_actions.actions() if a.data() == "dark")
    action.trigger()
    assert services.settings.theme == "dark"
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
    light = next(a for a in window.theme_actions.actions() if a.data() == "light")
    light.trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 200


def test_table_models_are_sound(qtmodeltester, window):
    window.show_panel("comparison")
    window.show_panel("sanctions")
    qtmodeltester.check(window.panel("timeline").model)
    qtmodeltester.check(window.panel("sanctions").model)
    qtmodeltester.check(window.panel("comparison").model)


def test_corrupt_database_shows_a_dialog_not_a_traceback(qapp, tmp_path, monkeypatch, capsys):
    shown = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text: shown.append((title, text))
    )
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 100)
    from briefer.app import run_gui

    code = run_gui(Namespace(db=str(bad), smoke_test=False))
    assert code == 2
    assert gc.isenabled()  # paused while starting, on again when start-up gives up
    assert len(shown) == 1 and "damaged or not a Briefer database" in shown[0][1]
    assert "damaged" in capsys.readouterr().err


@pytest.mark.subprocess
def test_smoke_test_paints_and_exits(fixture_db, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "briefer", "--smoke-test", "--db", str(fixture_db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"main window painted \d+\.\d{3} s after process start", result.stdout)


@pytest.mark.subprocess
def test_start_up_stays_lean(fixture_db):
    code = (
        "import sys; from briefer.__main__ import main; "
        f"code = main(['--smoke-test', '--db', {str(fixture_db)!r}]); "
        "print('exit', code, 'heavy', sorted(m for m in ('reportlab', 'sqlite_utils') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert "exit 0 heavy []" in result.stdout, result.stdout + result.stderr


def test_a_damaged_notes_database_is_reported_and_kept(
    qapp, fixture_db, private_user_dir, monkeypatch, capsys
):
    from briefer.app import run_gui

    private_user_dir.mkdir(parents=True, exist_ok=True)
    damaged = b"SQLite format 3\x00" + b"\xee" * 4096
    (private_user_dir / "user.db").write_bytes(damaged)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(
        "briefer.app._run_window", lambda _app, services, *_a, **_k: services.close() or 0
    )
    assert run_gui(Namespace(db=str(fixture_db), smoke_test=False)) == 0
    assert len(shown) == 1 and "set aside" in shown[0]
    kept = [p for p in private_user_dir.iterdir() if p.name.startswith("user.db.damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert "briefer: warning:" in capsys.readouterr().err


def test_start_up_backs_up_the_user_database(qtbot, fixture_db, private_user_dir, monkeypatch):
    from briefer import app as gui
    from briefer.app import _run_window
    from briefer.services.context import open_services

    monkeypatch.setattr(gui, "BACKUP_DELAY_MS", 10)
    services = open_services(fixture_db, private_user_dir / "user.db")
    app = QApplication.instance()
    backed_up = services.back_up_user_data
    monkeypatch.setattr(services, "back_up_user_data", lambda: (backed_up(), app.quit()))
    # The window is deleted after the loop ends; closing the last window would post a Quit
    # that, handled outside any loop, makes every later event loop in the session return at once.
    app.setQuitOnLastWindowClosed(False)
    try:
        give_up = QTimer()
        give_up.setSingleShot(True)
        give_up.timeout.connect(app.quit)  # only if the backup never ran
        give_up.start(10_000)
        _run_window(app, services, lambda: services, smoke_test=False)
    finally:
        give_up.stop()
        app.setQuitOnLastWindowClosed(True)
    assert len(list((private_user_dir / "backups").glob("user-*.db"))) == 1
