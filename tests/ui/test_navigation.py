"""Back and Forward: Alt+Left / Alt+Right, the Go menu and the mouse's side buttons."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from briefer.domain.records import EntityRef

LAUNCH = EntityRef("launch_attempt", "l-2012")
PROVISION = EntityRef("provision", "res2087-op2")
SITE = EntityRef("site", "site-w")


def visit_three(window):
    for ref in (LAUNCH, PROVISION, SITE):
        window.open_record(ref)
    assert window.state.current == SITE


def test_back_and_forward_restore_the_record_and_its_panel(qtbot, window, state):
    visit_three(window)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert state.current == PROVISION
    assert window.tabs.currentWidget() is window.tabs.tab("sanctions")
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert state.current == LAUNCH
    assert window.tabs.currentWidget() is window.panel("timeline")
    assert not window.navigator.back_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert state.current == PROVISION
    assert window.navigator.forward_action.isEnabled()


def test_following_a_detail_link_is_a_visit(qtbot, window, state):
    window.open_record(LAUNCH)
    window.detail.link_activated.emit(SITE)
    assert state.current == SITE
    window.navigator.go_back()
    assert state.current == LAUNCH


def test_mouse_back_and_forward_buttons(qtbot, window, state):
    """Presses arrive as the platform delivers them: at the native window, over a widget."""
    visit_three(window)
    native = window.windowHandle()
    browser = window.detail.browser.viewport()
    over_browser = browser.mapTo(window, QPoint(10, 10))
    QTest.mouseClick(native, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, over_browser)
    assert state.current == SITE
    for button, expected in (
        (Qt.MouseButton.BackButton, PROVISION),
        (Qt.MouseButton.ForwardButton, SITE),
    ):
        QTest.mousePress(native, button, Qt.KeyboardModifier.NoModifier, over_browser)
        QTest.mouseRelease(native, button, Qt.KeyboardModifier.NoModifier, over_browser)
        assert state.current == expected


def test_navigator_leaves_events_sent_straight_to_widgets_alone(qtbot, window, state):
    """It filters the native window only, not every event of every widget in the app."""
    visit_three(window)
    target = window.detail.browser.viewport()
    event = QMouseEvent(
        QMouseEvent.Type.MouseButtonPress,
        QPointF(QPoint(10, 10)),
        QPointF(target.mapToGlobal(QPoint(10, 10))),
        Qt.MouseButton.BackButton,
        Qt.MouseButton.BackButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, event)
    assert state.current == SITE


def test_going_back_does_not_add_a_visit(window, state):
    visit_three(window)
    window.navigator.go_back()
    window.navigator.go_back()
    window.navigator.go_forward()
    window.navigator.go_forward()
    assert state.current == SITE and not window.navigator.forward_action.isEnabled()


def test_going_back_to_a_system_leaves_the_comparison_as_it_was(window, state):
    system = EntityRef("subject", "rocket-r")
    window.open_record(system)
    assert "rocket-r" in window.panel("comparison").selection()[1]
    window.open_record(LAUNCH)
    window.panel("comparison").picker.set_checked(
        [i for i in window.panel("comparison").selection()[1] if i != "rocket-r"]
    )
    window.navigator.go_back()
    assert state.current == system
    assert "rocket-r" not in window.panel("comparison").selection()[1]
