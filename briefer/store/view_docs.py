"""What each public view and each of its columns holds, in an analyst's words.

The one place these descriptions live: the Datasette metadata written by ``briefer data
publish`` reads them, and a test checks that every column of ``schema.PUBLIC_VIEWS`` has one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from briefer.domain.vocabulary import (
    Category,
    ClaimedOutcome,
    MapKind,
    Outcome,
    ProvisionTopic,
    ScenarioRelation,
    ScenarioTarget,
    SearchKind,
    SourceKind,
    SubjectKind,
    values_of,
)

# what the search finds in the user database (notes, the analyst's own records), never published
USER_DATABASE_KINDS = (SearchKind.NOTE, SearchKind.LOCAL_RECORD)


def one_of(enum: type[StrEnum], leave_out: tuple[str, ...] = ()) -> str:
    """``success, failure, partial or unknown``."""
    values = [value for value in values_of(enum) if value not in leave_out]
    return f"{', '.join(values[:-1])} or {values[-1]}"


@dataclass(frozen=True)
class ViewDoc:
    description: str
    columns: dict[str, str]


_SOURCES = (
    "The sources this record cites, in citation order: a JSON array of ids from the sources view."
)
_CONFIDENCE = (
    "confirmed (two or more independent reliable sources, or an authoritative primary record), "
    "likely (one reliable source, or sources that agree broadly but differ in detail) or "
    "unverified (a single weak or claimed source)."
)
_TOPICS = ", ".join(values_of(ProvisionTopic))
_ACTORS = "ISO 3166 alpha-3 country codes (PRK, RUS, KOR...) or UN"

LAUNCH_ATTEMPTS = ViewDoc(
    "Every DPRK orbital launch attempt since 1998, one row each. The independently assessed "
    "outcome and the DPRK's own claim are separate columns and may disagree.",
    {
        "id": "Launch id: prk- and the launch's DPRK local date (prk-2023-05-31 flew on 30 May "
        "UTC).",
        "date_utc": "Launch date in UTC, ISO 8601 (YYYY-MM-DD).",
        "time_utc": "Launch time in UTC, HH:MM or HH:MM:SS as precisely as the sources give it.",
        "date_local": "Launch date in Pyongyang (UTC+09:00; UTC+08:30 from 15 August 2015 to "
        "4 May 2018), ISO 8601.",
        "vehicle": "Name of the launch vehicle (its figures are in capability_specs).",
        "site": "Name of the launch site.",
        "payload": "Name of the satellite carried; empty when it is not known.",
        "outcome": f"Independent assessment of the result: {one_of(Outcome)}. Not the DPRK's "
        "claim, which is in claimed_outcome.",
        "claimed_outcome": f"What DPRK state media claimed: {one_of(ClaimedOutcome)} (no claim "
        "made). Compare with the assessed outcome.",
        "failure_stage": "The stage that failed (1, 2 or 3), as text; empty when the launch "
        "succeeded or the failing stage is not known.",
        "reached_orbit": "1 when an object reached orbit, 0 when none did.",
        "norad_id": "NORAD catalogue number of the object in orbit; empty when nothing was "
        "catalogued.",
        "cospar_id": "COSPAR international designator (e.g. 2012-072A); empty when nothing was "
        "catalogued.",
        "summary": "What happened, in Briefer's own words.",
        "sources": _SOURCES,
        "confidence": f"Confidence in the row: {_CONFIDENCE}",
    },
)

TIMELINE_EVENTS = ViewDoc(
    "Launch attempts, missile and nuclear tests, diplomacy, military cooperation, sanctions, "
    "responses, assessments and periods (mandates, tenures) on one UTC timeline, including "
    "the adoption of each Security Council resolution.",
    {
        "id": "Event id: a launch id (prk-...) for launch attempts, unsc-res-NUMBER for the "
        "adoption of a resolution, evt-... for every other event.",
        "date_utc": "Date in UTC, ISO 8601: YYYY-MM-DD, or YYYY-MM or YYYY when known only to "
        "the month or year (see date_precision); for a span, its start.",
        "date_precision": "How precisely date_utc is known: day, month or year.",
        "end_date_utc": "For a span (a period, tenure, mandate or several-day meeting), its "
        "last day in UTC, ISO 8601; empty for a single event.",
        "category": f"Kind of event, one timeline lane each: {one_of(Category)}.",
        "title": "Short title of the event.",
        "summary": "What happened, in Briefer's own words; may be empty.",
        "actors": f"Who acted: a JSON array of {_ACTORS}.",
        "sources": _SOURCES,
        "confidence": f"Confidence in the row: {_CONFIDENCE} A resolution's adoption is "
        "confirmed when its date is known to the day.",
    },
)

CAPABILITY_SPECS = ViewDoc(
    "Published figures for launch vehicles and satellites of the DPRK and of comparator "
    "countries, one row per system and attribute. A figure nobody has published is empty, "
    "never zero; where estimates differ the range is kept.",
    {
        "subject_id": "Id of the launch vehicle or satellite.",
        "subject_name": "Name of the launch vehicle or satellite.",
        "subject_kind": f"{one_of(SubjectKind)}.",
        "country": "Country of the system, as an ISO 3166 alpha-3 code.",
        "attribute": "What is measured, in snake_case; numeric attributes end with their unit "
        "(payload_leo_kg, height_m, perigee_km); others (propellants, first_flight_date) are "
        "text.",
        "value": "The figure, in unit; empty when only a range or a text value is known, or "
        "when no figure has been published.",
        "value_text": "The value when it is not a number (a date as ISO 8601, a description); "
        "otherwise empty.",
        "unit": "Unit of value, value_low and value_high (m, t, kg, km, deg, count); empty for "
        "text values.",
        "value_low": "Lower bound where estimates differ; empty otherwise.",
        "value_high": "Upper bound where estimates differ; empty otherwise.",
        "confidence": f"Confidence in the figure: {_CONFIDENCE}",
        "sources": _SOURCES,
        "note": "How the figure was arrived at: which source gives which bound, and caveats.",
    },
)

SANCTIONS_PROVISIONS = ViewDoc(
    "Operative paragraphs of the UN Security Council resolutions on the DPRK that bear on "
    "launches, arms, technical cooperation, training and trade, paraphrased. Whether each is "
    "still in force is answered by the canned query 'Provisions in force by topic'.",
    {
        "id": "Provision id: the resolution and paragraph (res2270-op17), or the resolution "
        "and subject when no source gives the paragraph number.",
        "resolution_number": "Number of the Security Council resolution (e.g. 2270).",
        "resolution_symbol": "Official symbol of the resolution, e.g. S/RES/2270 (2016).",
        "adopted": "Date the resolution was adopted, ISO 8601 (YYYY-MM-DD).",
        "paragraph": "Operative paragraph (OP17, OP8(a)(ii)); where no source gives its "
        "number, a short name of its subject and what is known of the number.",
        "topics": f"What the paragraph is about: a JSON array of {_TOPICS}.",
        "summary": "What the paragraph requires, in Briefer's own words (not the official text).",
        "relevance": "Why it matters for Russian help to the DPRK's space programme.",
        "sources": _SOURCES,
    },
)

SOURCES = ViewDoc(
    "Every public source the dataset cites: what it is, who published it, when, and where.",
    {
        "id": "Source id, as cited in the sources column of the other views.",
        "title": "Title of the item.",
        "publisher": "Who published it.",
        "url": "Where it was read; empty when it has no address.",
        "published": "Publication date, ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY as precisely as "
        "known; empty when undated.",
        "accessed": "The day the source was read, ISO 8601 (YYYY-MM-DD).",
        "kind": f"{one_of(SourceKind)}: official (UN, governments, state media, space "
        "agencies), analysis (think tanks, specialist trackers, academic), reference "
        "(encyclopaedias, databases), mirror (a copy of another publisher's item).",
    },
)

DATASET_INFO = ViewDoc(
    "What this dataset is: its versions, dates and checksum.",
    {
        "key": "Name of the setting: title, dataset_version, schema_version (of the public "
        "views), as_of (the date of the dataset), coverage_through (events checked against "
        "sources through this date) or content_sha256 (checksum of the source files it was "
        "built from).",
        "value": "Its value, as text; dates are ISO 8601.",
    },
)

COOPERATION_SCENARIOS = ViewDoc(
    "Forms of cooperation with the DPRK that analysts are asked about (launching its satellites, "
    "training its engineers, buying its munitions...), each mapped in scenario_links to the "
    "provisions it engages, the public counter-arguments and the events that show it.",
    {
        "id": "Scenario id (scn-...), as cited in scenario_links.scenario_id.",
        "title": "The form of cooperation, as an analyst would name it.",
        "summary": "What it covers, in Briefer's own words.",
        "sources": _SOURCES,
        "confidence": _CONFIDENCE,
    },
)

SCENARIO_LINKS = ViewDoc(
    "Why a form of cooperation would or would not breach the resolutions: one row per "
    "provision it engages, per public counter-argument (a claim) and per event that shows it.",
    {
        "scenario_id": "The scenario (cooperation_scenarios.id).",
        "target_kind": f"{one_of(ScenarioTarget)}: a provision (sanctions_provisions.id), an "
        "event or launch attempt (timeline_events.id), or a public counter-argument (a claim, "
        "with its claimant, date and sources).",
        "target_id": "The linked record's id in its own view.",
        "relation": f"{one_of(ScenarioRelation)}. For a provision: whether it prohibits the "
        "cooperation, restricts it (allowed with conditions or up to a cap), exempts part of it, "
        "or bears on it only arguably. For an event: the relation of the provision the event "
        "shows being engaged (usually prohibits). For a counter-argument: arguable.",
        "reasoning": "One sentence of reasoning, in Briefer's own words; for a provision it says "
        "how designations bear on it where they do.",
        "sources": _SOURCES,
        "confidence": "How sure the link is: " + _CONFIDENCE + " For an event, whether the "
        "conduct is confirmed or only alleged.",
    },
)

MAP_FEATURES = ViewDoc(
    "What the map draws: every launch site (from the sites), and for launches the danger zones "
    "the DPRK announced beforehand, flight paths and where stages or debris fell or were "
    "recovered, and the places of Russia-DPRK meetings. A meeting is drawn at the city's "
    "centre (or the spaceport), not at the venue.",
    {
        "id": "Feature id: site- and the site id for a launch site, map- for the others.",
        "kind": f"{one_of(MapKind)}.",
        "geometry": "GeoJSON (RFC 7946) Point, LineString or Polygon; coordinates are "
        "[longitude, latitude] in degrees (WGS 84); polygon rings are closed.",
        "launch_id": "The launch attempt it belongs to (launch_attempts.id); empty for sites "
        "and meetings.",
        "event_id": "The timeline event it belongs to (timeline_events.id), for a meeting.",
        "label": "What it is, as the map's legend and hover text say it.",
        "sources": _SOURCES,
        "confidence": _CONFIDENCE,
    },
)

VIEW_DOCS: dict[str, ViewDoc] = {
    "launch_attempts": LAUNCH_ATTEMPTS,
    "timeline_events": TIMELINE_EVENTS,
    "capability_specs": CAPABILITY_SPECS,
    "sanctions_provisions": SANCTIONS_PROVISIONS,
    "sources": SOURCES,
    "dataset_info": DATASET_INFO,
    "cooperation_scenarios": COOPERATION_SCENARIOS,
    "scenario_links": SCENARIO_LINKS,
    "map_features": MAP_FEATURES,
}

SEARCH_DOCS = ViewDoc(
    "Search every record at once: type words in the search box. One row per record of every "
    "kind, the same index the Briefer window searches.",
    {
        "doc": "Row number of the record in the full-text index (search_index).",
        "kind": f"Kind of record: {one_of(SearchKind, leave_out=USER_DATABASE_KINDS)}.",
        "entity_id": "The record's id in its own view (a launch id, provision id, resolution "
        "number, source id...).",
        "when_utc": "The date the record is listed under, ISO 8601 (a source's may give only the "
        "year or month); empty when it has none.",
        "title": "What the record is called.",
        "names": "Other names it is found by (native names, aliases, numbers), separated by ' · '.",
        "name_keys": "The names folded for exact look-up, one per line.",
    },
)
