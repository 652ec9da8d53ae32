"""Bundled fonts for the PDF: NanumGothic (Latin, Cyrillic, Hangul), DejaVu Sans for the rest.

DejaVu Sans (regular and bold) carries Hebrew, Arabic presentation forms (the joined letter
shapes the shaper picks) and symbols; it is the fallback for any character NanumGothic lacks.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefer import paths

BODY, BOLD = "Briefer", "Briefer-Bold"
SYMBOLS, SYMBOLS_BOLD = "Briefer-Symbols", "Briefer-Symbols-Bold"
_FILES = {
    BODY: "NanumGothic.ttf",
    BOLD: "NanumGothicBold.ttf",
    SYMBOLS: "DejaVuSans.ttf",
    SYMBOLS_BOLD: "DejaVuSans-Bold.ttf",
}


@cache
def register() -> frozenset[int]:
    """Register the fonts once per process; returns the code points the body font covers."""
    folder = paths.fonts_dir()
    for name, file in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    for bold, italic, name in ((0, 0, BODY), (1, 0, BOLD), (0, 1, BODY), (1, 1, BOLD)):
        addMapping(BODY, bold, italic, name)
    return _coverage(BODY)


@cache
def symbol_coverage() -> frozenset[int]:
    register()
    return _coverage(SYMBOLS)


def _coverage(name: str) -> frozenset[int]:
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


@cache
def font_for(character: str, bold: bool = False) -> str:
    """The body font when it has the character, else DejaVu Sans when that has it."""
    code = ord(character)
    if code not in register() and code in symbol_coverage():
        return SYMBOLS_BOLD if bold else SYMBOLS
    return BOLD if bold else BODY


@cache
def width_of(character: str, bold: bool, size: float) -> float:
    return pdfmetrics.stringWidth(character, font_for(character, bold), size)
