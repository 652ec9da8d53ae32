"""What a PDF viewer shows beside the page: one outline entry per section, the briefing's own
date as the file's creation date (not reportlab's fixed one of its reproducible mode)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from reportlab.lib.utils import TimeStamp
from reportlab.platypus import Paragraph


class SectionHeading(Paragraph):
    """A section heading that also adds itself to the PDF's outline."""

    def draw(self) -> None:
        key = f"section-{id(self)}"
        self.canv.bookmarkHorizontal(key, 0, self.height)
        self.canv.addOutlineEntry(self.getPlainText(), key, level=0)
        super().draw()


def stamp_of(generated_utc: str) -> TimeStamp:
    """The PDF's creation and modification date: when the briefing was generated (so the same
    briefing still renders to the same bytes)."""
    stamp = TimeStamp(invariant=True)
    text = generated_utc.removesuffix(" UTC").replace("Z", "")  # "2026-12-01 19:52 UTC"
    try:
        moment = datetime.fromisoformat(text).replace(tzinfo=UTC)
    except ValueError:
        return stamp  # no date given: reportlab's fixed one
    stamp.t = moment.timestamp()
    stamp.lt = moment.timetuple()
    stamp.YMDhms = tuple(stamp.lt)[:6]
    return stamp


def set_document_date(canvas: Any, generated_utc: str) -> None:
    """Give the canvas's document the briefing's date (reportlab keeps it on the document)."""
    canvas._doc._timeStamp = stamp_of(generated_utc)
