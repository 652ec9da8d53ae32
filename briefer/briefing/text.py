"""User and data text made safe for reportlab paragraphs, in a font that has its glyphs."""

from __future__ import annotations

from briefer.briefing import fonts

# '&' first, so the entities added after it are not escaped again. (xml.sax.saxutils would do
# the same but imports urllib.request, and Briefer loads nothing that can reach a network.)
_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#39;"))


def escape(text: str) -> str:
    for char, entity in _ENTITIES:
        text = text.replace(char, entity)
    return text


def markup(text: str) -> str:
    """Escape ``text`` (so ``<b>`` stays literal and ``<img>`` opens nothing) and switch to the
    symbol font for characters the body font lacks (emoji, some signs)."""
    body = fonts.register()
    symbols = fonts.symbol_coverage()
    parts: list[str] = []
    run: list[str] = []
    run_symbol = False
    for character in text:
        needs_symbol = ord(character) not in body and ord(character) in symbols
        if run and needs_symbol != run_symbol:
            parts.append(_run("".join(run), run_symbol))
            run = []
        run.append(character)
        run_symbol = needs_symbol
    if run:
        parts.append(_run("".join(run), run_symbol))
    return "".join(parts).replace("\n", "<br/>")


def _run(text: str, symbol: bool) -> str:
    escaped = escape(text)
    return f'<font name="{fonts.SYMBOLS}">{escaped}</font>' if symbol else escaped
