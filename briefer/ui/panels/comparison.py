"""The comparison panel: pick 2 to 6 systems of one kind, compare them as a table and a chart."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelection, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefer.domain.records import EntityRef, Subject
from briefer.domain.vocabulary import EntityKind, SubjectKind
from briefer.services.comparison import (
    MAX_SUBJECTS,
    MIN_SUBJECTS,
    ComparisonMatrix,
    ComparisonService,
)
from briefer.ui.dialogs.save_path import ask_save_path
from briefer.ui.exports import png_bytes, save_export
from briefer.ui.flow_layout import flow_row
from briefer.ui.models.comparison_table import ComparisonTableModel
from briefer.ui.models.record_table import REF_ROLE
from briefer.ui.panels.comparison_chart import ComparisonChart

KIND_CHOICES = (
    ("Launch vehicles", SubjectKind.LAUNCH_VEHICLE),
    ("Satellites", SubjectKind.SATELLITE),
)
ALL_COUNTRIES = "All countries"


class SubjectPicker(QWidget):
    """A searchable, country-filtered list of checkable subjects; at most six checked.

    Signals:
        kind_changed(str): the user chose launch vehicles or satellites.
        checked_changed(list): the ids now checked, in the order they were checked.
    """

    kind_changed = Signal(str)
    checked_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_box = QComboBox(self)
        self.kind_box.setAccessibleName("Kind of system")
        for text, kind in KIND_CHOICES:
            self.kind_box.addItem(text, kind)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search systems…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search systems")
        self.country = QComboBox(self)
        self.country.setAccessibleName("Filter by country")
        self.list = QListWidget(self)
        self.list.setAccessibleName("Systems to compare")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.kind_box, self.search, self.country, self.list, self.status):
            layout.addWidget(widget)
        self._order: list[str] = []
        self.kind_box.currentIndexChanged.connect(lambda _: self.kind_changed.emit(self.kind))
        self.search.textChanged.connect(self._apply_filter)
        self.country.currentIndexChanged.connect(self._apply_filter)
        self.list.itemChanged.connect(self._on_item_changed)

    @property
    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def set_subjects(self, subjects: Sequence[Subject], checked: Sequence[str]) -> None:
        self._order = [i for i in checked if i in {s.id for s in subjects}][:MAX_SUBJECTS]
        with QSignalBlocker(self.list):
            self.list.clear()
            for subject in sorted(subjects, key=lambda s: (s.country, s.name)):
                native = f" · {subject.native_name}" if subject.native_name else ""
                item = QListWidgetItem(f"{subject.name}{native}  ({subject.country})")
                item.setData(Qt.ItemDataRole.UserRole, subject.id)
                item.setToolTip(f"{subject.name}{native}, {subject.country}")
                item.setData(
                    Qt.ItemDataRole.UserRole + 1,
                    f"{subject.name} {subject.native_name or ''} "
                    f"{' '.join(subject.aliases)} {subject.country}".casefold(),
                )
                item.setData(Qt.ItemDataRole.UserRole + 2, subject.country)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if subject.id in self._order else Qt.CheckState.Unchecked
                )
                self.list.addItem(item)
        with QSignalBlocker(self.country):
            self.country.clear()
            self.country.addItem(ALL_COUNTRIES)
            self.country.addItems(sorted({s.country for s in subjects}))
        self._apply_filter()
        self._update_status()

    @property
    def checked(self) -> list[str]:
        return list(self._order)

    def set_checked(self, ids: Sequence[str]) -> None:
        wanted = list(ids)[:MAX_SUBJECTS]
        with QSignalBlocker(self.list):
            for row in range(self.list.count()):
                item = self.list.item(row)
                on = item.data(Qt.ItemDataRole.UserRole) in wanted
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self._order = wanted
        self._update_status()
        self.checked_changed.emit(self.checked)

    def _apply_filter(self, *_args: object) -> None:
        needle = self.search.text().strip().casefold()
        country = self.country.currentText()
        for row in range(self.list.count()):
            item = self.list.item(row)
            matches = needle in item.data(Qt.ItemDataRole.UserRole + 1)
            in_country = (
                country in ("", ALL_COUNTRIES) or item.data(Qt.ItemDataRole.UserRole + 2) == country
            )
            item.setHidden(not (matches and in_country))

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        subject_id = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked and subject_id not in self._order:
            if len(self._order) >= MAX_SUBJECTS:
                with QSignalBlocker(self.list):
                    item.setCheckState(Qt.CheckState.Unchecked)
                self.status.setText(f"At most {MAX_SUBJECTS} systems: untick one first.")
                return
            self._order.append(subject_id)
        elif item.checkState() != Qt.CheckState.Checked and subject_id in self._order:
            self._order.remove(subject_id)
        self._update_status()
        self.checked_changed.emit(self.checked)

    def _update_status(self) -> None:
        count = len(self._order)
        hint = "" if count >= MIN_SUBJECTS else f" Tick at least {MIN_SUBJECTS} to compare."
        self.status.setText(f"{count} of at most {MAX_SUBJECTS} selected.{hint}")


class ComparisonPanel(QWidget):
    """Systems side by side: the table of attributes and a chart of one of them.

    Signals:
        record_selected(object): the ``EntityRef`` of a subject the user picked in the table.
        comparison_changed(str, list): the kind and the ids now compared (the briefing uses them).
    """

    record_selected = Signal(object)
    comparison_changed = Signal(str, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Comparison")
        self._service: ComparisonService | None = None
        self._chosen: dict[str, list[str]] = {}
        self.matrix: ComparisonMatrix | None = None
        self.picker = SubjectPicker(self)
        self.model = ComparisonTableModel()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Comparison table")
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.attribute = QComboBox(self)
        self.attribute.setAccessibleName("Attribute to chart")
        self.log_box = QCheckBox("Log scale", self)
        self.chart = ComparisonChart(self)
        self._build_layout()
        self.picker.kind_changed.connect(self._on_kind_changed)
        self.picker.checked_changed.connect(self._on_checked_changed)
        self.attribute.currentIndexChanged.connect(lambda _: self._draw_chart(auto_scale=True))
        self.log_box.toggled.connect(lambda _: self._draw_chart(auto_scale=False))
        self.table.selectionModel().selectionChanged.connect(self._on_cell_selected)
        self._fit_table_to_font()

    def _fit_table_to_font(self) -> None:
        """Each system's column keeps room for about twelve characters; beyond that the table
        scrolls sideways rather than cutting every value to an ellipsis."""
        metrics = self.fontMetrics()  # the table's own may not have followed the change yet
        self.table.horizontalHeader().setMinimumSectionSize(12 * metrics.averageCharWidth())
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "table"):
            self._fit_table_to_font()

    def _build_layout(self) -> None:
        buttons_row, buttons = flow_row(self)
        buttons.addWidget(QLabel("Chart:", self))
        self.attribute.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        buttons.addWidget(self.attribute)
        buttons.addWidget(self.log_box)
        for text, handler in (
            ("Copy TSV", self.copy_tsv),
            ("Copy CSV", self.copy_csv),
            ("Export chart PNG…", self._ask_export),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(handler)
            buttons.addWidget(button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Vertical, right)
        splitter.addWidget(self.table)
        lower = QWidget(splitter)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(buttons_row)
        lower_layout.addWidget(self.chart, stretch=1)
        splitter.addWidget(lower)
        splitter.setSizes([380, 300])
        right_layout.addWidget(splitter)
        outer = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(self.picker)
        outer.addWidget(right)
        outer.setSizes([240, 760])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(outer)

    # data -------------------------------------------------------------------------------
    def load(self, service: ComparisonService, chosen: dict[str, list[str]]) -> None:
        """Start with the analyst's last comparison per kind, else the defaults."""
        self._service = service
        self._chosen = {kind: list(ids) for kind, ids in chosen.items()}
        self._on_kind_changed(self.picker.kind)

    def selection(self) -> tuple[str, list[str]]:
        return self.picker.kind, self.picker.checked

    def _on_kind_changed(self, kind: str) -> None:
        if self._service is None:
            return
        chosen = self._service.starting_selection(kind, self._chosen.get(kind, []))
        self.picker.set_subjects(self._service.subjects(kind), chosen)
        self._on_checked_changed(self.picker.checked)

    def _on_checked_changed(self, ids: list[str]) -> None:
        if self._service is None:
            return
        kind = self.picker.kind
        self._chosen[kind] = list(ids)
        self.matrix = self._service.matrix(kind, ids)
        self.model.set_matrix(self.matrix)
        self.table.resizeRowsToContents()
        self._fill_attributes()
        self.comparison_changed.emit(kind, list(ids))

    def _fill_attributes(self) -> None:
        current = self.attribute.currentData()
        with QSignalBlocker(self.attribute):
            self.attribute.clear()
            for row in self.matrix.rows if self.matrix else ():
                if row.numeric:
                    self.attribute.addItem(row.heading, row.attribute)
            position = self.attribute.findData(current)
            self.attribute.setCurrentIndex(position if position >= 0 else 0)
        self._draw_chart(auto_scale=True)

    def _draw_chart(self, auto_scale: bool) -> None:
        attribute = self.attribute.currentData()
        if self.matrix is None or attribute is None or len(self.matrix.subjects) == 0:
            return
        row = self.matrix.row(attribute)
        self.chart.show_row(
            row, self.matrix.subjects, None if auto_scale else self.log_box.isChecked()
        )
        with QSignalBlocker(self.log_box):
            self.log_box.setChecked(self.chart.log_scale)

    # selection and output ---------------------------------------------------------------
    def _on_cell_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.record_selected.emit(indexes[0].data(REF_ROLE))

    def reveal(self, ref: EntityRef) -> None:
        """Show a system: switch to its kind, tick it (when six are compared already, the one
        ticked first makes room) and select its column."""
        if self._service is None or ref.kind != EntityKind.SUBJECT:
            return
        subject_id = ref.id
        service = self._service
        kinds = [kind for _text, kind in KIND_CHOICES]
        found = [kind for kind in kinds if subject_id in {s.id for s in service.subjects(kind)}]
        if not found:
            return
        if self.picker.kind != found[0]:
            self.picker.kind_box.setCurrentIndex(kinds.index(found[0]))
        checked = self.picker.checked
        if subject_id not in checked:
            dropped = checked[0] if len(checked) >= MAX_SUBJECTS else None
            self.picker.set_checked([*(c for c in checked if c != dropped), subject_id])
            if dropped is not None:
                self.picker.status.setText(
                    f"Added to the comparison; {dropped} was taken out to keep at most "
                    f"{MAX_SUBJECTS}."
                )
        ids = [subject.id for subject in self.matrix.subjects] if self.matrix else []
        if subject_id in ids:
            self.table.setCurrentIndex(self.model.index(0, ids.index(subject_id)))

    def copy_tsv(self) -> None:
        if self.matrix is not None:
            QApplication.clipboard().setText(self.matrix.as_delimited("\t"))

    def copy_csv(self) -> None:
        if self.matrix is not None:
            QApplication.clipboard().setText(self.matrix.as_delimited(","))

    def export_chart(self, path: Path) -> bool:
        """False (after a warning dialog) when nothing was written."""
        return save_export(self, path, lambda: png_bytes(self.chart.grab()))

    def _ask_export(self) -> None:
        path = ask_save_path(self, "Export chart", "comparison.png", "png")
        if path is not None:
            self.export_chart(path)
