"""What a comparison brief says first about launch vehicles: payload to orbit, success rate and
years of flight history, each compared across the systems with the sources of its figures, and
the compared systems' first flights for its timeline."""

from __future__ import annotations

from collections.abc import Iterable

from briefer.domain.briefing import FIRST_FLIGHT, Cited, TimelineMark
from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import EntityKind
from briefer.services.comparison import Cell, ComparisonMatrix, ComparisonRow


def vehicle_judgments(matrix: ComparisonMatrix) -> list[Cited]:
    lines = [_payload(matrix), _success_rate(matrix), _flight_history(matrix)]
    return [line for line in lines if line is not None]


def first_flights(matrix: ComparisonMatrix) -> list[TimelineMark]:
    """Each compared system's first flight where the data dates it to the day."""
    row = _row(matrix, "first_flight_date")
    if row is None:
        return []
    return [
        TimelineMark(
            cell.text,
            f"{subject.name} first flight",
            FIRST_FLIGHT,
            "none",
            ref=EntityRef(EntityKind.SUBJECT, subject.id),
        )
        for subject, cell in zip(matrix.subjects, row.cells, strict=True)
        if cell.text and len(cell.text) == 10
    ]


def _payload(matrix: ComparisonMatrix) -> Cited | None:
    row = _row(matrix, "payload_leo_kg")
    if row is None:
        return None
    known = _known(matrix, row.cells)
    known.sort(key=lambda pair: -(pair[1].midpoint or pair[1].high or 0.0))
    parts = [f"{name} {cell.display(with_unit=True)}" for name, cell in known]
    cited = [cell for _, cell in known]
    return _line("Payload to low Earth orbit", parts, _unknown(matrix, row.cells), cited)


def _success_rate(matrix: ComparisonMatrix) -> Cited | None:
    rates, launches, successes = (
        _row(matrix, name) for name in ("success_rate_pct", "launches", "successes")
    )
    if rates is None or launches is None or successes is None:
        return None
    names = [s.name for s in matrix.subjects]
    parts = []
    for name, cell in _known(matrix, rates.cells):
        position = names.index(name)
        tried, won = launches.cells[position].display(), successes.cells[position].display()
        counted = (cell, launches.cells[position], successes.cells[position])
        line = f"{name} {cell.display()} % ({won} of {tried})"
        parts.append((cell.midpoint or 0.0, line, _merged(counted)))
    parts.sort(key=lambda part: -part[0])
    texts, cited = [text for _, text, _ in parts], [cell for _, _, cell in parts]
    return _line("Success rate", texts, _unknown(matrix, rates.cells), cited)


def _flight_history(matrix: ComparisonMatrix) -> Cited | None:
    first, years = _row(matrix, "first_flight_date"), _row(matrix, "years_since_first_flight")
    if first is None or years is None:
        return None
    known = _known(matrix, first.cells)
    known.sort(key=lambda pair: pair[1].text or "")
    names = [s.name for s in matrix.subjects]
    parts = [
        f"{name} since {cell.text} ({years.cells[names.index(name)].display()} years)"
        for name, cell in known
    ]
    return _line("Flight history", parts, _unknown(matrix, first.cells), [c for _, c in known])


def _row(matrix: ComparisonMatrix, attribute: str) -> ComparisonRow | None:
    return next((row for row in matrix.rows if row.attribute == attribute), None)


def _known(matrix: ComparisonMatrix, cells: Iterable[Cell]) -> list[tuple[str, Cell]]:
    return [(s.name, c) for s, c in zip(matrix.subjects, cells, strict=True) if not c.is_unknown]


def _unknown(matrix: ComparisonMatrix, cells: Iterable[Cell]) -> list[str]:
    return [s.name for s, c in zip(matrix.subjects, cells, strict=True) if c.is_unknown]


def _merged(cells: Iterable[Cell]) -> Cell:
    """One cell holding the sources of several (a rate and the counts it comes from)."""
    return Cell(sources=tuple(dict.fromkeys(s for cell in cells for s in cell.sources)))


def _line(label: str, parts: list[str], unknown: list[str], cited: list[Cell]) -> Cited | None:
    """``cited``: one cell per system named, in the order the line names them; the line cites
    the first source of each (a system whose figure has none is cited by no one else's)."""
    if not parts:
        return None
    missing = f"; no public figure for {', '.join(unknown)}" if unknown else ""
    sources = tuple(dict.fromkeys(cell.sources[0] for cell in cited if cell.sources))
    return Cited(f"{label}: {'; '.join(parts)}{missing}.", sources, every_source=True)
