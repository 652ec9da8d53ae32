"""A read-only table model over a list of domain records, described by its columns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from briefer.domain.records import EntityRef
from briefer.ui.tooltips import as_text

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

REF_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its header, the text of a cell, and optionally a tooltip, colour, sort key."""

    header: str
    text: Callable[[T], str]
    tooltip: Callable[[T], str] | None = None
    colour: Callable[[T], str | None] | None = None
    sort_key: Callable[[T], Any] | None = None
    align_right: bool = False


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """Rows are records; ``REF_ROLE`` gives each row's ``EntityRef`` for selection.

    The model sorts itself (the view calls ``sort``): one Python sort over cached keys costs a
    call per row, where a sort proxy asks for two cells per comparison, n·log n calls that
    made filtering 5,000 notes take most of a second.
    """

    def __init__(self, columns: Sequence[Column[T]], ref_of: Callable[[T], EntityRef]) -> None:
        super().__init__()
        self._columns = list(columns)
        self._ref_of = ref_of
        self._records: list[T] = []
        self._cache: dict[tuple[int, int], list[Any]] = {}
        self._sort_by: tuple[int, Qt.SortOrder] | None = None

    def set_records(self, records: Sequence[T]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._cache.clear()
        self._records = [self._records[row] for row in self._sorted_rows()]
        self._cache.clear()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self._sort_by = (column, order)
        self._resort()

    def _sorted_rows(self) -> list[int]:
        rows = list(range(len(self._records)))
        if self._sort_by is None:
            return rows
        column, order = self._sort_by
        spec = self._columns[column]
        keys = self._cached(SORT_ROLE, column, spec.sort_key or spec.text)
        descending = order == Qt.SortOrder.DescendingOrder
        known = [row for row in rows if keys[row] is not None]
        unknown = [row for row in rows if keys[row] is None]  # last in either order
        try:
            known.sort(key=lambda row: keys[row], reverse=descending)
        except TypeError:  # mixed kinds of value: compare as text
            known.sort(key=lambda row: str(keys[row]), reverse=descending)
        return known + unknown

    def _resort(self) -> None:
        """Reorder rows in place, keeping the selection (persistent indexes) on its records."""
        order = self._sorted_rows()
        if order == list(range(len(order))):
            return
        self.layoutAboutToBeChanged.emit()
        new_row = {old: new for new, old in enumerate(order)}
        self._records = [self._records[row] for row in order]
        self._cache.clear()
        persistent = self.persistentIndexList()
        moved = [self.index(new_row[index.row()], index.column()) for index in persistent]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def remove_ref(self, ref: EntityRef) -> None:
        row = self.row_of(ref)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._records[row]
            self._cache.clear()
            self.endRemoveRows()

    def put_record(self, record: T) -> None:
        """Replace the row with ``record``'s ref, or add one: a single row, not a reset."""
        row = self.row_of(self._ref_of(record))
        if row is None:
            self.beginInsertRows(QModelIndex(), len(self._records), len(self._records))
            self._records.append(record)
            self._cache.clear()
            self.endInsertRows()
            self._resort()
            return
        self._records[row] = record
        self._cache.clear()
        last = self.index(row, len(self._columns) - 1)
        self.dataChanged.emit(self.index(row, 0), last)
        self._resort()

    def _cached(self, role: int, column: int, make: Callable[[T], Any]) -> list[Any]:
        """A column's values for one role, computed once per reset (sorting asks often)."""
        key = (role, column)
        if key not in self._cache:
            self._cache[key] = [make(record) for record in self._records]
        return self._cache[key]

    def column_texts(self, column: int, rows: int | None = None) -> list[str]:
        """The display texts of ``column`` (its first ``rows`` rows), as ``data`` gives them."""
        texts = self._cached(Qt.ItemDataRole.DisplayRole, column, self._columns[column].text)
        return [str(text or "") for text in texts[:rows]]

    def record(self, row: int) -> T:
        return self._records[row]

    def row_of(self, ref: EntityRef) -> int | None:
        for row, record in enumerate(self._records):
            if self._ref_of(record) == ref:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._columns):
            return self._columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._records)):
            return None
        record, column = self._records[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cached(role, index.column(), column.text)[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return as_text(column.tooltip(record))
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(record)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SORT_ROLE:
            key = column.sort_key or column.text
            return self._cached(role, index.column(), key)[index.row()]
        if role == REF_ROLE:
            return self._ref_of(record)
        return None
