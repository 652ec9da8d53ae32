"""A scenario as the Scenarios tab shows it: the provisions grouped by relation, each with its
status and reasoning, the counter-arguments with Briefer's reading, the evidence with its
confidence, and numbered sources. Every record named is a link; every data string escaped."""

from __future__ import annotations

from html import escape

from briefer.domain.palette import CONFIDENCE_MARKS, RELATION_COLOURS, RELATION_MARKS
from briefer.domain.records import EntityRef
from briefer.services.scenarios import ScenarioView
from briefer.ui.panels.detail import record_href

HEADINGS = {
    "prohibits": "Prohibit it",
    "restricts": "Restrict it",
    "exempts": "Could exempt it",
    "arguable": "Arguably apply",
}


def _link(ref: EntityRef, text: str) -> str:
    return f"<a href='{record_href(ref)}'>{escape(text)}</a>"


def _marks(ids: tuple[str, ...], numbers: dict[str, int]) -> str:
    found = sorted(numbers[i] for i in dict.fromkeys(ids) if i in numbers)
    return f" <span style='color:gray'>[{', '.join(map(str, found))}]</span>" if found else ""


def _confidence(level: str) -> str:
    return f"{CONFIDENCE_MARKS.get(level, '')} {escape(level)}"


def _in_force_count(view: ScenarioView) -> str:
    total, in_force = len(view.provisions), len(view.in_force)
    return f"All {total}" if in_force == total > 1 else f"{in_force} of {total}"


def scenario_html(view: ScenarioView) -> str:
    numbers = {source_id: n for n, source_id in enumerate(view.cited(), start=1)}
    scenario = view.scenario
    parts = [
        "<p style='margin:0; color:gray'>Cooperation scenario · "
        f"confidence {_confidence(scenario.confidence)}</p>",
        f"<h2 style='margin:2px 0'>{escape(scenario.title)}</h2>",
        f"<p>{escape(scenario.summary)}{_marks(scenario.sources, numbers)}</p>",
        f"<p><b>{_in_force_count(view)}</b> provisions it engages are in force.</p>",
    ]
    if view.panel_note:
        parts.append(f"<p style='color:gray'><i>{escape(view.panel_note)}</i></p>")
    for relation, items in view.by_relation():
        colour, mark = RELATION_COLOURS[relation], RELATION_MARKS[relation]
        parts.append(
            f"<h4 style='margin-bottom:2px'><span style='color:{colour}'>{mark}</span> "
            f"Provisions that {HEADINGS[relation].lower()} ({len(items)})</h4><ul>"
        )
        for item in items:
            status = escape(item.provision.status_text.lower())
            title = f"{item.provision.resolution_symbol} {item.provision.paragraph}"
            parts.append(
                f"<li>{_link(item.ref, title)} <span style='color:gray'>({status})</span>: "
                f"{escape(item.link.reasoning)}{_marks(item.link.sources, numbers)}</li>"
            )
        parts.append("</ul>")
    if view.counter_arguments:
        parts.append(
            f"<h4 style='margin-bottom:2px'>Counter-arguments "
            f"({len(view.counter_arguments)})</h4><ul>"
        )
        for argument in view.counter_arguments:
            claim = argument.claim
            parts.append(
                f"<li>{_link(argument.ref, claim.claimant)}, {escape(claim.claim_date)}: "
                f"{escape(claim.claimed_value)}{_marks(claim.sources, numbers)}<br>"
                f"<span style='color:gray'>{escape(claim.rationale)}</span></li>"
            )
        parts.append("</ul>")
    if view.evidence:
        parts.append(
            f"<h4 style='margin-bottom:2px'>Seen or alleged ({len(view.evidence)})</h4><ul>"
        )
        for shown in view.evidence:
            parts.append(
                f"<li>{escape(shown.event.date_utc)} {_link(shown.ref, shown.event.title)} "
                f"<span style='color:gray'>({_confidence(shown.link.confidence)})</span>: "
                f"{escape(shown.link.reasoning)}{_marks(shown.link.sources, numbers)}</li>"
            )
        parts.append("</ul>")
    parts.append(f"<h4 style='margin-bottom:2px'>Sources ({len(numbers)})</h4><ol>")
    for source_id in numbers:
        source = view.sources[source_id]
        when = f", {escape(source.published)}" if source.published else ""
        parts.append(
            f"<li>{_link(EntityRef('source', source.id), source.publisher)}: "
            f"<i>{escape(source.title)}</i>{when}</li>"
        )
    parts.append("</ol>")
    return "".join(parts)
