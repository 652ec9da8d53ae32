"""A sortable table of records that reports and follows the shared selection."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from briefer.domain.records import EntityRef
from briefer.ui.models.record_table import REF_ROLE, RecordTableModel


class RecordTable(QTableView):
    """A read-only, sortable table of one kind of record.

    Signals:
        record_selected(object): the ``EntityRef`` of the row the user selected.
    """

    record_selected = Signal(object)

    def __init__(
        self, model: RecordTableModel, accessible_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._source = model
        self.setModel(model)
        self.setAccessibleName(accessible_name)
        self.horizontalHeader().setAccessibleName(f"{accessible_name}: columns (click to sort)")
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setResizeContentsPrecision(60)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._fitted: tuple[int, int] | None = None

    def changeEvent(self, event: QEvent) -> None:
        """View > Text size: rows grow with the font, and fitted columns are fitted again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
            if self._fitted is not None:
                self.fit_columns(*self._fitted)

    def fit_columns(self, max_chars: int = 50, sample: int = 200) -> None:
        """Size columns to their header and cell texts (up to ``sample`` rows), capped at
        ``max_chars`` average characters, so the cap grows with the text size.

        Measuring the texts directly is several times cheaper than Qt's
        ``resizeColumnsToContents``, which asks the model for every role of every cell; the
        texts come straight from the model's cache (not cell by cell through Qt), each
        distinct text measured once.
        """
        self._fitted = (max_chars, sample)
        metrics = self.fontMetrics()
        max_width = max_chars * metrics.averageCharWidth()
        header = self.horizontalHeader()
        bold = header.fontMetrics()
        rows = min(self._source.rowCount(), sample)
        for column in range(self._source.columnCount() - 1):
            title = str(self._source.headerData(column, Qt.Orientation.Horizontal) or "")
            widest = bold.horizontalAdvance(title) + 28
            for text in set(self._source.column_texts(column, rows)):
                widest = max(widest, metrics.horizontalAdvance(text) + 16)
            self.setColumnWidth(column, min(widest, max_width))

    def ref_at_row(self, row: int) -> EntityRef | None:
        value = self._source.index(row, 0).data(REF_ROLE)
        return value if isinstance(value, EntityRef) else None

    def select_ref(self, ref: EntityRef | None) -> None:
        """Follow the shared selection without echoing it back."""
        source_row = self._source.row_of(ref) if ref is not None else None
        with QSignalBlocker(self.selectionModel()):
            self._select_source_row(source_row)
        self.viewport().update()

    def _select_source_row(self, source_row: int | None) -> None:
        if source_row is None:
            self.clearSelection()
            return
        index = self._source.index(source_row, 0)
        self.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def _on_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.record_selected.emit(indexes[0].data(REF_ROLE))
