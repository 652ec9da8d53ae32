"""The analyst's own records in the window: File > New event… and New launch attempt…, the
detail pane's Edit…, Delete and History…, and, after an update, retiring a record that the
dataset now holds. Every change redraws the timeline and the detail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from briefer.domain.local_records import LocalRecord, is_local
from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import EntityKind
from briefer.store.errors import StoreError

if TYPE_CHECKING:
    from briefer.services.local_records import LocalMatch, OfficialMatch
    from briefer.ui.main_window import MainWindow


class LocalRecordActions:
    """Owned by the main window; its panels learn of a change through ``refresh``."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        bar = window.detail.local_bar
        bar.edit_requested.connect(self.edit)
        bar.delete_requested.connect(self.delete)
        bar.history_requested.connect(self.history)
        window.state.selection_changed.connect(self._show_bar)

    @property
    def _service(self):  # noqa: ANN202 - LocalRecordsService, made on first use
        return self._window.services.local_records

    def new_event(self) -> None:
        self._new(EntityKind.EVENT)

    def new_launch_attempt(self) -> None:
        self._new(EntityKind.LAUNCH_ATTEMPT)

    def _new(self, kind: str) -> None:
        from briefer.ui.dialogs.local_record import ask_local_record

        if not self._writable():
            return
        record = ask_local_record(self._window, self._service, kind)
        if record is not None:
            self._changed(record, f"Saved your record '{record.content.title}'")

    def edit(self, record: LocalRecord) -> None:
        from briefer.ui.dialogs.local_record import ask_local_record

        saved = ask_local_record(self._window, self._service, record.content.kind, record)
        if saved is not None:
            self._changed(saved, f"Saved your record '{saved.content.title}'")

    def delete(self, record: LocalRecord) -> None:
        answer = QMessageBox.question(
            self._window,
            "Delete your record?",
            f"Delete '{record.content.title}'? It leaves the timeline, search and briefings; "
            "its history keeps it, and History… can bring it back. Your note on it is kept.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            deleted = self._service.delete(record.id)
        except StoreError as error:  # LocalRecordError: not written, says why
            QMessageBox.warning(self._window, "Not deleted", str(error))
            return
        self._changed(deleted, f"Deleted your record '{record.content.title}'")

    def history(self, record: LocalRecord) -> None:
        from briefer.ui.dialogs.local_history import LocalHistoryDialog

        dialog = LocalHistoryDialog(self._service, record, self._window)
        dialog.exec()
        if dialog.restored is not None:
            self._changed(dialog.restored, f"Restored '{dialog.restored.content.title}'")

    def offer_retirements(self) -> int:
        """After an update: ask, for each record of the analyst's that the dataset may now
        hold, whether to retire it in favour of the dataset's; how many were retired."""
        try:
            matches = self._window.services.local_matches()
        except StoreError as error:
            self._window.statusBar().showMessage(f"Your records were not compared: {error}")
            return 0
        retired = 0
        for match in matches:
            chosen = self._ask_retire(match) if match.candidates else None
            if chosen is not None and self._retire(match.record, chosen):
                retired += 1
        if retired:
            self.refresh()
        return retired

    def _ask_retire(self, match: LocalMatch) -> OfficialMatch | None:
        best = match.candidates[0]
        content = match.record.content
        box = QMessageBox(self._window)
        box.setWindowTitle("The dataset may now hold your record")
        box.setText(
            f"Your record '{content.title}' ({content.when}) looks like the dataset's "
            f"'{best.title}' ({best.date_utc}): same category, {best.days_apart} day(s) apart."
        )
        box.setInformativeText(
            "Retire yours in favour of the dataset's? Your note on it moves to the dataset's "
            "record (merged with any note there); your record stays in its history."
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return best if box.exec() == QMessageBox.StandardButton.Yes else None

    def _retire(self, record: LocalRecord, official: OfficialMatch) -> bool:
        try:
            self._service.retire(record.id, official.ref)
        except StoreError as error:  # LocalRecordError: not written, says why
            QMessageBox.warning(self._window, "Not retired", str(error))
            return False
        return True

    # keeping the window in step ---------------------------------------------------------
    def _writable(self) -> bool:
        reason = self._service.read_only_reason
        if reason is not None:
            QMessageBox.information(
                self._window, "Read-only", f"Your records cannot be changed now: {reason}"
            )
        return reason is None

    def _changed(self, record: LocalRecord, message: str) -> None:
        self.refresh()
        self._window.open_record(record.ref)
        self._window.statusBar().showMessage(message, 10000)

    def refresh(self) -> None:
        """Redraw what lists records: the timeline (if open) and the detail shown."""
        self._window.tabs.records_changed()
        current = self._window.state.current
        if current is not None:
            self._window.show_detail_of(current)
            self._show_bar(current)

    def _show_bar(self, ref: EntityRef | None) -> None:
        record = self._service.record_for(ref) if ref is not None and is_local(ref) else None
        self._window.detail.local_bar.show_for(record, self._service.read_only_reason is None)
