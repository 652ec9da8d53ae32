"""The comparison panel: launch vehicles or satellites with their headline specs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import EntityKind, SubjectKind
from briefer.services import formatting
from briefer.services.capabilities import KEY_ATTRIBUTES, SubjectOverview, attribute_label
from briefer.ui.models.record_table import Column, RecordTableModel
from briefer.ui.panels.record_table import RecordTable
from briefer.ui.theme import CONFIDENCE_MARKS

KIND_CHOICES = (
    ("Launch vehicles", SubjectKind.LAUNCH_VEHICLE),
    ("Satellites", SubjectKind.SATELLITE),
)


def _ref(overview: SubjectOverview) -> EntityRef:
    return EntityRef(EntityKind.SUBJECT, overview.subject.id)


def _spec_column(attribute: str) -> Column[SubjectOverview]:
    def text(overview: SubjectOverview) -> str:
        return formatting.spec_value(overview.spec(attribute))

    def tooltip(overview: SubjectOverview) -> str:
        spec = overview.spec(attribute)
        if spec is None or spec.is_unknown:
            return "No public figure found"
        mark = CONFIDENCE_MARKS.get(spec.confidence, "")
        note = f"\n{spec.note}" if spec.note else ""
        return f"{mark} {spec.confidence}; sources: {', '.join(spec.sources)}{note}"

    def sort_key(overview: SubjectOverview) -> float:
        spec = overview.spec(attribute)
        return spec.value if spec is not None and spec.value is not None else -1.0

    return Column(
        attribute_label(attribute), text, tooltip=tooltip, sort_key=sort_key, align_right=True
    )


def _columns(kind: str) -> list[Column[SubjectOverview]]:
    def name(overview: SubjectOverview) -> str:
        native = overview.subject.native_name
        return f"{overview.subject.name} ({native})" if native else overview.subject.name

    columns: list[Column[SubjectOverview]] = [
        Column("Name", name),
        Column("Country", lambda o: o.subject.country),
    ]
    columns += [_spec_column(attribute) for attribute in KEY_ATTRIBUTES[kind]]
    return columns


class ComparisonPanel(QWidget):
    """Subjects of one kind side by side.

    Signals:
        record_selected(object): the ``EntityRef`` of the subject the user picked.
    """

    record_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Comparison")
        self._overviews: list[SubjectOverview] = []
        self.kind_box = QComboBox(self)
        self.kind_box.setAccessibleName("Kind of system")
        for text, kind in KIND_CHOICES:
            self.kind_box.addItem(text, kind)
        self.tables: dict[str, RecordTable] = {}
        self.models: dict[str, RecordTableModel[SubjectOverview]] = {}
        header = QHBoxLayout()
        header.addWidget(QLabel("<b>Capabilities</b> — show:", self))
        header.addWidget(self.kind_box)
        header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(header)
        for _text, kind in KIND_CHOICES:
            model: RecordTableModel[SubjectOverview] = RecordTableModel(_columns(kind), _ref)
            table = RecordTable(model, f"{_text} table", self)
            table.record_selected.connect(self.record_selected)
            self.models[kind], self.tables[kind] = model, table
            layout.addWidget(table, stretch=1)
        self.note = QLabel(
            "Hover a value for its confidence and sources; "
            "“unknown” means no public figure was found.",
            self,
        )
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.kind_box.currentIndexChanged.connect(self._on_kind_changed)
        self._on_kind_changed()

    @property
    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def set_overviews(self, overviews: Sequence[SubjectOverview]) -> None:
        for kind, model in self.models.items():
            model.set_records([o for o in overviews if o.subject.kind == kind])
            self.tables[kind].fit_columns()

    def show_selection(self, ref: EntityRef | None) -> None:
        for table in self.tables.values():
            table.select_ref(ref)

    def _on_kind_changed(self) -> None:
        for kind, table in self.tables.items():
            table.setVisible(kind == self.kind)
