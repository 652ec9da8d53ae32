"""Launch attempts and the tallies derived from them (never typed into the data)."""

from __future__ import annotations

from dataclasses import dataclass

from briefer.domain.records import LaunchAttempt
from briefer.store.reference import ReferenceStore


@dataclass(frozen=True)
class LaunchTally:
    attempts: int
    reached_orbit: int
    claimed_success: int

    @property
    def sentence(self) -> str:
        return f"{self.reached_orbit} of {self.attempts} attempts reached orbit"


@dataclass(frozen=True)
class VehicleRecord:
    """A vehicle's flight record as computed from the dataset's launch rows."""

    vehicle_id: str
    attempts: int
    successes: int

    @property
    def success_rate(self) -> float:
        return self.successes / self.attempts if self.attempts else 0.0


class LaunchService:
    def __init__(self, store: ReferenceStore) -> None:
        self._store = store

    def attempts(self) -> list[LaunchAttempt]:
        return self._store.launch_attempts()

    def tally(self, attempts: list[LaunchAttempt] | None = None) -> LaunchTally:
        rows = self.attempts() if attempts is None else attempts
        return LaunchTally(
            attempts=len(rows),
            reached_orbit=sum(1 for row in rows if row.reached_orbit),
            claimed_success=sum(1 for row in rows if row.claimed_outcome == "success"),
        )

    def records_by_vehicle(self) -> dict[str, VehicleRecord]:
        """Attempts and successes per vehicle, counted from the launch rows and from the
        launch events of other countries' vehicles (never typed in)."""
        counts: dict[str, list[int]] = {}
        flights = [(a.vehicle_id or a.vehicle, a.outcome) for a in self.attempts()]
        for vehicle, outcome in flights + self._store.vehicle_flights():
            tally = counts.setdefault(vehicle, [0, 0])
            tally[0] += 1
            tally[1] += outcome == "success"
        return {vid: VehicleRecord(vid, attempts, wins) for vid, (attempts, wins) in counts.items()}
