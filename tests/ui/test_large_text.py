"""At twice the default text size the window fits a 1366x768 screen and nothing piles up."""

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from briefer.domain.vocabulary import label
from briefer.services.timeline import LANES
from briefer.ui.main_window import MainWindow
from briefer.ui.panel_registry import PANELS
from briefer.ui.state import SelectionState

SCREEN = (1366, 768)
FRAME = 70  # a title bar and a taskbar


@pytest.fixture
def large_window(qtbot, services):
    services.settings.text_scale = 2.0
    window = MainWindow(services, SelectionState())
    qtbot.addWidget(window)
    for spec in PANELS:  # every tab built, so each one's minimum counts
        window.show_panel(spec.name)
    window.show_panel("timeline")
    window.resize(SCREEN[0], SCREEN[1] - FRAME)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    yield window
    window.text_size.reset()


def test_the_window_at_twice_the_text_fits_a_small_laptop_screen(large_window):
    hint = large_window.minimumSizeHint()
    assert hint.width() <= SCREEN[0] and hint.height() <= SCREEN[1] - FRAME
    assert large_window.width() <= SCREEN[0]


def test_every_lane_keeps_a_line_of_its_own_and_its_label_fits(large_window):
    chart = large_window.panel("timeline").chart
    metrics = QFontMetrics(chart.font())
    assert chart.font().pointSizeF() == pytest.approx(2 * large_window.text_size._base)
    lanes = len(LANES) + 1  # and the periods
    assert chart.main.minimumHeight() >= lanes * metrics.lineSpacing()
    widest = max(metrics.horizontalAdvance(label(c)) for c in LANES)
    assert chart.main.getAxis("left").width() > widest
    # the window is shorter than the chart needs: the chart scrolls, it is not squeezed
    assert chart.height() >= chart.minimumHeight()


def test_date_filters_and_table_rows_grow_with_the_text(large_window):
    panel = large_window.panel("timeline")
    start = panel.filters.start
    metrics = start.fontMetrics()
    assert start.width() > metrics.horizontalAdvance("from: any")
    assert panel.table.verticalHeader().defaultSectionSize() > metrics.height()


def test_the_note_keeps_room_for_three_lines(large_window):
    text = large_window.detail.notes.text
    assert text.height() >= 3 * text.fontMetrics().lineSpacing()
