"""The one factory of services: the command line builds `ReferenceServices`, the window a
`ServiceContext` over the reference and the user database.

Services are made on first use: start-up only pays for what the first window shows, and the
comparison, sanctions and detail modules load when the analyst first reaches them.
"""

from __future__ import annotations

import sys
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.domain.vocabulary import SubjectKind
from briefer.services.dataset import DatasetSummary, summarize
from briefer.services.settings import SettingsService
from briefer.services.timeline import TimelineService
from briefer.store.reference import ReferenceStore
from briefer.store.user_db import UserDatabaseFault, UserStore
from briefer.store.user_safety import open_user_store

if TYPE_CHECKING:
    from briefer.services.briefing import BriefingComposer
    from briefer.services.comparison import ComparisonService
    from briefer.services.dataset_changes import WhatsNew
    from briefer.services.detail import DetailService
    from briefer.services.launches import LaunchService
    from briefer.services.local_records import LocalMatch, LocalRecordsService
    from briefer.services.notes import NotesService
    from briefer.services.sanctions import SanctionsService
    from briefer.services.saved_briefings import SavedBriefingsService
    from briefer.services.scenarios import ScenariosService
    from briefer.services.search import SearchService
    from briefer.store.backups import Backup


class ReferenceServices:
    """The services that need only the reference database: what the command line uses."""

    def __init__(self, reference: ReferenceStore) -> None:
        self.reference = reference

    @cached_property
    def launches(self) -> LaunchService:
        from briefer.services.launches import LaunchService

        return LaunchService(self.reference)

    @cached_property
    def timeline(self) -> TimelineService:
        return TimelineService(self.reference)

    @cached_property
    def comparison(self) -> ComparisonService:
        from briefer.services.comparison import ComparisonService

        return ComparisonService(self.reference, self.launches)

    @cached_property
    def sanctions(self) -> SanctionsService:
        from briefer.services.sanctions import SanctionsService

        return SanctionsService(self.reference)

    @cached_property
    def scenarios(self) -> ScenariosService:
        from briefer.services.scenarios import ScenariosService

        return ScenariosService(self.reference)

    @cached_property
    def briefing(self) -> BriefingComposer:
        from briefer.services.briefing import BriefingComposer

        return BriefingComposer(self.reference, self.launches, self.comparison, self.sanctions)

    @cached_property
    def detail(self) -> DetailService:
        from briefer.services.detail import DetailService

        return DetailService(self.reference)

    def close(self) -> None:
        self.reference.close()


class ServiceContext(ReferenceServices):
    """Every service the window needs: the reference services and the analyst's own data.

    The analyst's own records join the dataset's wherever records show: the timeline, search,
    the detail pane and the briefing's timeline.
    """

    def __init__(
        self, reference: ReferenceStore, user: UserStore, user_notice: str | None = None
    ) -> None:
        super().__init__(reference)
        self.user = user
        self.user_notice = user_notice
        self.dataset: DatasetSummary = summarize(reference, with_counts=False)
        self.settings = SettingsService(user)

    @cached_property
    def notes(self) -> NotesService:
        from briefer.services.notes import NotesService

        return NotesService(self.user, self.reference)

    @cached_property
    def local_records(self) -> LocalRecordsService:
        """The analyst's own events and launch attempts (File > New event…)."""
        from briefer.services.local_records import LocalRecordsService

        return LocalRecordsService(self.user, self.reference)

    @cached_property
    def timeline(self) -> TimelineService:
        return TimelineService(self.reference, self.local_records)

    @cached_property
    def detail(self) -> DetailService:
        from briefer.services.detail import DetailService

        return DetailService(self.reference, self.local_records)

    @cached_property
    def briefing(self) -> BriefingComposer:
        from briefer.services.briefing import BriefingComposer

        return BriefingComposer(
            self.reference, self.launches, self.comparison, self.sanctions, local=self.local_records
        )

    @cached_property
    def saved_briefings(self) -> SavedBriefingsService:
        """Every briefing exported from the window, to reopen and reissue (File > Briefings…)."""
        from briefer.services.saved_briefings import SavedBriefingsService

        return SavedBriefingsService(self.user, self.briefing)

    @cached_property
    def search(self) -> SearchService:
        from briefer.services.search import SearchService

        return SearchService(self.reference.search_index(), self.notes, self.local_records)

    def local_matches(self) -> list[LocalMatch]:
        """The analyst's records that the dataset in use may now cover (after an update), each
        with its candidates, for the window to offer retiring them."""
        return self.local_records.matches(self.reference)

    def starting_comparison(self) -> tuple[str, list[str]]:
        """The launch vehicles the Comparison tab opens on (the analyst's saved choice)."""
        kind = SubjectKind.LAUNCH_VEHICLE
        return kind, self.comparison.starting_selection(kind, self.settings.comparison(kind))

    def back_up_user_data(self) -> str:
        """A dated copy of the user database when the notes changed since the last one; the
        five newest are kept (run at start-up). Returns what happened, in a sentence."""
        if not self.user.writable:
            return "Notes are read-only; no backup was made"
        from briefer.store.backups import back_up, backup_folder

        try:
            made = back_up(self.user, backup_folder(self.user.path))
        except UserDatabaseFault as error:
            print(f"briefer: warning: {error}", file=sys.stderr)
            return f"Backup failed: {error}"
        return f"Notes backed up to {made}" if made else "Notes unchanged since the last backup"

    def backups(self) -> list[Backup]:
        """The notes backups, newest first."""
        from briefer.store.backups import backup_folder, list_backups

        return list_backups(backup_folder(self.user.path))

    def restore_notes(self, backup: Path) -> str:
        """Replace the notes with ``backup`` after backing up the current state.

        Raises:
            UserDatabaseFault: nothing was replaced; the message says why.
        """
        from briefer.store.backups import backup_folder, restore

        saved = restore(self.user, backup, backup_folder(self.user.path))
        return f"Notes restored from {backup.name}; the notes they replaced are in {saved}"

    def dataset_with_counts(self) -> DatasetSummary:
        """The dataset summary with row counts per public view (a few queries; on demand)."""
        return summarize(self.reference)

    def previous_dataset(self) -> str:
        """The version of the dataset the one in use replaced ('' when none is installed)."""
        from briefer import paths
        from briefer.store.dataset_choice import dataset_version_of, predecessor

        before = predecessor(self.reference.path, paths.user_data_dir(), paths.bundled_db_path())
        return dataset_version_of(before) if before is not None else ""

    @cached_property
    def whats_new(self) -> WhatsNew:
        """What the dataset in use changed from the one it replaced (read on first use).

        Raises:
            StoreError: the earlier dataset cannot be read.
        """
        from briefer import paths
        from briefer.services.dataset_changes import whats_new
        from briefer.store.dataset_choice import predecessor

        before = predecessor(self.reference.path, paths.user_data_dir(), paths.bundled_db_path())
        return whats_new(self.reference.path, before)

    def publishers(self) -> list[str]:
        """Publishers of the dataset's sources, most cited first."""
        counts: dict[str, int] = {}
        for source in self.reference.sources():
            counts[source.publisher] = counts.get(source.publisher, 0) + 1
        return sorted(counts, key=lambda name: (-counts[name], name))

    def close(self) -> None:
        super().close()
        self.user.close()


def open_services(reference_path: Path, user_path: Path) -> ServiceContext:
    """Open both databases; raises ``StoreError`` with a user-facing message on failure."""
    reference = ReferenceStore(reference_path)
    try:
        opened = open_user_store(user_path)
    except Exception:
        reference.close()
        raise
    return ServiceContext(reference, opened.store, opened.notice)
