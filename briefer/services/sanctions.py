"""Security Council resolutions and the provisions that bear on space cooperation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefer.domain.records import Provision, Resolution
from briefer.domain.vocabulary import ProvisionStatus
from briefer.store.reference import ReferenceStore


@dataclass(frozen=True)
class ProvisionFilter:
    """Empty values mean no restriction."""

    topic: str = ""
    text: str = ""
    resolution: int | None = None
    in_force_only: bool = False

    def accepts(self, provision: Provision) -> bool:
        if self.topic and self.topic not in provision.topics:
            return False
        if self.resolution is not None and provision.resolution_number != self.resolution:
            return False
        if self.in_force_only and provision.status != ProvisionStatus.IN_FORCE:
            return False
        haystack = " ".join(
            (
                provision.resolution_symbol,
                provision.paragraph,
                provision.summary,
                provision.relevance,
            )
        ).casefold()
        return not self.text.strip() or self.text.strip().casefold() in haystack


@dataclass(frozen=True)
class TopicMatrix:
    """How many provisions each resolution has on each topic: how the regime tightened."""

    topics: tuple[str, ...]
    resolutions: tuple[Resolution, ...]
    cells: dict[tuple[str, int], tuple[str, ...]]

    def count(self, topic: str, number: int) -> int:
        return len(self.cells.get((topic, number), ()))


class SanctionsService:
    def __init__(self, store: ReferenceStore) -> None:
        self._store = store

    def provisions(self, wanted: ProvisionFilter | None = None) -> list[Provision]:
        provisions = self._store.provisions()
        return provisions if wanted is None else [p for p in provisions if wanted.accepts(p)]

    def resolutions(self) -> list[Resolution]:
        return self._store.resolutions()

    def topics(self, provisions: Sequence[Provision] | None = None) -> list[str]:
        rows = self._store.provisions() if provisions is None else provisions
        return sorted({topic for p in rows for topic in p.topics})

    def matrix(self) -> TopicMatrix:
        provisions = self._store.provisions()
        with_provisions = {p.resolution_number for p in provisions}
        resolutions = tuple(r for r in self.resolutions() if r.number in with_provisions)
        cells: dict[tuple[str, int], tuple[str, ...]] = {}
        for provision in provisions:
            for topic in provision.topics:
                key = (topic, provision.resolution_number)
                cells[key] = (*cells.get(key, ()), provision.id)
        return TopicMatrix(tuple(self.topics(provisions)), resolutions, cells)
