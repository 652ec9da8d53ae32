"""Text typed on records that is not stored yet: kept per record until a save succeeds.

The editor hands every save through here, so text always stays with the record it was written
for, even when the analyst moves on while the disk is full or the database is locked.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass

from briefer.domain.records import EntityRef
from briefer.services.notes import NotesService
from briefer.store.notes import NoteSaveError, SaveResult


@dataclass(frozen=True)
class PendingDraft:
    ref: EntityRef
    body: str
    tags: tuple[str, ...]
    base_version: int | None
    reason: str


class NoteDrafts:
    def __init__(self, service: NotesService) -> None:
        self._service = service
        self._pending: dict[EntityRef, PendingDraft] = {}

    def save(
        self,
        ref: EntityRef,
        body: str,
        tags: tuple[str, ...],
        base_version: int | None,
        amend: bool = False,
    ) -> SaveResult:
        """Store the text, or keep it here and re-raise ``NoteSaveError``."""
        try:
            result = self._service.save_draft(ref, body, tags, base_version, amend)
        except NoteSaveError as error:
            self._pending[ref] = PendingDraft(ref, body, tags, base_version, str(error))
            raise
        self._pending.pop(ref, None)
        return result

    def pending(self, ref: EntityRef) -> PendingDraft | None:
        return self._pending.get(ref)

    def all_pending(self) -> list[PendingDraft]:
        return list(self._pending.values())

    def retry(self, skip: EntityRef | None = None) -> list[PendingDraft]:
        """Try every kept text again (but ``skip``'s, which the editor saves itself); returns
        those still not stored."""
        for draft in list(self._pending.values()):
            if draft.ref != skip:
                with suppress(NoteSaveError):
                    self.save(draft.ref, draft.body, draft.tags, draft.base_version)
        return self.all_pending()

    def discard(self) -> None:
        self._pending.clear()

    def as_text(self) -> str:
        """Every kept text, each under the record it belongs to (for the clipboard)."""
        return "\n\n".join(_as_text(draft) for draft in self._pending.values())


def _as_text(draft: PendingDraft) -> str:
    tags = f"\nTags: {', '.join(draft.tags)}" if draft.tags else ""
    return f"[{draft.ref.kind} {draft.ref.id}]\n{draft.body}{tags}"
