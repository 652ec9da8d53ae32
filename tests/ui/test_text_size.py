"""View > Text size: the application font in steps, remembered, with the charts following."""

from PySide6.QtWidgets import QApplication

from briefer.services.settings import TEXT_SCALES
from briefer.ui.main_window import MainWindow
from briefer.ui.state import SelectionState


def text_menu(window):
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    return next(a.menu() for a in view.actions() if a.text() == "&Text size")


def test_larger_smaller_and_reset_scale_the_font_and_are_remembered(qtbot, window, services):
    base = QApplication.font().pointSizeF()
    actions = {a.text(): a for a in text_menu(window).actions()}
    assert actions["&Larger"].shortcuts()[0].toString() == "Ctrl++"
    actions["&Larger"].trigger()
    actions["&Larger"].trigger()
    QApplication.processEvents()  # Qt hands the new font to the widgets in posted events
    assert QApplication.font().pointSizeF() == base * 1.3
    assert services.settings.text_scale == 1.3
    chart = window.panel("timeline").chart
    assert chart.font().pointSizeF() == base * 1.3  # the chart's text follows
    assert chart.main.getAxis("bottom").style["tickFont"].pointSizeF() == base * 1.3
    actions["&Smaller"].trigger()
    assert services.settings.text_scale == 1.15
    for _ in range(len(TEXT_SCALES)):
        actions["&Larger"].trigger()
    assert services.settings.text_scale == TEXT_SCALES[-1]  # stops at the largest
    actions["&Reset"].trigger()
    assert QApplication.font().pointSizeF() == base and services.settings.text_scale == 1.0


def test_the_chosen_size_applies_when_the_window_opens(qtbot, services):
    base = QApplication.font().pointSizeF()
    services.settings.text_scale = 1.5
    window = MainWindow(services, SelectionState())
    qtbot.addWidget(window)
    try:
        assert QApplication.font().pointSizeF() == base * 1.5
    finally:
        window.text_size.reset()
    assert QApplication.font().pointSizeF() == base


def test_a_high_contrast_appearance_joins_system_light_and_dark(window, services):
    from PySide6.QtGui import QPalette

    names = [a.text() for a in window.theme_actions.actions()]
    assert names == ["System", "Light", "Dark", "High contrast"]
    try:
        next(a for a in window.theme_actions.actions() if a.text() == "High contrast").trigger()
        palette = QApplication.palette()
        assert palette.color(QPalette.ColorRole.Base).name() == "#000000"
        assert palette.color(QPalette.ColorRole.Text).name() == "#ffffff"
        assert palette.color(QPalette.ColorRole.Highlight).name() == "#ffff00"
        assert services.settings.theme == "high contrast"
        assert "QLineEdit" in QApplication.instance().styleSheet()  # fields keep a frame
    finally:
        window.choose_theme("light")
    assert QApplication.instance().styleSheet() == ""
