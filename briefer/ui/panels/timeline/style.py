"""How the timeline draws things: lane order, marker shapes, colours and sizes."""

from __future__ import annotations

from briefer.domain.vocabulary import Category
from briefer.services.timeline import LANES, NO_OUTCOME
from briefer.ui.theme import OUTCOME_COLOURS, OUTCOME_SYMBOLS

EVENT_COLOUR = "#0072B2"  # Okabe-Ito blue: an event that has no outcome
PERIOD_COLOURS = ("#56B4E9", "#CC79A7", "#F0E442", "#0072B2", "#E69F00", "#009E73", "#999999")

CATEGORY_SYMBOLS: dict[str, str] = {
    Category.SPACE_PROGRAMME: "t2",
    Category.MISSILE_TEST: "t1",
    Category.NUCLEAR_TEST: "star",
    Category.MILITARY_COOPERATION: "d",
    Category.DIPLOMACY: "s",
    Category.SANCTIONS: "p",
    Category.RESPONSE: "h",
    Category.ASSESSMENT: "t",
}

MARKER_SIZE = 11
LANE_INDEX: dict[str, int] = {category: index for index, category in enumerate(LANES)}


def colour_of(outcome: str) -> str:
    return EVENT_COLOUR if outcome == NO_OUTCOME else OUTCOME_COLOURS.get(outcome, "#999999")


def symbol_of(category: str, outcome: str) -> str:
    """Launches are shaped by outcome (colour never carries it alone); events by category."""
    if category == Category.SATELLITE_LAUNCH:
        return OUTCOME_SYMBOLS.get(outcome, "s")
    return CATEGORY_SYMBOLS.get(category, "o")
