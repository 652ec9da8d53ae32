"""The sanctions browser: resolutions, their provisions, and a topics-by-resolution matrix."""

from __future__ import annotations

import re

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefer.domain.palette import MATRIX_TINT, rgb
from briefer.domain.records import EntityRef, Provision, Resolution
from briefer.domain.vocabulary import EntityKind, label
from briefer.services.sanctions import ProvisionFilter, SanctionsService, TopicMatrix
from briefer.ui.flow_layout import flow_row
from briefer.ui.models.record_table import Column, RecordTableModel
from briefer.ui.panels.record_table import RecordTable
from briefer.ui.signals import signals_blocked

ALL_TOPICS = "All topics"


def _ref(provision: Provision) -> EntityRef:
    return EntityRef(EntityKind.PROVISION, provision.id)


def _order(provision: Provision) -> str:
    """Resolution, then paragraph in numeric order (OP2 before OP10, annexes last)."""
    digits = re.search(r"\d+", provision.paragraph)
    number = int(digits.group()) if digits and provision.paragraph.startswith("OP") else 9999
    return f"{provision.resolution_number:05d}-{number:04d}-{provision.paragraph}"


PROVISION_COLUMNS: tuple[Column[Provision], ...] = (
    Column("Resolution", lambda p: p.resolution_symbol, sort_key=_order),
    Column("Paragraph", lambda p: p.paragraph, sort_key=_order),
    Column("Adopted", lambda p: p.adopted),
    Column("Status", lambda p: p.status_text),
    Column("Topics", lambda p: ", ".join(label(t) for t in p.topics)),
    Column("Summary", lambda p: p.summary, tooltip=lambda p: p.summary),
)
RESOLUTION_COLUMNS: tuple[Column[Resolution], ...] = (
    Column("Resolution", lambda r: r.symbol, sort_key=lambda r: f"{r.number:05d}"),
    Column("Adopted", lambda r: r.adopted),
    Column("Vote", lambda r: r.vote or "unknown"),
    Column("Trigger", lambda r: r.trigger or "", tooltip=lambda r: r.summary),
)


class SanctionsPanel(QWidget):
    """Filter provisions by topic, text, resolution or status; the matrix opens a cell's set.

    Signals:
        record_selected(object): the ``EntityRef`` of the provision or resolution picked.
    """

    record_selected = Signal(object)

    def __init__(self, service: SanctionsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Sanctions")
        self._service = service
        self.topic = QComboBox(self)
        self.topic.setAccessibleName("Filter provisions by topic")
        self.text = QLineEdit(self)
        self.text.setPlaceholderText("Filter provisions…")
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName("Filter provisions by text")
        self.in_force = QCheckBox("In force only", self)
        self.reset = QPushButton("Show all", self)
        self.count = QLabel(self)
        self.resolution_model: RecordTableModel[Resolution] = RecordTableModel(
            RESOLUTION_COLUMNS, lambda r: EntityRef(EntityKind.RESOLUTION, str(r.number))
        )
        self.resolutions = RecordTable(self.resolution_model, "Resolutions table", self)
        self.model: RecordTableModel[Provision] = RecordTableModel(PROVISION_COLUMNS, _ref)
        self.table = RecordTable(self.model, "Sanctions provisions table", self)
        self.matrix = QTableWidget(self)
        self.matrix.setAccessibleName("Topics by resolution")
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._resolution: int | None = None
        self._build_layout()
        self.topic.currentIndexChanged.connect(self.refresh)
        self.text.textChanged.connect(self.refresh)
        self.in_force.toggled.connect(self.refresh)
        self.reset.clicked.connect(self.show_all)
        self.table.record_selected.connect(self.record_selected)
        self.resolutions.record_selected.connect(self._on_resolution_selected)
        self.matrix.cellClicked.connect(self._on_matrix_clicked)
        self._fill_topics()
        self._fill_matrix(service.matrix())
        self.resolution_model.set_records(service.resolutions())
        self.resolutions.fit_columns(max_chars=23)
        self.refresh()

    def _build_layout(self) -> None:
        tools_row, tools = flow_row(self)
        for widget in (self.topic, self.text, self.in_force, self.reset, self.count):
            tools.addWidget(widget)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.resolutions)
        lower.addWidget(self.table)
        lower.setSizes([300, 700])
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.matrix)
        splitter.addWidget(lower)
        splitter.setSizes([230, 470])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(tools_row)
        layout.addWidget(splitter, stretch=1)

    def _fill_topics(self) -> None:
        self.topic.addItem(ALL_TOPICS, "")
        for topic in self._service.topics():
            self.topic.addItem(label(topic), topic)

    def _fill_matrix(self, matrix: TopicMatrix) -> None:
        self._matrix = matrix
        self.matrix.setRowCount(len(matrix.topics))
        self.matrix.setColumnCount(len(matrix.resolutions))
        self.matrix.setVerticalHeaderLabels([label(t) for t in matrix.topics])
        self.matrix.setHorizontalHeaderLabels(
            [f"{r.number}\n{r.adopted[:4]}" for r in matrix.resolutions]
        )
        peak = max((len(ids) for ids in matrix.cells.values()), default=1)
        for row, topic in enumerate(matrix.topics):
            for column, resolution in enumerate(matrix.resolutions):
                count = matrix.count(topic, resolution.number)
                item = QTableWidgetItem(str(count) if count else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(f"{label(topic)} in {resolution.symbol}: {count} provision(s)")
                if count:
                    item.setBackground(QBrush(QColor(*rgb(MATRIX_TINT), 50 + 150 * count // peak)))
                self.matrix.setItem(row, column, item)
        header = self.matrix.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.matrix.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def current_filter(self) -> ProvisionFilter:
        return ProvisionFilter(
            topic=str(self.topic.currentData() or ""),
            text=self.text.text(),
            resolution=self._resolution,
            in_force_only=self.in_force.isChecked(),
        )

    def refresh(self, *_args: object) -> None:
        provisions = self._service.provisions(self.current_filter())
        self.model.set_records(provisions)
        self.table.fit_columns(max_chars=28)
        resolutions = len({p.resolution_number for p in provisions})
        where = f" in S/RES/{self._resolution}" if self._resolution else ""
        self.count.setText(
            f"{len(provisions)} provision(s) from {resolutions} resolution(s){where}"
        )

    def show_all(self) -> None:
        self._resolution = None
        with signals_blocked(self.topic, self.text, self.in_force):
            self.topic.setCurrentIndex(0)
            self.text.clear()
            self.in_force.setChecked(False)
        self.refresh()

    def open_cell(self, topic: str, number: int) -> None:
        """Show the provisions of one matrix cell and select the first."""
        self._resolution = number
        with QSignalBlocker(self.topic):
            self.topic.setCurrentIndex(max(self.topic.findData(topic), 0))
        self.refresh()
        if self.model.rowCount():
            self.record_selected.emit(self.table.ref_at_row(0))

    def _on_matrix_clicked(self, row: int, column: int) -> None:
        matrix = self._matrix
        if matrix.count(matrix.topics[row], matrix.resolutions[column].number):
            self.open_cell(matrix.topics[row], matrix.resolutions[column].number)

    def _on_resolution_selected(self, ref: EntityRef) -> None:
        self._resolution = int(ref.id)
        self.refresh()
        self.record_selected.emit(ref)

    def show_selection(self, ref: EntityRef | None) -> None:
        self.table.select_ref(ref)
        self.resolutions.select_ref(ref)
