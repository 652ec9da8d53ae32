"""Help > Keyboard shortcuts: every shortcut of the window, read from its actions (menus,
toolbar, panels), so the list cannot drift from what the keys do."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefer.ui.screen_fit import resize_within_screen

# keys the charts and the map handle themselves (no action behind them)
IN_VIEWS = (
    ("Timeline and map", "Arrow keys", "Move through time (timeline) or pan (map)"),
    ("Timeline and map", "+ / -", "Zoom in and out"),
    ("Map", "Tab / Shift+Tab", "Next or previous feature, in date order"),
)


def _label(action: QAction) -> str:
    return action.text().replace("&", "").rstrip("…").strip()


def shortcut_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """(where, keys, what) for each action of the window that has a shortcut, menus first in
    menu order, then any other action (toolbar, panels), then the keys the views handle."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{where} > {_label(action)}")  # type: ignore[arg-type]
            elif action.shortcuts():
                seen.add(id(action))
                keys = ", ".join(
                    s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
                )
                rows.append((where, keys, _label(action)))

    for top in window.findChildren(QMenu):
        if top.parent() is not None and isinstance(top.parent(), QMenu):
            continue
        if top.title():
            walk(top, top.title().replace("&", ""))
    for action in window.findChildren(QAction):
        if id(action) not in seen and action.shortcuts() and action.text():
            keys = ", ".join(
                s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
            )
            rows.append(("Window", keys, _label(action)))
    return rows + list(IN_VIEWS)


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard shortcuts")
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels(("Where", "Keys", "What"))
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.horizontalHeader().setAccessibleName("Keyboard shortcuts: columns")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for row, values in enumerate(rows):
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("Every shortcut of this window, read from its menus and actions.", self)
        )
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        widths = sum(self.table.columnWidth(c) for c in range(3))
        line = self.fontMetrics().lineSpacing()
        resize_within_screen(self, widths + 4 * line, 30 * line)
