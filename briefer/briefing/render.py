"""Lays a composed Briefing out on exactly one page and writes the PDF atomically.

Every field is cut to a limit first (see limits); the title, date line, bottom line and
banner are then shortened to their measured room, and the page names what was shortened.
Everything optional has a priority. When the page overflows, the lowest-priority item is
dropped and the layout measured again, until it fits; the page then says how many items were
left out. Text is never set below 7.5 pt.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from briefer.briefing import fonts
from briefer.briefing import page as page_module
from briefer.briefing.citations import SourceNumbers, first_sources, source_line
from briefer.briefing.filling import fill
from briefer.briefing.limits import Clipper, clip_briefing
from briefer.briefing.outline import SectionHeading
from briefer.briefing.page import BANNER, MARGIN, PAGES, PageText
from briefer.briefing.paragraphs import height, paragraph, shorten_to_fit
from briefer.briefing.styles import MIN_POINTS, styles
from briefer.briefing.timeline_block import timeline_block
from briefer.domain.briefing import Briefing, Cited, analyst_items_text
from briefer.meta import APP_NAME, __version__

__all__ = ["MIN_POINTS", "BriefingLayout", "fit", "render"]

TITLE_LINES = 3
META_LINES = 2
BLUF_LINES = 14
FRAME_PADDING = 6.0
SAFETY = 2.0
HEADING_HEIGHT = 19.0
BOX_PADDING = 6.0
CELL_PADDING = 6.0  # reportlab's default cell padding, left and right
BLUF_LEAD = "Bottom line up front. "
FULL_ENOUGH = 0.04  # a page with less room left than this is not filled further


@dataclass(frozen=True)
class Slot:
    """An optional piece of content: lower ``priority`` numbers are dropped last."""

    section: str
    priority: int
    item: object


def _slots(briefing: Briefing) -> list[Slot]:
    slots = [Slot("judgments", 1 if i < 3 else 4, j) for i, j in enumerate(briefing.judgments)]
    if briefing.timeline:
        slots.append(Slot("timeline", 3, briefing.timeline))
    if briefing.comparison is not None:
        rows = briefing.comparison.rows
        slots += [Slot("comparison", 2 if i < 3 else 5, row) for i, row in enumerate(rows)]
    slots += [Slot("provisions", 2 if i < 2 else 6, p) for i, p in enumerate(briefing.provisions)]
    slots += [Slot("notes", 7, note) for note in briefing.notes]
    return slots


class BriefingLayout:
    """Builds the story for a set of kept slots and measures it against the frame."""

    def __init__(self, briefing: Briefing) -> None:
        self.clipper = Clipper()
        self.briefing = clip_briefing(briefing, self.clipper)
        self.styles = styles()
        width, page_height = PAGES.get(briefing.page_size, LETTER)
        self.page = (width, page_height)
        # reportlab's frame pads 6 pt on every side; measure what the text really gets
        self.frame_width = width - 2 * MARGIN - 2 * FRAME_PADDING
        self._fit_fixed_text()
        self.shown: set[str] = set()  # the sections of the story last laid out
        # the same line in two trial layouts is one flowable, wrapped once (filling tries many)
        self._made: dict[tuple[str, str, str], Flowable] = {}
        self._parts: dict[tuple[object, ...], Flowable] = {}  # headings, tables, fixed blocks
        self._heights: dict[int, tuple[Flowable, float]] = {}
        self.text = self._page_text()
        bottom = page_module.bottom_margin(self.text)
        self.frame_height = page_height - MARGIN - BANNER - 4 - bottom - 2 * FRAME_PADDING - SAFETY

    def _fit_fixed_text(self) -> None:
        """Shorten the title, author and bottom line to the lines they may take."""
        b = self.briefing
        title = self._shortened("title", b.title, lambda t: self._lines(t, "title") <= TITLE_LINES)
        author = self._shortened("author", b.author, lambda a: self._meta_fits(a))
        bluf = self._shortened("bluf", b.bluf, lambda t: self._bluf_height(t) <= BLUF_LINES)
        banner = self._shortened("banner", b.banner, lambda t: self._one_line(t, "banner"))
        self.briefing = replace(b, title=title, author=author, bluf=bluf, banner=banner)

    @property
    def band(self) -> float:
        return page_module.band_width(self.page)

    def _shortened(self, name: str, text: str, fits: Callable[[str], bool]) -> str:
        fitted = shorten_to_fit(text, fits)
        if fitted != text:
            self.clipper.mark(name)
        return fitted

    def _one_line(self, text: str, style: str) -> bool:
        """Whether ``text`` fits on one line of a banner band or the footer."""
        used = height(paragraph(text, self.styles[style], self.band), self.band)
        return used <= self.styles[style].leading

    def _lines(self, text: str, style: str, width: float | None = None, lead: str = "") -> float:
        room = width or self.frame_width
        used = height(paragraph(text, self.styles[style], room, lead=lead), room)
        return used / self.styles[style].leading

    def _meta_fits(self, author: str) -> bool:
        return self._lines(self._meta(author), "meta") <= META_LINES

    def _bluf_height(self, bluf: str) -> float:
        return self._lines(bluf, "body", self.frame_width - 2 * BOX_PADDING, BLUF_LEAD)

    def _meta(self, author: str) -> str:
        b = self.briefing
        checked = f"events checked through {b.coverage_through or b.as_of}"
        return f"{b.date}{f' ({b.date_zone})' if b.date_zone else ''} · {checked}" + (
            f" · {author}" if author else ""
        )

    def _page_text(self, analyst_items: int | None = None) -> PageText:
        b = self.briefing
        own = analyst_items_text(b.analyst_items if analyst_items is None else analyst_items)
        checked = b.coverage_through or b.as_of
        footer = (  # the time and the analyst's own items first: a shortened footer keeps them
            f"Generated {b.generated_utc}{f' · {own}' if own else ''} · {APP_NAME} {__version__}"
            f" · dataset {b.dataset_version} (events checked through {checked})"
        )
        note = ""
        if self.clipper.fields:
            shortened = ", ".join(self.clipper.fields)
            note = f"Text ending in … was shortened to keep this briefing to one page: {shortened}."
        footer, note = (
            shorten_to_fit(t, lambda t: self._one_line(t, "footer")) for t in (footer, note)
        )
        return PageText(b.banner, footer, note)

    def story(self, kept: list[Slot], left_out: int) -> list[Flowable]:
        self.shown = {slot.section for slot in kept}
        numbers = SourceNumbers()
        s = self.styles
        story: list[Flowable] = [*self._title_block(), Spacer(1, 4), self._bluf_box()]
        judgments = [slot.item for slot in kept if slot.section == "judgments"]
        if judgments:
            story.append(self._heading("Key judgments"))
            story += [self._cited(j, numbers, "bullet") for j in judgments]
        if any(slot.section == "timeline" for slot in kept):
            story.append(self._heading("Timeline"))
            story.append(self._timeline)
        rows = [slot.item for slot in kept if slot.section == "comparison"]
        if rows and self.briefing.comparison is not None:
            story.append(self._heading("Comparison"))
            story.append(self._part(("table", *map(id, rows)), lambda: self._table(rows)))
            marks = numbers.marks(self.briefing.comparison.sources)
            if marks:
                text = f"Sources for the table:{marks}"
                story.append(self._part(("marks", text), lambda: Paragraph(text, s["cell"])))
        for section, heading in (("provisions", "Relevant provisions"), ("notes", "Analyst notes")):
            items = [slot.item for slot in kept if slot.section == section]
            if items:
                story.append(self._heading(heading))
                story += [self._cited(item, numbers, "small") for item in items]
        if left_out:
            story.append(self._part(("left out", left_out), lambda: self._left_out(left_out)))
        story += self._sources(numbers)
        return story

    def _part(self, key: tuple[object, ...], make: Callable[[], Flowable]) -> Flowable:
        """The flowable for ``key``, made once: trial layouts share it, measured once."""
        if key not in self._parts:
            self._parts[key] = make()
        return self._parts[key]

    def _heading(self, text: str) -> Flowable:
        return self._part(("heading", text), lambda: SectionHeading(text, self.styles["heading"]))

    def minimal_story(self) -> list[Flowable]:
        """The fixed parts alone, for when the full story cannot be laid out."""
        left_out = len(_slots(self.briefing)) + self.clipper.left_out
        self.shown = set()
        return [*self._title_block(), Spacer(1, 4), self._bluf_box(), self._left_out(left_out)]

    def settle_footer(self) -> None:
        """Count the analyst's own items only if the timeline that shows them made the page."""
        if self.briefing.analyst_items and "timeline" not in self.shown:
            self.text = self._page_text(analyst_items=0)

    def _left_out(self, count: int) -> Flowable:
        text = f"{count} lower-priority item(s) left out to keep this briefing to one page."
        return Paragraph(text, self.styles["meta"])

    def _title_block(self) -> list[Flowable]:
        b, s, w = self.briefing, self.styles, self.frame_width
        return [
            self._part(("title",), lambda: paragraph(b.title, s["title"], w)),
            self._part(("meta",), lambda: paragraph(self._meta(b.author), s["meta"], w)),
        ]

    def _bluf_box(self) -> Flowable:
        return self._part(("bluf",), self._make_bluf_box)

    def _make_bluf_box(self) -> Flowable:
        inner = self.frame_width - 2 * BOX_PADDING
        text = paragraph(self.briefing.bluf, self.styles["body"], inner, lead=BLUF_LEAD)
        box = Table([[text]], colWidths=[self.frame_width])
        box.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), fonts.BODY),  # else Helvetica, not embedded
                    ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#0072B2")),
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#EEF5FB")),
                    ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING),
                    ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        return box

    def _cited(self, item: object, numbers: SourceNumbers, style: str) -> Flowable:
        assert isinstance(item, Cited)
        tail = numbers.marks(item.sources, item.every_source) + item.confidence_text
        return self._line(item.text, style, tail)

    def _table(self, rows: list[object]) -> Flowable:
        comparison = self.briefing.comparison
        assert comparison is not None
        first = self.frame_width * 0.22
        rest = (self.frame_width - first) / max(len(comparison.headers) - 1, 1)
        widths = [first] + [rest] * (len(comparison.headers) - 1)

        def cells(values: tuple[str, ...], style: str) -> list[Flowable]:
            style_ = self.styles[style]
            room = [w - 2 * CELL_PADDING for w in widths]
            return [paragraph(str(v), style_, w) for v, w in zip(values, room, strict=True)]

        header = cells(comparison.headers, "cell_bold")
        body = [cells(row, "cell") for row in rows]  # type: ignore[arg-type]
        table = Table([header, *body], colWidths=widths)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), fonts.BODY),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#444444")),
                    (
                        "ROWBACKGROUNDS",
                        (0, 1),
                        (-1, -1),
                        [colors.white, colors.HexColor("#F3F5F7")],
                    ),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ]
            )
        )
        return table

    def _sources(self, numbers: SourceNumbers) -> list[Flowable]:
        if not numbers.order:
            return []
        lines = []
        for position, source_id in enumerate(numbers.order, start=1):
            source = self.briefing.sources.get(source_id)
            if source is None:
                continue
            text = source_line(position, source)
            lines.append(self._line(text, "source"))
        return [SectionHeading("Sources", self.styles["heading"]), *lines]

    def admit(self, slots: list[Slot]) -> list[Slot]:
        """The slots that fit, chosen by priority, returned in page order."""
        budget = self.frame_height - self.height(self.story([], 1)) - HEADING_HEIGHT
        numbers = SourceNumbers()
        cited: set[str] = set()
        sections: set[str] = set()
        chosen: set[int] = set()
        for index in sorted(range(len(slots)), key=lambda i: (slots[i].priority, i)):
            slot = slots[index]
            new_sources = [s for s in self._sources_of(slot) if s not in cited]
            cost = self._slot_height(slot, numbers) + sum(map(self._source_height, new_sources))
            cost += 0.0 if slot.section in sections else HEADING_HEIGHT
            if cost <= budget:
                budget -= cost
                chosen.add(index)
                cited.update(new_sources)
                sections.add(slot.section)
        return [slot for index, slot in enumerate(slots) if index in chosen]

    def _sources_of(self, slot: Slot) -> tuple[str, ...]:
        if isinstance(slot.item, Cited):
            return first_sources(slot.item.sources, slot.item.every_source)
        if slot.section == "comparison" and self.briefing.comparison is not None:
            return first_sources(self.briefing.comparison.sources)
        return ()

    def _slot_height(self, slot: Slot, numbers: SourceNumbers) -> float:
        del numbers
        if slot.section == "timeline":
            return self.height([self._timeline])
        if slot.section == "comparison":
            return MIN_POINTS * 1.6 + 3 + 9.0
        assert isinstance(slot.item, Cited)
        style = self.styles["bullet" if slot.section == "judgments" else "small"]
        text = slot.item.text + " [99, 99]" + slot.item.confidence_text
        return self._estimate(text, style) + style.spaceAfter

    def _source_height(self, source_id: str) -> float:
        source = self.briefing.sources.get(source_id)
        if source is None:
            return 0.0
        text = f"[99] {source.publisher}: {source.title}, {source.published}. {source.url}"
        return self._estimate(text, self.styles["cell"], leading=8.6)

    def _estimate(self, text: str, style: ParagraphStyle, leading: float | None = None) -> float:
        """Lines the text needs at this width, from its measured length (cheap, slightly high)."""
        width = self.frame_width - style.leftIndent - style.rightIndent
        lines = 0
        for line in text.split("\n"):
            length = sum(fonts.width_of(c, False, style.fontSize) for c in line) * 1.06
            lines += max(1, math.ceil(length / width))
        return lines * (leading or style.leading)

    @cached_property
    def _timeline(self) -> Flowable:
        return timeline_block(self.briefing, self.frame_width, self.styles["cell"])

    def _line(self, text: str, style: str, tail: str = "") -> Flowable:
        """A full-width paragraph (a bullet unless it is a source line), made once."""
        key = (text, style, tail)
        if key not in self._made:
            bullet = None if style == "source" else "•"
            self._made[key] = paragraph(
                text, self.styles[style], self.frame_width, tail=tail, bullet=bullet
            )
        return self._made[key]

    def height(self, story: list[Flowable]) -> float:
        total = 0.0
        for flowable in story:
            known = self._heights.get(id(flowable))
            if known is None or known[0] is not flowable:
                _, used = flowable.wrap(self.frame_width, self.frame_height)
                known = (flowable, used + flowable.getSpaceBefore() + flowable.getSpaceAfter())
                self._heights[id(flowable)] = known
            total += known[1]
        return total


