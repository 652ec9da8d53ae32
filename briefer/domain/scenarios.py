"""Cooperation scenarios: a form of help to the DPRK (or from it) mapped to the provisions it
engages, the public counter-arguments, and the events that show it."""

from __future__ import annotations

from dataclasses import dataclass

from briefer.domain.vocabulary import ScenarioRelation


@dataclass(frozen=True)
class Scenario:
    """A form of help the analyst weighs (a launch-vehicle transfer, training, a joint launch…)."""

    id: str
    title: str
    summary: str
    sources: tuple[str, ...]
    confidence: str


@dataclass(frozen=True)
class ScenarioLink:
    """Why one provision, event or counter-argument bears on a scenario."""

    scenario_id: str
    target_kind: str  # provision, event or claim (ScenarioTarget)
    target_id: str
    relation: str  # prohibits, restricts, exempts or arguable (ScenarioRelation)
    reasoning: str
    sources: tuple[str, ...]
    confidence: str


RELATION_ORDER = tuple(ScenarioRelation)  # strongest first: the order the window groups them
