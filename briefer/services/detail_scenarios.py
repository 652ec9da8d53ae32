"""Details of cooperation scenarios and of claims (a counter-argument opens as a claim)."""

from __future__ import annotations

from briefer.domain.records import Claim, EntityRef
from briefer.domain.vocabulary import EntityKind, label
from briefer.services.detail_model import Detail, Link, LinkGroup
from briefer.services.scenarios import ScenarioError, ScenariosService, ScenarioView
from briefer.store.reference import ReferenceStore


def scenario_detail(store: ReferenceStore, ref: EntityRef) -> Detail | None:
    """The detail of a scenario or a claim; None for anything else or a missing id."""
    if ref.kind == EntityKind.SCENARIO:
        try:
            return _scenario(store, ScenariosService(store).view(ref.id))
        except ScenarioError:
            return None
    if ref.kind == EntityKind.CLAIM:
        claim = next((c for c in store.claims() if c.id == ref.id), None)
        return _claim(store, claim) if claim else None
    return None


def _scenario_links(view: ScenarioView) -> tuple[LinkGroup, ...]:
    """Provisions by relation (strongest first), then counter-arguments, then events; a group
    with nothing in it is left out."""
    groups: list[LinkGroup] = [
        (
            f"Provisions it {label(relation).lower()}"
            if relation != "arguable"
            else "Provisions that arguably apply",
            tuple(
                (
                    f"{p.provision.resolution_symbol} {p.provision.paragraph} "
                    f"({p.provision.status_text.lower()})",
                    p.ref,
                )
                for p in items
            ),
        )
        for relation, items in view.by_relation()
    ]
    counter_arguments = tuple(
        (f"{a.claim.claimant} ({a.claim.claim_date})", a.ref) for a in view.counter_arguments
    )
    evidence = tuple(
        (f"{e.event.date_utc}: {e.event.title} ({e.link.confidence})", e.ref)
        for e in view.evidence
    )
    groups += [("Counter-arguments", counter_arguments), ("Seen or alleged", evidence)]
    return tuple((title, links) for title, links in groups if links)


def _scenario(store: ReferenceStore, view: ScenarioView) -> Detail:
    scenario = view.scenario
    in_force = len(view.in_force)
    return Detail(
        ref=EntityRef(EntityKind.SCENARIO, scenario.id),
        kind_label="Cooperation scenario",
        title=scenario.title,
        subtitle="",
        facts=(
            ("Provisions engaged", f"{len(view.provisions)}, {in_force} in force"),
            ("Counter-arguments", str(len(view.counter_arguments))),
            ("Events", str(len(view.evidence))),
        ),
        summary=scenario.summary,
        sections=(("Panel of Experts", view.panel_note),) if view.panel_note else (),
        sources=tuple(store.sources(scenario.sources)),
        confidence=scenario.confidence,
        links=_scenario_links(view),
    )


def _claim(store: ReferenceStore, claim: Claim) -> Detail:
    about: Link = (_subject_title(store, claim), EntityRef(claim.subject_kind, claim.subject_id))
    return Detail(
        ref=EntityRef(EntityKind.CLAIM, claim.id),
        kind_label="Claim",
        title=f"{claim.claimant}, {claim.claim_date}",
        subtitle="",
        facts=(
            ("Claimant", claim.claimant),
            ("Date", claim.claim_date),
            ("Adopted by the dataset", "yes" if claim.adopted else "no"),
        ),
        summary=claim.claimed_value,
        sections=(("Briefer's reading", claim.rationale),),
        sources=tuple(store.sources(claim.sources)),
        confidence="",
        links=(("About", (about,)),),
    )


def _subject_title(store: ReferenceStore, claim: Claim) -> str:
    if claim.subject_kind == EntityKind.SCENARIO:
        scenario = store.scenario(claim.subject_id)
        return scenario.title if scenario else claim.subject_id
    return f"{label(claim.subject_kind)} {claim.subject_id}"
