"""The compose dialog's layout: the form (scrolling at large text) and its buttons on the left,
the page preview on the right, the two sides in a splitter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefer.ui.flow_layout import flow_row
from briefer.ui.screen_fit import vertical_scroll

if TYPE_CHECKING:
    from briefer.ui.dialogs.compose import ComposeDialog


def lay_out(dialog: ComposeDialog) -> None:
    form = QFormLayout()
    for label, widget in (
        ("Template", dialog.template),
        ("Title", dialog.title),
        ("Bottom line up front", dialog.bluf),
        ("Key judgments (one per line)", dialog.judgments),
        ("Confidence (line at cursor)", dialog.confidence),
        ("", dialog.findings),
        ("Banner", dialog.banner),
        ("Author", dialog.author),
        ("Date", dialog.date),
        ("Page size", dialog.page_size),
    ):
        form.addRow(label, widget)
    for name, box in dialog.include.items():
        form.addRow("", box)
        if name == "provisions":
            form.addRow("", dialog.provision_list)
    fields = QWidget(dialog)
    fields_layout = QVBoxLayout(fields)
    fields_layout.addWidget(dialog.banner_of_changes)
    fields_layout.addLayout(form)
    buttons_row, buttons = flow_row(dialog)
    for control in (dialog.reset_button, dialog.copy_button, *dialog.exports.widgets()):
        buttons.addWidget(control)
    left = QWidget(dialog)
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(0, 0, 0, 0)
    left_layout.addWidget(vertical_scroll(fields, dialog), stretch=1)
    left_layout.addWidget(buttons_row)
    left_layout.addWidget(dialog.status)
    scroll = QScrollArea(dialog)
    scroll.setWidget(dialog.preview)
    scroll.setWidgetResizable(True)
    # at large text the form scrolls and the preview can be narrowed, so the dialog fits
    sides = QSplitter(Qt.Orientation.Horizontal, dialog)
    sides.addWidget(left)
    sides.addWidget(scroll)
    sides.setStretchFactor(0, 5)
    sides.setStretchFactor(1, 6)
    sides.setSizes([5000, 6000])  # shared 5:6 whatever the width
    layout = QHBoxLayout(dialog)
    layout.addWidget(sides)
