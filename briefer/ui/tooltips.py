"""Tooltips that show text as typed: Qt renders a tooltip as HTML when it merely looks like
HTML, so a title from an imported file could otherwise draw images or fake headings."""

from __future__ import annotations


def as_text(text: str) -> str:
    """``text`` as a tooltip that Qt shows literally, line breaks kept (element content needs
    only ``&``, ``<`` and ``>`` escaped; ``html`` itself stays out of the start-up path)."""
    if not text:
        return ""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<qt>{escaped.replace(chr(10), '<br>')}</qt>"
