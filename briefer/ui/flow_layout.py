"""A row of controls that wraps onto further lines when the window is too narrow for it.

Tool and filter rows use it so that large text never forces the window wider than the screen:
at twice the default font a timeline's filters and zoom buttons need some 1,500 px in one line.
The layout reports the widest single control as its minimum width and answers
``heightForWidth`` with the height its lines take, so the rows below it move down.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """One line holding everything, when there is room for it."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self._gap * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        margins = self.contentsMargins()
        return QSize(width, height) + QSize(
            margins.left() + margins.right(), margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            item_width = item.sizeHint().width()
            if lines[-1] and used + self._gap + item_width > width:
                lines.append([])
                used = 0
            used += (self._gap if lines[-1] else 0) + item_width
            lines[-1].append(item)
        return lines

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Lay the items out in lines; a line's spare width goes to its expanding items."""
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        y = area.y()
        for number, line in enumerate(self._lines(area.width())):
            if number:
                y += self._gap
            height = max((item.sizeHint().height() for item in line), default=0)
            if move:
                self._place(line, area, y, height)
            y += height
        return y - rect.y() + margins.bottom()

    def _place(self, line: list[QLayoutItem], area: QRect, y: int, height: int) -> None:
        widths = [min(item.sizeHint().width(), area.width()) for item in line]
        growing = [i for i, item in enumerate(line) if _expands(item)]
        spare = area.width() - sum(widths) - self._gap * (len(line) - 1)
        for i in growing:
            widths[i] += max(spare, 0) // len(growing)
        x = area.x()
        for item, width in zip(line, widths, strict=True):
            item_height = min(item.sizeHint().height(), height)
            top = y + (height - item_height) // 2
            item.setGeometry(QRect(QPoint(x, top), QSize(width, item_height)))
            x += width + self._gap


def _expands(item: QLayoutItem) -> bool:
    return bool(item.expandingDirections() & Qt.Orientation.Horizontal)


def flow_row(parent: QWidget | None = None) -> tuple[QWidget, FlowLayout]:
    """A widget holding a flow layout, with a size policy that lets its height follow its lines."""
    holder = QWidget(parent)
    layout = FlowLayout(holder)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    holder.setSizePolicy(policy)
    return holder, layout
