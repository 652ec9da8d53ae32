"""A reference database damaged inside: a dialog and exit 2 at start-up, a dialog while browsing."""

import subprocess
import sys
from argparse import Namespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from briefer.domain.records import EntityRef
from briefer.store.errors import DatabaseCorrupt
from briefer.ui import uncaught
from tests.damage import corrupt_table


@pytest.fixture
def dialogs(monkeypatch):
    shown = []
    for kind in ("warning", "critical"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda parent, title, text, kind=kind: shown.append((kind, text))
        )
    return shown


@pytest.fixture
def hook(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    return uncaught.install(interactive=True)


@pytest.fixture
def fixture_db(writable_fixture_db):
    """These tests damage the reference database: the window opens this test's own copy."""
    return writable_fixture_db


def test_damage_met_while_browsing_is_a_dialog(qtbot, window, fixture_db, dialogs, hook, capsys):
    corrupt_table(fixture_db, "launches")
    table = window.panel("timeline").table
    row = next(r for r in range(5) if table.ref_at_row(r) == EntityRef("launch_attempt", "l-2016"))
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialogs and dialogs[0][0] == "warning"
    assert "damaged or not a Briefer database" in dialogs[0][1]
    err = capsys.readouterr().err
    assert "Traceback" not in err and "briefer: error: reference database is damaged" in err
    assert hook.exit_code == 2


def test_a_bug_keeps_its_traceback_and_also_gets_a_dialog(qapp, dialogs, capsys):
    hook = uncaught.ErrorDialogs(interactive=True, previous=sys.__excepthook__)
    try:
        raise ValueError("boom")
    except ValueError as error:
        hook(type(error), error, error.__traceback__)
    assert dialogs == [
        (
            "critical",
            "Something went wrong: ValueError: boom\n"
            "The details were written to standard error; please report them.",
        )
    ]
    assert "Traceback" in capsys.readouterr().err and hook.exit_code == 1


def test_errors_behind_an_open_dialog_do_not_stack_dialogs(qapp, monkeypatch, hook):
    shown = []

    def warning(parent, title, text):
        shown.append(text)
        sys.excepthook(DatabaseCorrupt, DatabaseCorrupt("ref.db", "again"), None)

    monkeypatch.setattr(QMessageBox, "warning", warning)
    sys.excepthook(DatabaseCorrupt, DatabaseCorrupt("ref.db", "first"), None)
    assert len(shown) == 1 and "first" in shown[0]


def test_smoke_test_mode_ends_the_run_instead_of_a_dialog(qapp, dialogs, monkeypatch):
    exits = []
    monkeypatch.setattr(uncaught.QApplication, "exit", exits.append)
    hook = uncaught.ErrorDialogs(interactive=False, previous=sys.__excepthook__)
    hook(DatabaseCorrupt, DatabaseCorrupt("ref.db", "bad page"), None)
    assert exits == [2] and dialogs == [] and hook.exit_code == 2


def test_damage_met_building_the_window_is_the_fatal_dialog_and_exit_2(
    qapp, fixture_db, dialogs, monkeypatch
):
    from briefer.app import run_gui

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    corrupt_table(fixture_db, "launches")
    assert run_gui(Namespace(db=str(fixture_db), smoke_test=False)) == 2
    assert [kind for kind, _ in dialogs] == ["critical"]
    assert "damaged or not a Briefer database" in dialogs[0][1]


@pytest.mark.subprocess
def test_smoke_test_on_a_database_damaged_inside_exits_2_in_one_line(fixture_db):
    corrupt_table(fixture_db, "launches")
    result = subprocess.run(
        [sys.executable, "-m", "briefer", "--smoke-test", "--db", str(fixture_db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if "propagateSizeHints" not in line]
    assert len(lines) == 1 and "damaged or not a Briefer database" in lines[0]
