"""Help > Keyboard shortcuts lists every shortcut from the actions themselves."""

from PySide6.QtGui import QAction, QKeySequence

from briefer.ui.dialogs.shortcuts import shortcut_rows
from briefer.ui.panel_registry import PANELS, shortcut_of


def test_every_action_shortcut_is_listed_with_where_it_lives(window):
    rows = shortcut_rows(window)
    listed = {keys for _, keys, _ in rows}
    for action in window.findChildren(QAction):
        for shortcut in action.shortcuts():
            assert shortcut.toString(QKeySequence.SequenceFormat.NativeText) in ", ".join(listed)
    by_what = {what: (where, keys) for where, keys, what in rows}
    for spec in PANELS:
        where, keys = by_what[spec.title.replace("&", "")]
        assert where == "View" and keys == shortcut_of(spec)
    assert by_what["Export briefing"] == ("File", "Ctrl+E")
    assert by_what["Search everything"][1] == "Ctrl+K, Ctrl+F"


def test_a_new_action_appears_without_editing_the_list(window):
    extra = QAction("Do something new", window)
    extra.setShortcut(QKeySequence("Ctrl+Shift+Y"))
    window.addAction(extra)
    assert ("Window", "Ctrl+Shift+Y", "Do something new") in shortcut_rows(window)


def test_the_dialog_opens_from_the_help_menu(window):
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    next(a for a in help_menu.actions() if "Keyboard" in a.text()).trigger()
    dialog = window.shortcuts_dialog
    assert dialog.table.rowCount() == len(shortcut_rows(window))
    dialog.close()
