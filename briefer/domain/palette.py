"""The colours and marks that carry meaning, shared by the window and the PDF (no Qt here).

Okabe-Ito colours stay distinguishable with the common colour-vision deficiencies; outcomes
also differ in shape, so colour never carries meaning alone.
"""

from __future__ import annotations

from briefer.domain.vocabulary import Outcome, ScenarioRelation

BLUE = "#0072B2"
SKY = "#56B4E9"
GREEN = "#009E73"
VERMILION = "#D55E00"
ORANGE = "#E69F00"
PINK = "#CC79A7"
YELLOW = "#F0E442"
GREY = "#999999"

OUTCOME_COLOURS: dict[str, str] = {
    Outcome.SUCCESS: GREEN,
    Outcome.FAILURE: VERMILION,
    Outcome.PARTIAL: ORANGE,
    Outcome.UNKNOWN: GREY,
}
OUTCOME_SYMBOLS: dict[str, str] = {
    Outcome.SUCCESS: "o",
    Outcome.FAILURE: "x",
    Outcome.PARTIAL: "t",
    Outcome.UNKNOWN: "s",
}
EVENT_COLOUR = BLUE  # an event, which has no outcome
PERIOD_COLOURS = (SKY, PINK, YELLOW, BLUE, ORANGE, GREEN, GREY)
MATRIX_TINT = BLUE
NOTICE_BACKGROUND = ORANGE
LOCAL_COLOUR = PINK  # the analyst's own records, drawn apart from the dataset's
CONFIDENCE_MARKS = {"confirmed": "●", "likely": "◐", "unverified": "○"}
# a scenario's strongest bearing under a resolution: a mark and a word as well as a colour
RELATION_MARKS: dict[str, str] = {
    ScenarioRelation.PROHIBITS: "■",
    ScenarioRelation.RESTRICTS: "◩",
    ScenarioRelation.EXEMPTS: "□",
    ScenarioRelation.ARGUABLE: "?",
}
RELATION_COLOURS: dict[str, str] = {
    ScenarioRelation.PROHIBITS: VERMILION,
    ScenarioRelation.RESTRICTS: ORANGE,
    ScenarioRelation.EXEMPTS: GREEN,
    ScenarioRelation.ARGUABLE: GREY,
}


def outcome_colour(outcome: str) -> str:
    return OUTCOME_COLOURS.get(outcome, GREY)


def rgb(colour: str) -> tuple[int, int, int]:
    """``#0072B2`` -> ``(0, 114, 178)``."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
