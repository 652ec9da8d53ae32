"""Details of the records that have no panel of their own: launch sites, organisations, sources.

Search and links lead to them; the detail pane is where they are read.
"""

from __future__ import annotations

from briefer.domain.records import EntityRef, Organisation, Site, Source
from briefer.domain.vocabulary import EntityKind, label
from briefer.services import formatting
from briefer.services.detail_model import Detail
from briefer.services.related import RelatedRecords
from briefer.store.reference import ReferenceStore


def catalogue_detail(
    store: ReferenceStore, related: RelatedRecords, ref: EntityRef
) -> Detail | None:
    """The detail of a site, organisation or source; None for anything else or a missing id."""
    if ref.kind == EntityKind.SITE:
        site = next((s for s in store.sites() if s.id == ref.id), None)
        return _site(store, related, site) if site else None
    if ref.kind == EntityKind.ORGANISATION:
        found = next((o for o in store.organisations() if o.id == ref.id), None)
        return _organisation(store, related, found) if found else None
    if ref.kind == EntityKind.SOURCE:
        source = next(iter(store.sources([ref.id])), None)
        return _source(store, related, source) if source else None
    return None


def _names(native: str | None, aliases: tuple[str, ...]) -> list[tuple[str, str]]:
    facts = [("Native name", native)] if native else []
    return facts + ([("Also known as", ", ".join(aliases))] if aliases else [])


def _coordinates(site: Site) -> str:
    if site.latitude is None or site.longitude is None:
        return formatting.UNKNOWN
    north = "N" if site.latitude >= 0 else "S"
    east = "E" if site.longitude >= 0 else "W"
    return f"{abs(site.latitude):.3f}° {north}, {abs(site.longitude):.3f}° {east}"


def _site(store: ReferenceStore, related: RelatedRecords, site: Site) -> Detail:
    facts = [
        ("Country", site.country),
        *_names(site.native_name, site.aliases),
        ("Coordinates", _coordinates(site)),
    ]
    return Detail(
        ref=EntityRef(EntityKind.SITE, site.id),
        kind_label="Launch site",
        title=site.name,
        subtitle="",
        facts=tuple(facts),
        summary=site.summary,
        sections=(),
        sources=tuple(store.sources(site.sources)),
        confidence=site.confidence,
        links=related.for_site(site),
    )


def _organisation(
    store: ReferenceStore, related: RelatedRecords, organisation: Organisation
) -> Detail:
    facts = [
        ("Kind", label(organisation.kind)),
        ("Country", organisation.country),
        *_names(organisation.native_name, organisation.aliases),
    ]
    return Detail(
        ref=EntityRef(EntityKind.ORGANISATION, organisation.id),
        kind_label="Organisation",
        title=organisation.name,
        subtitle="",
        facts=tuple(facts),
        summary=organisation.summary,
        sections=(),
        sources=tuple(store.sources(organisation.sources)),
        confidence=organisation.confidence,
        links=related.for_organisation(organisation),
    )


def _source(store: ReferenceStore, related: RelatedRecords, source: Source) -> Detail:
    facts = (
        ("Publisher", source.publisher),
        ("Kind", source.kind or formatting.UNKNOWN),
        ("Published", source.published or formatting.UNKNOWN),
        ("Accessed", source.accessed),
        ("Address", source.url or "none recorded"),
    )
    note = store.source_note(source.id)
    return Detail(
        ref=EntityRef(EntityKind.SOURCE, source.id),
        kind_label="Source",
        title=source.title,
        subtitle="",
        facts=facts,
        summary="",
        sections=(("What the dataset takes from it", note),) if note else (),
        sources=(source,),
        confidence="",
        links=related.for_source(source.id),
    )
