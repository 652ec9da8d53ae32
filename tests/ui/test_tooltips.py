"""Tooltips show a title as typed, never as markup."""

from PySide6.QtGui import QTextDocument

from briefer.ui.tooltips import as_text

HOSTILE = "Launch <img src='file:///etc/hostname'> & <h1>OFFICIAL</h1>\n2026-11-28"


def test_markup_in_a_tooltip_is_shown_as_text(qapp):
    document = QTextDocument()
    document.setHtml(as_text(HOSTILE))
    assert document.toPlainText() == HOSTILE
    assert "<img" not in document.toHtml() and "<h1" not in document.toHtml()
    assert as_text("") == ""
