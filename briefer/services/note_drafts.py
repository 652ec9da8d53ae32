"""Text typed on records that is not stored yet: kept per record until a save succeeds.

The editor hands every save through here, so text always stays with the record it was written
for, even when the analyst moves on while the disk is full or the database is locked.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from briefer.domain.records import EntityRef
from briefer.files import write_atomically
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

    def retry(self, skip: EntityRef | None = None) -> list[SaveResult]:
        """Try every kept text again (but ``skip``'s, which the editor saves itself), each
        from the version it was edited from; returns what was stored now."""
        stored = []
        for draft in list(self._pending.values()):
            if draft.ref != skip:
                with suppress(NoteSaveError):
                    stored.append(self.save(draft.ref, draft.body, draft.tags, draft.base_version))
        return stored

    def discard(self) -> None:
        self._pending.clear()

    def write_recovery(self, folder: Path) -> Path | None:
        """Write every kept text to a dated file in ``folder`` (the process is being stopped
        and may be killed before anyone answers); None when nothing is kept or it failed."""
        if not self._pending:
            return None
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        path = folder / f"unsaved-notes-{stamp}.txt"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_atomically(path, self.as_text().encode("utf-8"), prefix=".unsaved-")
        except OSError:
            return None
        return path

    def as_text(self) -> str:
        """Every kept text, each under the record it belongs to (for the clipboard)."""
        return "\n\n".join(_as_text(draft) for draft in self._pending.values())


def _as_text(draft: PendingDraft) -> str:
    tags = f"\nTags: {', '.join(draft.tags)}" if draft.tags else ""
    return f"[{draft.ref.kind} {draft.ref.id}]\n{draft.body}{tags}"
