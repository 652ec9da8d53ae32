"""Every interactive widget of every panel and dialog has a name a screen reader can say,
read through Qt's accessibility interface; a new unnamed widget fails here."""

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import EntityKind
from briefer.ui.panel_registry import PANELS

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QTextEdit,
    QPlainTextEdit,
    QSlider,
    QGraphicsView,
    QTabBar,
)


def unnamed(root: QWidget) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue  # a spin box's or combo box's own editor: the parent carries the name
        face = QAccessible.queryAccessibleInterface(widget)
        if face is None or not face.text(QAccessible.Text.Name).strip():
            parent = type(widget.parent()).__name__
            found.append(f"{type(widget).__name__} in {parent} {widget.objectName()!r}")
    return found


def test_every_panel_names_its_controls(window):
    for spec in PANELS:
        window.show_panel(spec.name)
        assert unnamed(window) == [], spec.name


def test_the_compose_and_briefings_dialogs_name_their_controls(qtbot, window):
    window.state.select(EntityRef(EntityKind.LAUNCH_ATTEMPT, "l-2016"))
    compose = window.open_compose()
    qtbot.waitUntil(lambda: compose.last_pdf is not None, timeout=10000)
    assert unnamed(compose) == []
    compose.close()
    from briefer.ui.dialogs.saved_briefings import SavedBriefingsDialog
    from briefer.ui.dialogs.shortcuts import ShortcutsDialog

    for dialog in (
        SavedBriefingsDialog(window.services.saved_briefings, lambda _r: None, window),
        ShortcutsDialog(window),
    ):
        dialog.show()
        assert unnamed(dialog) == [], type(dialog).__name__
        dialog.close()


@pytest.mark.parametrize("kind", [EntityKind.EVENT, EntityKind.LAUNCH_ATTEMPT])
def test_the_record_form_names_its_fields(window, kind):
    from briefer.ui.dialogs.local_record import LocalRecordDialog

    dialog = LocalRecordDialog(window.services.local_records, kind, parent=window)
    dialog.show()
    assert unnamed(dialog) == []
    dialog.close()
