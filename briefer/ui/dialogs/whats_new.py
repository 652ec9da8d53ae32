"""Help > What's new in this dataset (also shown after an update): every record added, changed
or removed since the dataset it replaced, each opening its record."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefer.domain.records import EntityRef
from briefer.services.dataset_changes import ChangeItem, WhatsNew
from briefer.store.errors import StoreError
from briefer.ui.screen_fit import resize_within_screen
from briefer.ui.theme import muted_ink

if TYPE_CHECKING:
    from briefer.ui.main_window import MainWindow

REF_ROLE = Qt.ItemDataRole.UserRole
CHANGE_ORDER = ("added", "changed", "removed")
EXPAND_UP_TO = 60  # records; a longer list opens with each record's fields folded
TitleOf = Callable[[EntityRef], "str | None"]


class WhatsNewDialog(QDialog):
    """The changes grouped as added, changed and removed; Enter or a double click opens one."""

    def __init__(
        self,
        changes: WhatsNew,
        title_of: TitleOf,
        open_record: Callable[[EntityRef], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"What's new in dataset {changes.version}")
        self.setAccessibleName("What's new in this dataset")
        self._open_record = open_record
        self.summary = QLabel(changes.summary)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Records added, changed and removed")
        self.tree.setHeaderLabels(["Record", "Kind", "Before", "After"])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self._fill(changes, title_of)
        self.tree.itemActivated.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton("&Open record", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(lambda: self._activated(self.tree.currentItem()))
        self.tree.currentItemChanged.connect(self._enable_open)
        self._enable_open(self.tree.currentItem())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        resize_within_screen(self, 880, 560)

    def _fill(self, changes: WhatsNew, title_of: TitleOf) -> None:
        muted = muted_ink(self.palette())
        for change in CHANGE_ORDER:
            items = [item for item in changes.items if item.change == change]
            if not items:
                continue
            group = QTreeWidgetItem(self.tree, [f"{change.capitalize()} ({len(items)})"])
            group.setFirstColumnSpanned(True)
            for item in items:
                row = QTreeWidgetItem(group, [self._name(item, title_of), item.kind_label])
                if item.owner is not None:
                    row.setData(0, REF_ROLE, item.owner)
                else:
                    row.setForeground(0, muted)
                    row.setToolTip(0, "No longer in the dataset")
                for field in item.fields:
                    line = QTreeWidgetItem(row, [field.field, "", field.before, field.after])
                    line.setToolTip(2, field.before)
                    line.setToolTip(3, field.after)
                row.setExpanded(len(changes.items) <= EXPAND_UP_TO)
            group.setExpanded(True)
        self.tree.setColumnWidth(0, 340)
        self.tree.resizeColumnToContents(1)
        self.tree.setColumnWidth(2, 220)
        first = self.tree.topLevelItem(0)
        record = first.child(0) if first is not None else None
        if record is not None:
            self.tree.setCurrentItem(record)

    @staticmethod
    def _name(item: ChangeItem, title_of: TitleOf) -> str:
        title = title_of(item.owner) if item.owner is not None else None
        if item.part and title:
            return f"{title}: {item.key.split('/', 1)[-1]}"
        return title or item.key

    def _ref_of(self, item: QTreeWidgetItem | None) -> EntityRef | None:
        while item is not None:
            ref = item.data(0, REF_ROLE)
            if isinstance(ref, EntityRef):
                return ref
            item = item.parent()
        return None

    def _enable_open(self, item: QTreeWidgetItem | None) -> None:
        self.open_button.setEnabled(self._ref_of(item) is not None)

    def _activated(self, item: QTreeWidgetItem | None) -> None:
        ref = self._ref_of(item)
        if ref is not None:
            self._open_record(ref)


def show_whats_new(window: MainWindow) -> WhatsNewDialog | None:
    """Open the list beside the window (not modal: records open behind it); None when the
    datasets cannot be compared, after saying why."""
    services = window.services
    try:
        changes = services.whats_new
    except StoreError as error:
        QMessageBox.warning(window, "What's new", f"Cannot compare the datasets: {error}")
        return None
    dialog = WhatsNewDialog(changes, services.notes.title_of, window.open_record, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    window.whats_new_dialog = dialog
    return dialog
