"""Security Council resolutions and the provisions that bear on space cooperation."""

from __future__ import annotations

from briefer.domain.records import Provision, Resolution
from briefer.store.reference import ReferenceStore


class SanctionsService:
    def __init__(self, store: ReferenceStore) -> None:
        self._store = store

    def provisions(self) -> list[Provision]:
        return self._store.provisions()

    def resolutions(self) -> list[Resolution]:
        return self._store.resolutions()
