"""Tool rows wrap onto further lines instead of widening the window."""

from PySide6.QtWidgets import QLineEdit, QPushButton

from briefer.ui.flow_layout import flow_row


def _row(qtbot, count: int):
    holder, layout = flow_row()
    qtbot.addWidget(holder)
    buttons = [QPushButton(f"Button number {i}", holder) for i in range(count)]
    for button in buttons:
        layout.addWidget(button)
    return holder, layout, buttons


def test_the_minimum_width_is_the_widest_control_not_the_whole_row(qtbot):
    _holder, layout, buttons = _row(qtbot, 6)
    widest = max(b.sizeHint().width() for b in buttons)
    assert layout.minimumSize().width() == widest
    assert layout.sizeHint().width() > 5 * widest


def test_a_narrow_row_wraps_and_reports_the_height_of_its_lines(qtbot):
    holder, layout, buttons = _row(qtbot, 6)
    line = buttons[0].sizeHint().height()
    one_line = layout.heightForWidth(layout.sizeHint().width())
    assert one_line == line
    narrow = buttons[0].sizeHint().width() * 2 + 20
    assert layout.heightForWidth(narrow) == 3 * line + 2 * layout._gap
    holder.resize(narrow, layout.heightForWidth(narrow))
    holder.show()
    qtbot.waitExposed(holder)
    tops = sorted({b.geometry().top() for b in buttons})
    assert len(tops) == 3  # two buttons a line
    assert all(b.geometry().right() < narrow for b in buttons)


def test_spare_width_on_a_line_goes_to_the_expanding_control(qtbot):
    holder, layout = flow_row()
    qtbot.addWidget(holder)
    button = QPushButton("Reset", holder)
    text = QLineEdit(holder)
    layout.addWidget(text)
    layout.addWidget(button)
    holder.resize(900, layout.heightForWidth(900))
    holder.show()
    qtbot.waitExposed(holder)
    assert text.width() == 900 - button.sizeHint().width() - layout._gap
    assert button.geometry().right() == 899


def test_hidden_controls_take_no_room(qtbot):
    _holder, layout, buttons = _row(qtbot, 3)
    full = layout.sizeHint().width()
    buttons[1].hide()
    assert layout.sizeHint().width() == full - buttons[1].sizeHint().width() - layout._gap
