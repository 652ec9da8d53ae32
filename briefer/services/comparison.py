"""Capability comparison: subjects side by side, attribute by attribute, with derived figures.

Derived figures are computed here from the data, never typed: payload fraction from payload
and liftoff mass, flight records from the launch rows (or from a cited count where the dataset
holds no launch rows for a vehicle), years since first flight from the dataset's as-of date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from briefer.domain.records import Spec, Subject
from briefer.domain.vocabulary import SATELLITE_ORBIT, VEHICLE_SIZE_AND_LIFT, SubjectKind
from briefer.services import formatting
from briefer.services.attributes import attribute_label
from briefer.services.launches import LaunchService, VehicleRecord
from briefer.store.reference import ReferenceStore

MIN_SUBJECTS, MAX_SUBJECTS = 2, 6
DEFAULT_SELECTION: dict[str, tuple[str, ...]] = {
    SubjectKind.LAUNCH_VEHICLE: ("chollima-1", "unha-3", "soyuz-2-1b", "nuri"),
    SubjectKind.SATELLITE: ("malligyong-1", "rok-425-eoir-1", "persona-3", "kompsat-3a"),
}
ROWS: dict[str, tuple[str, ...]] = {
    SubjectKind.LAUNCH_VEHICLE: (
        *VEHICLE_SIZE_AND_LIFT,
        "payload_fraction_pct",
        "propellants",
        "first_flight_date",
        "years_since_first_flight",
        "launches",
        "successes",
        "success_rate_pct",
        "lineage",
    ),
    SubjectKind.SATELLITE: (
        *SATELLITE_ORBIT,
        "resolution_claimed_m",
        "resolution_assessed_m",
        "launch_date",
        "operator",
        "status",
        "lineage",
    ),
}
HIGHER_IS_BETTER = {"payload_leo_kg", "payload_sso_kg", "payload_fraction_pct", "success_rate_pct"}
LOWER_IS_BETTER = {"resolution_claimed_m", "resolution_assessed_m"}
DERIVED_LABELS = {
    "payload_fraction_pct": "Payload fraction (LEO / liftoff mass)",
    "years_since_first_flight": "Years since first flight",
    "launches": "Launches",
    "successes": "Successes",
    "success_rate_pct": "Success rate",
    "lineage": "Lineage",
    "operator": "Operator",
    "status": "Status",
    "launch_date": "Launch date",
}
UNITS = {"payload_fraction_pct": "%", "years_since_first_flight": "years", "success_rate_pct": "%"}


@dataclass(frozen=True)
class Cell:
    """One subject's value for one attribute: a number, a range, a text, or unknown."""

    value: float | None = None
    low: float | None = None
    high: float | None = None
    text: str | None = None
    unit: str | None = None
    confidence: str | None = None
    sources: tuple[str, ...] = ()
    note: str | None = None
    derivation: str | None = None

    @property
    def is_unknown(self) -> bool:
        return self.value is None and self.low is None and self.high is None and not self.text

    @property
    def midpoint(self) -> float | None:
        """The value, or the middle of the range where only a range is known."""
        if self.value is not None:
            return self.value
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return None

    def plain(self) -> str:
        """For spreadsheets: numbers without digit grouping, ranges as ``low-high``."""
        if self.value is not None:
            return formatting.number(self.value).replace(",", "")
        if self.low is not None or self.high is not None:
            low = "" if self.low is None else formatting.number(self.low).replace(",", "")
            high = "" if self.high is None else formatting.number(self.high).replace(",", "")
            return f"<={high}" if not low else f">={low}" if not high else f"{low}-{high}"
        return self.text or formatting.UNKNOWN

    def display(self, with_unit: bool = False) -> str:
        """``92``, ``78-80`` as a range, ``unknown``: units belong to the row unless asked for."""
        unit = self.unit if with_unit else None
        spec = Spec("", "", self.value, self.text, unit, self.low, self.high, "", (), None)
        return formatting.spec_value(spec)


@dataclass(frozen=True)
class ComparisonRow:
    attribute: str
    label: str
    unit: str | None
    cells: tuple[Cell, ...]
    best: tuple[int, ...] = ()
    numeric: bool = False

    @property
    def heading(self) -> str:
        """The row's name with its unit: ``Height (m)``, ``Success rate (%)``."""
        named = re.search(rf"\b{re.escape(self.unit or '')}\b", self.label.lower())
        if not self.unit or self.unit == "count" or named:
            return self.label
        return f"{self.label} ({self.unit})"


