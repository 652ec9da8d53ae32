"""Tab order that follows the layout: Qt moves focus in the order widgets were created, which
in a panel built bottom-up (a chart made before the buttons above it) jumps around the
screen. Each panel's focusable widgets are put in the order its layouts, splitters, scroll
areas and tabs place them: rows top to bottom, each left to right, a splitter's sides in turn."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,
    QLayout,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

WHOLE = (QAbstractItemView, QAbstractSpinBox, QComboBox, QGraphicsView, QAbstractScrollArea)


def _takes_tab(widget: QWidget) -> bool:
    tab = Qt.FocusPolicy.TabFocus
    return (widget.focusPolicy() & tab) == tab and not isinstance(widget, QScrollArea)


def _children(widget: QWidget) -> list[QWidget]:
    """The widgets ``widget`` places, in the order it places them."""
    found: list[QWidget | None]
    if isinstance(widget, QTabWidget):
        found = [widget.tabBar(), *(widget.widget(i) for i in range(widget.count()))]
    elif isinstance(widget, QSplitter | QStackedWidget):
        found = [widget.widget(i) for i in range(widget.count())]
    elif isinstance(widget, QScrollArea):
        found = [widget.widget()]
    else:
        layout = widget.layout()
        found = list(_in_layout(layout)) if layout is not None else []
    return [child for child in found if child is not None]


def _in_layout(layout: QLayout) -> list[QWidget]:
    found: list[QWidget] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            found.append(widget)
        elif inner is not None:
            found += _in_layout(inner)
    return found


def layout_order(root: QWidget) -> list[QWidget]:
    """``root``'s focusable widgets in layout order (a list or a chart counts as one stop)."""
    order: list[QWidget] = []

    def visit(widget: QWidget) -> None:
        if widget is not root and _takes_tab(widget):
            order.append(widget)
        if widget is root or not isinstance(widget, WHOLE) or isinstance(widget, QScrollArea):
            for child in _children(widget):
                visit(child)

    visit(root)
    return order


def follow_layout(root: QWidget) -> None:
    for first, second in pairwise(layout_order(root)):
        QWidget.setTabOrder(first, second)
