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