@dataclass(frozen=True)
class ComparisonMatrix:
    kind: str
    subjects: tuple[Subject, ...]
    rows: tuple[ComparisonRow, ...] = field(default_factory=tuple)

    def row(self, attribute: str) -> ComparisonRow:
        return next(row for row in self.rows if row.attribute == attribute)

    def as_delimited(self, separator: str) -> str:
        """The table as TSV or CSV text: units in the first column, ranges as ``low-high``."""

        def quote(text: str) -> str:
            needs = separator in text or '"' in text or "\n" in text
            return '"' + text.replace('"', '""') + '"' if needs else text

        header = ["Attribute", *(subject.name for subject in self.subjects)]
        lines = [separator.join(quote(cell) for cell in header)]
        for row in self.rows:
            values = [cell.plain() for cell in row.cells]
            lines.append(separator.join(quote(text) for text in [row.heading, *values]))
        return "\n".join(lines) + "\n"


def _spec_cell(spec: Spec | None) -> Cell:
    if spec is None or spec.is_unknown:
        return Cell(
            unit=spec.unit if spec else None,
            note=spec.note if spec else None,
            sources=spec.sources if spec else (),
            confidence=spec.confidence if spec else None,
        )
    return Cell(
        spec.value,
        spec.value_low,
        spec.value_high,
        spec.value_text,
        spec.unit,
        spec.confidence,
        spec.sources,
        spec.note,
    )


def _bounds(cell: Cell) -> tuple[float, float] | None:
    if cell.value is not None:
        return cell.value, cell.value
    if cell.low is not None and cell.high is not None:
        return cell.low, cell.high
    return None


def payload_fraction(payload: Cell, liftoff: Cell) -> Cell:
    """Payload to LEO over liftoff mass, in percent; a range where either input is a range."""
    kg, tonnes = _bounds(payload), _bounds(liftoff)
    if kg is None or tonnes is None or min(tonnes) <= 0:
        return Cell(unit="%", derivation="payload to LEO / liftoff mass (an input is unknown)")
    low, high = kg[0] / (tonnes[1] * 1000) * 100, kg[1] / (tonnes[0] * 1000) * 100
    exact = payload.value is not None and liftoff.value is not None
    return Cell(
        value=round(low, 2) if exact else None,
        low=None if exact else round(low, 2),
        high=None if exact else round(high, 2),
        unit="%",
        confidence=_weakest(payload.confidence, liftoff.confidence),
        sources=tuple(dict.fromkeys(payload.sources + liftoff.sources)),
        derivation="payload to LEO / liftoff mass",
    )


def _weakest(*levels: str | None) -> str | None:
    order = ("unverified", "likely", "confirmed")
    known = [level for level in levels if level in order]
    return min(known, key=order.index) if known else None


class ComparisonService:
    """Aligned attribute rows for chosen subjects, plus the defaults the panel starts with."""

    def __init__(self, store: ReferenceStore, launches: LaunchService) -> None:
        self._store = store
        self._launches = launches

    def subjects(self, kind: str) -> list[Subject]:
        return self._store.subjects(kind)

    def default_selection(self, kind: str) -> list[str]:
        known = {subject.id for subject in self.subjects(kind)}
        chosen = [i for i in DEFAULT_SELECTION.get(kind, ()) if i in known]
        return chosen or [subject.id for subject in self.subjects(kind)[:MIN_SUBJECTS]]

    def starting_selection(self, kind: str, saved: Sequence[str]) -> list[str]:
        """The analyst's saved comparison, as far as its systems still exist, else the
        defaults: what the panel opens with and what a briefing compares before it opens."""
        known = {subject.id for subject in self.subjects(kind)}
        chosen = list(dict.fromkeys(i for i in saved if i in known))[:MAX_SUBJECTS]
        return chosen or self.default_selection(kind)

    def matrix(self, kind: str, subject_ids: Sequence[str]) -> ComparisonMatrix:
        """Rows of attributes aligned across the chosen subjects, in the order asked for."""
        by_id = {subject.id: subject for subject in self.subjects(kind)}
        subjects = tuple(by_id[i] for i in subject_ids if i in by_id)
        specs = {s.id: {spec.attribute: spec for spec in self._store.specs(s.id)} for s in subjects}
        records = self._launches.records_by_vehicle()
        as_of = date.fromisoformat(self._store.dataset_info().as_of)
        rows = []
        for attribute in ROWS[kind]:
            cells = tuple(self._cell(attribute, s, specs[s.id], records, as_of) for s in subjects)
            rows.append(_row(attribute, cells))
        return ComparisonMatrix(kind, subjects, tuple(rows))

    def _launches_carrying(self, subject: Subject) -> Cell:
        """A satellite's launch date(s), from the launch attempts that carried it."""
        attempts = [a for a in self._launches.attempts() if a.payload_id == subject.id]
        if not attempts:
            return Cell()
        return Cell(
            text=", ".join(f"{a.date_utc} ({a.outcome})" for a in attempts),
            confidence=_weakest(*(a.confidence for a in attempts)),
            sources=tuple(dict.fromkeys(s for a in attempts for s in a.sources)),
            derivation="from the dataset's launch attempts",
        )

    def _cell(
        self,
        attribute: str,
        subject: Subject,
        specs: dict[str, Spec],
        records: dict[str, VehicleRecord],
        as_of: date,
    ) -> Cell:
        if attribute == "payload_fraction_pct":
            return payload_fraction(
                _spec_cell(specs.get("payload_leo_kg")), _spec_cell(specs.get("liftoff_mass_t"))
            )
        if attribute == "years_since_first_flight":
            return _years_since(specs.get("first_flight_date"), as_of)
        if attribute in ("launches", "successes", "success_rate_pct"):
            return _flight_record(attribute, subject, specs, records)
        if attribute == "lineage":
            text = "; ".join(p for p in (subject.family, subject.derived_from) if p)
            return Cell(text=text or None, confidence=subject.confidence, sources=subject.sources)
        if attribute == "launch_date" and "launch_date" not in specs:
            return self._launches_carrying(subject)
        if attribute in ("operator", "status"):
            value = getattr(subject, attribute)
            return Cell(text=value, confidence=subject.confidence, sources=subject.sources)
        return _spec_cell(specs.get(attribute))


