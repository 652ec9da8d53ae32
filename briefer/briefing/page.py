"""The page around the story (banners, footer, metadata) and a build that ends in one page.

reportlab reports a layout it cannot honour with its own internals (``LayoutError`` naming
a ``Flowable <Table@0x…>``); none of that reaches the user. If a story fails or runs past
one page, the next, plainer story is tried; only if the plainest fails is a one-line
RenderError raised.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from briefer.briefing import fonts
from briefer.briefing.outline import set_document_date
from briefer.briefing.paragraphs import paragraph
from briefer.briefing.styles import styles
from briefer.domain.briefing import Briefing
from briefer.meta import APP_NAME, __version__
from briefer.store.errors import StoreError

PAGES = {"letter": LETTER, "a4": A4}
MARGIN = 0.5 * inch
BANNER = 16.0
BANNER_PADDING = 4.0
FOOTER = 18.0  # the footer line and the gap above it
NOTE = 9.0  # the line saying what was shortened, when there is one
BAND = colors.HexColor("#1f3a5f")


class RenderError(StoreError):
    """The briefing could not be laid out at all; the message is fit to show."""


@dataclass(frozen=True)
class PageText:
    """The text drawn around the story, already fitted to its one line each."""

    banner: str
    footer: str
    note: str = ""


def band_width(page: tuple[float, float]) -> float:
    return page[0] - 2 * MARGIN - 2 * BANNER_PADDING


def bottom_margin(text: PageText) -> float:
    return MARGIN + BANNER + FOOTER - 4 + (NOTE if text.note else 0.0)


def build(
    briefing: Briefing,
    page: tuple[float, float],
    text: PageText,
    stories: Sequence[Callable[[], list[Flowable]]],
) -> bytes:
    """The first of ``stories`` that lays out on exactly one page, as PDF bytes."""
    failure: Exception | None = None
    for story in stories:
        try:
            pdf, pages = _build_once(briefing, page, text, story())
        except Exception as error:  # reportlab's errors are internal: try a plainer story
            failure = error
            continue
        if pages == 1:
            return pdf
    raise RenderError("the briefing could not be laid out on one page") from failure


def _build_once(
    briefing: Briefing, page: tuple[float, float], text: PageText, story: list[Flowable]
) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    meta = f"{APP_NAME} {__version__} (dataset {briefing.dataset_version})"
    document = SimpleDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + BANNER + 4,
        bottomMargin=bottom_margin(text),
        title=briefing.title,
        author=briefing.author or APP_NAME,
        subject=briefing.bluf[:200],
        keywords=", ".join(briefing.keywords),
        creator=meta,
        producer=meta,
        invariant=1,  # the same briefing, the same bytes; its date is set on the first page
        lang="en",
        displayDocTitle=True,
        initialFontName=fonts.BODY,  # not reportlab's Helvetica, which no page embeds
    )
    pages: list[int] = []
    draw = _decorate(page, text, pages, briefing.generated_utc)
    document.build(story, onFirstPage=draw, onLaterPages=draw)
    return buffer.getvalue(), max(pages, default=0)


def _decorate(
    page: tuple[float, float], text: PageText, pages: list[int], generated_utc: str
) -> Callable[[Canvas, Any], None]:
    width, height = page
    s = styles()

    def draw(canvas: Canvas, document: Any) -> None:
        pages.append(document.page)
        set_document_date(canvas, generated_utc)
        canvas.saveState()
        for y in (height - MARGIN - BANNER, MARGIN):
            canvas.setFillColor(BAND)
            canvas.rect(MARGIN, y, width - 2 * MARGIN, BANNER, stroke=0, fill=1)
            _line(canvas, text.banner, s["banner"], MARGIN + BANNER_PADDING, y + 2.5, page)
        footer_y = MARGIN + BANNER + 2
        _line(canvas, text.footer, s["footer"], MARGIN, footer_y, page)
        if text.note:
            _line(canvas, text.note, s["footer"], MARGIN, footer_y + NOTE, page)
        canvas.restoreState()

    return draw


def _line(canvas: Canvas, line: str, style: Any, x: float, y: float, page: tuple) -> None:
    flowable = paragraph(line, style, band_width(page))
    flowable.wrapOn(canvas, band_width(page), style.leading)
    flowable.drawOn(canvas, x, y)