def fit(layout: BriefingLayout) -> list[Flowable]:
    """Keep the most important items that fit one frame; returns the story.

    Items are admitted in priority order while their measured height, a section heading and
    the source lines they add still fit; the exact layout is then checked, dropping the
    lowest-priority item until it fits (rarely needed). Whatever room is left then takes
    items that were left out, the first of them shortened if need be (``filling``).
    """
    slots = _slots(layout.briefing)
    kept = layout.admit(slots)
    while True:
        story = layout.story(kept, len(slots) - len(kept) + layout.clipper.left_out)
        if layout.height(story) <= layout.frame_height or not kept:
            break
        victim = max(range(len(kept)), key=lambda i: (kept[i].priority, i))
        kept.pop(victim)
    room = layout.frame_height - layout.height(story)
    if len(kept) == len(slots) or not kept or room <= FULL_ENOUGH * layout.frame_height:
        return story
    chosen = [i for i, slot in enumerate(slots) if any(slot is k for k in kept)]
    return _filled(layout, slots, chosen, room)


def _filled(
    layout: BriefingLayout, slots: list[Slot], kept: list[int], room: float
) -> list[Flowable]:
    def story_of(chosen: list[int], replaced: dict[int, Cited]) -> list[Flowable]:
        placed = [
            replace(slots[i], item=replaced[i]) if i in replaced else slots[i] for i in chosen
        ]
        return layout.story(placed, len(slots) - len(chosen) + layout.clipper.left_out)

    def fits(chosen: list[int], replaced: dict[int, Cited]) -> bool:
        return layout.height(story_of(chosen, replaced)) <= layout.frame_height

    numbers = SourceNumbers()

    def cost(index: int) -> float:
        slot = slots[index]
        return layout._slot_height(slot, numbers) + HEADING_HEIGHT / 2

    filled = fill(slots, kept, room, cost, fits)
    return story_of(filled.kept, filled.replaced)


def render(briefing: Briefing) -> bytes:
    """The briefing as a one-page PDF, byte for byte the same for the same input."""
    layout = BriefingLayout(briefing)
    try:
        story = fit(layout)
    except Exception:  # reportlab's errors while measuring are internal: the plainer page
        story = layout.minimal_story()
    layout.settle_footer()
    return page_module.build(
        layout.briefing, layout.page, layout.text, [lambda: story, layout.minimal_story]
    )
