"""Bundled fonts for the PDF: NanumGothic (Latin, Cyrillic, Hangul), DejaVu Sans for symbols."""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefer import paths

BODY, BOLD, SYMBOLS = "Briefer", "Briefer-Bold", "Briefer-Symbols"


@cache
def register() -> frozenset[int]:
    """Register the fonts once per process; returns the code points the body font covers."""
    folder = paths.fonts_dir()
    body = TTFont(BODY, str(folder / "NanumGothic.ttf"))
    pdfmetrics.registerFont(body)
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "NanumGothicBold.ttf")))
    pdfmetrics.registerFont(TTFont(SYMBOLS, str(folder / "DejaVuSans.ttf")))
    for bold, italic, name in ((0, 0, BODY), (1, 0, BOLD), (0, 1, BODY), (1, 1, BOLD)):
        addMapping(BODY, bold, italic, name)
    return frozenset(body.face.charToGlyph)


@cache
def symbol_coverage() -> frozenset[int]:
    register()
    font = pdfmetrics.getFont(SYMBOLS)
    return frozenset(font.face.charToGlyph)
