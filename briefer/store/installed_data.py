"""Datasets installed from signed packs, kept in the user data folder beside the notes.

Each install is a database file named after its version and hash, and ``datasets.json``
points at the one in use and the one before it. Installing writes and syncs the new file
first and only then replaces the pointer, so an install that is interrupted at any moment
leaves the previous dataset in use. A pack older than the dataset in use is refused unless
asked for: an old, validly signed pack must not roll the data back unnoticed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from briefer.files import write_atomically
from briefer.store.data_packs import DATABASE, PackError, VerifiedPack
from briefer.store.dataset_choice import (
    POINTER,
    Installed,
    datasets_dir,
    read_pointer,
    version_key,
)

_CHUNK = 1 << 20


def install(
    pack: VerifiedPack,
    user_dir: Path,
    in_use_version: str,
    allow_older: bool = False,
    bundled_version: str = "",
) -> Installed:
    """Install a verified pack and make it the dataset in use, keeping the one before.

    Raises:
        PackError: the pack is older than (or the same version as) the dataset in use and
            ``allow_older`` is not set, or it could not be written; nothing changed then.
    """
    version = pack.manifest.dataset_version
    if not allow_older and version_key(version) <= version_key(in_use_version):
        raise PackError(
            f"the pack holds dataset {version}, not newer than {in_use_version} in use; "
            "an older pack is installed only when asked for (--allow-older)"
        )
    folder = datasets_dir(user_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PackError(f"cannot install into {folder}: {error.strerror}") from error
    for stale in folder.glob(".install-*"):  # left by an install that was killed
        stale.unlink(missing_ok=True)
    name = f"{_safe(version)}-{pack.manifest.database_sha256[:12]}.db"
    _copy_database(pack, folder / name)
    current, _previous = read_pointer(user_dir)
    if current is not None and current.version != in_use_version:
        current = None  # newer bundled data was in use: rolling back returns to it
    entry = Installed(version, name, datetime.now(UTC).strftime("%Y-%m-%d"), bundled_version)
    _write_pointer(folder, entry, current)
    return entry


def rollback(user_dir: Path) -> Installed | None:
    """Use the dataset before the current one again (None: back to the bundled dataset).

    Raises:
        PackError: nothing was installed, so there is nothing to roll back.
    """
    current, previous = read_pointer(user_dir)
    if current is None:
        raise PackError("no installed dataset to roll back; the bundled one is in use")
    folder = datasets_dir(user_dir)
    if previous is None:
        (folder / POINTER).unlink()
        return None
    _write_pointer(folder, previous, None)
    return previous


def _safe(version: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", version)[:40] or "dataset"


def _copy_database(pack: VerifiedPack, target: Path) -> None:
    """Write the pack's database beside ``target``, check its hash, sync, then rename."""
    try:
        handle, temp_name = tempfile.mkstemp(prefix=".install-", suffix=".db", dir=target.parent)
    except OSError as error:
        raise PackError(f"cannot install into {target.parent}: {error.strerror}") from error
    temp = Path(temp_name)
    try:
        digest = hashlib.sha256()
        with os.fdopen(handle, "wb") as out, zipfile.ZipFile(pack.path) as archive:
            with archive.open(DATABASE) as stream:
                while chunk := stream.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != pack.manifest.database_sha256:
            raise PackError("the pack changed while it was being installed; nothing changed")
        os.replace(temp, target)
    except OSError as error:
        reason = error.strerror or error
        raise PackError(f"cannot install into {target.parent}: {reason}") from error
    finally:
        temp.unlink(missing_ok=True)


def _write_pointer(folder: Path, current: Installed, previous: Installed | None) -> None:
    values = {"current": current.__dict__, "previous": previous.__dict__ if previous else None}
    text = json.dumps(values, indent=2) + "\n"
    try:
        write_atomically(folder / POINTER, text.encode("utf-8"))
    except OSError as error:
        raise PackError(f"cannot install into {folder}: {error.strerror or error}") from error
