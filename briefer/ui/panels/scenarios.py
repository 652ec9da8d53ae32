"""Would it breach the sanctions? Each form of cooperation with the provisions it engages
(grouped by relation, with their status), the counter-arguments and the evidence, every item a
link; and a matrix of which resolutions each form of help engages."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefer.domain.palette import RELATION_COLOURS, RELATION_MARKS
from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import EntityKind
from briefer.services.scenarios import ScenarioMatrix, ScenariosService
from briefer.ui.panels.detail import ref_from_link
from briefer.ui.tooltips import as_text

LEGEND = "  ".join(f"{mark} {relation}" for relation, mark in RELATION_MARKS.items())


class ScenariosPanel(QWidget):
    """Signals:
    record_selected(object): the ``EntityRef`` of the scenario picked, or of a linked record.
    """

    record_selected = Signal(object)

    def __init__(self, service: ScenariosService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Scenarios")
        self._service = service
        self.list = QListWidget(self)
        self.list.setAccessibleName("Forms of cooperation")
        self.list.setWordWrap(True)
        self.view = QTextBrowser(self)
        self.view.setAccessibleName("Provisions, counter-arguments and evidence")
        self.view.setOpenLinks(False)
        self.matrix = QTableWidget(self)
        self.matrix.setAccessibleName("Scenarios by resolution")
        self.matrix.horizontalHeader().setAccessibleName("Resolutions")
        self.matrix.verticalHeader().setAccessibleName("Forms of cooperation")
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.view, "Scenario")
        matrix_page = QWidget(self)
        column = QVBoxLayout(matrix_page)
        column.setContentsMargins(0, 0, 0, 0)
        legend = QLabel(f"Strongest bearing of each resolution: {LEGEND}", matrix_page)
        legend.setWordWrap(True)
        column.addWidget(legend)
        column.addWidget(self.matrix)
        self.tabs.addTab(matrix_page, "By resolution")
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self._ids: list[str] = []
        self._fill()
        self.view.setHtml(
            f"<p>{len(self._ids)} forms of Russia–DPRK cooperation. Choose one on the left to "
            "see the Security Council provisions it engages (grouped as prohibits, restricts, "
            "exempts or arguable, with each provision's status), the counter-arguments made "
            "in public and the events that show it happening or alleged.</p>"
            "<p>The <i>By resolution</i> tab shows which resolutions each form engages.</p>"
        )
        self.list.currentRowChanged.connect(self._on_row)
        self.view.anchorClicked.connect(self._on_link)
        self.matrix.cellClicked.connect(self._on_cell)
        # the matrix names its rows itself: it takes the list's room
        self.tabs.currentChanged.connect(lambda index: self.list.setVisible(index == 0))

    def _on_cell(self, row: int, _column: int) -> None:
        self.list.setCurrentRow(row)
        self.tabs.setCurrentWidget(self.view)

    def _fill(self) -> None:
        scenarios = self._service.scenarios()
        self._ids = [s.id for s in scenarios]
        for scenario in scenarios:
            item = QListWidgetItem(scenario.title, self.list)
            item.setToolTip(as_text(scenario.summary))
        self._fill_matrix(self._service.matrix())

    def _fill_matrix(self, matrix: ScenarioMatrix) -> None:
        self.matrix.setRowCount(len(matrix.scenarios))
        self.matrix.setColumnCount(len(matrix.resolutions))
        self.matrix.setVerticalHeaderLabels([s.title for s in matrix.scenarios])
        for column, (number, symbol) in enumerate(matrix.resolutions):
            heading = QTableWidgetItem(str(number))
            heading.setToolTip(symbol)
            self.matrix.setHorizontalHeaderItem(column, heading)
            for row, scenario in enumerate(matrix.scenarios):
                relation = matrix.cells.get((scenario.id, number), "")
                item = QTableWidgetItem(RELATION_MARKS.get(relation, ""))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if relation:
                    tint = QColor(RELATION_COLOURS[relation])
                    tint.setAlpha(70)
                    item.setBackground(QBrush(tint))
                    item.setToolTip(f"{scenario.title}: {symbol} {relation} it")
                self.matrix.setItem(row, column, item)
        header = self.matrix.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self._ids):
            ref = EntityRef(EntityKind.SCENARIO, self._ids[row])
            self._show(ref)
            self.record_selected.emit(ref)

    def _show(self, ref: EntityRef) -> None:
        from briefer.ui.panels.scenario_html import scenario_html

        self.view.setHtml(scenario_html(self._service.view(ref.id)))
        self.tabs.setCurrentWidget(self.view)

    def _on_link(self, url: QUrl) -> None:
        ref = ref_from_link(url)
        if ref is not None:
            self.record_selected.emit(ref)

    def show_selection(self, ref: EntityRef | None) -> None:
        """Follow the shared selection to a scenario opened elsewhere (search, a link)."""
        if ref is None or ref.kind != EntityKind.SCENARIO or ref.id not in self._ids:
            return
        with QSignalBlocker(self.list):
            self.list.setCurrentRow(self._ids.index(ref.id))
        self._show(ref)
