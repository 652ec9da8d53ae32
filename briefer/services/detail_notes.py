"""The analyst's notes on the records a detail links to, as one more group of links."""

from __future__ import annotations

from dataclasses import replace

from briefer.services.detail_model import Detail
from briefer.services.notes import NotesService

EXCERPT_CHARS = 80
HEADING = "Your notes on linked records"


def _excerpt(body: str) -> str:
    line = next((part.strip() for part in body.splitlines() if part.strip()), "")
    return line if len(line) <= EXCERPT_CHARS else line[: EXCERPT_CHARS - 1].rstrip() + "…"


def with_linked_notes(detail: Detail, notes: NotesService) -> Detail:
    """``detail`` plus links to the notes written on the records it links to (the note on the
    record itself is in the editor under the pane)."""
    linked = [ref for _heading, links in detail.links for _text, ref in links if ref is not None]
    entries = [entry for entry in notes.notes_on(linked) if entry.ref != detail.ref]
    if not entries:
        return detail
    group = tuple((f"{entry.title}: {_excerpt(entry.note.body)}", entry.ref) for entry in entries)
    return replace(detail, links=(*detail.links, (HEADING, group)))
