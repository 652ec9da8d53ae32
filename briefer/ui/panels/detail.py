"""The detail pane: whatever is selected, with its facts, sources and confidence."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import QSplitter, QTextBrowser, QVBoxLayout, QWidget

from briefer.domain.palette import CONFIDENCE_MARKS, LOCAL_COLOUR, OUTCOME_COLOURS
from briefer.domain.records import EntityRef
from briefer.ui.panels.local_record_bar import LocalRecordBar
from briefer.ui.panels.note_editor import NoteEditor

if TYPE_CHECKING:  # both loaded with the first selection, not for the first paint
    from briefer.services.detail_model import Detail

LINK_SCHEME = "briefer"
_EMPTY = (
    "<p style='color: gray'>Select a launch, a system or a provision "
    "to see its facts and sources here, or search everything with Ctrl+K.</p>"
)


def _fact_value(label: str, value: str) -> str:
    from html import escape

    colour = OUTCOME_COLOURS.get(value) if label.startswith("Outcome") else None
    text = escape(value)
    return f"<span style='color:{colour}; font-weight:600'>{text}</span>" if colour else text


def detail_html(detail: Detail) -> str:
    """The detail as HTML; every string from the data is escaped."""
    from html import escape

    parts = [_banner_html(detail.banner)] if detail.banner else []
    parts += [
        f"<p style='margin:0; color:gray'>{escape(detail.kind_label)}</p>",
        f"<h2 style='margin:2px 0'>{escape(detail.title)}</h2>",
    ]
    if detail.subtitle:
        parts.append(f"<p style='margin:0 0 6px 0'>{escape(detail.subtitle)}</p>")
    rows = "".join(
        f"<tr><td style='color:gray; padding-right:10px'>{escape(label)}</td>"
        f"<td>{_fact_value(label, value)}</td></tr>"
        for label, value in detail.facts
    )
    parts.append(f"<table cellspacing='0' cellpadding='2'>{rows}</table>")
    if detail.summary:
        parts.append(f"<p>{escape(detail.summary)}</p>")
    for heading, links in detail.links:
        entries = "".join(
            f"<li><a href='{record_href(ref)}'>{escape(text)}</a></li>"
            if ref is not None
            else f"<li>{escape(text)}</li>"
            for text, ref in links
        )
        parts.append(
            f"<h4 style='margin-bottom:2px'>{escape(heading)}</h4>"
            f"<ul style='margin-left:-16px'>{entries}</ul>"
        )
    for heading, items in detail.lists:
        entries = "".join(f"<li>{escape(item)}</li>" for item in items)
        parts.append(
            f"<h4 style='margin-bottom:2px'>{escape(heading)}</h4>"
            f"<ul style='margin-left:-16px'>{entries}</ul>"
        )
    for heading, text in detail.sections:
        parts.append(f"<h4 style='margin-bottom:2px'>{escape(heading)}</h4><p>{escape(text)}</p>")
    if detail.confidence:
        mark = CONFIDENCE_MARKS.get(detail.confidence, "")
        parts.append(f"<p><b>Confidence:</b> {mark} {escape(detail.confidence)}</p>")
    parts.append(
        f"<h4 style='margin-bottom:2px'>Sources ({len(detail.sources)})</h4>"
        "<ol style='margin-left:-16px'>"
    )
    for source in detail.sources:
        date = f", {escape(source.published)}" if source.published else ""
        date += f" <span style='color:gray'>[{escape(source.kind)}]</span>" if source.kind else ""
        url = f"<br><span style='color:gray'>{escape(source.url)}</span>" if source.url else ""
        parts.append(
            f"<li>{escape(source.publisher)}: <i>{escape(source.title)}</i>{date}{url}</li>"
        )
    parts.append("</ol>")
    return "".join(parts)


def record_href(ref: EntityRef) -> str:
    """``briefer:kind/id`` with both parts percent-encoded: no quote or bracket of a hostile
    id (an imported file can hold anything) can leave the attribute."""
    return f"{LINK_SCHEME}:{quote(str(ref.kind), safe='')}/{quote(ref.id, safe='')}"


def _banner_html(text: str) -> str:
    """The analyst's-own-record banner: the same colour as their records' ring on the timeline,
    with dark text, readable in either theme."""
    from html import escape

    return (
        f"<table width='100%' cellpadding='6' cellspacing='0' style='margin-bottom:6px'>"
        f"<tr><td bgcolor='{LOCAL_COLOUR}' style='color:#111111'>✎ {escape(text)}</td></tr>"
        "</table>"
    )


_ORPHAN = (
    "<p style='color: gray'>This record is no longer in the reference dataset "
    "(it may have been renamed or removed in an update). Your note on it is kept below.</p>"
)


def ref_from_link(url: QUrl) -> EntityRef | None:
    """``briefer:provision/res2087-op2`` -> ``EntityRef("provision", "res2087-op2")``."""
    path = url.path(QUrl.ComponentFormattingOption.FullyEncoded)
    if url.scheme() != LINK_SCHEME or "/" not in path:
        return None
    kind, _, entity_id = path.partition("/")
    return EntityRef(unquote(kind), unquote(entity_id))


class DetailPanel(QWidget):
    """The selected record (read-only, selectable for quoting) above the analyst's note on it.

    Signals:
        link_activated(object): the ``EntityRef`` of a related record the user clicked.
    """

    link_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Detail")
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("Selected item details")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_anchor)
        self.notes = NoteEditor(self)
        self.local_bar = LocalRecordBar(self)
        top = QWidget(self)
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.browser, stretch=1)
        column.addWidget(self.local_bar)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.notes)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.show_detail(None)

    def show_detail(self, detail: Detail | None, ref: EntityRef | None = None) -> None:
        """Show ``detail``; a ``ref`` without detail is a record gone from the dataset."""
        if detail is not None:
            self.browser.setHtml(detail_html(detail))
        else:
            self.browser.setHtml(_ORPHAN if ref is not None else _EMPTY)
        self.notes.show_note_for(detail.ref if detail else ref)

    def _on_anchor(self, url: QUrl) -> None:
        ref = ref_from_link(url)
        if ref is not None:
            self.link_activated.emit(ref)

    @property
    def text(self) -> str:
        return self.browser.toPlainText()
