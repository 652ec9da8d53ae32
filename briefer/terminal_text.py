"""Text safe to print on a terminal: control and direction-changing characters shown escaped.

A note or a record may hold an escape sequence (clear the screen, set the window title) or a
right-to-left override that reorders what follows; printed raw, the terminal would obey them.
"""

from __future__ import annotations

import unicodedata

#: Bidirectional embeddings, overrides and isolates (LRE..RLO, LRI..PDI), direction marks
#: (LRM, RLM, ALM), invisible characters (zero-width space, word joiner and invisible
#: operators, BOM, tag characters) and the line and paragraph separators some terminals treat
#: as line breaks. The zero-width (non-)joiners stay: Persian spelling needs them.
_FORMATTING = frozenset(
    [
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        0x200B,
        0x200E,
        0x200F,
        0x061C,
        *range(0x2060, 0x2065),
        0xFEFF,
        *range(0xE0000, 0xE0080),
        0x2028,
        0x2029,
    ]
)
_LAYOUT = {"\t": " ", "\n": " ", "\r": " "}


def _is_unsafe(char: str) -> bool:
    """C0 and C1 controls, DEL, and the characters above."""
    return unicodedata.category(char) == "Cc" or ord(char) in _FORMATTING


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(text: str, one_line: bool = True) -> str:
    """``text`` with every unsafe character shown as ``\\x1b`` or ``\\u202e``.

    With ``one_line`` (the default) tabs and line breaks become spaces so a record stays on its
    line; otherwise they are kept as they are.
    """
    if text.isprintable() and text.isascii():
        return text
    return "".join(_shown(char, one_line) for char in text)


def _shown(char: str, one_line: bool) -> str:
    if char in _LAYOUT:
        return _LAYOUT[char] if one_line else char
    return _escape(char) if _is_unsafe(char) else char


def json_safe(text: str) -> str:
    """JSON text with the unsafe characters ``json.dumps(ensure_ascii=False)`` leaves raw (DEL,
    C1 controls, direction overrides) written as ``\\u`` escapes; it decodes to the same data,
    since such characters can only occur inside JSON strings. (json escapes C0 controls
    itself, so any left in ``text`` are its own line breaks, kept.)"""
    return "".join(
        f"\\u{ord(char):04x}" if ord(char) >= 0x7F and _is_unsafe(char) else char for char in text
    )
