"""Tab moves through each panel in the order its layout shows it: rows top to bottom, each
row left to right, a splitter's sides in turn."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QScrollArea, QWidget

EXPECTED = {
    "timeline": [
        "Zoom preset All",
        "Zoom preset Since 2012",
        "Zoom preset Since 2023",
        "Fit shown items",
        "Zoom in",
        "Zoom out",
        "Jump to a milestone",
        "Export the chart",
        "Filter by category",
        "Filter by outcome",
        "Filter by actor",
        "From date",
        "To date",
        "Filter by text",
        "Reset",
        "Timeline chart",
        "Timeline events table",
    ],
    "comparison": [
        "Kind of system",
        "Search systems",
        "Filter by country",
        "Systems to compare",
        "Comparison table",
        "Attribute to chart",
        "Log scale",
        "Copy TSV",
        "Copy CSV",
        "Export chart PNG…",
        "Comparison chart",
    ],
    "sanctions": [
        "Filter provisions by topic",
        "Filter provisions by text",
        "In force only",
        "Show all",
        "Topics by resolution",
        "Resolutions table",
        "Sanctions provisions table",
    ],
    "scenarios": [
        "Forms of cooperation",
        "Scenario",
        "Provisions, counter-arguments and evidence",
    ],
    "map": [
        "East Asia",
        "World",
        "Fit selection",
        "Follow the timeline's dates",
        "Export PNG…",
        "Export SVG…",
        "Map of launch sites, danger zones and meetings",
    ],
    "notes": [
        "Search notes",
        "Filter notes by tag",
        "Export notes…",
        "Import notes…",
        "Notes table",
    ],
}


def spoken(widget: QWidget) -> str:
    """The widget's own accessible name; on Linux Qt reads a combo box's value as its name."""
    own = widget.accessibleName()
    return own or QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def _is_stop(panel: QWidget, widget: QWidget) -> bool:
    tab = Qt.FocusPolicy.TabFocus
    inner_editor = isinstance(widget.parent(), QAbstractSpinBox | QComboBox)
    return (
        panel.isAncestorOf(widget)
        and widget.isVisibleTo(panel)
        and widget.isEnabled()
        and (widget.focusPolicy() & tab) == tab
        and widget.focusProxy() is None  # a view's viewport, a tab widget: focus goes on
        and not isinstance(widget, QScrollArea)
        and not inner_editor
    )


def tab_stops(panel: QWidget) -> list[str]:
    """The panel's widgets in the order Tab visits them, from the top-left one."""
    stops: list[QWidget] = []
    widget = panel.nextInFocusChain()
    while widget is not panel:
        if _is_stop(panel, widget):
            stops.append(widget)
        widget = widget.nextInFocusChain()

    def place(w: QWidget) -> tuple[int, int]:
        corner = w.mapTo(panel, w.rect().topLeft())
        return corner.y() // 20, corner.x()

    first = stops.index(min(stops, key=place))
    return [spoken(w) for w in stops[first:] + stops[:first]]


@pytest.mark.parametrize("name", list(EXPECTED))
def test_tab_follows_the_layout(window, name):
    window.resize(1366, 740)
    window.show()
    window.show_panel(name)
    QApplication.processEvents()
    assert tab_stops(window.panel(name)) == EXPECTED[name]
