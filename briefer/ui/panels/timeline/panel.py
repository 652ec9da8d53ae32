"""The timeline panel: chart, filters, presets, jump list, exports and the same items as a table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMenu,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefer.domain import dates
from briefer.domain.palette import CONFIDENCE_MARKS, LOCAL_COLOUR
from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import label
from briefer.services.timeline import NO_OUTCOME, Timeline, TimelineFilter, TimelineItem, cumulative
from briefer.ui.flow_layout import flow_row
from briefer.ui.models.record_table import Column, RecordTableModel
from briefer.ui.panels.record_table import RecordTable
from briefer.ui.panels.timeline.chart import YEAR, TimelineChart
from briefer.ui.panels.timeline.columns import columns_from_items
from briefer.ui.panels.timeline.filters import FilterBar
from briefer.ui.panels.timeline.style import colour_of
from briefer.ui.screen_fit import vertical_scroll

PRESETS = (("All", None), ("Since 2012", date(2012, 1, 1)), ("Since 2023", date(2023, 1, 1)))


def _when(item: TimelineItem) -> str:
    if item.is_period:
        return f"{item.date_utc} –"
    return item.date_utc if item.precision == "day" else f"{item.date_utc} ({item.precision})"


def _outcome(item: TimelineItem) -> str:
    return "" if item.outcome == NO_OUTCOME else item.outcome


ITEM_COLUMNS: tuple[Column[TimelineItem], ...] = (
    Column("Date (UTC)", _when, sort_key=lambda i: f"{i.start:020.1f}"),
    Column("Category", lambda i: label(i.category)),
    Column("Title", lambda i: i.title, tooltip=lambda i: i.summary),
    Column(
        "Outcome",
        _outcome,
        colour=lambda i: None if i.outcome == NO_OUTCOME else colour_of(i.outcome),
    ),
    Column("Actors", lambda i: ", ".join(i.actors)),
    Column("Confidence", lambda i: f"{CONFIDENCE_MARKS.get(i.confidence, '')} {i.confidence}"),
    Column(
        "Record",
        lambda i: "Your own" if i.local else "Dataset",
        colour=lambda i: LOCAL_COLOUR if i.local else None,
    ),
)


class TimelinePanel(QWidget):
    """Everything dated, drawn and listed; filtering, zoom and keyboard navigation.

    Signals:
        record_selected(object): the ``EntityRef`` the user picked in the chart or the table.
    """

    record_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Timeline")
        self._timeline = Timeline()
        self._source: Callable[[], Timeline] | None = None
        self._as_of = date.today()
        self._shown: list[TimelineItem] = []
        self._until = 0.0
        self._selected: EntityRef | None = None
        self.chart = TimelineChart(self)
        self.filters = FilterBar(self)
        self.model: RecordTableModel[TimelineItem] = RecordTableModel(ITEM_COLUMNS, lambda i: i.ref)
        self.table = RecordTable(self.model, "Timeline events table", self)
        self.view_label = QLabel(self)
        self.view_label.setAccessibleName("Visible date range")
        self.jump = QComboBox(self)
        self.jump.setMinimumContentsLength(16)
        self.jump.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.jump.setAccessibleName("Jump to a milestone")
        self._build_layout()
        self.chart.item_clicked.connect(self._on_chart_clicked)
        self.chart.key_pressed.connect(self._on_key)
        self.chart.range_changed.connect(self._on_range_changed)
        self.table.record_selected.connect(self.record_selected)
        self.filters.filter_changed.connect(self.apply_filter)
        self.jump.activated.connect(self._on_jump)

    def _build_layout(self) -> None:
        row, tools = flow_row(self)
        for text, since in PRESETS:
            button = QToolButton(self)
            button.setText(text)
            button.setAccessibleName(f"Zoom preset {text}")
            button.clicked.connect(lambda _=False, s=since: self.show_since(s))
            tools.addWidget(button)
        for text, factor, name in (
            ("Fit", 0.0, "Fit shown items"),
            ("+", 0.5, "Zoom in"),
            ("−", 2.0, "Zoom out"),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setAccessibleName(name)
            button.setToolTip(name)
            button.clicked.connect(
                lambda _=False, f=factor: self.fit() if f == 0 else self.chart.zoom(f)
            )
            tools.addWidget(button)
        tools.addWidget(self.view_label)
        self.jump.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        tools.addWidget(self.jump)
        export = QToolButton(self)
        export.setText("Export")
        export.setAccessibleName("Export the chart")
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export.setMenu(QMenu(export))
        for text, suffix in (("PNG image…", "png"), ("SVG drawing…", "svg")):
            action = export.menu().addAction(text)
            action.triggered.connect(lambda _=False, s=suffix: self._ask_export(s))
        tools.addWidget(export)
        tools.addWidget(self.filters.count)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        # on a short screen at large text the lanes keep a line each and the chart scrolls
        area = vertical_scroll(self.chart, self)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setAccessibleName("Timeline chart area")
        splitter.addWidget(area)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([640, 160])
        self.table.setMinimumHeight(100)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(row)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, stretch=1)

    # data -------------------------------------------------------------------------------
    def set_source(self, source: Callable[[], Timeline], until: date) -> None:
        """Read the timeline from ``source`` now and again whenever records change."""
        self._source, self._as_of = source, until
        self.set_timeline(source(), until)

    def records_changed(self) -> None:
        if self._source is not None:
            self.set_timeline(self._source(), self._as_of, keep_view=True)

    def set_timeline(self, timeline: Timeline, until: date, keep_view: bool = False) -> None:
        self._timeline = timeline
        self._until = dates.epoch_seconds(until)
        self.filters.set_actors(timeline.actors())
        self.jump.clear()
        self.jump.addItem("Jump to a milestone…", None)
        for item in timeline.milestones():
            self.jump.addItem(f"{item.date_utc} · {item.title}", item.ref)
        self.apply_filter(self.filters.current(), keep_view=keep_view)
        QTimer.singleShot(0, lambda: self.table.fit_columns(max_chars=45))

    def apply_filter(self, wanted: TimelineFilter, keep_view: bool = True) -> None:
        view = self.chart.view_range() if keep_view and self._shown else None
        self._shown = self._timeline.filtered(wanted)
        points = [item for item in self._shown if not item.is_period]
        periods = [item for item in self._shown if item.is_period]
        self.chart.set_data(
            columns_from_items(self._shown), periods, cumulative(points), self.describe, self._until
        )
        if view is not None:
            self.chart.set_view(*view)
        self.model.set_records(self._shown)
        self.filters.set_count(len(self._shown), len(self._timeline.items), self._timeline.notice)
        self.show_selection(self._selected)

    @property
    def shown(self) -> list[TimelineItem]:
        return list(self._shown)

    def describe(self, index: int) -> str:
        item = self._shown[index]
        what = item.outcome if item.outcome != NO_OUTCOME else label(item.category)
        precision = "" if item.precision == "day" else f" (known to the {item.precision})"
        return f"{item.title}\n{item.date_utc}{precision}\n{what}"

    # selection and navigation ---------------------------------------------------------
    def _index_of(self, ref: EntityRef | None) -> int | None:
        if ref is None:
            return None
        return next((i for i, item in enumerate(self._shown) if item.ref == ref), None)

    def show_selection(self, ref: EntityRef | None) -> None:
        self._selected = ref
        index = self._index_of(ref)
        self.chart.show_selection(index)
        if index is not None:
            self.chart.ensure_visible(index)
        self.table.select_ref(ref)
        self._describe_chart()

    def _describe_chart(self) -> None:
        """What a screen reader says of the chart: what it shows, how many, what is selected,
        and where the same records are listed as text."""
        index = self._index_of(self._selected)
        chosen = "nothing" if index is None else self._shown[index].title
        total = len(self._timeline.items)
        self.chart.setAccessibleDescription(
            f"{len(self._shown)} of {total} records in lanes by category, launches marked by "
            f"outcome, {self.view_label.text()}. Selected: {chosen}. The Timeline events "
            "table below the chart lists the same records as text."
        )

    def _on_chart_clicked(self, index: int) -> None:
        self.chart.setFocus()
        self.record_selected.emit(self._shown[index].ref)

    def step(self, offset: int) -> None:
        """Select the previous (-1) or next (+1) shown item in date order."""
        if not self._shown:
            return
        current = self._index_of(self._selected)
        if current is None:
            target = 0 if offset > 0 else len(self._shown) - 1
        else:
            target = min(max(current + offset, 0), len(self._shown) - 1)
        self.record_selected.emit(self._shown[target].ref)

    def _on_key(self, key: Qt.Key) -> None:
        if key == Qt.Key.Key_Right:
            self.step(+1)
        elif key == Qt.Key.Key_Left:
            self.step(-1)
        elif key == Qt.Key.Key_Home and self._shown:
            self.record_selected.emit(self._shown[0].ref)
        elif key == Qt.Key.Key_End and self._shown:
            self.record_selected.emit(self._shown[-1].ref)
        else:
            index = self._index_of(self._selected)
            centre = self._shown[index].middle if index is not None else None
            self.chart.zoom(2.0 if key == Qt.Key.Key_Minus else 0.5, centre)

    def _on_jump(self, position: int) -> None:
        ref = self.jump.itemData(position)
        if isinstance(ref, EntityRef):
            index = self._index_of(ref)
            if index is not None:
                middle = self._shown[index].middle
                self.chart.set_view(middle - YEAR, middle + YEAR)
            self.record_selected.emit(ref)

    # zoom -------------------------------------------------------------------------------
    def show_since(self, since: date | None) -> None:
        low, high = self.chart.full_range([i for i in self._shown if i.is_period])
        if since is not None:
            low = dates.epoch_seconds(since)
        self.chart.set_view(low, high)

    def fit(self) -> None:
        self.show_since(None)

    # export -----------------------------------------------------------------------------
    def export(self, path: Path) -> bool:
        """PNG or SVG by the suffix; False (after a warning dialog) when nothing was written."""
        from briefer.ui.exports import save_export
        from briefer.ui.scene_export import scene_png, scene_svg

        if path.suffix.lower() == ".svg":
            return save_export(self, path, lambda: scene_svg(self.chart, self.chart.ci, "timeline"))
        return save_export(self, path, lambda: scene_png(self.chart.ci, 800))

    def _ask_export(self, suffix: str) -> None:
        from briefer.ui.dialogs.save_path import ask_save_path

        path = ask_save_path(self, "Export timeline", f"timeline.{suffix}", suffix)
        if path is not None:
            self.export(path)

    def _on_range_changed(self, x0: float, x1: float) -> None:
        first, last = dates.utc_date(x0), dates.utc_date(x1)
        self.view_label.setText(f"{first.isoformat()} – {last.isoformat()}")
        self._describe_chart()

    def apply_palette(self) -> None:
        self.chart.apply_palette()
