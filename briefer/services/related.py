"""What a record links to, for the detail pane: launches, systems, sites, acts of the Council.

A link is ``(text, ref)``; ``ref`` is None for something the dataset names but holds no record
of (a presidential statement, say), which the pane shows as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property

from briefer.domain.records import (
    Claim,
    EntityRef,
    LaunchAttempt,
    Organisation,
    Provision,
    Resolution,
    Site,
    Subject,
)
from briefer.domain.vocabulary import EntityKind, LinkRelation, LinkTarget
from briefer.services.detail_model import Link, LinkGroup
from briefer.services.titles import record_titles
from briefer.store.reference import ReferenceStore

# citations of parts of a record lead to the record: a spec to its system, a link to its launch
_CITING_KIND = {"spec": EntityKind.SUBJECT, "launch_link": EntityKind.LAUNCH_ATTEMPT}


def launch_link(launch: LaunchAttempt) -> Link:
    text = f"{launch.date_utc} {launch.vehicle} · {launch.payload or '?'} ({launch.outcome})"
    return text, EntityRef(EntityKind.LAUNCH_ATTEMPT, launch.id)


def groups(*candidates: LinkGroup) -> tuple[LinkGroup, ...]:
    """The groups that have links, in the order given."""
    return tuple(group for group in candidates if group[1])


class RelatedRecords:
    """Links between records, read once per dataset and kept (the dataset is read-only)."""

    def __init__(self, store: ReferenceStore) -> None:
        self._store = store

    @cached_property
    def titles(self) -> dict[EntityRef, str]:
        return record_titles(self._store)

    @cached_property
    def _launches(self) -> dict[str, LaunchAttempt]:
        return {launch.id: launch for launch in self._store.launch_attempts()}

    @cached_property
    def _claims(self) -> dict[str, Claim]:
        return {claim.id: claim for claim in self._store.claims()}

    @cached_property
    def _resolutions(self) -> list[Resolution]:
        return self._store.resolutions()

    def link_to(self, ref: EntityRef) -> Link:
        if ref.kind == EntityKind.LAUNCH_ATTEMPT and ref.id in self._launches:
            return launch_link(self._launches[ref.id])
        return self.titles.get(ref, f"{ref.kind} {ref.id}"), ref

    def _linked_launches(self, kind: str, target: str, relation: str) -> tuple[Link, ...]:
        ids = [
            link.launch_id
            for link in self._store.launch_links()
            if link.target_kind == kind and link.target_id == target and link.relation == relation
        ]
        return tuple(
            launch_link(self._launches[i]) for i in dict.fromkeys(ids) if i in self._launches
        )

    def _triggers(self, resolution: Resolution) -> tuple[Link, ...]:
        refs = (
            EntityRef(EntityKind.LAUNCH_ATTEMPT if i in self._launches else EntityKind.EVENT, i)
            for i in resolution.triggered_by
        )
        return tuple(self.link_to(ref) for ref in refs)

    def _responded_launches(self, number: str, triggers: tuple[Link, ...]) -> tuple[Link, ...]:
        """Launches the resolution responded to, less those already listed as its triggers."""
        listed = {ref for _text, ref in triggers}
        launches = self._linked_launches(LinkTarget.RESOLUTION, number, LinkRelation.RESPONDED_TO)
        return tuple(link for link in launches if link[1] not in listed)

    def _responses_to(self, entity_id: str) -> tuple[Link, ...]:
        """Resolutions whose trigger names this launch or event."""
        return tuple(
            (f"{r.symbol}, adopted {r.adopted}", EntityRef(EntityKind.RESOLUTION, str(r.number)))
            for r in self._resolutions
            if entity_id in r.triggered_by
        )

    # per kind ---------------------------------------------------------------------------
    def for_launch(self, launch: LaunchAttempt) -> LinkGroup:
        parts: list[Link] = []
        if launch.vehicle_id:
            parts.append(
                (f"Vehicle: {launch.vehicle}", EntityRef(EntityKind.SUBJECT, launch.vehicle_id))
            )
        if launch.payload_id:
            payload = f"Payload: {launch.payload}"
            parts.append((payload, EntityRef(EntityKind.SUBJECT, launch.payload_id)))
        if launch.site_id:
            parts.append((f"Site: {launch.site}", EntityRef(EntityKind.SITE, launch.site_id)))
        return "Vehicle, payload and site", tuple(parts)

    def for_event(self, event_id: str) -> tuple[LinkGroup, ...]:
        return groups(("Security Council resolutions it prompted", self._responses_to(event_id)))

    def for_subject(self, subject: Subject) -> tuple[LinkGroup, ...]:
        flown = tuple(
            launch_link(launch)
            for launch in self._launches.values()
            if subject.id in (launch.vehicle_id, launch.payload_id)
        )
        family = tuple(
            (f"{other.name} ({other.country})", EntityRef(EntityKind.SUBJECT, other.id))
            for other in self._store.subjects(subject.kind)
            if subject.family and other.family == subject.family and other.id != subject.id
        )
        operators = tuple(
            (organisation.name, EntityRef(EntityKind.ORGANISATION, organisation.id))
            for organisation in self._store.organisations()
            if _names_in(organisation, subject.operator or "")
        )
        heading = "Launch attempts" if subject.kind == "launch_vehicle" else "Launched on"
        return groups(
            (heading, flown),
            (f"Same family ({subject.family})", family),
            ("Operator in this dataset", operators),
        )

    def for_organisation(self, organisation: Organisation) -> tuple[LinkGroup, ...]:
        systems = tuple(
            (f"{subject.name} ({subject.country})", EntityRef(EntityKind.SUBJECT, subject.id))
            for subject in self._store.subjects()
            if _names_in(organisation, subject.operator or "")
        )
        return groups(("Systems it operates or operated", systems))

    def for_site(self, site: Site) -> tuple[LinkGroup, ...]:
        launched = tuple(
            launch_link(launch) for launch in self._launches.values() if launch.site_id == site.id
        )
        return groups(("Launch attempts from here", launched))

    def for_source(self, source_id: str) -> tuple[LinkGroup, ...]:
        refs = []
        for kind, entity_id in self._store.citing(source_id):
            if kind == "claim":
                claim = self._claims.get(entity_id)
                refs += [EntityRef(claim.subject_kind, claim.subject_id)] if claim else []
            else:
                refs.append(EntityRef(_CITING_KIND.get(kind, kind), entity_id.split("/")[0]))
        links = sorted({self.link_to(ref) for ref in refs if ref in self.titles}, key=_by_text)
        return groups(("Cited by", tuple(links)))

    def for_provision(self, provision: Provision) -> tuple[LinkGroup, ...]:
        resolution = next(
            (r for r in self._resolutions if r.number == provision.resolution_number), None
        )
        number = str(provision.resolution_number)
        triggers = self._triggers(resolution) if resolution else ()
        return groups(
            (
                "Resolution",
                ((provision.resolution_symbol, EntityRef(EntityKind.RESOLUTION, number)),),
            ),
            ("Triggered by", triggers),
            ("Adopted after", self._responded_launches(number, triggers)),
            (
                "Launch attempts it bears on",
                self._linked_launches(LinkTarget.PROVISION, provision.id, LinkRelation.BEARS_ON),
            ),
        )

    def for_resolution(self, resolution: Resolution) -> tuple[LinkGroup, ...]:
        provisions = tuple(
            (
                f"{p.paragraph}: {p.summary[:90]}{'…' if len(p.summary) > 90 else ''}",
                EntityRef(EntityKind.PROVISION, p.id),
            )
            for p in self._store.provisions()
            if p.resolution_number == resolution.number
        )
        number = str(resolution.number)
        triggers = self._triggers(resolution)
        return groups(
            ("Triggered by", triggers),
            ("Adopted after", self._responded_launches(number, triggers)),
            ("Provisions in this dataset", provisions),
        )


def _names_in(organisation: Organisation, text: str) -> bool:
    """True when ``text`` names the organisation (its name, native name or an alias) as a
    whole word: "NADA" is not found in "Canada"."""
    names: Iterable[str] = (
        organisation.name,
        organisation.native_name or "",
        *organisation.aliases,
    )
    return any(
        len(name) >= 3 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)
        for name in names
    )


def _by_text(link: Link) -> str:
    return link[0].casefold()
