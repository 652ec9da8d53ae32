"""A briefing in each format it leaves Briefer in: the PDF page, plain text for a message,
and a PNG of the page for slides; the command line and the window write the same bytes."""

from __future__ import annotations

from pathlib import Path

from briefer.briefing.png import DEFAULT_DPI
from briefer.domain.briefing import Briefing

FORMATS = ("pdf", "text", "png")


def briefing_bytes(briefing: Briefing, form: str = "pdf", dpi: int = DEFAULT_DPI) -> bytes:
    """Raises ValueError for an unknown format or a resolution outside ``png.PNG_DPI``."""
    if form == "text":
        from briefer.briefing.plain_text import as_plain_text

        return as_plain_text(briefing).encode("utf-8")
    if form not in FORMATS:
        raise ValueError(f"unknown format '{form}' ({', '.join(FORMATS)})")
    from briefer.briefing.render import render

    pdf = render(briefing)
    if form == "png":
        from briefer.briefing.png import page_png

        return page_png(pdf, dpi, briefing.title)
    return pdf


def write_briefing(
    briefing: Briefing, path: Path, form: str = "pdf", dpi: int = DEFAULT_DPI
) -> Path:
    """Write atomically: a failure leaves no partial file (``files.write_atomically``)."""
    from briefer.files import write_atomically

    return write_atomically(path, briefing_bytes(briefing, form, dpi), prefix=".briefing-")
