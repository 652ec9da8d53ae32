"""The timeline's filter bar: category, outcome, actor, date range and text, with a count."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QDate, QSignalBlocker, QSize, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import Category, Outcome, label, values_of
from briefer.services.timeline import NO_OUTCOME, TimelineFilter
from briefer.ui.flow_layout import FlowLayout

OUTCOME_CHOICES = (*Outcome, NO_OUTCOME)
UNSET = QDate(1900, 1, 1)


class DateEdit(QDateEdit):
    """A date edit as wide as its "any" text, which Qt's own size hint leaves out."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        shown = max(self.specialValueText(), self.displayFormat(), key=len) + "  "
        wanted = self.fontMetrics().horizontalAdvance(shown) + 3 * self.fontMetrics().height()
        return QSize(max(hint.width(), wanted), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class ChoiceButton(QToolButton):
    """A drop-down of checkable choices; none checked means no restriction.

    Signals:
        changed(): the checked set changed.
    """

    changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self.setAccessibleName(f"Filter by {title.lower()}")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self._refresh_text()

    def set_choices(self, choices: Iterable[tuple[str, str]]) -> None:
        self.menu().clear()
        for value, text in choices:
            action = self.menu().addAction(text)
            action.setCheckable(True)
            action.setData(value)
            action.toggled.connect(self._on_toggled)
        self._refresh_text()

    def checked(self) -> frozenset[str]:
        return frozenset(a.data() for a in self.menu().actions() if a.isChecked())

    def set_checked(self, values: Iterable[str]) -> None:
        wanted = set(values)
        for action in self.menu().actions():
            with QSignalBlocker(action):
                action.setChecked(action.data() in wanted)
        self._on_toggled()

    def _on_toggled(self, *_args: object) -> None:
        self._refresh_text()
        self.changed.emit()

    def _refresh_text(self) -> None:
        count = len(self.checked())
        self.setText(f"{self._title}: {'all' if count == 0 else count}")


class FilterBar(QWidget):
    """Emits ``filter_changed`` with a ``TimelineFilter`` whenever a control changes.

    Signals:
        filter_changed(object): the new ``TimelineFilter``.
    """

    filter_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.categories = ChoiceButton("Category", self)
        self.categories.set_choices((c, label(c)) for c in values_of(Category))
        self.outcomes = ChoiceButton("Outcome", self)
        self.outcomes.set_choices(
            (o, "no outcome (event)" if o == NO_OUTCOME else o) for o in OUTCOME_CHOICES
        )
        self.actors = ChoiceButton("Actor", self)
        self.start = self._date_edit("From date", "from: any")
        self.end = self._date_edit("To date", "to: any")
        self.text = QLineEdit(self)
        self.text.setPlaceholderText("Filter text…")
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName("Filter by text")
        self.new_since = QToolButton(self)
        self.new_since.setCheckable(True)
        self.new_since.setAccessibleName("Show only records new or changed since a dataset")
        self.new_since.hide()
        self._new_refs: Callable[[], frozenset[EntityRef]] | None = None
        self.reset = QPushButton("Reset", self)
        self.text.setMinimumWidth(90)
        self.count = QLabel(self)
        self.count.setAccessibleName("Shown count")
        layout = FlowLayout(self)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        for widget in (self.categories, self.outcomes, self.actors):
            layout.addWidget(widget)
        layout.addWidget(self.start)
        layout.addWidget(self.end)
        layout.addWidget(self.text)
        layout.addWidget(self.new_since)
        layout.addWidget(self.reset)
        for button in (self.categories, self.outcomes, self.actors):
            button.changed.connect(self._emit)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self._emit)
        self.text.textChanged.connect(self._emit)
        self.new_since.toggled.connect(self._emit)
        self.reset.clicked.connect(self.clear)

    def _date_edit(self, name: str, unset_text: str) -> QDateEdit:
        edit = DateEdit(self)
        edit.setAccessibleName(name)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(UNSET)
        edit.setSpecialValueText(unset_text)
        edit.setToolTip(name)
        edit.setDate(UNSET)
        return edit

    def offer_new_since(self, version: str, refs: Callable[[], frozenset[EntityRef]]) -> None:
        """Show the "New since <version>" toggle; ``refs`` (the records added or changed since)
        is called when it is first switched on."""
        self._new_refs = refs
        self.new_since.setText(f"New since {version}")
        self.new_since.setToolTip(f"Only what dataset {version} did not hold, or held otherwise")
        self.new_since.show()

    def set_actors(self, actors: Iterable[str]) -> None:
        self.actors.set_choices((a, a) for a in actors)

    def current(self) -> TimelineFilter:
        def day(edit: QDateEdit):  # noqa: ANN202 - date or None
            return None if edit.date() == UNSET else edit.date().toPython()

        return TimelineFilter(
            categories=self.categories.checked(),
            outcomes=self.outcomes.checked(),
            actors=self.actors.checked(),
            start=day(self.start),
            end=day(self.end),
            text=self.text.text(),
            only=self._new_refs() if self._new_refs and self.new_since.isChecked() else None,
        )

    def set_count(self, shown: int, total: int, notice: str = "") -> None:
        self.count.setText(f"Shown {shown} of {total}" + (" ⚠" if notice else ""))
        self.count.setToolTip(notice)

    def clear(self) -> None:
        for button in (self.categories, self.outcomes, self.actors):
            button.set_checked(())
        self.start.setDate(UNSET)
        self.end.setDate(UNSET)
        self.text.clear()
        self.new_since.setChecked(False)

    def _emit(self, *_args: object) -> None:
        self.filter_changed.emit(self.current())
