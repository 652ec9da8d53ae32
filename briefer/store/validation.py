"""``briefer data check``: every rule a dataset's source files must satisfy before a build."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from briefer.domain import dates
from briefer.domain.vocabulary import (
    Category,
    ClaimedOutcome,
    DatePrecision,
    EntityKind,
    LinkRelation,
    LinkTarget,
    OrganisationKind,
    Outcome,
    ProvisionStatus,
    ProvisionTopic,
    SubjectKind,
    values_of,
)
from briefer.store.source_files import SourceRow, SourceSet
from briefer.store.validation_map import check_map_features
from briefer.store.validation_rules import Checker, Problem
from briefer.store.validation_scenarios import check_scenarios
from briefer.store.validation_sources import (
    check_confirmed_rows_have_strong_sources,
    check_dataset,
    check_sources,
)

_ACTOR = re.compile(r"^([A-Z]{3}|UN)$")
_ATTRIBUTE = re.compile(r"^[a-z][a-z0-9_]*$")
_UNIT_SUFFIXES = {"_kg": "kg", "_t": "t", "_m": "m", "_km": "km", "_deg": "deg", "_s": "s"}
def _check_sites(checker: Checker) -> None:
    for row in checker.sources.table("sites.csv"):
        latitude = checker.check_number(row, "latitude")
        longitude = checker.check_number(row, "longitude")
        if latitude is not None and not -90 <= latitude <= 90:
            checker.report(row, f"latitude {latitude} is outside -90..90")
        if longitude is not None and not -180 <= longitude <= 180:
            checker.report(row, f"longitude {longitude} is outside -180..180")


def _check_subjects(checker: Checker) -> None:
    rows = checker.sources.table("subjects.csv")
    checker.check_enum(rows, "kind", values_of(SubjectKind))
    for row in rows:
        country = row.text("country")
        if country is not None and not _ACTOR.match(country):
            checker.report(row, f"country '{country}' is not an ISO 3166 alpha-3 code")


def _check_specs(checker: Checker) -> None:
    units: dict[str, tuple[str | None, int]] = {}
    for row in checker.sources.table("specs.csv"):
        checker.check_reference(row, "subject_id", set(checker.subject_kinds), "subject")
        attribute = row.text("attribute") or ""
        if attribute and not _ATTRIBUTE.match(attribute):
            checker.report(row, f"attribute '{attribute}' is not snake_case")
        _check_spec_unit(checker, row, attribute, units)
        _check_spec_values(checker, row)


def _check_spec_unit(
    checker: Checker, row: SourceRow, attribute: str, units: dict[str, tuple[str | None, int]]
) -> None:
    unit = row.text("unit")
    if attribute in units and units[attribute][0] != unit:
        first_unit, first_line = units[attribute]
        checker.report(
            row, f"unit '{unit}' for '{attribute}' differs from '{first_unit}' on line {first_line}"
        )
    units.setdefault(attribute, (unit, row.line))
    for suffix, expected in _UNIT_SUFFIXES.items():
        if attribute.endswith(suffix) and unit != expected:
            checker.report(row, f"attribute '{attribute}' implies unit '{expected}', not '{unit}'")


def _check_spec_values(checker: Checker, row: SourceRow) -> None:
    value = checker.check_number(row, "value")
    low = checker.check_number(row, "value_low")
    high = checker.check_number(row, "value_high")
    if low is not None and high is not None and low > high:
        checker.report(row, f"value_low {low} is above value_high {high}")
    if value is not None and low is not None and value < low:
        checker.report(row, f"value {value} is below value_low {low}")
    if value is not None and high is not None and value > high:
        checker.report(row, f"value {value} is above value_high {high}")


def _check_launches(checker: Checker) -> None:
    rows = checker.sources.table("launch_attempts.csv")
    checker.check_enum(rows, "outcome", values_of(Outcome))
    checker.check_enum(rows, "claimed_outcome", values_of(ClaimedOutcome))
    checker.check_enum(rows, "reached_orbit", ("0", "1"))
    for row in rows:
        checker.check_date(row, "date_utc", DatePrecision.DAY)
        checker.check_date(row, "date_local", DatePrecision.DAY)
        _check_launch_subjects(checker, row)
        _check_launch_times(checker, row)
        checker.check_number(row, "failure_time_s")
        if row.text("reached_orbit") == "1" and row.text("outcome") == Outcome.FAILURE:
            checker.report(row, "reached_orbit is 1 but the assessed outcome is failure")


def _check_launch_subjects(checker: Checker, row: SourceRow) -> None:
    checker.check_reference(row, "site_id", checker.site_ids, "site")
    for column, kind in (
        ("vehicle_id", SubjectKind.LAUNCH_VEHICLE),
        ("payload_id", SubjectKind.SATELLITE),
    ):
        value = row.text(column)
        if value is None:
            continue
        if value not in checker.subject_kinds:
            checker.report(row, f"{column} '{value}' is not a known subject")
        elif checker.subject_kinds[value] != kind:
            checker.report(
                row, f"{column} '{value}' is a {checker.subject_kinds[value]}, not a {kind}"
            )


def _check_launch_times(checker: Checker, row: SourceRow) -> None:
    date_utc, date_local = row.text("date_utc"), row.text("date_local")
    time_utc, offset = row.text("time_utc"), row.text("utc_offset")
    try:
        if time_utc and offset and date_utc:
            local = dates.local_datetime(date_utc, time_utc, offset)
            if date_local and local.date().isoformat() != date_local:
                checker.report(
                    row,
                    f"date_local {date_local} disagrees with {date_utc} {time_utc} "
                    f"UTC{offset} ({local:%Y-%m-%d})",
                )
            time_local = row.text("time_local")
            if time_local and dates.parse_time(time_local).strftime("%H:%M") != f"{local:%H:%M}":
                checker.report(
                    row,
                    f"time_local {time_local} disagrees with {time_utc} "
                    f"UTC{offset} ({local:%H:%M})",
                )
        elif date_utc and date_local and not dates.local_date_is_plausible(date_utc, date_local):
            checker.report(
                row, f"date_local {date_local} is more than a day from date_utc {date_utc}"
            )
    except ValueError as error:
        checker.report(row, str(error))


def _check_event_flights(checker: Checker, row: SourceRow, vehicles: set[str | None]) -> None:
    """A launch event names its vehicle and outcome together, so it counts in the record."""
    vehicle, outcome = row.text("vehicle_id"), row.text("outcome")
    if vehicle is not None and vehicle not in vehicles:
        checker.report(row, f"vehicle_id '{vehicle}' is not a known launch vehicle")
    if (vehicle is None) != (outcome is None):
        checker.report(row, "a launch event needs both vehicle_id and outcome")


def _check_events(checker: Checker) -> None:
    rows = checker.sources.table("events.csv")
    checker.check_enum(rows, "category", values_of(Category))
    checker.check_enum(rows, "date_precision", values_of(DatePrecision))
    checker.check_enum(rows, "outcome", values_of(Outcome))
    vehicles = {
        row.text("id")
        for row in checker.sources.table("subjects.csv")
        if row.text("kind") == SubjectKind.LAUNCH_VEHICLE
    }
    for row in rows:
        _check_event_flights(checker, row, vehicles)
        precision = row.text("date_precision")
        checker.check_date(row, "date_utc", precision)
        checker.check_date(row, "end_date_utc")
        start, end = row.text("date_utc"), row.text("end_date_utc")
        first, last = _safe_date(start or ""), _safe_date(end or "")
        if first is not None and last is not None and last < first:
            checker.report(row, f"end_date_utc {end} is before date_utc {start}")
        for actor in row.items("actors"):
            if not _ACTOR.match(actor):
                checker.report(row, f"actor '{actor}' is not an ISO 3166 alpha-3 code or UN")


def _check_sanctions(checker: Checker) -> None:
    dated = {
        row.text("id"): row.text("date_utc")
        for file in ("launch_attempts.csv", "events.csv")
        for row in checker.sources.table(file)
    }
    for row in checker.sources.table("resolutions.csv"):
        checker.check_number(row, "number")
        checker.check_date(row, "adopted")
        for trigger in row.items("triggered_by"):
            if trigger not in dated:
                checker.report(row, f"triggered_by '{trigger}' is not a launch attempt or event")
            elif (dated[trigger] or "") > (row.text("adopted") or ""):
                checker.report(row, f"triggered_by '{trigger}' is dated after the adoption")
    rows = checker.sources.table("provisions.csv")
    checker.check_enum(rows, "status", values_of(ProvisionStatus))
    topics = values_of(ProvisionTopic)
    for row in rows:
        for topic in row.items("topics"):
            if topic not in topics:
                checker.report(row, f"topic '{topic}' is not one of {', '.join(topics)}")
        checker.check_reference(row, "resolution_number", checker.resolution_numbers, "resolution")
        checker.check_date(row, "status_since", DatePrecision.DAY)
        if row.text("status") != ProvisionStatus.IN_FORCE and not row.text("status_since"):
            checker.report(row, "a provision that is not in force needs status_since")


def _ids(checker: Checker, file: str, column: str = "id") -> set[str | None]:
    return {row.text(column) for row in checker.sources.table(file)}


def _claimable(checker: Checker) -> dict[str, set[str | None]]:
    """The ids a claim may point at, by the kind of record."""
    return {
        EntityKind.LAUNCH_ATTEMPT: _ids(checker, "launch_attempts.csv"),
        EntityKind.SUBJECT: set(checker.subject_kinds),
        EntityKind.EVENT: _ids(checker, "events.csv"),
        EntityKind.PROVISION: _ids(checker, "provisions.csv"),
        EntityKind.RESOLUTION: checker.resolution_numbers,
        EntityKind.SITE: checker.site_ids,
        EntityKind.ORGANISATION: _ids(checker, "organisations.csv"),
        EntityKind.SCENARIO: _ids(checker, "scenarios.csv"),
    }


def _check_organisations(checker: Checker) -> None:
    rows = checker.sources.table("organisations.csv")
    checker.check_enum(rows, "kind", values_of(OrganisationKind))
    for row in rows:
        for country in (row.text("country") or "").split(";"):
            if country and not _ACTOR.match(country):
                checker.report(row, f"country '{country}' is not an ISO 3166 alpha-3 code or UN")


def _check_claims(checker: Checker) -> None:
    rows = checker.sources.table("claims.csv")
    targets = _claimable(checker)
    checker.check_enum(rows, "subject_kind", tuple(targets))
    checker.check_enum(rows, "adopted", ("0", "1"))
    for row in rows:
        checker.check_date(row, "claim_date")
        known = targets.get(row.text("subject_kind") or "")
        if known is not None:
            checker.check_reference(row, "subject_id", known, row.text("subject_kind") or "")


def _check_launch_links(checker: Checker) -> None:
    rows = checker.sources.table("launch_links.csv")
    checker.check_enum(rows, "relation", values_of(LinkRelation))
    checker.check_enum(rows, "target_kind", values_of(LinkTarget))
    launch_dates = {
        r.text("id"): r.text("date_utc") for r in checker.sources.table("launch_attempts.csv")
    }
    adopted = _adoption_dates(checker)
    for row in rows:
        checker.check_reference(row, "launch_id", set(launch_dates), "launch attempt")
        kind, target = row.text("target_kind"), row.text("target_id")
        launched = launch_dates.get(row.text("launch_id"))
        if kind in (LinkTarget.RESOLUTION, LinkTarget.PROVISION):
            known = (
                checker.resolution_numbers
                if kind == LinkTarget.RESOLUTION
                else _ids(checker, "provisions.csv")
            )
            checker.check_reference(row, "target_id", known, kind)
            _check_link_order(checker, row, adopted.get((kind, target)), launched)
        elif not row.items("sources"):
            checker.report(row, f"a link to a {kind} needs its own sources")


def _adoption_dates(checker: Checker) -> dict[tuple[str, str | None], str | None]:
    by_number = {
        r.text("number"): r.text("adopted") for r in checker.sources.table("resolutions.csv")
    }
    dates_: dict[tuple[str, str | None], str | None] = {
        (LinkTarget.RESOLUTION, number): day for number, day in by_number.items()
    }
    for row in checker.sources.table("provisions.csv"):
        dates_[(LinkTarget.PROVISION, row.text("id"))] = by_number.get(
            row.text("resolution_number")
        )
    return dates_


def _check_link_order(
    checker: Checker, row: SourceRow, adopted: str | None, launched: str | None
) -> None:
    """A provision must predate the launch it bears on; a response must follow the launch."""
    if not adopted or not launched:
        return
    relation = row.text("relation")
    if relation == LinkRelation.BEARS_ON and adopted > launched:
        checker.report(
            row, f"{row.text('target_id')} was adopted {adopted}, after the launch on {launched}"
        )
    if relation == LinkRelation.RESPONDED_TO and adopted < launched:
        checker.report(
            row, f"{row.text('target_id')} was adopted {adopted}, before the launch on {launched}"
        )


def _safe_date(text: str) -> date | None:
    try:
        return dates.parse_partial_date(text)
    except ValueError:
        return None


_FILE_CHECKS: tuple[Callable[[Checker], None], ...] = (
    check_dataset,
    check_sources,
    check_confirmed_rows_have_strong_sources,
    _check_sites,
    _check_subjects,
    _check_specs,
    _check_launches,
    _check_events,
    _check_sanctions,
    _check_organisations,
    _check_claims,
    _check_launch_links,
    check_scenarios,
    check_map_features,
)


def check_source_set(sources: SourceSet) -> list[Problem]:
    """Every problem in the source set, sorted by file and line; empty when it is sound."""
    checker = Checker(sources)
    checker.check_generic()
    for check in _FILE_CHECKS:
        check(checker)
    return sorted(set(checker.problems))
