"""Installing a signed data pack and going back: what the command line and the window share."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefer import paths


@dataclass(frozen=True)
class UpdateOutcome:
    version: str
    replaced: str  # the dataset in use before

    @property
    def sentence(self) -> str:
        return (
            f"Installed dataset {self.version} (was {self.replaced or 'unknown'}). Briefer reads "
            "it from its next start; 'Return to the previous dataset' undoes it."
        )


def install_pack(pack: Path, allow_older: bool = False) -> UpdateOutcome:
    """Verify ``pack`` against the trusted keys and install it.

    Raises:
        PackError: untrusted, altered, too new a schema, not newer than the dataset in use
            (without ``allow_older``) or not writable; nothing changed then.
    """
    from briefer.store.data_packs import verify_pack
    from briefer.store.dataset_choice import dataset_version_of, reference_for_reading
    from briefer.store.installed_data import install
    from briefer.store.pack_keys import trusted_keys

    verified = verify_pack(pack, trusted_keys(paths.trusted_key_dirs()))
    in_use = dataset_version_of(reference_for_reading())
    bundled = dataset_version_of(paths.bundled_db_path())
    entry = install(verified, paths.user_data_dir(), in_use, allow_older, bundled_version=bundled)
    return UpdateOutcome(entry.version, in_use)


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

    back = rollback(paths.user_data_dir())
    now = dataset_version_of(reference_for_reading())
    where = f"the installed dataset {back.version}" if back else "the bundled dataset"
    return f"Briefer reads {where} ({now}) from its next start."
