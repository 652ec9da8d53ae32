"""A record ready for the detail pane: plain strings, numbered sources, links to related records."""

from __future__ import annotations

from dataclasses import dataclass

from briefer.domain.records import EntityRef, Source

Link = tuple[str, EntityRef | None]
"""Text and the record it opens; None for something named but without a record here."""
LinkGroup = tuple[str, tuple[Link, ...]]


@dataclass(frozen=True)
class Detail:
    """A record ready to show: plain strings only, numbered sources in citation order."""

    ref: EntityRef
    kind_label: str
    title: str
    subtitle: str
    facts: tuple[tuple[str, str], ...]
    summary: str
    sections: tuple[tuple[str, str], ...]
    sources: tuple[Source, ...]
    confidence: str
    lists: tuple[tuple[str, tuple[str, ...]], ...] = ()
    links: tuple[LinkGroup, ...] = ()
    banner: str = ""
    """Shown above everything when set: the record is the analyst's own, not the dataset's."""
    local: bool = False
