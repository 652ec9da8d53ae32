"""Installing a signed data pack and going back: what the command line and the window share."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefer import paths


@dataclass(frozen=True)
class UpdateOutcome:
    version: str
    replaced: str  # the dataset in use before
    notes: str = ""  # what became of the notes on changed records, in a sentence

    @property
    def sentence(self) -> str:
        return " ".join(
            part
            for part in (
                f"Installed dataset {self.version} (was {self.replaced or 'unknown'}); "
                "'Return to the previous dataset' undoes it.",
                self.notes,
            )
            if part
        )


def install_pack(
    pack: Path, allow_older: bool = False, reading: Path | None = None
) -> UpdateOutcome:
    """Verify ``pack`` against the trusted keys and install it; mark the notes on records it
    changed. ``reading``: the database the caller reads (a window, or ``--db``); one named by
    ``--db`` stays in use, so no note is marked then.

    Raises:
        PackError: untrusted, altered, too new a schema, not newer than the dataset in use
            (without ``allow_older``) or not writable; nothing changed then.
    """
    from briefer.store.data_packs import verify_pack
    from briefer.store.dataset_choice import dataset_version_of, reference_for_reading
    from briefer.store.installed_data import install
    from briefer.store.pack_keys import trusted_keys

    verified = verify_pack(pack, trusted_keys(paths.trusted_key_dirs()))
    chosen = reference_for_reading()
    in_use = dataset_version_of(chosen)
    bundled = dataset_version_of(paths.bundled_db_path())
    entry = install(verified, paths.user_data_dir(), in_use, allow_older, bundled_version=bundled)
    if reading is not None and reading.resolve() != chosen.resolve():
        kept = f"This session reads {reading} (--db) and keeps reading it."
        return UpdateOutcome(entry.version, in_use, kept)
    return UpdateOutcome(entry.version, in_use, mark_notes(chosen, reference_for_reading()))


def mark_notes(before: Path, after: Path) -> str:
    """Mark the notes on records that changed from ``before`` to ``after`` ("record changed
    since your note"); a sentence saying how many, or why none could be marked."""
    from briefer.services.dataset_changes import whats_new
    from briefer.store.errors import StoreError
    from briefer.store.notes import NoteStore
    from briefer.store.user_db import UserStore

    if before.resolve() == after.resolve():
        return ""
    try:
        changes = whats_new(after, before)
        refs = [(str(ref.kind), ref.id) for ref in changes.changed_records()]
        user = UserStore(paths.user_db_path())
        try:
            marked = NoteStore(user.connection).mark_records_changed(refs, changes.version)
        finally:
            user.close()
    except StoreError as error:
        return f"Notes on changed records could not be marked: {error}."
    if not marked:
        return ""
    return f"{marked} note(s) are on records that changed; each is marked until it is edited."


def is_older_refusal(message: str) -> bool:
    """True for the refusal that ``allow_older`` would lift (the window asks about it)."""
    return "--allow-older" in message


def return_to_previous() -> str:
    """Use the dataset before the last update again; a sentence saying which.

    Raises:
        PackError: nothing was installed.
    """
    from briefer.store.dataset_choice import dataset_version_of, reference_for_reading
    from briefer.store.installed_data import rollback

    before = reference_for_reading()
    back = rollback(paths.user_data_dir())
    after = reference_for_reading()
    where = f"the installed dataset {back.version}" if back else "the bundled dataset"
    notes = mark_notes(before, after)
    return f"Briefer now reads {where} ({dataset_version_of(after)}). {notes}".strip()
