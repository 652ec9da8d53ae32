"""Lays a composed Briefing out on exactly one page and writes the PDF atomically.

Everything optional has a priority. When the page overflows, the lowest-priority item is
dropped and the layout measured again, until it fits; the page then says how many items were
left out. Text is never set below 7.5 pt.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from briefer.briefing import fonts
from briefer.briefing.text import markup
from briefer.briefing.timeline_drawing import timeline_drawing
from briefer.domain.briefing import Briefing, Cited
from briefer.files import write_atomically
from briefer.meta import APP_NAME, __version__

PAGES = {"letter": LETTER, "a4": A4}
MARGIN = 0.5 * inch
BANNER = 16.0
MIN_POINTS = 7.5
TITLE_LINES = 3
FRAME_PADDING = 6.0
SAFETY = 2.0
HEADING_HEIGHT = 19.0
CITES_PER_ITEM = 2


@dataclass(frozen=True)
class Slot:
    """An optional piece of content: lower ``priority`` numbers are dropped last."""

    section: str
    priority: int
    item: object


def _styles() -> dict[str, ParagraphStyle]:
    fonts.register()
    base = ParagraphStyle(
        "body", fontName=fonts.BODY, fontSize=8.5, leading=10.6, bulletFontName=fonts.BODY
    )
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
        "cell": ParagraphStyle("cell", base, fontSize=MIN_POINTS, leading=9),
    }


class SourceNumbers:
    """Sources numbered in order of first citation among the items kept on the page."""

    def __init__(self) -> None:
        self.order: list[str] = []

    def marks(self, ids: tuple[str, ...]) -> str:
        """Marks for an item's first sources (the dataset lists the strongest first)."""
        numbers = []
        for source_id in ids[:CITES_PER_ITEM]:
            if source_id not in self.order:
                self.order.append(source_id)
            numbers.append(str(self.order.index(source_id) + 1))
        return f" [{', '.join(numbers)}]" if numbers else ""


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
        self.briefing = briefing
        self.styles = _styles()
        width, height = PAGES.get(briefing.page_size, LETTER)
        self.page = (width, height)
        # reportlab's frame pads 6 pt on every side; measure what the text really gets
        self.frame_width = width - 2 * MARGIN - 2 * FRAME_PADDING
        self.frame_height = height - 2 * MARGIN - 2 * BANNER - 18 - 2 * FRAME_PADDING - SAFETY

    def story(self, kept: list[Slot], left_out: int) -> list[Flowable]:
        numbers = SourceNumbers()
        s = self.styles
        story: list[Flowable] = [*self._title_block(), Spacer(1, 4), self._bluf_box(numbers)]
        judgments = [slot.item for slot in kept if slot.section == "judgments"]
        if judgments:
            story.append(Paragraph("Key judgments", s["heading"]))
            story += [self._cited(j, numbers, "bullet") for j in judgments]
        if any(slot.section == "timeline" for slot in kept):
            story.append(Paragraph("Timeline", s["heading"]))
            story.append(timeline_drawing(self.briefing.timeline, self.frame_width))
        rows = [slot.item for slot in kept if slot.section == "comparison"]
        if rows and self.briefing.comparison is not None:
            story.append(Paragraph("Comparison", s["heading"]))
            story.append(self._table(rows, numbers))
            marks = numbers.marks(self.briefing.comparison.sources)
            if marks:
                story.append(Paragraph(f"Sources for the table:{marks}", s["cell"]))
        for section, heading in (("provisions", "Relevant provisions"), ("notes", "Analyst notes")):
            items = [slot.item for slot in kept if slot.section == section]
            if items:
                story.append(Paragraph(heading, s["heading"]))
                story += [self._cited(item, numbers, "small") for item in items]
        if left_out:
            story.append(
                Paragraph(
                    markup(
                        f"{left_out} lower-priority item(s) left out to keep this briefing "
                        "to one page."
                    ),
                    s["meta"],
                )
            )
        story += self._sources(numbers)
        return story

    def _title_block(self) -> list[Flowable]:
        b, s = self.briefing, self.styles
        meta = f"{b.date} · data as of {b.as_of}" + (f" · {b.author}" if b.author else "")
        return [self._title(b.title), Paragraph(markup(meta), s["meta"])]

    def _title(self, title: str) -> Paragraph:
        """The title, shortened with an ellipsis if it would take more than three lines."""
        style = self.styles["title"]
        text = title
        while True:
            paragraph = Paragraph(markup(text), style)
            _, height = paragraph.wrap(self.frame_width, self.frame_height)
            if height <= TITLE_LINES * style.leading + 0.1 or len(text) < 20:
                return paragraph
            text = text[: int(len(text) * 0.85)].rstrip() + "…"

    def _bluf_box(self, numbers: SourceNumbers) -> Flowable:
        del numbers
        text = f"<b>Bottom line up front.</b> {markup(self.briefing.bluf)}"
        box = Table([[Paragraph(text, self.styles["body"])]], colWidths=[self.frame_width])
        box.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#0072B2")),
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#EEF5FB")),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        return box

    def _cited(self, item: object, numbers: SourceNumbers, style: str) -> Flowable:
        assert isinstance(item, Cited)
        return Paragraph(
            markup(item.text) + numbers.marks(item.sources), self.styles[style], bulletText="•"
        )

    def _table(self, rows: list[object], numbers: SourceNumbers) -> Flowable:
        comparison = self.briefing.comparison
        assert comparison is not None
        cell = self.styles["cell"]
        header = [Paragraph(f"<b>{markup(h)}</b>", cell) for h in comparison.headers]
        body = [[Paragraph(markup(str(value)), cell) for value in row] for row in rows]  # type: ignore[union-attr]
        first = self.frame_width * 0.22
        rest = (self.frame_width - first) / max(len(comparison.headers) - 1, 1)
        table = Table([header, *body], colWidths=[first] + [rest] * (len(comparison.headers) - 1))
        table.setStyle(
            TableStyle(
                [
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
            date = f", {source.published}" if source.published else ""
            where = f" {source.url}" if source.url else ""
            lines.append(
                Paragraph(
                    markup(f"[{position}] {source.publisher}: {source.title}{date}.{where}"),
                    ParagraphStyle("source", self.styles["cell"], leading=8.6),
                )
            )
        return [Paragraph("Sources", self.styles["heading"]), *lines]

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
            return slot.item.sources[:CITES_PER_ITEM]
        if slot.section == "comparison" and self.briefing.comparison is not None:
            return self.briefing.comparison.sources[:CITES_PER_ITEM]
        return ()

    def _slot_height(self, slot: Slot, numbers: SourceNumbers) -> float:
        del numbers
        if slot.section == "timeline":
            return float(timeline_drawing(self.briefing.timeline, self.frame_width).height)
        if slot.section == "comparison":
            return MIN_POINTS * 1.6 + 3 + 9.0
        assert isinstance(slot.item, Cited)
        style = self.styles["bullet" if slot.section == "judgments" else "small"]
        return self._estimate(slot.item.text + " [99, 99]", style) + style.spaceAfter

    def _source_height(self, source_id: str) -> float:
        source = self.briefing.sources.get(source_id)
        if source is None:
            return 0.0
        text = f"[99] {source.publisher}: {source.title}, {source.published}. {source.url}"
        return self._estimate(text, self.styles["cell"], leading=8.6)

    def _estimate(self, text: str, style: ParagraphStyle, leading: float | None = None) -> float:
        """Lines the text needs at this width, from its measured length (cheap, slightly high)."""
        width = self.frame_width - style.leftIndent - style.rightIndent
        length = pdfmetrics.stringWidth(text, style.fontName, style.fontSize) * 1.06
        return max(1, math.ceil(length / width)) * (leading or style.leading)

    def height(self, story: list[Flowable]) -> float:
        total = 0.0
        for flowable in story:
            _, used = flowable.wrap(self.frame_width, self.frame_height)
            total += used + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        return total


def fit(briefing: Briefing) -> tuple[BriefingLayout, list[Flowable], int]:
    """Keep the most important items that fit one frame; returns the layout and its story.

    Items are admitted in priority order while their measured height, a section heading and
    the source lines they add still fit; the exact layout is then checked, dropping the
    lowest-priority item until it fits (rarely needed).
    """
    layout = BriefingLayout(briefing)
    slots = _slots(briefing)
    kept = layout.admit(slots)
    dropped = len(slots) - len(kept)
    while True:
        story = layout.story(kept, dropped)
        if layout.height(story) <= layout.frame_height or not kept:
            return layout, story, dropped
        victim = max(range(len(kept)), key=lambda i: (kept[i].priority, i))
        kept.pop(victim)
        dropped += 1


def render(briefing: Briefing) -> bytes:
    """The briefing as a one-page PDF, byte for byte the same for the same input."""
    layout, story, _ = fit(briefing)
    buffer = io.BytesIO()
    meta = f"{APP_NAME} {__version__} (dataset {briefing.dataset_version})"
    document = SimpleDocTemplate(
        buffer,
        pagesize=layout.page,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + BANNER + 4,
        bottomMargin=MARGIN + BANNER + 14,
        title=briefing.title,
        author=briefing.author or APP_NAME,
        subject=briefing.bluf[:200],
        keywords=", ".join(briefing.keywords),
        creator=meta,
        producer=meta,
        invariant=1,
    )
    document.build(
        story, onFirstPage=_decorate(briefing, layout), onLaterPages=_decorate(briefing, layout)
    )
    return buffer.getvalue()


def _decorate(briefing: Briefing, layout: BriefingLayout):  # noqa: ANN202 - reportlab callback
    width, height = layout.page

    def draw(canvas: Canvas, _document: object) -> None:
        canvas.saveState()
        for y in (height - MARGIN - BANNER, MARGIN):
            canvas.setFillColor(colors.HexColor("#1f3a5f"))
            canvas.rect(MARGIN, y, width - 2 * MARGIN, BANNER, stroke=0, fill=1)
            canvas.setFillColor(colors.white)
            canvas.setFont(fonts.BOLD, 9)
            canvas.drawCentredString(width / 2, y + 4.5, briefing.banner)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.setFont(fonts.BODY, MIN_POINTS)
        footer = (
            f"{APP_NAME} {__version__} · dataset {briefing.dataset_version} "
            f"(as of {briefing.as_of}) · generated {briefing.generated_utc}"
        )
        canvas.drawString(MARGIN, MARGIN + BANNER + 4, footer)
        canvas.restoreState()

    return draw


def write_pdf(briefing: Briefing, path: Path) -> Path:
    """Render and write atomically: a failure leaves no partial file behind."""
    return write_atomically(path, render(briefing), prefix=".briefing-")
