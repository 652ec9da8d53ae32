"""The comparison panel as an analyst drives it: pick systems, read the table, chart, copy."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefer.domain.records import EntityRef


@pytest.fixture
def panel(window):
    window.show_panel("comparison")
    return window.panel("comparison")


def check(panel, subject_id, on=True):
    items = panel.picker.list
    item = next(
        items.item(r)
        for r in range(items.count())
        if items.item(r).data(Qt.ItemDataRole.UserRole) == subject_id
    )
    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def test_starts_with_a_default_selection_of_two(panel):
    assert panel.picker.kind == "launch_vehicle"
    assert len(panel.picker.checked) == 2
    assert panel.model.columnCount() == 2


def test_selection_changes_table_and_chart(panel, services):
    panel.picker.set_checked(["rocket-a"])
    assert panel.model.columnCount() == 1
    check(panel, "rocket-r")
    assert [s.id for s in panel.matrix.subjects] == ["rocket-a", "rocket-r"]
    panel.attribute.setCurrentIndex(panel.attribute.findData("height_m"))
    assert list(panel.chart.bars.opts["x1"]) == [30.0, 46.3]
    assert services.settings.comparison("launch_vehicle") == ["rocket-a", "rocket-r"]


def test_unknown_values_are_written_not_drawn(panel):
    panel.picker.set_checked(["rocket-a", "rocket-r"])
    panel.attribute.setCurrentIndex(panel.attribute.findData("liftoff_mass_t"))
    assert list(panel.chart.bars.opts["y"]) == [0]  # only Rocket A has a (range) value
    assert [n.toPlainText() for n in panel.chart._notes] == ["unknown"]
    row = next(
        r
        for r in range(panel.model.rowCount())
        if panel.model.matrix.rows[r].attribute == "liftoff_mass_t"
    )
    assert panel.model.index(row, 1).data() == "unknown"
    assert "80–92" in panel.model.index(row, 0).data()
    assert "Sources: src-a, src-b" in panel.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_log_scale_follows_the_spread_and_the_checkbox(panel):
    panel.picker.set_checked(["rocket-a", "rocket-r"])
    panel.attribute.setCurrentIndex(panel.attribute.findData("height_m"))
    assert not panel.chart.log_scale and not panel.log_box.isChecked()
    panel.log_box.setChecked(True)
    assert panel.chart.log_scale
    assert panel.chart.getAxis("bottom").logMode


def visible_ids(picker):
    items = [picker.list.item(r) for r in range(picker.list.count())]
    return [i.data(Qt.ItemDataRole.UserRole) for i in items if not i.isHidden()]


def test_search_and_country_filter(panel):
    panel.picker.kind_box.setCurrentIndex(1)
    assert panel.picker.kind == "satellite" and panel.model.columnCount() == 1
    panel.picker.search.setText("sat one")
    assert visible_ids(panel.picker) == ["sat-1"]
    panel.picker.search.clear()
    panel.picker.kind_box.setCurrentIndex(0)
    panel.picker.country.setCurrentText("RUS")
    assert visible_ids(panel.picker) == ["rocket-r"]
    panel.picker.search.setText("ракета")  # native names match too
    assert visible_ids(panel.picker) == ["rocket-r"]


def test_at_most_six_systems(qtbot):
    from briefer.domain.records import Subject
    from briefer.ui.panels.comparison import SubjectPicker

    picker = SubjectPicker()
    qtbot.addWidget(picker)
    subjects = [
        Subject(
            f"v{i}",
            f"Vehicle {i}",
            "launch_vehicle",
            "PRK",
            None,
            (),
            None,
            None,
            None,
            None,
            "",
            ("s",),
            "likely",
        )
        for i in range(7)
    ]
    picker.set_subjects(subjects, [f"v{i}" for i in range(6)])
    assert len(picker.checked) == 6
    seventh = next(
        picker.list.item(r)
        for r in range(7)
        if picker.list.item(r).data(Qt.ItemDataRole.UserRole) == "v6"
    )
    seventh.setCheckState(Qt.CheckState.Checked)
    assert seventh.checkState() == Qt.CheckState.Unchecked
    assert picker.checked == [f"v{i}" for i in range(6)]
    assert "At most 6" in picker.status.text()


def test_copy_puts_tsv_and_csv_on_the_clipboard(panel):
    panel.picker.set_checked(["rocket-a", "rocket-r"])
    panel.copy_tsv()
    assert QApplication.clipboard().text().splitlines()[0] == "Attribute\tRocket A\tRaketa"
    panel.copy_csv()
    assert "Liftoff mass (t),80-92,unknown" in QApplication.clipboard().text().splitlines()


def test_export_chart_writes_a_png(panel, tmp_path):
    path = tmp_path / "chart.png"
    panel.export_chart(path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_clicking_a_cell_selects_its_subject(qtbot, window, panel):
    panel.picker.set_checked(["rocket-a", "rocket-r"])
    rect = panel.table.visualRect(panel.model.index(0, 1))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.state.current == EntityRef("subject", "rocket-r")
    assert window.state.comparison == ("launch_vehicle", ["rocket-a", "rocket-r"])


def test_model_is_sound(qtmodeltester, panel):
    qtmodeltester.check(panel.model)
