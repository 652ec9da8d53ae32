"""Saved briefings: every export kept with its recipe, reopened or re-exported on the dataset
in use, with the facts that changed since it was made."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace

from briefer.domain.briefing import Briefing
from briefer.domain.briefing_recipe import (
    BriefingRecipe,
    FactChange,
    SavedBriefing,
    changed_facts,
)
from briefer.domain.note_rules import utc_now
from briefer.services.briefing import BriefingComposer, BriefingError
from briefer.services.briefing_edits import apply_edits
from briefer.store.saved_briefings import SavedBriefingError, SavedBriefingStore
from briefer.store.user_db import UserStore


@dataclass(frozen=True)
class Reissue:
    """A saved briefing made again on the dataset in use: the page, and what changed."""

    saved: SavedBriefing
    briefing: Briefing
    changes: tuple[FactChange, ...]
    dataset_version: str  # the dataset in use

    @property
    def summary(self) -> str:
        """One sentence for the dialog's banner and the command line's warning."""
        made = f"Saved {self.saved.saved_utc[:10]} on dataset {self.saved.dataset_version}"
        if not self.changes:
            return f"{made}; none of its facts changed since."
        count = len(self.changes)
        return (
            f"{made}; {count} of its facts changed since "
            f"(dataset {self.dataset_version} in use): check them before reissuing."
        )


class SavedBriefingsService:
    """The briefings in the user database; a read-only user database lists them, but saving,
    duplicating and deleting then raise ``SavedBriefingError`` with the reason."""

    def __init__(
        self,
        user: UserStore,
        composer: BriefingComposer,
        clock: Callable[[], str] = utc_now,
    ) -> None:
        self._user = user
        self._store = SavedBriefingStore(user.connection)
        self._composer = composer
        self._clock = clock

    def _check_writable(self) -> None:
        if not self._user.writable:
            raise SavedBriefingError(f"briefings cannot be saved: {self._user.read_only_reason}")

    def save(self, recipe: BriefingRecipe, briefing: Briefing, exported_to: str) -> SavedBriefing:
        """Keep an exported briefing: its recipe, title, dataset and the facts it rested on."""
        self._check_writable()
        saved = SavedBriefing(
            id=uuid.uuid4().hex,
            title=briefing.title,
            template=recipe.request.template,
            saved_utc=self._clock(),
            dataset_version=briefing.dataset_version,
            page_size=recipe.request.page_size,
            recipe=recipe,
            facts=briefing.facts,
            exported_to=exported_to,
        )
        return self._store.add(saved)

    def all(self) -> list[SavedBriefing]:
        """Newest first."""
        return self._store.all()

    def get(self, wanted: str) -> SavedBriefing:
        """The briefing with id ``wanted`` or the one id starting with it (as 'git' accepts).

        Raises:
            BriefingError: no briefing, or more than one, has such an id.
        """
        exact = self._store.get(wanted)
        if exact is not None:
            return exact
        found = [b for b in self._store.all() if wanted and b.id.startswith(wanted.lower())]
        if len(found) == 1:
            return found[0]
        if not found:
            raise BriefingError(f"no saved briefing has the id '{wanted}'")
        raise BriefingError(f"{len(found)} saved briefings have ids starting '{wanted}'")

    def duplicate(self, briefing_id: str) -> SavedBriefing:
        """A copy, titled as a copy, to edit without touching the original."""
        self._check_writable()
        original = self.get(briefing_id)
        edits = replace(original.recipe.edits, title=f"{original.title} (copy)")
        copy = replace(
            original,
            id=uuid.uuid4().hex,
            title=f"{original.title} (copy)",
            saved_utc=self._clock(),
            recipe=replace(original.recipe, edits=edits),
        )
        return self._store.add(copy)

    def delete(self, briefing_id: str) -> None:
        self._check_writable()
        if not self._store.delete(self.get(briefing_id).id):
            raise BriefingError(f"no saved briefing has the id '{briefing_id}'")

    def reissue(self, saved: SavedBriefing) -> Reissue:
        """The briefing made again, dated today, on the dataset in use, with the edits and
        note lines it was saved with, and the facts that changed since.

        Raises:
            BriefingError: a record it names is no longer in the dataset.
        """
        request = replace(saved.recipe.request, date="")
        draft = self._composer.compose(request)
        briefing = apply_edits(draft, saved.recipe.edits)
        changes = tuple(changed_facts(saved.facts, draft.facts))
        return Reissue(saved, briefing, changes, draft.dataset_version)
