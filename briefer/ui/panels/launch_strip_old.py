"""The timeline panel: launch attempts on a date axis and as a sortable table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from briefer.domain.records import EntityRef, LaunchAttempt
from briefer.domain.vocabulary import EntityKind
from briefer.services import formatting
from briefer.services.launches import LaunchTally
from briefer.ui.models.record_table import Column, RecordTableModel
from briefer.ui.panels.record_table import RecordTable
from briefer.ui.theme import CONFIDENCE_MARKS, OUTCOME_COLOURS, OUTCOME_SYMBOLS


def _timestamp(launch: LaunchAttempt) -> float:
    moment = datetime.fromisoformat(f"{launch.date_utc}T{launch.time_utc or '12:00'}")
    return moment.replace(tzinfo=UTC).timestamp()


def _launch_ref(launch: LaunchAttempt) -> EntityRef:
    return EntityRef(EntityKind.LAUNCH_ATTEMPT, launch.id)


LAUNCH_COLUMNS: tuple[Column[LaunchAttempt], ...] = (
    Column(
        "Date (UTC)",
        formatting.launch_when_utc,
        sort_key=lambda la: f"{la.date_utc} {la.time_utc or ''}",
    ),
    Column(
        "Outcome",
        formatting.outcome_pair,
        colour=lambda la: OUTCOME_COLOURS.get(la.outcome),
        tooltip=lambda la: f"Assessed: {la.outcome}; DPRK claimed: {la.claimed_outcome}",
    ),
    Column("Vehicle", lambda la: la.vehicle, tooltip=lambda la: la.vehicle),
    Column("Payload", lambda la: la.payload or formatting.UNKNOWN),
    Column("Site", lambda la: la.site),
    Column("Orbit", lambda la: "yes" if la.reached_orbit else "no"),
    Column(
        "Confidence",
        lambda la: f"{CONFIDENCE_MARKS.get(la.confidence, '')} {la.confidence}",
        tooltip=lambda la: f"{len(la.sources)} source(s)",
    ),
)


class LaunchStrip(pg.PlotWidget):
    """One lane of launch markers, shaped and coloured by outcome, on a UTC date axis.

    Signals:
        launch_clicked(object): the ``EntityRef`` of the clicked marker.
    """

    launch_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent, axisItems={"bottom": pg.DateAxisItem(orientation="bottom", utcOffset=0)}
        )
        self.setAccessibleName("Launch attempts on a time axis")
        self.setFixedHeight(120)
        self.setMouseEnabled(x=True, y=False)
        self.hideAxis("left")
        self.setYRange(-1, 1, padding=0)
        self._spots = pg.ScatterPlotItem(size=13, hoverable=True, tip=self._tip)
        self._ring = pg.ScatterPlotItem(size=24, symbol="o", brush=None)
        self.addItem(self._spots)
        self.addItem(self._ring)
        self._spots.sigClicked.connect(self._on_spots_clicked)
        self._x_by_id: dict[str, float] = {}
        self._legend = self.addLegend(offset=(8, 2), colCount=4)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        constructed = getattr(self, "_legend", None) is not None
        if constructed and event.type() == QEvent.Type.PaletteChange:
            self.apply_palette()

    def apply_palette(self) -> None:
        palette = QApplication.palette()
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        self.getAxis("bottom").setTextPen(text)
        self.getAxis("bottom").setPen(text)
        self._ring.setPen(pg.mkPen(palette.color(QPalette.ColorRole.Highlight), width=2.5))
        self._legend.setLabelTextColor(text)

    def set_launches(self, launches: Sequence[LaunchAttempt]) -> None:
        spots = [self._spot(launch) for launch in launches]
        self._x_by_id = {
            launch.id: spot["pos"][0] for launch, spot in zip(launches, spots, strict=True)
        }
        self._spots.setData(spots)
        self._legend.clear()
        for outcome in ("success", "failure"):
            sample = pg.ScatterPlotItem(
                symbol=OUTCOME_SYMBOLS[outcome], brush=OUTCOME_COLOURS[outcome], pen=None, size=11
            )
            self._legend.addItem(sample, outcome.capitalize())
        if self._x_by_id:
            low, high = min(self._x_by_id.values()), max(self._x_by_id.values())
            margin = (high - low) * 0.04 or 86400 * 30
            self.setXRange(low - margin, high + margin, padding=0)

    def show_selection(self, ref: EntityRef | None) -> None:
        x = self._x_by_id.get(ref.id) if ref is not None else None
        self._ring.setData([] if x is None else [{"pos": (x, -0.25)}])

    @staticmethod
    def _spot(launch: LaunchAttempt) -> dict[str, Any]:
        colour = OUTCOME_COLOURS.get(launch.outcome, OUTCOME_COLOURS["unknown"])
        return {
            "pos": (_timestamp(launch), -0.25),
            "symbol": OUTCOME_SYMBOLS.get(launch.outcome, "s"),
            "brush": pg.mkBrush(colour),
            "pen": pg.mkPen(colour, width=1.5),
            "data": launch,
        }

    @staticmethod
    def _tip(x: float, y: float, data: Any) -> str:
        launch: LaunchAttempt = data
        lines = (
            f"{launch.vehicle} / {launch.payload or '?'}",
            formatting.launch_when_utc(launch),
            formatting.outcome_pair(launch),
        )
        return "\n".join(lines)

    def _on_spots_clicked(self, _item: Any, points: Sequence[Any], _event: Any) -> None:
        if len(points):
            self.launch_clicked.emit(_launch_ref(points[0].data()))


class TimelinePanel(QWidget):
    """Launch attempts as a strip on a date axis above a table of the same rows.

    Signals:
        record_selected(object): the ``EntityRef`` the user picked in the strip or the table.
    """

    record_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Timeline")
        self.tally_label = QLabel(self)
        self.tally_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.strip = LaunchStrip(self)
        self.model: RecordTableModel[LaunchAttempt] = RecordTableModel(LAUNCH_COLUMNS, _launch_ref)
        self.table = RecordTable(self.model, "Launch attempts table", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tally_label)
        layout.addWidget(self.strip)
        layout.addWidget(self.table, stretch=1)
        self.strip.launch_clicked.connect(self.record_selected)
        self.table.record_selected.connect(self.record_selected)

    def set_launches(self, launches: Sequence[LaunchAttempt], tally: LaunchTally) -> None:
        self.tally_label.setText(
            f"<b>DPRK satellite launch attempts</b> — {tally.sentence}; "
            f"DPRK media claimed success {tally.claimed_success} times."
        )
        self.strip.set_launches(launches)
        self.model.set_records(launches)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.fit_columns(max_width=240)

    def show_selection(self, ref: EntityRef | None) -> None:
        self.strip.show_selection(ref)
        self.table.select_ref(ref)
