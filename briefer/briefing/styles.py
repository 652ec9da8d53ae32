"""The page's paragraph styles; nothing is set below MIN_POINTS."""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle

from briefer.briefing import fonts

MIN_POINTS = 7.5


@cache
def styles() -> dict[str, ParagraphStyle]:
    fonts.register()
    base = ParagraphStyle(
        "body", fontName=fonts.BODY, fontSize=8.5, leading=10.6, bulletFontName=fonts.BODY
    )
    cell = ParagraphStyle("cell", base, fontSize=MIN_POINTS, leading=9)
    return {
        "title": ParagraphStyle("title", base, fontName=fonts.BOLD, fontSize=14, leading=17),
        "meta": ParagraphStyle(
            "meta",
            base,
            fontSize=MIN_POINTS + 0.5,
            leading=10,
            textColor=colors.HexColor("#444444"),
        ),
        "heading": ParagraphStyle(
            "heading",
            base,
            fontName=fonts.BOLD,
            fontSize=9.5,
            leading=12,
            spaceBefore=5,
            spaceAfter=2,
        ),
        "body": base,
        "bullet": ParagraphStyle("bullet", base, leftIndent=10, bulletIndent=2, spaceAfter=1.5),
        "small": ParagraphStyle(
            "small",
            base,
            fontSize=MIN_POINTS,
            leading=9.2,
            leftIndent=10,
            bulletIndent=2,
            spaceAfter=1,
        ),
        "cell": cell,
        "cell_bold": ParagraphStyle("cell_bold", cell, fontName=fonts.BOLD),
        "source": ParagraphStyle("source", cell, leading=8.6),
        "banner": ParagraphStyle(
            "banner",
            base,
            fontName=fonts.BOLD,
            fontSize=9,
            leading=11,
            alignment=TA_CENTER,
            textColor=colors.white,
        ),
        "footer": ParagraphStyle("footer", cell, leading=8.6, textColor=colors.HexColor("#555555")),
    }
