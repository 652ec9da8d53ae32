"""Paragraphs of user and data text: escaped, in fonts that have the glyphs, right-to-left
text shaped and put in visual order, and shortened with an ellipsis to fit a given space."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from briefer.briefing import fonts, rtl
from briefer.briefing.text import cut, markup, runs_markup

SAFETY = 0.5  # points left free at the end of a pre-broken line, so reportlab never rewraps it
TALL = 1e6


def paragraph(
    text: str,
    style: ParagraphStyle,
    width: float,
    *,
    lead: str = "",
    tail: str = "",
    bullet: str | None = None,
) -> Paragraph:
    """A bold ``lead``, ``text`` and ``tail`` in ``width`` points; ``text`` sets the direction.

    Text with right-to-left characters is broken into lines here, each line shaped and
    reordered; a right-to-left paragraph is set flush right.
    """
    bold = style.fontName == fonts.BOLD
    if not rtl.needs_bidi(text):
        body = markup(lead, True) + markup(text, bold) + markup(tail, bold)
        return Paragraph(body, style, bulletText=bullet)
    base = rtl.base_level(text)

    def measure(character: str, is_bold: bool) -> float:
        return fonts.width_of(character, is_bold, style.fontSize)

    room = width - style.leftIndent - style.rightIndent - SAFETY
    lines = rtl.visual_lines([(lead, True), (text, bold), (tail, bold)], room, measure, base)
    if base and style.alignment == TA_LEFT:
        style = ParagraphStyle(f"{style.name}-rtl", style, alignment=TA_RIGHT)
    return Paragraph("<br/>".join(runs_markup(line) for line in lines), style, bulletText=bullet)


def height(flowable: Flowable, width: float) -> float:
    return float(flowable.wrap(width, TALL)[1])


def shorten_to_fit(text: str, fits: Callable[[str], bool]) -> str:
    """``text``, or the longest start of it (with an ellipsis) that ``fits``."""
    if fits(text):
        return text
    low, high = 0, len(text)  # cut(text, low) fits or is the shortest there is; high does not
    while high - low > 1:
        middle = (low + high) // 2
        if fits(cut(text, middle)):
            low = middle
        else:
            high = middle
    return cut(text, low)
