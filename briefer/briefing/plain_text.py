"""A briefing as plain text, for an e-mail or a chat message: the PDF's content without its
page limit, sources numbered the same way, the handling banner above and below."""

from __future__ import annotations

import unicodedata

from briefer.briefing.citations import SourceNumbers, source_line
from briefer.domain.briefing import (
    FIRST_FLIGHT,
    Briefing,
    Cited,
    ComparisonTable,
    analyst_items_text,
)
from briefer.domain.vocabulary import label
from briefer.meta import APP_NAME, __version__

WIDTH_LIMIT = 28  # widest table cell kept whole; a wider one is cut with …


def as_plain_text(briefing: Briefing) -> str:
    """Everything the briefing holds, in page order, each section under its heading."""
    numbers = SourceNumbers()
    b = briefing
    lines = [b.banner, "", b.title, _meta(b), "", f"Bottom line up front. {b.bluf}"]
    lines += _cited_section("Key judgments", b.judgments, numbers)
    lines += _timeline(b)
    if b.comparison is not None and b.comparison.rows:
        lines += ["", "Comparison", *_table(b.comparison)]
        marks = numbers.marks(b.comparison.sources)
        lines += [f"Sources for the table:{marks}"] if marks else []
    lines += _cited_section("Relevant provisions", b.provisions, numbers)
    lines += _cited_section("Analyst notes", b.notes, numbers)
    sources = [
        source_line(position, b.sources[source_id])
        for position, source_id in enumerate(numbers.order, start=1)
        if source_id in b.sources
    ]
    lines += ["", "Sources", *sources] if sources else []
    lines += ["", _footer(b), b.banner]
    return _without_controls("\n".join(lines)) + "\n"


_DIRECTION_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _without_controls(text: str) -> str:
    """No terminal escape, other control character or direction override from a typed field
    reaches the reader; joiners that Persian and emoji need are kept."""
    return "".join(
        c
        for c in text
        if c in "\n\t"
        or (unicodedata.category(c) not in ("Cc", "Cs") and c not in _DIRECTION_CONTROLS)
    )


def _meta(b: Briefing) -> str:
    zone = f" ({b.date_zone})" if b.date_zone else ""
    author = f" · {b.author}" if b.author else ""
    return f"{b.date}{zone} · events checked through {b.coverage_through or b.as_of}{author}"


def _cited_section(heading: str, items: tuple[Cited, ...], numbers: SourceNumbers) -> list[str]:
    if not items:
        return []
    lines = ["", heading]
    for item in items:
        marks = numbers.marks(item.sources, item.every_source)
        lines.append(f"- {item.text}{marks}{item.confidence_text}")
    return lines


def _timeline(b: Briefing) -> list[str]:
    """The launches, compared systems' first flights and the analyst's own records by name;
    the context events counted."""
    if not b.timeline:
        return []
    named = [m for m in b.timeline if m.kind in ("satellite_launch", FIRST_FLIGHT) or m.local]
    lines = ["", "Timeline", *(f"- {m.date_utc} {m.label}{_own(m.local)}" for m in named)]
    others = [m for m in b.timeline if m not in named]
    if others:
        span = f"{others[0].date_utc[:4]}–{others[-1].date_utc[:4]}"
        kinds = ", ".join(label(k).lower() for k in dict.fromkeys(m.kind for m in others))
        lines.append(f"- and {len(others)} other dated events ({span}): {kinds}")
    return lines


def _own(local: bool) -> str:
    return " (your own record, not in the dataset)" if local else ""


def _table(table: ComparisonTable) -> list[str]:
    rows = [table.headers, *table.rows]
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(table.headers))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]


def _cell(value: str) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= WIDTH_LIMIT else text[: WIDTH_LIMIT - 1] + "…"


def _footer(b: Briefing) -> str:
    own = analyst_items_text(b.analyst_items)
    return (
        f"Generated {b.generated_utc}{f' · {own}' if own else ''} · {APP_NAME} {__version__}"
        f" · dataset {b.dataset_version} (events checked through {b.coverage_through or b.as_of})"
    )
