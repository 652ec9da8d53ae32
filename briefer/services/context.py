"""Every service the app needs, built once over one reference and one user database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefer.services.comparison import ComparisonService
from briefer.services.dataset import DatasetSummary, summarize
from briefer.services.detail import DetailService
from briefer.services.launches import LaunchService
from briefer.services.sanctions import SanctionsService
from briefer.services.settings import SettingsService
from briefer.services.timeline import TimelineService
from briefer.store.reference import ReferenceStore
from briefer.store.user_db import UserStore


@dataclass(frozen=True)
class ServiceContext:
    reference: ReferenceStore
    user: UserStore
    dataset: DatasetSummary
    launches: LaunchService
    timeline: TimelineService
    comparison: ComparisonService
    sanctions: SanctionsService
    detail: DetailService
    settings: SettingsService

    def dataset_with_counts(self) -> DatasetSummary:
        """The dataset summary with row counts per public view (a few queries; on demand)."""
        return summarize(self.reference)

    def publishers(self) -> list[str]:
        """Publishers of the dataset's sources, most cited first."""
        counts: dict[str, int] = {}
        for source in self.reference.sources():
            counts[source.publisher] = counts.get(source.publisher, 0) + 1
        return sorted(counts, key=lambda name: (-counts[name], name))

    def close(self) -> None:
        self.reference.close()
        self.user.close()


def open_services(reference_path: Path, user_path: Path) -> ServiceContext:
    """Open both databases; raises ``StoreError`` with a user-facing message on failure."""
    reference = ReferenceStore(reference_path)
    launches = LaunchService(reference)
    try:
        user = UserStore(user_path)
    except Exception:
        reference.close()
        raise
    return ServiceContext(
        reference=reference,
        user=user,
        dataset=summarize(reference, with_counts=False),
        launches=launches,
        timeline=TimelineService(reference),
        comparison=ComparisonService(reference, launches),
        sanctions=SanctionsService(reference),
        detail=DetailService(reference),
        settings=SettingsService(user),
    )
