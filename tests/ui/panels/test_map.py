"""The Map tab: features drawn over the basemap, a selected launch highlighted and fitted,
clicks and Tab selecting records, keyboard pan and zoom, a scale bar that follows the view,
and PNG and SVG exports."""

from PySide6.QtCore import Qt

from briefer.domain.records import EntityRef
from briefer.services.map import EAST_ASIA
from briefer.ui.panels.map.panel import scale_km


def open_map(window):
    window.show_panel("map")
    return window.panel("map")


def test_the_map_draws_the_basemap_and_every_feature(window):
    panel = open_map(window)
    assert panel.basemap is not None
    assert {i.feature.id for i in panel.points} == {"site-site-w", "map-debris-2012"}
    assert {s.item.feature.id for s in panel.shapes} == {"map-zone-2016", "map-track-2016"}
    (x0, x1), (y0, y1) = panel.view.viewRange()
    assert x0 <= EAST_ASIA[0] and x1 >= EAST_ASIA[2]  # the East Asia preset, at least
    assert y0 <= EAST_ASIA[1] and y1 >= EAST_ASIA[3]


def test_selecting_a_launch_highlights_and_fits_its_features(window, state):
    panel = open_map(window)
    state.select(EntityRef("launch_attempt", "l-2016"))
    assert {i.feature.id for i in panel.selected} == {
        "map-zone-2016",
        "map-track-2016",
        "site-site-w",
    }
    (x0, x1), (y0, y1) = panel.view.viewRange()
    assert x0 < 124 and x1 > 125 and y0 < 30 and y1 > 39.66
    assert len(panel.ring.points()) == 1  # the site ringed


def test_clicks_and_tab_select_records_in_date_order(window, state):
    panel = open_map(window)
    panel._clicked(panel.shapes[0].item)
    assert state.current == panel.shapes[0].item.ref
    first = panel.step(1)
    second = panel.step(1)
    assert (first.date_utc, second.date_utc) == ("2012-04-12", "2016-02-07")
    assert state.current == second.ref


def test_keys_pan_and_zoom(qtbot, window):
    panel = open_map(window)
    (x0, x1), _ = panel.view.viewRange()
    qtbot.keyClick(panel, Qt.Key.Key_Right)
    (a0, a1), _ = panel.view.viewRange()
    assert a0 > x0 and abs((a1 - a0) - (x1 - x0)) < 1e-6
    qtbot.keyClick(panel, Qt.Key.Key_Plus)
    (b0, b1), _ = panel.view.viewRange()
    assert b1 - b0 < a1 - a0


def test_the_scale_bar_is_a_round_distance_at_the_views_latitude(window):
    assert scale_km(40, 40.0) == (500, 500 / (111.32 * 0.766044443118978))
    km, width = scale_km(360, 0.0)
    assert km == 5000 and abs(width - 5000 / 111.32) < 1e-9
    panel = open_map(window)
    assert panel.scale.text.toPlainText().endswith(" km")


def test_exports_write_png_and_svg(window, tmp_path):
    panel = open_map(window)
    assert panel.export(tmp_path / "map.png") and panel.export(tmp_path / "map.svg")
    assert (tmp_path / "map.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in (tmp_path / "map.svg").read_text(encoding="utf-8")


def shown(panel):
    ids = [item.feature.id for item in panel.points]
    return {i: bool(v) for i, v in zip(ids, panel.scatter.data["visible"], strict=True)}


def test_the_map_can_follow_the_timelines_dates(window, state):
    from datetime import date

    from briefer.domain.dates import epoch_seconds

    panel = open_map(window)
    state.show_dates(epoch_seconds(date(2012, 1, 1)), epoch_seconds(date(2013, 1, 1)))
    zone = next(s for s in panel.shapes if s.item.feature.id == "map-zone-2016")
    assert zone.isVisible()  # not following yet
    panel.follow.setChecked(True)
    assert not zone.isVisible()
    assert shown(panel) == {"site-site-w": True, "map-debris-2012": True}  # sites always
    state.show_dates(epoch_seconds(date(2016, 1, 1)), epoch_seconds(date(2017, 1, 1)))
    assert zone.isVisible()
    assert shown(panel) == {"site-site-w": True, "map-debris-2012": False}
