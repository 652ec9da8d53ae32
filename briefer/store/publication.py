"""``briefer data publish``: a copy of the reference database and its Datasette metadata,
written into a folder for a team to serve read-only.

Both files are written and synced under temporary names first; only then are they renamed
into place, the database first. A rename that fails puts back the files already replaced, so
an error at any step leaves the folder's previous publish as it was. Temporary files left by
a publish that was killed are recognised by their prefix and removed by the next one. The
folder must be empty or hold only a previous publish: nothing else in it is ever replaced.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefer.files import sync_folder
from briefer.store.datasette_metadata import DATABASE_NAME, datasette_metadata
from briefer.store.errors import StoreError
from briefer.store.faults import describe
from briefer.store.reference import open_read_only

DATABASE_FILE = "briefer.db"
METADATA_FILE = "metadata.json"
_STAGING = ".briefer-publish-"
_MODE = 0o644  # published to be read by whoever serves it


class PublishError(StoreError):
    """The folder cannot take a publish; nothing in it was changed."""


@dataclass(frozen=True)
class Publication:
    database: Path
    metadata: Path
    dataset_version: str


def publish(source: Path, folder: Path) -> Publication:
    """Write ``source`` (a reference database) and its Datasette metadata into ``folder``.

    Raises:
        StoreError: ``source`` is not a readable reference database (DatabaseMissing...), or
            PublishError: ``folder`` cannot be written or holds other files.
    """
    conn = open_read_only(source)
    try:
        metadata = datasette_metadata(conn)
        _prepare(folder)
        _write(conn, metadata, folder)
        version = _dataset_version(conn)
    finally:
        conn.close()
    return Publication(folder / DATABASE_FILE, folder / METADATA_FILE, version or "?")


def _prepare(folder: Path) -> None:
    """Make the folder if needed, refuse it when it holds foreign files, then clear what a
    killed publish left there."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        entries = list(os.scandir(folder))
    except FileExistsError as error:
        raise PublishError(f"cannot publish to {folder}: it is not a folder") from error
    except OSError as error:
        raise PublishError(f"cannot publish to {folder}: {describe(error)}") from error
    left = [entry for entry in entries if entry.name.startswith(_STAGING)]
    foreign = sorted(
        entry.name for entry in entries if entry not in left and not _is_previous_publish(entry)
    )
    if foreign:
        more = f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
        raise PublishError(
            f"will not publish to {folder}: it holds files that are not a previous publish "
            f"({', '.join(foreign[:3])}{more}); choose an empty or new folder"
        )
    try:
        for entry in left:
            os.unlink(entry.path)
    except OSError as error:
        raise PublishError(f"cannot publish to {folder}: {describe(error)}") from error


def _is_previous_publish(entry: os.DirEntry[str]) -> bool:
    if not entry.is_file(follow_symlinks=False):
        return False
    if entry.name == DATABASE_FILE:
        return _is_reference_database(Path(entry.path))
    if entry.name == METADATA_FILE:
        return _is_our_metadata(Path(entry.path))
    return False


def _is_reference_database(path: Path) -> bool:
    """Any Briefer reference database, of this schema or an older one."""
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
            return bool(_dataset_version(conn))
    except (sqlite3.Error, OSError):
        return False


def _dataset_version(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM dataset_info WHERE key = 'dataset_version'").fetchone()
    return str(row[0]) if row else ""


def _is_our_metadata(path: Path) -> bool:
    try:
        values = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(values, dict) and set(values.get("databases") or {}) == {DATABASE_NAME}


def _write(conn: sqlite3.Connection, metadata: dict[str, Any], folder: Path) -> None:
    temps: list[Path] = []
    text = json.dumps(metadata, indent=2, ensure_ascii=False) + "\n"
    try:
        database = _temporary(folder, ".db", temps)
        copy_database(conn, database)
        described = _temporary(folder, ".json", temps)
        write_synced(described, text.encode("utf-8"))
        commit(((database, folder / DATABASE_FILE), (described, folder / METADATA_FILE)), temps)
        sync_folder(folder)
    except (OSError, sqlite3.Error) as error:
        raise PublishError(f"cannot publish to {folder}: {describe(error)}") from error
    finally:
        for temp in temps:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)


def _temporary(folder: Path, suffix: str, temps: list[Path]) -> Path:
    handle, name = tempfile.mkstemp(prefix=_STAGING, suffix=suffix, dir=folder)
    os.close(handle)
    temps.append(Path(name))
    return Path(name)


def copy_database(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy through SQLite's backup API, in rollback-journal mode, synced."""
    copy = sqlite3.connect(target)
    try:
        conn.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
    os.chmod(target, _MODE)
    _sync_file(target)


def write_synced(target: Path, data: bytes) -> None:
    with open(target, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    os.chmod(target, _MODE)


def commit(moves: tuple[tuple[Path, Path], ...], temps: list[Path]) -> None:
    """Rename each staged file onto its final name; when one rename fails, the files already
    replaced get their previous contents back (kept as hard links, else copies)."""
    done: list[tuple[Path, Path | None]] = []
    try:
        for staged, final in moves:
            kept = _keep(final, temps)
            os.replace(staged, final)
            done.append((final, kept))
    except OSError:
        for final, kept in reversed(done):
            if kept is None:
                final.unlink(missing_ok=True)
            else:
                os.replace(kept, final)
        raise


def _keep(final: Path, temps: list[Path]) -> Path | None:
    """A second name for ``final``'s current contents (None when there is no such file)."""
    if not final.exists():
        return None
    kept = final.with_name(f"{_STAGING}kept-{final.name}")
    kept.unlink(missing_ok=True)
    temps.append(kept)
    try:
        os.link(final, kept)
    except OSError:  # a file system without hard links
        shutil.copyfile(final, kept)
    return kept


def _sync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
