"""The timeline panel, driven as a user would: clicks, filters, keys, table, exports, zoom."""

from datetime import date

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt

from briefer.domain import dates
from briefer.domain.records import EntityRef
from briefer.services.timeline import TimelineFilter
from briefer.ui.panels.timeline.chart import PERIOD_LANE
from briefer.ui.panels.timeline.columns import synthetic_columns
from briefer.ui.panels.timeline.lanes import point_limit


@pytest.fixture
def panel(window):
    window.tabs.setCurrentWidget(window.panel("timeline"))
    return window.panel("timeline")


def marker_position(chart, x, lane):
    scene = chart.main.vb.mapViewToScene(QPointF(x, lane))
    return chart.mapFromScene(scene)


def test_clicking_a_marker_selects_that_launch(qtbot, window, panel):
    item = next(i for i in panel.shown if i.ref.id == "l-2016")
    with qtbot.waitSignal(window.state.selection_changed, timeout=2000) as blocker:
        qtbot.mouseClick(
            panel.chart.viewport(),
            Qt.MouseButton.LeftButton,
            pos=marker_position(panel.chart, item.middle, 0),
        )
    assert blocker.args == [EntityRef("launch_attempt", "l-2016")]
    assert "2016-02-07 09:00 (UTC+08:30)" in window.detail.text


def test_filters_change_the_shown_count(qtbot, panel):
    assert panel.filters.count.text() == "Shown 5 of 5"
    panel.filters.categories.set_checked(["satellite_launch"])
    assert panel.filters.count.text() == "Shown 3 of 5"
    assert panel.model.rowCount() == 3
    panel.filters.outcomes.set_checked(["success"])
    assert panel.filters.count.text() == "Shown 1 of 5"
    panel.filters.clear()
    panel.filters.text.setText("panel of experts")
    assert [i.ref.id for i in panel.shown] == ["evt-poe"]
    panel.filters.clear()
    panel.filters.start.setDate(date(2010, 1, 1))
    assert {i.ref.id for i in panel.shown} == {"evt-poe", "l-2012", "2087", "l-2016"}
    panel.filters.actors.set_checked(["UN"])
    assert {i.ref.id for i in panel.shown} == {"evt-poe", "2087"}


def test_arrow_keys_walk_through_events_in_date_order(qtbot, window, panel):
    panel.chart.setFocus()
    seen = []
    for _ in range(len(panel.shown)):
        qtbot.keyClick(panel.chart, Qt.Key.Key_Right)
        seen.append(window.state.current)
    starts = [next(i.start for i in panel.shown if i.ref == ref) for ref in seen]
    assert starts == sorted(starts) and len(set(seen)) == len(panel.shown)
    qtbot.keyClick(panel.chart, Qt.Key.Key_Left)
    assert window.state.current == seen[-2]
    qtbot.keyClick(panel.chart, Qt.Key.Key_Home)
    assert window.state.current == seen[0]
    qtbot.keyClick(panel.chart, Qt.Key.Key_End)
    assert window.state.current == seen[-1]


def test_plus_and_minus_zoom(qtbot, panel):
    panel.chart.setFocus()
    x0, x1 = panel.chart.view_range()
    qtbot.keyClick(panel.chart, Qt.Key.Key_Plus)
    y0, y1 = panel.chart.view_range()
    assert (y1 - y0) == pytest.approx((x1 - x0) / 2, rel=0.01)
    qtbot.keyClick(panel.chart, Qt.Key.Key_Minus)
    z0, z1 = panel.chart.view_range()
    assert (z1 - z0) == pytest.approx(x1 - x0, rel=0.01)


def test_table_and_chart_stay_in_step(qtbot, window, panel):
    table = panel.table
    table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    row = next(r for r in range(5) if table.ref_at_row(r) == EntityRef("launch_attempt", "l-1998"))
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(table.model().index(row, 0)).center(),
    )
    ring = panel.chart.ring.data
    item = next(i for i in panel.shown if i.ref.id == "l-1998")
    assert len(ring) == 1 and ring[0]["x"] == pytest.approx(item.middle)
    window.state.select(EntityRef("resolution", "2087"))
    selected = table.selectionModel().selectedRows()
    assert len(selected) == 1 and table.ref_at_row(selected[0].row()) == EntityRef(
        "resolution", "2087"
    )
    assert "S/RES/2087 (2013)" in window.detail.text


def test_periods_are_bands_not_points(panel):
    period = next(i for i in panel.shown if i.is_period)
    assert period.end - period.start > 365 * 86400
    assert "evt-poe" not in {panel.shown[int(i)].ref.id for i in panel.chart._columns.index}
    assert panel.chart.periods.row_count == 1


def test_presets_and_jump_list(qtbot, window, panel):
    panel.show_since(date(2012, 1, 1))
    x0, _ = panel.chart.view_range()
    assert dates.utc_date(x0) == date(2012, 1, 1)
    position = next(
        i
        for i in range(panel.jump.count())
        if panel.jump.itemData(i) == EntityRef("launch_attempt", "l-1998")
    )
    panel.jump.activated.emit(position)
    assert window.state.current == EntityRef("launch_attempt", "l-1998")
    x0, x1 = panel.chart.view_range()
    assert x0 < next(i.middle for i in panel.shown if i.ref.id == "l-1998") < x1


def test_exports_write_valid_png_and_svg(panel, tmp_path):
    png, svg = tmp_path / "t.png", tmp_path / "t.svg"
    panel.export(png)
    panel.export(svg)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and text.rstrip().endswith("</svg>")
    import xml.dom.minidom

    xml.dom.minidom.parseString(text)


def label_rects(chart):
    return chart.labels.scene_rects()


