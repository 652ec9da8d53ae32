"""File > New event… / New launch attempt… and Edit…: the form for one of the analyst's own
records. A problem keeps the dialog open with the text as typed and names the field."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefer.domain.local_records import LocalRecord
from briefer.domain.local_rules import EVENT_CATEGORIES, LABELS, LAUNCH_ONLY
from briefer.domain.vocabulary import Confidence, EntityKind, Outcome, label, values_of
from briefer.services.local_records import (
    LocalRecordConflict,
    LocalRecordError,
    LocalRecordInvalid,
    LocalRecordsService,
)
from briefer.ui.screen_fit import resize_within_screen, vertical_scroll
from briefer.ui.theme import FAILED_STYLE

PRECISIONS = (
    ("day", "Known to the day"),
    ("month", "Known to the month"),
    ("year", "Known to the year"),
)
_HINTS = {
    "date_utc": "UTC date: YYYY-MM-DD, or YYYY-MM or YYYY if that is all known",
    "actors": "Country codes, e.g. PRK, RUS (UN for the United Nations)",
    "source": "Who reported it and when, e.g. Yonhap, 2026-12-01 14:05 KST",
    "source_url": "https://… (optional)",
}


class LocalRecordDialog(QDialog):
    """Saves on OK; ``record`` is what was saved (None until then)."""

    def __init__(
        self,
        service: LocalRecordsService,
        kind: str,
        record: LocalRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service, self._kind, self._editing = service, kind, record
        self.record: LocalRecord | None = None
        what = "launch attempt" if kind == EntityKind.LAUNCH_ATTEMPT else "event"
        self.setWindowTitle(f"{'Edit' if record else 'New'} {what} of your own")
        self.setAccessibleName(self.windowTitle())
        self.fields: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {}
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(FAILED_STYLE)
        self.problems.setAccessibleName("Problems with what was typed")
        self.problems.hide()
        form = QFormLayout()
        for name in self._field_names():
            widget = self._field(name)
            self.fields[name] = widget
            form.addRow(f"{LABELS[name]}:", widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        note = QLabel(
            "Kept in your notes database, marked as yours everywhere it shows; never added to "
            "the reference dataset.",
            self,
        )
        note.setWordWrap(True)
        fields = QWidget(self)
        fields.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(vertical_scroll(fields, self), stretch=1)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        if record is not None:
            self._fill(service.form_values(record))
        self._untouched = self.typed()
        resize_within_screen(self, 560, fields.sizeHint().height() + 4 * note.sizeHint().height())

    def _field_names(self) -> list[str]:
        kind_fields = ["category"] if self._kind == EntityKind.EVENT else list(LAUNCH_ONLY)
        sourcing = ("summary", "actors", "source", "source_url", "confidence")
        return ["title", "date_utc", "date_precision", *kind_fields, *sourcing]

    def _field(self, name: str) -> QLineEdit | QPlainTextEdit | QComboBox:
        choices = {
            "date_precision": PRECISIONS,
            "category": [(c, label(c)) for c in EVENT_CATEGORIES],
            "outcome": [(o, o) for o in values_of(Outcome)],
            "confidence": [(c, c) for c in values_of(Confidence)],
        }.get(name)
        widget: QLineEdit | QPlainTextEdit | QComboBox
        if choices is not None:
            widget = QComboBox(self)
            for value, text in choices:
                widget.addItem(text, value)
            if name == "confidence":
                widget.setCurrentIndex(widget.findData(Confidence.UNVERIFIED))
            if name == "outcome":
                widget.setCurrentIndex(widget.findData(Outcome.UNKNOWN))
        elif name == "summary":
            widget = QPlainTextEdit(self)
            widget.setPlaceholderText("What happened, in your words")
            widget.setFixedHeight(96)
        else:
            widget = QLineEdit(self)
            widget.setPlaceholderText(_HINTS.get(name, ""))
        widget.setAccessibleName(LABELS[name])
        return widget

    def typed(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for name, widget in self.fields.items():
            if isinstance(widget, QComboBox):
                values[name] = str(widget.currentData())
            elif isinstance(widget, QPlainTextEdit):
                values[name] = widget.toPlainText()
            else:
                values[name] = widget.text()
        if self._kind == EntityKind.LAUNCH_ATTEMPT:
            values["category"] = "satellite_launch"
        return values

    def _fill(self, values: dict[str, str]) -> None:
        for name, widget in self.fields.items():
            value = values.get(name, "")
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            else:
                widget.setText(value)

    def save(self) -> None:
        try:
            if self._editing is None:
                self.record = self._service.create(self._kind, self.typed())
            else:
                self.record = self._service.edit(
                    self._editing.id, self.typed(), self._editing.version
                )
        except LocalRecordInvalid as invalid:
            self._show_problems([str(problem) for problem in invalid.problems], invalid)
            return
        except LocalRecordConflict as conflict:
            QMessageBox.warning(self, "Changed elsewhere", f"{conflict}")
            self.record = conflict.current  # the newer state; this text is in its history
            self.accept()
            return
        except LocalRecordError as error:
            QMessageBox.warning(self, "Not saved", f"{error}\nYour text is still here.")
            return
        self.accept()

    def reject(self) -> None:
        """Cancel or Esc: what was typed is dropped only when the analyst says so."""
        if self.record is None and self.typed() != self._untouched:
            answer = QMessageBox.question(
                self,
                "Discard what you typed?",
                "This record is not saved. Discard what you typed?",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def _show_problems(self, lines: list[str], invalid: LocalRecordInvalid) -> None:
        self.problems.setText("\n".join(lines))
        self.problems.show()
        first = invalid.problems[0].field if invalid.problems else ""
        widget = self.fields.get(first)
        if widget is not None:
            widget.setFocus()


def ask_local_record(
    parent: QWidget,
    service: LocalRecordsService,
    kind: str,
    record: LocalRecord | None = None,
) -> LocalRecord | None:
    """The record saved, or None when cancelled."""
    dialog = LocalRecordDialog(service, kind, record, parent)
    dialog.exec()
    return dialog.record
