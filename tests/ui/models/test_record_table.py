"""The record table model sorts itself and updates one row without losing the selection."""

from dataclasses import dataclass

from PySide6.QtCore import Qt

from briefer.domain.records import EntityRef
from briefer.ui.models.record_table import Column, RecordTableModel
from briefer.ui.panels.record_table import RecordTable


@dataclass(frozen=True)
class Row:
    id: str
    size: float | None


COLUMNS = (Column("Id", lambda r: r.id), Column("Size", lambda r: "", sort_key=lambda r: r.size))


def model_of(rows):
    model = RecordTableModel(COLUMNS, lambda r: EntityRef("event", r.id))
    model.set_records(rows)
    return model


def ids(model):
    return [model.record(r).id for r in range(model.rowCount())]


def test_sorts_by_key_with_unknown_values_last(qtmodeltester):
    model = model_of([Row("b", 2.0), Row("a", None), Row("c", 1.0)])
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert ids(model) == ["c", "b", "a"]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert ids(model) == ["b", "c", "a"]  # unknown stays last
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert ids(model) == ["c", "b", "a"]
    model.sort(0, Qt.SortOrder.AscendingOrder)
    model.set_records([Row("z", 1), Row("y", 2)])  # new records keep the chosen order
    assert ids(model) == ["y", "z"]


def test_a_changed_row_moves_and_the_selection_follows_it(qtbot):
    model = model_of([Row("a", 1.0), Row("b", 2.0), Row("c", 3.0)])
    table = RecordTable(model, "test table")
    qtbot.addWidget(table)
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    table.select_ref(EntityRef("event", "a"))
    model.put_record(Row("a", 9.0))
    assert ids(model) == ["b", "c", "a"]
    assert table.currentIndex().row() == 2
    assert table.ref_at_row(table.currentIndex().row()) == EntityRef("event", "a")
    model.put_record(Row("d", 0.5))
    assert ids(model) == ["d", "b", "c", "a"]
