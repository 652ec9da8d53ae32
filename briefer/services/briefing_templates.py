"""The wording and the choices of each briefing template, in one place.

The composer (`briefing`) fills these with counts, dates and outcomes from the data. Record
ids named here are checked against the shipped dataset by a test, so a renamed event cannot
silently drop out of a briefing.
"""

from __future__ import annotations

from briefer.domain.vocabulary import Category

OVERVIEW_TITLE = "DPRK satellite launches and Russian help: situation overview"
OVERVIEW_BLUF = (
    "The DPRK has made {attempts} satellite launch attempts since 1998; {reached_orbit} "
    "reached orbit. The latest, on {latest_date} ({latest_vehicle}), was a {latest_outcome}. "
    "Russia and the DPRK signed a comprehensive strategic partnership in June 2024, and the UN "
    "panel that monitored sanctions lapsed in April 2024."
)
OVERVIEW_TALLY = "{tally}; DPRK media claimed success {claimed_success} times."
OVERVIEW_EVENTS = (
    "evt-2023-09-13-vostochny-summit",
    "evt-2024-06-19-putin-pyongyang-treaty",
    "evt-2024-03-28-russia-veto-panel-of-experts",
)

LAUNCH_TITLE = "Launch brief: {vehicle} / {payload}, {date}"
LAUNCH_BLUF = (
    "On {date} the DPRK launched {payload} on {vehicle} from {site}; independent assessment: "
    "{outcome}, it {orbit}.{claim}"
)
LAUNCH_CLAIM = " DPRK media claimed {claimed}."
CLAIM_LINE = "{claimant} ({date}): {value}. {verdict}: {rationale}"

COMPARISON_TITLE = "Capability comparison: {names}"
COMPARISON_BLUF = (
    "Side by side: {names}. Figures are public estimates with their sources; 'unknown' means "
    "no public figure was found."
)
COMPARISON_BEST = "Best {label}: {name}, {value}."
COMPARISON_BEST_OF = ("payload_leo_kg", "success_rate_pct", "resolution_claimed_m")

SANCTIONS_TITLE = "UN sanctions that bear on DPRK satellite launches"
SANCTIONS_IN_FORCE = "{in_force} of the {selected} provisions this briefing draws on are in force."
SANCTIONS_ALL_IN_FORCE = "All {selected} provisions this briefing draws on are in force."
SANCTIONS_BLUF = (
    "{count} The core Security Council measures bar any DPRK "
    "launch using ballistic-missile technology, satellite launches included, and bar other "
    "states from transferring related items or technology or training DPRK nationals in "
    "related fields. The UN Panel of Experts that reported breaches lapsed on 30 April 2024 "
    "after Russia's veto."
)
SANCTIONS_EVENTS = (
    "evt-2024-03-28-russia-veto-panel-of-experts",
    "evt-2024-04-30-panel-of-experts-expires",
    "evt-2024-10-16-msmt-launch",
)

LAUNCH_TOPICS = ("ballistic_missile_launches", "technical_cooperation", "training", "transfers")
VEHICLE_TABLE = ("height_m", "liftoff_mass_t", "payload_leo_kg", "launches", "success_rate_pct")
SATELLITE_TABLE = (
    "mass_kg",
    "perigee_km",
    "resolution_claimed_m",
    "resolution_assessed_m",
    "launch_date",
)
CONTEXT_CATEGORIES = frozenset(
    {Category.DIPLOMACY, Category.MILITARY_COOPERATION, Category.SANCTIONS}
)
EVENT_LINE = "{date}: {summary}"


def event_ids() -> tuple[str, ...]:
    """Every timeline event a template names."""
    return tuple(dict.fromkeys((*OVERVIEW_EVENTS, *SANCTIONS_EVENTS)))
