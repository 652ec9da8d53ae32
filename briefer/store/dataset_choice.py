"""Which reference database to read: an installed dataset when it is newer than the bundled
one. Kept apart from installing (which needs the pack and signature code) so that start-up
reads one small JSON file and nothing more."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from briefer import paths

POINTER = "datasets.json"


@dataclass(frozen=True)
class Installed:
    """A dataset installed from a pack, as ``datasets.json`` records it."""

    version: str
    file: str
    installed_utc: str
    bundled: str = ""  # the bundled dataset's version when this one was installed


def datasets_dir(user_dir: Path) -> Path:
    return user_dir / "datasets"


def version_key(version: str) -> tuple[tuple[int, str], ...]:
    """``2026.10`` after ``2026.9``: numeric parts compare as numbers."""
    return tuple((int(p), "") if p.isdigit() else (-1, p) for p in re.split(r"[.\-]", version))


def read_pointer(user_dir: Path) -> tuple[Installed | None, Installed | None]:
    """The dataset in use and the one before it; (None, None) when nothing was installed or
    the pointer cannot be read (the bundled dataset is then used)."""
    try:
        values = json.loads((datasets_dir(user_dir) / POINTER).read_text(encoding="utf-8"))
        return _entry(values.get("current")), _entry(values.get("previous"))
    except (OSError, ValueError, AttributeError):
        return None, None


def _entry(value: object) -> Installed | None:
    if not isinstance(value, dict):
        return None
    try:
        return Installed(
            str(value["version"]),
            str(value["file"]),
            str(value["installed_utc"]),
            str(value.get("bundled") or ""),
        )
    except KeyError:
        return None


def installed_db(user_dir: Path) -> tuple[Path, Installed] | None:
    current, _previous = read_pointer(user_dir)
    if current is None:
        return None
    path = datasets_dir(user_dir) / current.file
    return (path, current) if path.is_file() else None


def dataset_version_of(database: Path) -> str:
    """The ``dataset_version`` a reference database declares ('' when it cannot be read)."""
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
            row = conn.execute(
                "SELECT value FROM dataset WHERE key = 'dataset_version'"
            ).fetchone()
    except sqlite3.Error:
        return ""
    return str(row[0]) if row else ""


def choose_reference(user_dir: Path, bundled: Path) -> Path:
    """The installed dataset, unless Briefer itself was updated since with newer bundled data
    (an older pack the analyst chose to install stays in use while the bundle is the same)."""
    found = installed_db(user_dir)
    if found is None:
        return bundled
    path, entry = found
    bundled_version = dataset_version_of(bundled)
    newer_bundle = bundled_version and version_key(bundled_version) > version_key(entry.version)
    if newer_bundle and bundled_version != entry.bundled:
        return bundled
    return path


def reference_for_reading(override: str | os.PathLike[str] | None = None) -> Path:
    """``--db``, else ``$BRIEFER_DB``, else the newest of the installed and bundled datasets."""
    if override or os.environ.get(paths.DB_ENV):
        return paths.reference_db_path(override)
    return choose_reference(paths.user_data_dir(), paths.bundled_db_path())


def predecessor(in_use: Path, user_dir: Path, bundled: Path) -> Path | None:
    """The database the dataset in use replaced, when it is an installed one."""
    found = installed_db(user_dir)
    if found is None or found[0].resolve() != in_use.resolve():
        return None
    _current, previous = read_pointer(user_dir)
    if previous is None:
        return bundled if bundled.is_file() else None
    path = datasets_dir(user_dir) / previous.file
    return path if path.is_file() else None
