"""The analyst's edits to a composed draft, applied without losing the sources it cites."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from briefer.domain.briefing import Briefing, Cited, split_confidence
from briefer.domain.briefing_recipe import BriefingEdits


def apply_edits(briefing: Briefing, edits: BriefingEdits) -> Briefing:
    """The draft with the analyst's text; judgments keep their sources while left unchanged."""
    judgments = briefing.judgments
    if edits.judgments is not None:
        # a line as drafted (or as saved) keeps its sources; the draft's own come first
        known = {j.text: j for j in edits.saved_judgments}
        known.update((j.text, j) for j in briefing.judgments if j.sources)
        # one judgment per line: a line break typed inside a line (U+2028) is a space
        typed = edits.judgments.replace("\u2028", " ").split("\n")
        lines = [split_confidence(line) for line in typed if line.strip()]
        judgments = tuple(
            replace(known.get(text, Cited(text)), confidence=level) for text, level in lines if text
        )
    return replace(
        briefing,
        title=edits.title if edits.title is not None else briefing.title,
        bluf=edits.bluf if edits.bluf is not None else briefing.bluf,
        judgments=judgments,
        timeline=briefing.timeline if edits.include_timeline else (),
        comparison=briefing.comparison if edits.include_comparison else None,
        provisions=briefing.provisions if edits.include_provisions else (),
        provision_ids=briefing.provision_ids if edits.include_provisions else (),
    )


def note_lines(notes: Sequence[tuple[str, str]]) -> tuple[Cited, ...]:
    """Analyst notes for the page: ``(what it is about, text)`` pairs, marked as the analyst's."""
    return tuple(Cited(f"{title}: {text}") for title, text in notes if text.strip())
