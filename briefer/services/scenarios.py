"""Would a form of cooperation breach the sanctions? Each scenario with the provisions it
engages, grouped by relation and with their status, the public counter-arguments and the
events that show it; and a scenarios-by-resolution matrix."""

from __future__ import annotations

from dataclasses import dataclass

from briefer.domain.records import Claim, EntityRef, Provision, Source, TimelineEvent
from briefer.domain.scenarios import RELATION_ORDER, Scenario, ScenarioLink
from briefer.domain.vocabulary import (
    EntityKind,
    ProvisionStatus,
    ProvisionTopic,
    ScenarioTarget,
)
from briefer.store.errors import StoreError
from briefer.store.reference import ReferenceStore

PANEL_TOPIC = ProvisionTopic.COMMITTEE_AND_PANEL


class ScenarioError(StoreError):
    """An unknown scenario id: one line for the command line, a message in the window."""


@dataclass(frozen=True)
class EngagedProvision:
    link: ScenarioLink
    provision: Provision

    @property
    def ref(self) -> EntityRef:
        return EntityRef(EntityKind.PROVISION, self.provision.id)

    @property
    def in_force(self) -> bool:
        return self.provision.status == ProvisionStatus.IN_FORCE


@dataclass(frozen=True)
class CounterArgument:
    link: ScenarioLink
    claim: Claim

    @property
    def ref(self) -> EntityRef:
        return EntityRef(EntityKind.CLAIM, self.claim.id)


@dataclass(frozen=True)
class Evidence:
    link: ScenarioLink
    event: TimelineEvent

    @property
    def ref(self) -> EntityRef:
        kind = EntityKind.LAUNCH_ATTEMPT if self.event.category == "satellite_launch" else None
        return EntityRef(kind or EntityKind.EVENT, self.event.id)


@dataclass(frozen=True)
class ScenarioView:
    """One scenario, as the window and the one-page brief show it."""

    scenario: Scenario
    provisions: tuple[EngagedProvision, ...]  # strongest relation first, in file order within
    counter_arguments: tuple[CounterArgument, ...]
    evidence: tuple[Evidence, ...]  # in date order
    panel_note: str  # what the lapse of the Panel of Experts changed and did not
    sources: dict[str, Source]  # every source the view cites, by id
    panel_sources: tuple[str, ...] = ()  # the lapsed mandate's own sources

    def cited(self) -> list[str]:
        """Source ids in order of first use: the scenario's, then each item's."""
        links = [item.link for item in self.provisions]
        links += [item.link for item in self.counter_arguments]
        links += [item.link for item in self.evidence]
        ids = [*self.scenario.sources, *(i for link in links for i in link.sources)]
        return [i for i in dict.fromkeys(ids) if i in self.sources]

    def by_relation(self) -> list[tuple[str, tuple[EngagedProvision, ...]]]:
        groups = [
            (relation.value, tuple(p for p in self.provisions if p.link.relation == relation))
            for relation in RELATION_ORDER
        ]
        return [(relation, items) for relation, items in groups if items]

    @property
    def in_force(self) -> tuple[EngagedProvision, ...]:
        return tuple(p for p in self.provisions if p.in_force)


@dataclass(frozen=True)
class ScenarioMatrix:
    """Rows: scenarios; columns: resolutions; cells: the strongest relation, or ''."""

    scenarios: tuple[Scenario, ...]
    resolutions: tuple[tuple[int, str], ...]  # (number, symbol)
    cells: dict[tuple[str, int], str]


class ScenariosService:
    def __init__(self, store: ReferenceStore) -> None:
        self.store = store

    def scenarios(self) -> list[Scenario]:
        return self.store.scenarios()

    def view(self, scenario_id: str) -> ScenarioView:
        """Raises ScenarioError for an id the dataset does not have."""
        scenario = self.store.scenario(scenario_id)
        if scenario is None:
            raise ScenarioError(f"unknown scenario id '{scenario_id}'")
        links = self.store.scenario_links(scenario_id)
        provisions = {p.id: p for p in self.store.provisions()}
        claims = {c.id: c for c in self.store.claims()}
        events = {e.id: e for e in self.store.timeline_events()}
        engaged = [
            EngagedProvision(k, provisions[k.target_id])
            for k in links
            if k.target_kind == ScenarioTarget.PROVISION and k.target_id in provisions
        ]
        engaged.sort(key=lambda item: RELATION_ORDER.index(item.link.relation))
        arguments = tuple(
            CounterArgument(k, claims[k.target_id])
            for k in links
            if k.target_kind == ScenarioTarget.CLAIM and k.target_id in claims
        )
        shown = [
            Evidence(k, events[k.target_id])
            for k in links
            if k.target_kind == ScenarioTarget.EVENT and k.target_id in events
        ]
        shown.sort(key=lambda item: item.event.date_utc)
        cited = {i for k in links for i in k.sources} | set(scenario.sources)
        note, panel = self._panel_note(list(provisions.values()))
        return ScenarioView(
            scenario,
            tuple(engaged),
            tuple(sorted(arguments, key=lambda a: a.claim.claim_date)),
            tuple(shown),
            note,
            {source.id: source for source in self.store.sources(sorted(cited | set(panel)))},
            panel,
        )

    def _panel_note(self, provisions: list[Provision]) -> tuple[str, tuple[str, ...]]:
        """From the data: when the Panel's mandate lapsed, and that the measures did not; with
        the sources of the lapsed mandate."""
        lapsed = [
            p
            for p in provisions
            if PANEL_TOPIC in p.topics and p.status == ProvisionStatus.LAPSED and p.status_since
        ]
        if not lapsed:
            return "", ()
        last = max(lapsed, key=lambda p: p.status_since or "")
        note = (
            f"The UN Panel of Experts' mandate lapsed on {last.status_since}: since then no UN "
            "body investigates or reports breaches, but every measure still binds all states, "
            "and the 1718 Committee still grants exemptions."
        )
        return note, last.sources

    def matrix(self) -> ScenarioMatrix:
        scenarios = tuple(self.store.scenarios())
        provisions = {p.id: p for p in self.store.provisions()}
        cells: dict[tuple[str, int], str] = {}
        for link in self.store.scenario_links():
            provision = provisions.get(link.target_id)
            if link.target_kind != ScenarioTarget.PROVISION or provision is None:
                continue
            key = (link.scenario_id, provision.resolution_number)
            known = cells.get(key)
            if known is None or RELATION_ORDER.index(link.relation) < RELATION_ORDER.index(known):
                cells[key] = link.relation
        numbers = sorted({number for _, number in cells})
        symbols = {p.resolution_number: p.resolution_symbol for p in provisions.values()}
        return ScenarioMatrix(
            scenarios, tuple((n, symbols.get(n, str(n))) for n in numbers), cells
        )
