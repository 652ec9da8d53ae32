"""The sanctions panel: Security Council provisions that bear on space cooperation."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from briefer.domain.records import EntityRef, Provision
from briefer.domain.vocabulary import EntityKind, label
from briefer.ui.models.record_table import Column, RecordTableModel
from briefer.ui.panels.record_table import RecordTable


def _ref(provision: Provision) -> EntityRef:
    return EntityRef(EntityKind.PROVISION, provision.id)


def _status(provision: Provision) -> str:
    text = label(provision.status)
    return f"{text} since {provision.status_since}" if provision.status_since else text


def _order(provision: Provision) -> str:
    """Resolution, then paragraph in numeric order (OP2 before OP10, annexes last)."""
    digits = re.search(r"\d+", provision.paragraph)
    number = int(digits.group()) if digits and provision.paragraph.startswith("OP") else 9999
    return f"{provision.resolution_number:05d}-{number:04d}-{provision.paragraph}"


PROVISION_COLUMNS: tuple[Column[Provision], ...] = (
    Column("Resolution", lambda p: p.resolution_symbol, sort_key=_order),
    Column("Paragraph", lambda p: p.paragraph, sort_key=_order),
    Column("Adopted", lambda p: p.adopted),
    Column("Status", _status),
    Column("Topics", lambda p: ", ".join(label(t) for t in p.topics)),
    Column("Summary", lambda p: p.summary, tooltip=lambda p: p.summary),
)


class SanctionsPanel(QWidget):
    """Provisions as a sortable table.

    Signals:
        record_selected(object): the ``EntityRef`` of the provision the user picked.
    """

    record_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Sanctions")
        self.heading = QLabel(self)
        self.model: RecordTableModel[Provision] = RecordTableModel(PROVISION_COLUMNS, _ref)
        self.table = RecordTable(self.model, "Sanctions provisions table", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, stretch=1)
        self.table.record_selected.connect(self.record_selected)

    def set_provisions(self, provisions: Sequence[Provision]) -> None:
        resolutions = len({p.resolution_number for p in provisions})
        self.heading.setText(
            f"<b>UN Security Council provisions</b> — {len(provisions)} paragraphs "
            f"from {resolutions} resolutions"
        )
        self.model.set_records(provisions)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.fit_columns(max_width=200)

    def show_selection(self, ref: EntityRef | None) -> None:
        self.table.select_ref(ref)
