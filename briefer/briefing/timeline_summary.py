"""The line of text printed under the briefing's timeline, so the page reads completely as
text: the span, how many launches of each outcome (with the shape that marks them) and how
many context events and first flights."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from briefer.domain.briefing import FIRST_FLIGHT, TimelineMark

SHAPES = {  # each outcome's mark, in words; colour repeats it but never carries it alone
    "success": "filled circles",
    "failure": "crosses",
    "partial": "triangles",
    "unknown": "squares",
}
NOUNS = {
    "success": ("success", "successes"),
    "failure": ("failure", "failures"),
    "partial": ("partial success", "partial successes"),
    "unknown": ("unknown outcome", "unknown outcomes"),
}
LAUNCH = "satellite_launch"


def _order(outcome: str) -> int:
    return list(SHAPES).index(outcome) if outcome in SHAPES else len(SHAPES)


def _outcome(outcome: str, count: int) -> str:
    one, many = NOUNS.get(outcome, (outcome, outcome))
    return f"{count} {one if count == 1 else many}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def timeline_summary(marks: Sequence[TimelineMark]) -> str:
    if not marks:
        return "Timeline: nothing to show."
    years = sorted(m.date_utc[:4] for m in marks)
    span = years[0] if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
    outcomes = Counter(m.outcome for m in marks if m.kind == LAUNCH)
    parts = []
    if outcomes:
        each = ", ".join(
            f"{_outcome(o, outcomes[o])} ({SHAPES.get(o, 'marks')})"
            for o in sorted(outcomes, key=_order)
        )
        parts.append(f"{_plural(sum(outcomes.values()), 'DPRK satellite launch attempt')}: {each}")
    firsts = sum(1 for m in marks if m.kind == FIRST_FLIGHT)
    if firsts:
        parts.append(f"{_plural(firsts, 'first flight')} of compared systems (open triangles)")
    context = sum(1 for m in marks if m.kind not in (LAUNCH, FIRST_FLIGHT))
    if context:
        parts.append(f"{_plural(context, 'context event')} (diamonds, lower row)")
    own = sum(1 for m in marks if m.local)
    if own:
        parts.append(f"{own} of them your own record{'' if own == 1 else 's'} (ringed)")
    return f"Timeline, {span}: " + "; ".join(parts) + "."
