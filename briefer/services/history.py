"""Back and forward through what the analyst looked at, as a web browser does."""

from __future__ import annotations

from dataclasses import dataclass

from briefer.domain.records import EntityRef

MAX_ENTRIES = 200


@dataclass(frozen=True)
class Visit:
    """A record and the panel it was looked at in (the panel's name, e.g. ``"timeline"``)."""

    ref: EntityRef
    panel: str


class NavigationHistory:
    """Visits in order with a cursor. Visiting after going back drops the forward visits;
    visiting the record already current only updates its panel."""

    def __init__(self, limit: int = MAX_ENTRIES) -> None:
        self._visits: list[Visit] = []
        self._position = -1
        self._limit = limit

    @property
    def current(self) -> Visit | None:
        return self._visits[self._position] if self._visits else None

    @property
    def can_go_back(self) -> bool:
        return self._position > 0

    @property
    def can_go_forward(self) -> bool:
        return self._position < len(self._visits) - 1

    def visit(self, visit: Visit) -> None:
        current = self.current
        if current is not None and current.ref == visit.ref:
            self._visits[self._position] = visit
            return
        del self._visits[self._position + 1 :]
        self._visits.append(visit)
        if len(self._visits) > self._limit:
            del self._visits[0]
        self._position = len(self._visits) - 1

    def back(self) -> Visit | None:
        if not self.can_go_back:
            return None
        self._position -= 1
        return self._visits[self._position]

    def forward(self) -> Visit | None:
        if not self.can_go_forward:
            return None
        self._position += 1
        return self._visits[self._position]
