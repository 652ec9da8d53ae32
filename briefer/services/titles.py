"""What each record is called in lists and links: one title per ``EntityRef``."""

from __future__ import annotations

from functools import lru_cache

from briefer.domain.records import EntityRef, LaunchAttempt
from briefer.domain.vocabulary import EntityKind
from briefer.store.reference import ReferenceStore

RESOLUTION_EVENT_PREFIX = "unsc-res-"


def launch_title(launch: LaunchAttempt) -> str:
    return f"{launch.vehicle} · {launch.payload or '?'} ({launch.date_utc})"


@lru_cache(maxsize=4)
def record_titles(store: ReferenceStore) -> dict[EntityRef, str]:
    """Titles of every record of the dataset, read once per (read-only) store: the notes and
    the detail links share them. Callers must not change the dict."""
    titles: dict[EntityRef, str] = {}
    for launch in store.launch_attempts():
        titles[EntityRef(EntityKind.LAUNCH_ATTEMPT, launch.id)] = launch_title(launch)
    for event in store.timeline_events():
        if not event.id.startswith(RESOLUTION_EVENT_PREFIX):
            titles.setdefault(EntityRef(EntityKind.EVENT, event.id), event.title)
    for subject in store.subjects():
        titles[EntityRef(EntityKind.SUBJECT, subject.id)] = subject.name
    for resolution in store.resolutions():
        titles[EntityRef(EntityKind.RESOLUTION, str(resolution.number))] = resolution.symbol
    for provision in store.provisions():
        titles[EntityRef(EntityKind.PROVISION, provision.id)] = (
            f"{provision.resolution_symbol} {provision.paragraph}"
        )
    for organisation in store.organisations():
        titles[EntityRef(EntityKind.ORGANISATION, organisation.id)] = organisation.name
    for site in store.sites():
        titles[EntityRef(EntityKind.SITE, site.id)] = site.name
    for source in store.sources():
        titles[EntityRef(EntityKind.SOURCE, source.id)] = f"{source.publisher}: {source.title}"
    for scenario in store.scenarios():
        titles[EntityRef(EntityKind.SCENARIO, scenario.id)] = scenario.title
    for claim in store.claims():
        titles[EntityRef(EntityKind.CLAIM, claim.id)] = f"{claim.claimant}, {claim.claim_date}"
    return titles
