"""User and data text made safe for reportlab paragraphs, in a font that has its glyphs."""

from __future__ import annotations

import re
import unicodedata

from briefer.briefing import fonts

ELLIPSIS = "…"
# '&' first, so the entities added after it are not escaped again. (xml.sax.saxutils would do
# the same but imports urllib.request, and Briefer loads nothing that can reach a network.)
_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#39;"))
_LINE_BREAKS = re.compile("\r\n|[\r\u0085\u2028\u2029]")
_WORD_BACKTRACK = 15  # an ellipsis goes after the last whole word within this many characters


def escape(text: str) -> str:
    for char, entity in _ENTITIES:
        text = text.replace(char, entity)
    return text


def clean(text: str, single_line: bool = False) -> str:
    """Tabs as spaces, one kind of line break (none in a single-line field), and no control
    characters or lone surrogates, which have no glyph and can break the PDF's encoding."""
    text = _LINE_BREAKS.sub("\n", text).replace("\t", " ")
    if single_line:
        text = text.replace("\n", " ")
    return "".join(c for c in text if c == "\n" or unicodedata.category(c) not in ("Cc", "Cs"))


def cut(text: str, length: int) -> str:
    """The first ``length`` characters (back to a word's end when one is near) and an ellipsis."""
    head = text[: max(length, 0)]
    space = head.rfind(" ", max(0, length - _WORD_BACKTRACK))
    return (head[:space] if space > 0 else head).rstrip() + ELLIPSIS


def clip(text: str, limit: int) -> str:
    """``text``, or its start and an ellipsis in at most ``limit`` characters."""
    return text if len(text) <= limit else cut(text, limit - 1)


def markup(text: str, bold: bool = False) -> str:
    """Escape ``text`` (so ``<b>`` stays literal and ``<img>`` opens nothing) and name the font
    of each run: the body font, or DejaVu Sans for characters the body font lacks."""
    return "<br/>".join(runs_markup([(c, bold) for c in line]) for line in text.split("\n"))


def runs_markup(characters: list[tuple[str, bool]]) -> str:
    """Characters, each with its weight, as runs of one font each."""
    parts: list[str] = []
    run: list[str] = []
    font = ""
    for character, bold in characters:
        wanted = fonts.font_for(character, bold)
        if run and wanted != font:
            parts.append(_run("".join(run), font))
            run = []
        run.append(character)
        font = wanted
    if run:
        parts.append(_run("".join(run), font))
    return "".join(parts)


def _run(text: str, font: str) -> str:
    return f'<font name="{font}">{escape(text)}</font>'