@pytest.mark.parametrize("span_years", [None, 10, 1])
def test_labels_never_overlap_each_other_or_markers(qtbot, window, panel, span_years):
    if span_years is not None:
        end = dates.epoch_seconds(date(2017, 1, 1))
        panel.chart.set_view(end - span_years * 365.25 * 86400, end)
    panel.chart.grab()  # paint once: text items settle their transforms while painting
    rects = label_rects(panel.chart)
    assert rects, "some labels are expected at this zoom"
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not a.intersects(b)
    for lane in panel.chart.lanes:
        for spots in lane.groups.values():
            for point in spots.points():
                centre = spots.mapToScene(point.pos())
                marker = QRectF(centre.x() - 5, centre.y() - 5, 10, 10)
                assert not any(r.intersects(marker) for r in rects)


def test_level_of_detail_aggregates_what_cannot_be_told_apart(qtbot, panel):
    chart = panel.chart
    columns = synthetic_columns(100_000, lanes=len(chart.lanes), start=0.0, end=1e9)
    chart.set_data(columns)
    lane = chart.lanes[0]
    assert sum(len(s.data) for s in lane.groups.values()) == 0
    assert lane.density.xData is not None and lane.density.xData.size > 0
    limit = point_limit(int(chart.main.vb.width()))
    chart.set_view(5e8, 5e8 + 1e9 * limit / 100_000 / 2)
    drawn = sum(len(s.data) for s in lane.groups.values())
    assert 0 < drawn <= limit
    assert lane.density.xData is None or lane.density.xData.size == 0
    visible = np.count_nonzero(
        (columns.x >= 5e8) & (columns.x <= chart.view_range()[1]) & (columns.lane == 0)
    )
    assert drawn == visible


def test_filter_keeps_selection_when_still_shown(window, panel):
    window.state.select(EntityRef("launch_attempt", "l-2012"))
    panel.apply_filter(TimelineFilter(categories=frozenset({"satellite_launch"})))
    assert panel.chart.ring.data.size == 1


@pytest.fixture
def shipped_panel(qtbot, tmp_path):
    from briefer import paths
    from briefer.services.context import open_services
    from briefer.ui.main_window import MainWindow
    from briefer.ui.state import SelectionState

    services = open_services(paths.bundled_db_path(), tmp_path / "user.db")
    main = MainWindow(services, SelectionState())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main.panel("timeline")
    services.close()


@pytest.mark.parametrize(
    "view", [None, (date(2014, 1, 1), date(2024, 12, 31)), (date(2023, 1, 1), date(2023, 12, 31))]
)
def test_shipped_data_labels_never_overlap(shipped_panel, view):
    chart = shipped_panel.chart
    if view is not None:
        chart.set_view(dates.epoch_seconds(view[0]), dates.epoch_seconds(view[1]))
    chart.grab()
    rects = label_rects(chart)
    assert len(rects) >= 5
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not a.intersects(b), (a, b)
    markers = []
    for lane in chart.lanes:
        for spots in [*lane.groups.values(), lane.fuzzy]:
            for point in spots.points():
                centre = spots.mapToScene(point.pos())
                markers.append(QRectF(centre.x() - 5, centre.y() - 5, 10, 10))
    for rect in rects:
        assert not any(rect.intersects(marker) for marker in markers)


def test_shift_drag_zooms_time_to_the_rubber_band_and_keeps_every_lane(qtbot, panel):
    from PySide6.QtTest import QTest

    chart = panel.chart
    x0, x1 = chart.view_range()
    lanes_before = chart.main.vb.viewRange()[1]
    start = chart.mapFromScene(chart.main.vb.mapViewToScene(QPointF(x0 + (x1 - x0) * 0.3, 2)))
    end = chart.mapFromScene(chart.main.vb.mapViewToScene(QPointF(x0 + (x1 - x0) * 0.5, 5)))
    viewport = chart.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, start)
    for step in range(1, 11):
        QTest.mouseMove(viewport, start + (end - start) * (step / 10))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, end)
    y0, y1 = chart.view_range()
    assert y1 - y0 == pytest.approx((x1 - x0) * 0.2, rel=0.15)  # drag starts after a few px
    assert chart.main.vb.viewRange()[1] == pytest.approx(lanes_before)


def test_hover_text_gives_title_date_and_outcome(panel):
    index = next(i for i, item in enumerate(panel.shown) if item.ref.id == "l-1998")
    assert panel.describe(index).splitlines() == ["Rocket A", "1998-08-31", "failure"]
    fuzzy = next(i for i, item in enumerate(panel.shown) if item.ref.id == "evt-poe")
    assert "Panel of Experts mandate" in panel.describe(fuzzy)


def test_visible_range_is_shown_after_loading(panel):
    x0, x1 = panel.chart.view_range()
    assert (
        panel.view_label.text()
        == f"{dates.utc_date(x0).isoformat()} – {dates.utc_date(x1).isoformat()}"
    )


def test_space_programme_milestones_have_their_own_marker_shape():
    from briefer.ui.panels.timeline.style import CATEGORY_SYMBOLS, symbol_of

    shape = symbol_of("space_programme", "none")
    assert shape == "t2" and list(CATEGORY_SYMBOLS.values()).count(shape) == 1


def test_period_titles_are_drawn_on_their_bars_where_they_fit(panel):
    period = next(i for i in panel.shown if i.is_period)
    chart = panel.chart
    chart.set_view(period.start, period.end)
    chart.grab()
    placed = [(x, y) for x, y, text in chart.labels.labels if text == period.title]
    assert len(placed) == 1
    x, y = placed[0]
    assert period.start < x < period.end and y >= PERIOD_LANE
    chart.set_view(period.start - 3650 * 86400, period.start + 20 * 86400)  # a sliver of the bar
    chart.grab()
    assert period.title not in {text for _, _, text in chart.labels.labels}
