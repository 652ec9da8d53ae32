"""The comparison matrix as a Qt table: attributes down, subjects across."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication

from briefer.domain.palette import CONFIDENCE_MARKS
from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import EntityKind
from briefer.services.comparison import Cell, ComparisonMatrix
from briefer.ui.models.record_table import REF_ROLE
from briefer.ui.theme import muted_ink

Index = QModelIndex | QPersistentModelIndex
BEST_TINT = QColor(0, 158, 115, 55)  # Okabe-Ito green, faint
SHORT_NAME = 26


def cell_tooltip(cell: Cell) -> str:
    """Confidence, sources, note and derivation of one value, for hover."""
    if cell.is_unknown and not cell.note and not cell.derivation:
        return "Unknown: no public figure found in the sources consulted"
    lines = []
    if cell.confidence:
        lines.append(f"{CONFIDENCE_MARKS.get(cell.confidence, '')} {cell.confidence}")
    if cell.derivation:
        lines.append(f"Derived: {cell.derivation}")
    if cell.sources:
        lines.append(f"Sources: {', '.join(cell.sources)}")
    if cell.note:
        lines.append(cell.note)
    return "\n".join(lines)


def short_name(name: str) -> str:
    return name if len(name) <= SHORT_NAME else name[: SHORT_NAME - 1].rstrip() + "…"


class ComparisonTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.matrix: ComparisonMatrix | None = None

    def set_matrix(self, matrix: ComparisonMatrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.subjects)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        matrix = self.matrix
        if matrix is None:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(matrix.subjects):
            subject = matrix.subjects[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{short_name(subject.name)}\n{subject.country}"
            if role == Qt.ItemDataRole.ToolTipRole:
                native = f" ({subject.native_name})" if subject.native_name else ""
                return f"{subject.name}{native}, {subject.country}"
        vertical = orientation == Qt.Orientation.Vertical and 0 <= section < len(matrix.rows)
        if vertical and role == Qt.ItemDataRole.DisplayRole:
            return matrix.rows[section].heading
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        matrix = self.matrix
        if matrix is None or not index.isValid():
            return None
        row = matrix.rows[index.row()]
        cell = row.cells[index.column()]
        best = index.column() in row.best
        if role == Qt.ItemDataRole.DisplayRole:
            mark = CONFIDENCE_MARKS.get(cell.confidence or "", "")
            return cell.display() if cell.is_unknown else f"{cell.display()} {mark}".rstrip()
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell_tooltip(cell) + ("\nBest in this row" if best else "")
        if role == Qt.ItemDataRole.BackgroundRole and best:
            return QBrush(BEST_TINT)
        if role == Qt.ItemDataRole.FontRole and best:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            confidence = f", {cell.confidence}" if cell.confidence and not cell.is_unknown else ""
            return f"{cell.display()}{confidence}{', best in this row' if best else ''}"
        if role == Qt.ItemDataRole.ForegroundRole and cell.is_unknown:
            return QBrush(muted_ink(QApplication.palette()))  # 5.7:1 on white
        if role == Qt.ItemDataRole.TextAlignmentRole and row.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == REF_ROLE:
            return EntityRef(EntityKind.SUBJECT, matrix.subjects[index.column()].id)
        return None
