"""What a record links to: a provision's resolution and the launches it bears on, and so on."""

from __future__ import annotations

from briefer.domain.records import EntityRef, LaunchAttempt, Provision, Resolution
from briefer.domain.vocabulary import EntityKind, LinkRelation, LinkTarget
from briefer.store.reference import ReferenceStore

Link = tuple[str, EntityRef]
LinkGroup = tuple[str, tuple[Link, ...]]


def launch_link(launch: LaunchAttempt) -> Link:
    text = f"{launch.date_utc} {launch.vehicle} · {launch.payload or '?'} ({launch.outcome})"
    return text, EntityRef(EntityKind.LAUNCH_ATTEMPT, launch.id)


class RelatedRecords:
    """Links between launch attempts, resolutions and provisions, read from the launch links."""

    def __init__(self, store: ReferenceStore) -> None:
        self._store = store

    def _launches(self, kind: str, target: str, relation: str) -> tuple[Link, ...]:
        launches = {launch.id: launch for launch in self._store.launch_attempts()}
        ids = [
            link.launch_id
            for link in self._store.launch_links()
            if link.target_kind == kind and link.target_id == target and link.relation == relation
        ]
        return tuple(launch_link(launches[i]) for i in dict.fromkeys(ids) if i in launches)

    def for_provision(self, provision: Provision) -> tuple[LinkGroup, ...]:
        resolution = (
            provision.resolution_symbol,
            EntityRef(EntityKind.RESOLUTION, str(provision.resolution_number)),
        )
        groups = (
            ("Resolution", (resolution,)),
            (
                "Adopted after",
                self._launches(
                    LinkTarget.RESOLUTION,
                    str(provision.resolution_number),
                    LinkRelation.RESPONDED_TO,
                ),
            ),
            (
                "Launch attempts it bears on",
                self._launches(LinkTarget.PROVISION, provision.id, LinkRelation.BEARS_ON),
            ),
        )
        return tuple(group for group in groups if group[1])

    def for_resolution(self, resolution: Resolution) -> tuple[LinkGroup, ...]:
        provisions = tuple(
            (
                f"{p.paragraph}: {p.summary[:90]}{'…' if len(p.summary) > 90 else ''}",
                EntityRef(EntityKind.PROVISION, p.id),
            )
            for p in self._store.provisions()
            if p.resolution_number == resolution.number
        )
        groups = (
            (
                "Adopted after",
                self._launches(
                    LinkTarget.RESOLUTION, str(resolution.number), LinkRelation.RESPONDED_TO
                ),
            ),
            ("Provisions in this dataset", provisions),
        )
        return tuple(group for group in groups if group[1])
