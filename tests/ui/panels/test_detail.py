"""The detail pane's HTML: whatever a record or an imported file holds stays text."""

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from briefer.domain.records import EntityRef
from briefer.services.detail_model import Detail
from briefer.ui.panels.detail import detail_html, record_href, ref_from_link

HOSTILE = EntityRef("event'><h1>OFFICIAL</h1><img src='file:///etc/hostname'>", "x' y")


def _detail(**changes):
    values = dict(
        ref=EntityRef("event", "local-" + "0" * 32),
        kind_label="Your event",
        title="<b>title</b>",
        subtitle="",
        facts=(),
        summary="",
        sections=(),
        sources=(),
        confidence="unverified",
        links=(("Retired in favour of", (("a record", HOSTILE),)),),
        banner="Your own record <script>",
        local=True,
    )
    values.update(changes)
    return Detail(**values)


def test_a_hostile_link_or_banner_cannot_add_markup(qapp):
    document = QTextDocument()
    document.setHtml(detail_html(_detail()))
    html = document.toHtml()
    assert "<h1" not in html and "<img" not in html
    text = document.toPlainText()
    assert "Your own record <script>" in text and "<b>title</b>" in text


def test_links_round_trip_through_the_url_even_with_quotes_and_spaces(qapp):
    for ref in (HOSTILE, EntityRef("provision", "res2087-op2"), EntityRef("site", "a/b c")):
        assert ref_from_link(QUrl(record_href(ref))) == ref
