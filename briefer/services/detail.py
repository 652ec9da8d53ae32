"""The detail of any selected record: its facts, summary, sources and confidence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.domain.local_records import is_local
from briefer.domain.records import (
    Claim,
    EntityRef,
    LaunchAttempt,
    LaunchLink,
    Provision,
    Resolution,
    Subject,
    TimelineEvent,
)
from briefer.domain.vocabulary import EntityKind, LinkRelation, LinkTarget, label
from briefer.services import formatting
from briefer.services.attributes import attribute_label
from briefer.services.detail_catalogue import catalogue_detail
from briefer.services.detail_model import Detail, Link
from briefer.services.related import RelatedRecords, groups
from briefer.store.reference import ReferenceStore

if TYPE_CHECKING:
    from briefer.services.local_records import LocalRecordsService


class DetailService:
    def __init__(self, store: ReferenceStore, local: LocalRecordsService | None = None) -> None:
        self._store = store
        self._related = RelatedRecords(store)
        self._local = local

    def detail(self, ref: EntityRef) -> Detail | None:
        """The detail of ``ref``, or None when neither the dataset nor the analyst's own
        records (``banner`` set) have such a record."""
        if is_local(ref):
            return self._local_detail(ref)
        if ref.kind == EntityKind.LAUNCH_ATTEMPT:
            launch = self._store.launch_attempt(ref.id)
            return self._launch(launch) if launch else None
        if ref.kind == EntityKind.SUBJECT:
            subject = self._store.subject(ref.id)
            return self._subject(subject) if subject else None
        if ref.kind == EntityKind.PROVISION:
            found = [p for p in self._store.provisions() if p.id == ref.id]
            return self._provision(found[0]) if found else None
        if ref.kind == EntityKind.EVENT:
            event = next((e for e in self._store.timeline_events() if e.id == ref.id), None)
            return self._event(event) if event else None
        if ref.kind == EntityKind.RESOLUTION:
            resolution = next(
                (r for r in self._store.resolutions() if str(r.number) == ref.id), None
            )
            return self._resolution(resolution) if resolution else None
        if ref.kind in (EntityKind.SCENARIO, EntityKind.CLAIM):
            from briefer.services.detail_scenarios import scenario_detail

            return scenario_detail(self._store, ref)
        return catalogue_detail(self._store, self._related, ref)

    def _local_detail(self, ref: EntityRef) -> Detail | None:
        record = self._local.record_for(ref) if self._local is not None else None
        if record is None or self._local is None:
            return None
        from briefer.services.detail_local import local_detail

        return local_detail(record, self._local, self._store)

    def _event(self, event: TimelineEvent) -> Detail:
        when = (
            event.date_utc
            if event.date_precision == "day"
            else (f"{event.date_utc} (known to the {event.date_precision})")
        )
        facts = [("Date (UTC)", when)]
        if event.end_date_utc or event.category == "period":
            facts.append(("Until", event.end_date_utc or "continuing"))
        facts += [("Category", label(event.category)), ("Actors", ", ".join(event.actors))]
        cited = _SourceNumbers(event.sources)
        claims = self._store.claims(EntityKind.EVENT, event.id)
        return Detail(
            ref=EntityRef(EntityKind.EVENT, event.id),
            kind_label=label(event.category),
            title=event.title,
            subtitle="",
            facts=tuple(facts),
            summary=event.summary,
            sections=(),
            sources=tuple(self._store.sources(cited.ids)),
            confidence=event.confidence,
            lists=(("Competing claims", tuple(_claim_line(c, cited) for c in claims)),)
            if claims
            else (),
            links=self._related.for_event(event.id),
        )

    def _resolution(self, resolution: Resolution) -> Detail:
        facts = (
            ("Adopted", resolution.adopted),
            ("Vote", resolution.vote or formatting.UNKNOWN),
            ("Trigger", resolution.trigger or formatting.UNKNOWN),
        )
        return Detail(
            ref=EntityRef(EntityKind.RESOLUTION, str(resolution.number)),
            kind_label="Security Council resolution",
            title=resolution.symbol,
            subtitle="",
            facts=facts,
            summary=resolution.summary,
            sections=(),
            sources=tuple(self._store.sources(resolution.sources)),
            confidence="confirmed" if len(resolution.adopted) == 10 else "likely",
            links=self._related.for_resolution(resolution),
        )

    def _launch(self, launch: LaunchAttempt) -> Detail:
        facts = (
            ("Date (UTC)", formatting.launch_when_utc(launch)),
            ("Local (Pyongyang)", formatting.launch_when_local(launch)),
            ("Vehicle", launch.vehicle),
            ("Payload", launch.payload or formatting.UNKNOWN),
            ("Site", launch.site),
            ("Outcome (assessed)", launch.outcome),
            ("Outcome (DPRK claim)", launch.claimed_outcome),
            ("Failing stage", _failure(launch)),
            ("Reached orbit", "yes" if launch.reached_orbit else "no"),
            ("NORAD / COSPAR", _catalogue(launch)),
        )
        cited = _SourceNumbers(launch.sources)
        claims = self._store.claims(EntityKind.LAUNCH_ATTEMPT, launch.id)
        links = self._store.launch_links(launch.id)
        lists = (("Competing claims", tuple(_claim_line(claim, cited) for claim in claims)),)
        link_groups = groups(
            self._related.for_launch(launch),
            ("Security Council response", self._links(links, LinkRelation.RESPONDED_TO, cited)),
            ("Provisions it bears on", self._links(links, LinkRelation.BEARS_ON, cited)),
        )
        return Detail(
            ref=EntityRef(EntityKind.LAUNCH_ATTEMPT, launch.id),
            kind_label="Satellite launch attempt",
            title=f"{launch.vehicle} · {launch.payload or 'payload unknown'}",
            subtitle=launch.date_utc,
            facts=facts,
            summary=launch.summary,
            sections=(),
            sources=tuple(self._store.sources(cited.ids)),
            confidence=launch.confidence,
            lists=tuple((heading, items) for heading, items in lists if items),
            links=link_groups,
        )

    def _links(
        self, links: list[LaunchLink], relation: str, cited: _SourceNumbers
    ) -> tuple[Link, ...]:
        """Council acts the launch is linked to; statements and meetings have no record."""
        resolutions = {str(r.number): r for r in self._store.resolutions()}
        provisions = {p.id: p for p in self._store.provisions()}
        found: list[Link] = []
        for link in (k for k in links if k.relation == relation):
            ref: EntityRef | None = None
            if link.target_kind == LinkTarget.RESOLUTION and link.target_id in resolutions:
                resolution = resolutions[link.target_id]
                name = f"{resolution.symbol}, adopted {resolution.adopted}"
                ref = EntityRef(EntityKind.RESOLUTION, link.target_id)
            elif link.target_kind == LinkTarget.PROVISION and link.target_id in provisions:
                provision = provisions[link.target_id]
                name = f"{provision.resolution_symbol} {provision.paragraph}"
                ref = EntityRef(EntityKind.PROVISION, link.target_id)
            else:
                name = f"{label(link.target_kind)} {link.target_id}"
            note = f": {link.note}" if link.note and relation == LinkRelation.RESPONDED_TO else ""
            found.append((f"{name}{note}{cited.marks(link.sources)}", ref))
        return tuple(found)

    def _subject(self, subject: Subject) -> Detail:
        facts: list[tuple[str, str]] = [
            ("Kind", label(subject.kind)),
            ("Country", subject.country),
        ]
        facts += [
            (name, value)
            for name, value in (
                ("Also known as", ", ".join(subject.aliases)),
                ("Family", subject.family or ""),
                ("Derived from", subject.derived_from or ""),
                ("Operator", subject.operator or ""),
                ("Status", subject.status or ""),
            )
            if value
        ]
        specs = self._store.specs(subject.id)
        facts += [(attribute_label(s.attribute), formatting.spec_value(s)) for s in specs]
        cited = list(subject.sources) + [sid for spec in specs for sid in spec.sources]
        return Detail(
            ref=EntityRef(EntityKind.SUBJECT, subject.id),
            kind_label=label(subject.kind),
            title=subject.name,
            subtitle=subject.native_name or "",
            facts=tuple(facts),
            summary=subject.summary,
            sections=(),
            sources=tuple(self._store.sources(list(dict.fromkeys(cited)))),
            confidence=subject.confidence,
            links=self._related.for_subject(subject),
        )

    def _provision(self, provision: Provision) -> Detail:
        status = provision.status_text
        facts = (
            ("Resolution", provision.resolution_symbol),
            ("Adopted", provision.adopted),
            ("Paragraph", provision.paragraph),
            ("Topics", ", ".join(label(topic) for topic in provision.topics)),
            ("Status", status),
        )
        return Detail(
            ref=EntityRef(EntityKind.PROVISION, provision.id),
            kind_label="Sanctions provision",
            title=f"{provision.resolution_symbol} {provision.paragraph}",
            subtitle="",
            facts=facts,
            summary=provision.summary,
            sections=(("Why it matters", provision.relevance),) if provision.relevance else (),
            sources=tuple(self._store.sources(provision.sources)),
            confidence=provision.confidence,
            links=self._related.for_provision(provision),
        )


def _failure(launch: LaunchAttempt) -> str:
    if not launch.failure_stage:
        return "none" if launch.outcome == "success" else formatting.UNKNOWN
    stage = f"stage {launch.failure_stage}"
    if launch.failure_time_s is not None:
        stage += f", about {formatting.number(launch.failure_time_s)} s after liftoff"
    return stage


def _catalogue(launch: LaunchAttempt) -> str:
    if not launch.norad_id and not launch.cospar_id:
        return "not catalogued"
    return f"{launch.norad_id or '—'} / {launch.cospar_id or '—'}"


class _SourceNumbers:
    """Source ids in first-cited order, so lines can carry [n] marks matching the list."""

    def __init__(self, first: tuple[str, ...]) -> None:
        self.ids: list[str] = list(dict.fromkeys(first))

    def marks(self, ids: tuple[str, ...]) -> str:
        numbers = []
        for source_id in ids:
            if source_id not in self.ids:
                self.ids.append(source_id)
            numbers.append(self.ids.index(source_id) + 1)
        return f" [{', '.join(str(n) for n in numbers)}]" if numbers else ""


def _claim_line(claim: Claim, cited: _SourceNumbers) -> str:
    verdict = "Adopted" if claim.adopted else "Not adopted"
    return (
        f"{claim.claimant}, {claim.claim_date}, on {claim.attribute.replace('_', ' ')}: "
        f"{claim.claimed_value}{cited.marks(claim.sources)}. {verdict}: {claim.rationale}"
    )
