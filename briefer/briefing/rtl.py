"""Right-to-left text on the page: Arabic and Persian letters joined by arabic-reshaper, and
each line put in visual order from the embedding levels python-bidi resolves (the Unicode
bidirectional algorithm), so Hebrew, Arabic and mixed lines read correctly.

Lines are broken in logical order first and reordered one by one afterwards, as the algorithm
requires; reportlab only draws the finished lines.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import accumulate

import arabic_reshaper
from bidi import get_base_level, get_display
from bidi.mirror import MIRRORED

Styled = tuple[str, bool]  # a character and whether it is bold
Measure = Callable[[str, bool], float]

_RTL_CLASSES = frozenset({"R", "AL", "RLE", "RLO", "RLI"})
_LEVEL = re.compile(r"Level\(\s*(\d+)")


def needs_bidi(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in _RTL_CLASSES for c in text)


def base_level(text: str) -> int:
    """1 when the text's first strong character is right-to-left, else 0."""
    return get_base_level(text) if text else 0


@lru_cache(maxsize=1)
def _reshaper() -> arabic_reshaper.ArabicReshaper:
    """arabic-reshaper with only the ligatures the bundled fonts can draw (the lam-alef forms):
    the others (ALLAH, BISMILLAH, ...) have no glyph, and their words would vanish."""
    from arabic_reshaper.ligatures import LIGATURES

    from briefer.briefing import fonts

    fonts.register()
    covered = fonts.symbol_coverage()
    drawable = {
        name: all(ord(form) in covered for form in forms if form)
        for name, (_text, forms) in LIGATURES
    }
    return arabic_reshaper.ArabicReshaper(configuration=drawable)


def reshape(text: str) -> str:
    return _reshaper().reshape(text)


def visual_lines(
    pieces: Sequence[tuple[str, bool]], width: float, measure: Measure, base: int
) -> list[list[Styled]]:
    """``pieces`` (text, bold) shaped, broken into lines of ``width`` and put in visual order."""
    characters: list[Styled] = []
    for text, bold in pieces:
        characters += [(c, bold) for c in reshape(text)]
    lines: list[list[Styled]] = []
    start = 0
    breaks = [i for i, (c, _) in enumerate(characters) if c == "\n"]
    for end in [*breaks, len(characters)]:
        lines += _paragraph_lines(characters[start:end], width, measure, base)
        start = end + 1
    return lines


def _paragraph_lines(
    characters: list[Styled], width: float, measure: Measure, base: int
) -> list[list[Styled]]:
    if not characters:
        return [[]]
    text = "".join(c for c, _ in characters)
    levels = embedding_levels(text, base)
    widths = [0.0 if _invisible(c) else measure(c, bold) for c, bold in characters]
    lines = []
    for start, end in _breaks(text, widths, width):
        while end > start and text[end - 1] == " ":
            end -= 1  # trailing spaces hang outside the line (rule L1)
        line = []
        for index in reorder(levels[start:end]):
            character, bold = characters[start + index]
            if _invisible(character):
                continue
            if levels[start + index] % 2:
                character = MIRRORED.get(character, character)  # rule L4: "(" faces the text
            line.append((character, bold))
        lines.append(line)
    return lines


def embedding_levels(text: str, base: int) -> list[int]:
    """Each character's resolved level, read from python-bidi's report, which lists one level
    per UTF-8 byte (the library returns levels only in that form)."""
    report = get_display(text, base_dir="R" if base else "L", debug=True)
    listed = report.rsplit("levels: [", 1)[-1].split("]", 1)[0]
    per_byte = [int(level) for level in _LEVEL.findall(listed)]
    if len(per_byte) != len(text.encode()):  # the library's report changed form: plain order
        return [base] * len(text)
    offsets = accumulate((len(c.encode()) for c in text), initial=0)
    return [per_byte[offset] for offset, _ in zip(offsets, text, strict=False)]


def reorder(levels: Sequence[int]) -> list[int]:
    """Logical indices in visual order (rule L2): from the highest level down to the lowest
    odd one, reverse every run at that level or above."""
    order = list(range(len(levels)))
    if not levels:
        return order
    lowest_odd = min(levels) | 1
    for level in range(max(levels), lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] < level:
                i += 1
                continue
            j = i
            while j < len(order) and levels[order[j]] >= level:
                j += 1
            order[i:j] = order[i:j][::-1]
            i = j
    return order


def _breaks(text: str, widths: Sequence[float], width: float) -> list[tuple[int, int]]:
    """Greedy line spans: after the last space that fits, or inside a word too long for a line."""
    spans = []
    start, used, space = 0, 0.0, -1
    for i, advance in enumerate(widths):
        if used + advance > width and i > start and text[i] != " ":
            cut = space + 1 if space > start else i
            spans.append((start, cut))
            start, space = cut, -1
            used = sum(widths[start:i])
        used += advance
        if text[i] == " ":
            space = i
    spans.append((start, len(text)))
    return spans


def _invisible(character: str) -> bool:
    """Format characters (direction marks and embeddings, joiners) steer shaping and ordering
    and are never drawn."""
    return unicodedata.category(character) == "Cf"