def _row(attribute: str, cells: tuple[Cell, ...]) -> ComparisonRow:
    units = [cell.unit for cell in cells if cell.unit]
    unit = UNITS.get(attribute) or (units[0] if units else None)
    numeric = any(cell.midpoint is not None for cell in cells)
    label = DERIVED_LABELS.get(attribute) or attribute_label(attribute)
    return ComparisonRow(attribute, label, unit, cells, _best(attribute, cells), numeric)


def _best(attribute: str, cells: tuple[Cell, ...]) -> tuple[int, ...]:
    """Indexes of the best known value where 'best' means something (payload, resolution...)."""
    if attribute not in HIGHER_IS_BETTER | LOWER_IS_BETTER:
        return ()
    known = [(i, cell.midpoint) for i, cell in enumerate(cells) if cell.midpoint is not None]
    if len(known) < 2:
        return ()
    pick = max if attribute in HIGHER_IS_BETTER else min
    target = pick(value for _, value in known)
    return tuple(i for i, value in known if value == target)


def _years_since(first_flight: Spec | None, as_of: date) -> Cell:
    if first_flight is None or not first_flight.value_text:
        return Cell(unit="years", derivation="as-of date minus first flight (first flight unknown)")
    try:
        flown = date.fromisoformat(first_flight.value_text[:10])
    except ValueError:
        return Cell(unit="years", note=f"first flight given as {first_flight.value_text!r}")
    return Cell(
        value=round((as_of - flown).days / 365.25, 1),
        unit="years",
        confidence=first_flight.confidence,
        sources=first_flight.sources,
        derivation=f"{as_of.isoformat()} (as of) minus first flight {flown.isoformat()}",
    )


def _flight_record(
    attribute: str, subject: Subject, specs: dict[str, Spec], records: dict[str, VehicleRecord]
) -> Cell:
    record = records.get(subject.id)
    if record is not None:
        counted = {
            "launches": Cell(value=float(record.attempts), unit="count"),
            "successes": Cell(value=float(record.successes), unit="count"),
            "success_rate_pct": Cell(value=round(record.success_rate * 100, 1), unit="%"),
        }[attribute]
        return replace(
            counted, confidence="confirmed", derivation="counted from the dataset's launch attempts"
        )
    return _cited_record(attribute, specs)


def _cited_record(attribute: str, specs: dict[str, Spec]) -> Cell:
    """A comparator's flight record, from cited counts (the dataset holds no such launch rows)."""
    launches, failures = specs.get("launches_count"), specs.get("launch_failures_count")
    if launches is None or launches.value is None:
        return Cell(unit="%" if attribute == "success_rate_pct" else "count")
    sources = launches.sources + (failures.sources if failures else ())
    note = launches.note
    if attribute == "launches":
        return Cell(
            value=launches.value,
            unit="count",
            confidence=launches.confidence,
            sources=launches.sources,
            note=note,
            derivation="cited count",
        )
    if failures is None or failures.value is None:
        return Cell(unit="%" if attribute == "success_rate_pct" else "count")
    successes = launches.value - failures.value
    confidence = _weakest(launches.confidence, failures.confidence)
    if attribute == "successes":
        return Cell(
            value=successes,
            unit="count",
            confidence=confidence,
            sources=sources,
            note=note,
            derivation="cited launches minus cited failures",
        )
    return Cell(
        value=round(successes / launches.value * 100, 1),
        unit="%",
        confidence=confidence,
        sources=sources,
        note=note,
        derivation="cited launches and failures",
    )
