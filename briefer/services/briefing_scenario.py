"""The scenario brief: "Would <scenario> breach UN sanctions?" on one page, drafted from the
scenario's links: how many provisions in force it engages and which, the strongest
counter-argument with Briefer's reading, what has been observed, then the provisions
themselves, strongest relation first, and the evidence on the timeline."""

from __future__ import annotations

from collections.abc import Mapping

from briefer.domain.briefing import Cited, TimelineMark
from briefer.domain.vocabulary import Confidence, ScenarioRelation
from briefer.services.scenarios import CounterArgument, EngagedProvision, ScenarioView

NAMED_IN_BLUF = 3  # provisions named in the bottom line; the rest are counted
PROPER_FIRST_WORDS = ("Russia", "Russian", "China", "North", "DPRK")
LEADS = {
    ScenarioRelation.PROHIBITS: "Prohibited by",
    ScenarioRelation.RESTRICTS: "Restricted by",
    ScenarioRelation.EXEMPTS: "Could be exempted under",
    ScenarioRelation.ARGUABLE: "Arguably engages",
}


def scenario_title(title: str) -> str:
    """``Launching a DPRK satellite…`` -> ``Would launching a DPRK satellite… breach UN
    sanctions?`` (a leading acronym or proper name keeps its capital)."""
    first, _, rest = title.partition(" ")
    if first not in PROPER_FIRST_WORDS and not first[1:2].isupper():
        first = first[:1].lower() + first[1:]
    return f"Would {first}{' ' + rest if rest else ''} breach UN sanctions?"


def _provision_name(item: EngagedProvision) -> str:
    return f"{item.provision.resolution_symbol} {item.provision.paragraph}"


def _strongest(arguments: tuple[CounterArgument, ...]) -> CounterArgument | None:
    """The best-attested counter-argument: surest link, most sources, then the latest."""
    rank = {level.value: i for i, level in enumerate(Confidence)}
    return min(
        arguments,
        key=lambda a: (rank.get(a.link.confidence, 9), -len(a.claim.sources), a.claim.claim_date),
        default=None,
    )


def scenario_bluf(view: ScenarioView) -> str:
    in_force = view.in_force
    prohibiting = [p for p in in_force if p.link.relation == ScenarioRelation.PROHIBITS]
    named = ", ".join(_provision_name(p) for p in prohibiting[:NAMED_IN_BLUF])
    if len(prohibiting) > NAMED_IN_BLUF:
        named += f" and {len(prohibiting) - NAMED_IN_BLUF} more"
    total = len(view.provisions)
    lead = (
        f"All {total} provisions it engages are in force"
        if len(in_force) == total > 1
        else f"{len(in_force)} of the {total} provisions it engages are in force"
    )
    if prohibiting:
        verb = "prohibits" if len(prohibiting) == 1 else "prohibit"
        lead += f"; {len(prohibiting)} {verb} it outright ({named})."
    else:
        lead += (
            "; none prohibits it outright, so the case rests on the provisions that restrict "
            "it or arguably apply."
        )
    parts = [lead]
    strongest = _strongest(view.counter_arguments)
    if strongest is not None:
        claim = strongest.claim
        parts.append(
            f"The best-attested counter-argument ({claim.claimant}, {claim.claim_date}): "
            f"{claim.claimed_value}"
        )
    parts.append(_observed(view))
    return " ".join(parts)


def _observed(view: ScenarioView) -> str:
    if not view.evidence:
        return "No event in the dataset shows it happening."
    confirmed = sum(e.link.confidence == Confidence.CONFIRMED for e in view.evidence)
    latest = view.evidence[-1]
    return (
        f"{len(view.evidence)} event(s) show or allege it ({confirmed} confirmed), the latest "
        f"on {latest.event.date_utc}: {latest.event.title}."
    )


def scenario_judgments(view: ScenarioView) -> list[Cited]:
    """One line per engaged provision in force, strongest first, then the counter-arguments
    with Briefer's reading, then what the Panel's lapse changed; each with its sources."""
    lines = [
        Cited(
            f"{LEADS[ScenarioRelation(p.link.relation)]} {_provision_name(p)}: {p.link.reasoning}",
            p.link.sources,
        )
        for p in view.in_force
    ]
    lines += [
        Cited(
            f"Counter-argument, {a.claim.claimant} ({a.claim.claim_date}): "
            f"{a.claim.claimed_value} {a.claim.rationale}",
            a.claim.sources,
        )
        for a in view.counter_arguments
    ]
    if view.panel_note:
        lines.append(Cited(view.panel_note, view.panel_sources))
    return lines


def evidence_marks(view: ScenarioView, outcomes: Mapping[str, str]) -> list[TimelineMark]:
    """The evidence known to the day; a launch attempt keeps its outcome (``outcomes``)."""
    return [
        TimelineMark(
            e.event.date_utc,
            e.event.title,
            e.event.category,
            outcomes.get(e.event.id, "none"),
            ref=e.ref,
        )
        for e in view.evidence
        if e.event.date_precision == "day"
    ]
