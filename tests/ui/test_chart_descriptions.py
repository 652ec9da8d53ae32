"""The charts say in words what they show, for a screen reader, and name their table."""

from PySide6.QtGui import QAccessible

from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import EntityKind


def description(widget) -> str:
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Description)


def test_the_timeline_chart_says_how_many_what_span_and_what_is_selected(window, state):
    panel = window.panel("timeline")
    total = len(panel.shown)
    said = description(panel.chart)
    assert f"{total} of {total} records" in said and "Selected: nothing" in said
    assert panel.view_label.text() in said
    assert "Timeline events table" in said
    state.select(EntityRef(EntityKind.LAUNCH_ATTEMPT, "l-2016"))
    title = next(i.title for i in panel.shown if i.ref.id == "l-2016")
    assert f"Selected: {title}." in description(panel.chart)
    panel.filters.text.setText("zzzz-no-such-record")
    assert f"0 of {total} records" in description(panel.chart)


def test_the_comparison_chart_reads_out_each_systems_figure(window):
    window.show_panel("comparison")
    panel = window.panel("comparison")
    panel.picker.set_checked(["rocket-a", "rocket-r"])
    panel.attribute.setCurrentIndex(panel.attribute.findData("liftoff_mass_t"))
    said = description(panel.chart)
    assert said.startswith("Bar chart of Liftoff mass (t) for 2 systems.")
    assert "unknown" in said and "80–92" in said
    assert "Comparison table" in said


def test_a_comparison_cell_reads_its_confidence_and_whether_it_is_best(window):
    from PySide6.QtCore import Qt

    from briefer.services.comparison import Cell, ComparisonMatrix, ComparisonRow
    from briefer.ui.models.comparison_table import ComparisonTableModel

    window.show_panel("comparison")
    subjects = window.panel("comparison").matrix.subjects[:2]
    cells = (
        Cell(value=300.0, unit="kg", confidence="likely"),
        Cell(value=8250.0, unit="kg", confidence="confirmed"),
    )
    row = ComparisonRow("payload_leo_kg", "Payload to LEO", "kg", cells, best=(1,), numeric=True)
    model = ComparisonTableModel()
    model.set_matrix(ComparisonMatrix("launch_vehicle", tuple(subjects), (row,)))
    said = [model.index(0, c).data(Qt.ItemDataRole.AccessibleTextRole) for c in (0, 1)]
    assert said[0] == f"{cells[0].display()}, likely"
    assert said[1] == f"{cells[1].display()}, confirmed, best in this row"
