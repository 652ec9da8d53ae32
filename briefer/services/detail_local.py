"""The detail of one of the analyst's own records: its fields, its source as typed, and a
banner that says it is theirs and not the reference dataset's."""

from __future__ import annotations

from briefer.domain.local_records import LocalRecord, RecordState
from briefer.domain.vocabulary import label
from briefer.services import formatting
from briefer.services.detail_model import Detail, Link, LinkGroup
from briefer.services.local_records import LocalRecordsService
from briefer.services.titles import record_titles
from briefer.store.reference import ReferenceStore

BANNER_SOURCE_CHARS = 120
OWN_RECORD = "Your own record, not in the reference dataset"


def banner_of(record: LocalRecord) -> str:
    """``Your own record, not in the reference dataset — source: Yonhap, 27 May; entered
    2024-05-27 14:02 UTC``, and what became of it when it was deleted or retired."""
    source = " ".join(record.content.source.split())
    if len(source) > BANNER_SOURCE_CHARS:
        source = source[: BANNER_SOURCE_CHARS - 1].rstrip() + "…"
    entered = record.created_utc[:16].replace("T", " ")
    text = f"{OWN_RECORD} — source: {source}; entered {entered} UTC"
    if record.state == RecordState.DELETED:
        text += ". Deleted: restore it from its history"
    elif record.state == RecordState.RETIRED:
        text += ". Retired: the dataset now has it"
    return text


def local_detail(record: LocalRecord, local: LocalRecordsService, store: ReferenceStore) -> Detail:
    content = record.content
    when = (
        content.when
        if content.date_precision == "day"
        else (f"{content.when} (known to the {content.date_precision})")
    )
    facts: list[tuple[str, str]] = [("Date (UTC)", when), ("Category", label(content.category))]
    if content.is_launch:
        facts += [
            ("Vehicle", content.vehicle or formatting.UNKNOWN),
            ("Payload", content.payload or formatting.UNKNOWN),
            ("Site", content.site or formatting.UNKNOWN),
            ("Outcome", content.outcome),
        ]
    facts += [
        ("Actors", ", ".join(content.actors)),
        ("Source", content.source),
        ("Source address", content.source_url or "none recorded"),
        ("Entered", f"{record.created_utc[:16].replace('T', ' ')} UTC"),
        ("Last edited", f"{record.updated_utc[:16].replace('T', ' ')} UTC"),
    ]
    kind = "launch attempt" if content.is_launch else "event"
    return Detail(
        ref=record.ref,
        kind_label=f"Your {kind} ({label(content.category).lower()})",
        title=content.title,
        subtitle=content.when,
        facts=tuple(facts),
        summary=content.summary,
        sections=(("Source, as you recorded it", content.source),),
        sources=(),
        confidence=content.confidence,
        links=_links(record, local, store),
        banner=banner_of(record),
        local=True,
    )


def _links(
    record: LocalRecord, local: LocalRecordsService, store: ReferenceStore
) -> tuple[LinkGroup, ...]:
    if record.retired_for is not None:
        title = record_titles(store).get(record.retired_for)
        name = title or f"{record.retired_for.kind} {record.retired_for.id} (not in this dataset)"
        return (("Retired in favour of", ((name, record.retired_for),)),)
    if not record.is_live:
        return ()
    candidates = local.candidates(record, store)
    links: tuple[Link, ...] = tuple((f"{m.date_utc} {m.title}", m.ref) for m in candidates)
    return (("In the dataset now, perhaps the same", links),) if links else ()
