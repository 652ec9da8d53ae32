"""How the timeline draws things: lane order, marker shapes and sizes (colours: the palette)."""

from __future__ import annotations

from briefer.domain.palette import EVENT_COLOUR, OUTCOME_SYMBOLS, outcome_colour
from briefer.domain.vocabulary import Category
from briefer.services.timeline import LANES, NO_OUTCOME

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
    return EVENT_COLOUR if outcome == NO_OUTCOME else outcome_colour(outcome)


def symbol_of(category: str, outcome: str) -> str:
    """Launches are shaped by outcome (colour never carries it alone); events by category."""
    if category == Category.SATELLITE_LAUNCH:
        return OUTCOME_SYMBOLS.get(outcome, "s")
    return CATEGORY_SYMBOLS.get(category, "o")
