"""The facts a composed page rests on, keyed so that the same facts can be read again from a
later dataset: a reissued briefing then says which of them changed since it was made."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from briefer.domain.briefing import FIRST_FLIGHT, Briefing, Fact, TimelineMark
from briefer.domain.records import Provision
from briefer.domain.vocabulary import Category


def facts_of(briefing: Briefing, provisions: Mapping[str, Provision]) -> tuple[Fact, ...]:
    """Dates and outcomes on the timeline, the status of each provision cited, each figure of
    the comparison, and the drafted bottom line and judgments (counts and dates live there)."""
    return (
        *_timeline_facts(briefing.timeline),
        *_provision_facts(briefing.provision_ids, provisions),
        *_comparison_facts(briefing),
        Fact("draft:bluf", "Drafted bottom line", briefing.bluf),
        Fact(
            "draft:judgments",
            "Drafted key judgments",
            "\n".join(j.text for j in briefing.judgments),
        ),
    )


def _timeline_facts(marks: tuple[TimelineMark, ...]) -> Iterator[Fact]:
    for mark in marks:
        if mark.ref is None:
            continue
        kind = mark.kind if mark.kind == FIRST_FLIGHT else mark.ref.kind
        key = f"{kind}:{mark.ref.id}"
        label = mark.label + (" (your record)" if mark.local else "")
        if mark.kind == Category.SATELLITE_LAUNCH:
            yield Fact(key, f"{label} launch ({mark.date_utc})", f"{mark.date_utc}, {mark.outcome}")
        else:
            yield Fact(key, label, mark.date_utc)


def _provision_facts(ids: tuple[str, ...], provisions: Mapping[str, Provision]) -> Iterator[Fact]:
    for provision_id in ids:
        provision = provisions.get(provision_id)
        if provision is not None:
            label = f"{provision.resolution_symbol} {provision.paragraph}"
            yield Fact(f"provision:{provision_id}", label, provision.status_text)


def _comparison_facts(briefing: Briefing) -> Iterator[Fact]:
    table = briefing.comparison
    if table is None:
        return
    for row in table.rows:
        heading, cells = row[0], row[1:]
        for name, cell in zip(table.headers[1:], cells, strict=True):
            yield Fact(f"figure:{name}:{heading}", f"{name}: {heading}", cell)
