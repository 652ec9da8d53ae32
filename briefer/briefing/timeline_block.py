"""The briefing's graphics block: the timeline, the launch brief's map beside it when there is
one, and under both one line of text that says what they show, so the page reads completely
as text (a screen reader, a copy-paste or a text extraction loses nothing the drawings say)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from briefer.briefing import fonts
from briefer.briefing.paragraphs import paragraph
from briefer.briefing.timeline_drawing import timeline_drawing
from briefer.briefing.timeline_summary import timeline_summary
from briefer.domain.briefing import Briefing

MAP_SHARE = 0.36  # of the frame's width: the launch brief's map beside its timeline


def timeline_block(briefing: Briefing, width: float, style: ParagraphStyle) -> Flowable:
    inset = briefing.inset
    marks = briefing.timeline
    said = timeline_summary(marks) + (f" {inset.summary}" if inset is not None else "")
    summary = paragraph(said, style, width)
    rows: list[list[Any]]
    if inset is None:
        rows = [[timeline_drawing(marks, width)], [summary]]
        widths = [width]
    else:
        from briefer.briefing.map_drawing import map_drawing

        map_width = width * MAP_SHARE
        rows = [
            [timeline_drawing(marks, width - map_width - 6), map_drawing(inset, map_width)],
            [summary, ""],
        ]
        widths = [width - map_width, map_width]
    block = Table(rows, colWidths=widths)
    block.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.BODY),
                ("SPAN", (0, 1), (-1, 1)),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return block
