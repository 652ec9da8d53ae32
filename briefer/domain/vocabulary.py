"""The controlled vocabularies of the dataset: outcomes, confidence, categories, kinds."""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    """The result of a launch attempt, as assessed or as claimed."""

    SUCCESS = "success"
    FAILURE = "failure"
    PARTIAL = "partial"
    UNKNOWN = "unknown"


class ClaimedOutcome(StrEnum):
    """What DPRK media claimed; ``none`` when no claim was made."""

    SUCCESS = "success"
    FAILURE = "failure"
    PARTIAL = "partial"
    UNKNOWN = "unknown"
    NONE = "none"


class SourceKind(StrEnum):
    """What a source is: ``official`` (UN, governments, state media, space agencies), ``news``,
    ``analysis`` (think tanks, specialist trackers, academic), ``reference`` (encyclopaedias,
    databases) or ``mirror`` (a copy of another publisher's item)."""

    OFFICIAL = "official"
    NEWS = "news"
    ANALYSIS = "analysis"
    REFERENCE = "reference"
    MIRROR = "mirror"


class ProvisionTopic(StrEnum):
    """What a sanctions paragraph is about: the columns of the Sanctions matrix."""

    BALLISTIC_MISSILE_LAUNCHES = "ballistic_missile_launches"
    NUCLEAR = "nuclear"
    ARMS_EMBARGO = "arms_embargo"
    ARMS_EXPORTS = "arms_exports"
    TRANSFERS = "transfers"
    TECHNICAL_COOPERATION = "technical_cooperation"
    TRAINING = "training"
    FINANCIAL = "financial"
    JOINT_VENTURES = "joint_ventures"
    OVERSEAS_WORKERS = "overseas_workers"
    PETROLEUM = "petroleum"
    FUEL = "fuel"
    EXPORT_BANS = "export_bans"
    MARITIME = "maritime"
    DESIGNATIONS = "designations"
    SECTORAL = "sectoral"
    COMMITTEE_AND_PANEL = "committee_and_panel"


#: A launcher's size and lift, and a satellite's orbit: the stored specifications at the head
#: of the comparison, which the quality report counts when unknown.
VEHICLE_SIZE_AND_LIFT = (
    "stages_count",
    "height_m",
    "diameter_m",
    "liftoff_mass_t",
    "payload_leo_kg",
    "payload_sso_kg",
)
SATELLITE_ORBIT = ("mass_kg", "perigee_km", "apogee_km", "inclination_deg")
HEADLINE_SPECS: dict[str, tuple[str, ...]] = {
    "launch_vehicle": (*VEHICLE_SIZE_AND_LIFT, "first_flight_date"),
    "satellite": (*SATELLITE_ORBIT, "launch_date"),
}


class Confidence(StrEnum):
    CONFIRMED = "confirmed"
    LIKELY = "likely"
    UNVERIFIED = "unverified"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Category(StrEnum):
    """Timeline categories; each is a swimlane."""

    SATELLITE_LAUNCH = "satellite_launch"
    SPACE_PROGRAMME = "space_programme"  # plans, inspections, ground tests, agency changes
    MISSILE_TEST = "missile_test"
    NUCLEAR_TEST = "nuclear_test"
    DIPLOMACY = "diplomacy"
    MILITARY_COOPERATION = "military_cooperation"
    SANCTIONS = "sanctions"
    RESPONSE = "response"
    ASSESSMENT = "assessment"
    PERIOD = "period"


class SubjectKind(StrEnum):
    LAUNCH_VEHICLE = "launch_vehicle"
    SATELLITE = "satellite"


class ProvisionStatus(StrEnum):
    IN_FORCE = "in_force"
    LAPSED = "lapsed"
    SUPERSEDED = "superseded"


class EntityKind(StrEnum):
    """Kinds of things that can be selected, linked and annotated."""

    LAUNCH_ATTEMPT = "launch_attempt"
    EVENT = "event"
    SUBJECT = "subject"
    RESOLUTION = "resolution"
    PROVISION = "provision"
    SOURCE = "source"
    SITE = "site"
    ORGANISATION = "organisation"
    CLAIM = "claim"
    SCENARIO = "scenario"


class SearchKind(StrEnum):
    """What a search hit is; the groups of the results, in this order when ranks tie."""

    LAUNCH_ATTEMPT = "launch_attempt"
    LAUNCH_VEHICLE = "launch_vehicle"
    SATELLITE = "satellite"
    RESOLUTION = "resolution"
    PROVISION = "provision"
    SCENARIO = "scenario"
    EVENT = "event"
    ORGANISATION = "organisation"
    SITE = "site"
    SOURCE = "source"
    NOTE = "note"
    LOCAL_RECORD = "local_record"  # the analyst's own events and launch attempts


class LinkRelation(StrEnum):
    """How a launch attempt relates to a Security Council act or provision."""

    RESPONDED_TO = "responded_to"
    BEARS_ON = "bears_on"


class LinkTarget(StrEnum):
    RESOLUTION = "resolution"
    PROVISION = "provision"
    COUNCIL_STATEMENT = "council_statement"
    COUNCIL_MEETING = "council_meeting"


class ScenarioRelation(StrEnum):
    """How a linked record bears on whether a form of cooperation is lawful (strongest first):
    a provision that prohibits or restricts it, or exempts part of it; one whose bearing is
    arguable; an event that shows the conduct a provision prohibits; a public counter-argument
    (a claim), which argues it."""

    PROHIBITS = "prohibits"
    RESTRICTS = "restricts"
    EXEMPTS = "exempts"
    ARGUABLE = "arguable"


class ScenarioTarget(StrEnum):
    PROVISION = "provision"
    EVENT = "event"  # any timeline record: an event or a launch attempt
    CLAIM = "claim"  # a public counter-argument, with its claimant and sources


class MapKind(StrEnum):
    """What a map feature is: launch sites come from the sites themselves; the rest are drawn
    from ``data/map_features.csv``."""

    SITE = "site"
    DANGER_ZONE = "danger_zone"
    TRACK = "track"
    DEBRIS = "debris"
    MEETING = "meeting"


class OrganisationKind(StrEnum):
    SPACE_AGENCY = "space_agency"
    MILITARY = "military"
    GOVERNMENT = "government"
    MEDIA = "media"
    MANUFACTURER = "manufacturer"
    INTERNATIONAL = "international"
    RESEARCH = "research"


def values_of(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


LABELS: dict[str, str] = {
    "satellite_launch": "Satellite launches",
    "space_programme": "Space programme",
    "missile_test": "Missile tests",
    "nuclear_test": "Nuclear tests",
    "diplomacy": "Diplomacy",
    "military_cooperation": "Military cooperation",
    "sanctions": "Sanctions",
    "response": "Responses",
    "assessment": "Assessments",
    "period": "Periods",
    "launch_vehicle": "Launch vehicle",
    "satellite": "Satellite",
    "in_force": "In force",
    "lapsed": "Lapsed",
    "superseded": "Superseded",
}


def label(value: str) -> str:
    """A human label for a vocabulary value (``in_force`` -> ``In force``)."""
    return LABELS.get(value, value.replace("_", " ").capitalize())
