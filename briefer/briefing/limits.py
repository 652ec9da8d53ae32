"""How much of each field a one-page briefing has room for.

Every string is cleaned (no control characters, tabs as spaces) and cut with an ellipsis past
its limit; the layout then shortens the fixed parts further to their measured room. What was
shortened is named on the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from briefer.briefing.text import ELLIPSIS, clean, clip
from briefer.domain.briefing import Briefing, Cited, ComparisonTable
from briefer.domain.records import Source

BANNER, TITLE, DATE, AUTHOR, BLUF = 200, 300, 40, 120, 1500
BLUF_LINES, ITEM_LINES = 12, 5  # line breaks typed into a field count against its room
ITEM, CELL, SOURCE = 600, 160, 500
MAX_ITEMS = 40  # per section; the rest count as left out

NAMES = {
    "bluf": "bottom line",
    "judgments": "key judgments",
    "notes": "analyst notes",
    "comparison": "comparison table",
}


@dataclass
class Clipper:
    """Cleans and cuts strings, remembering which fields were shortened."""

    fields: list[str] = field(default_factory=list)
    left_out: int = 0

    def text(self, name: str, text: str, limit: int, lines: int = 1) -> str:
        cleaned = clean(text, single_line=lines == 1)
        clipped = _clip_lines(clip(cleaned, limit), lines)
        if clipped != cleaned:
            self.mark(name)
        return clipped

    def mark(self, name: str) -> None:
        label = NAMES.get(name, name)
        if label not in self.fields:
            self.fields.append(label)

    def cited(self, name: str, items: Sequence[Cited]) -> tuple[Cited, ...]:
        self.left_out += max(0, len(items) - MAX_ITEMS)
        kept = items[:MAX_ITEMS]
        return tuple(replace(i, text=self.text(name, i.text, ITEM, ITEM_LINES)) for i in kept)


def clip_briefing(briefing: Briefing, clipper: Clipper) -> Briefing:
    """``briefing`` with every string cleaned and cut to its limit."""
    b, c = briefing, clipper
    cited = _cited(b)
    return replace(
        b,
        banner=c.text("banner", b.banner, BANNER),
        title=c.text("title", b.title, TITLE),
        date=c.text("date", b.date, DATE),
        author=c.text("author", b.author, AUTHOR),
        bluf=c.text("bluf", b.bluf, BLUF, BLUF_LINES),
        judgments=c.cited("judgments", b.judgments),
        provisions=c.cited("provisions", b.provisions),
        notes=c.cited("notes", b.notes),
        comparison=_table(b.comparison, c),
        sources={key: _source(s, c) for key, s in b.sources.items() if key in cited},
        dataset_version=c.text("footer", b.dataset_version, DATE),
        as_of=c.text("date", b.as_of, DATE),
        coverage_through=c.text("date", b.coverage_through, DATE),
    )


def _cited(briefing: Briefing) -> set[str]:
    """The sources the page can cite: the composer hands over the whole dataset's."""
    items = (*briefing.judgments, *briefing.provisions, *briefing.notes)
    cited = {source for item in items for source in item.sources}
    return cited | set(briefing.comparison.sources if briefing.comparison else ())


def _table(table: ComparisonTable | None, clipper: Clipper) -> ComparisonTable | None:
    if table is None:
        return None
    rows = tuple(
        tuple(clipper.text("comparison", str(v), CELL) for v in row)
        for row in table.rows[:MAX_ITEMS]
    )
    clipper.left_out += max(0, len(table.rows) - MAX_ITEMS)
    headers = tuple(clipper.text("comparison", h, CELL) for h in table.headers)
    return replace(table, headers=headers, rows=rows)


def _source(source: Source, clipper: Clipper) -> Source:
    return replace(
        source,
        title=clipper.text("sources", source.title, SOURCE),
        publisher=clipper.text("sources", source.publisher, SOURCE),
        url=clipper.text("sources", source.url, SOURCE),
        published=clipper.text("sources", source.published, DATE),
    )


def _clip_lines(text: str, lines: int) -> str:
    parts = text.split("\n")
    if len(parts) <= lines:
        return text
    return "\n".join(parts[:lines]).rstrip() + ELLIPSIS
