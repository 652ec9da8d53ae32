"""Keeping the analyst's database safe: rolling backups, and damaged files set aside."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from briefer.store.user_db import UserStore

KEEP_BACKUPS = 5
SIDECARS = ("-wal", "-shm")


@dataclass(frozen=True)
class OpenedUserStore:
    store: UserStore
    notice: str | None  # what the user must be told (a damaged database was set aside)


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def is_healthy(path: Path) -> bool:
    """False when SQLite cannot read ``path`` or finds it damaged (missing is healthy)."""
    if not path.exists():
        return True
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def set_aside(path: Path) -> Path:
    """Move a damaged database (and its WAL files) beside itself under a dated name."""
    kept = path.with_name(f"{path.name}.damaged-{_stamp()}")
    path.rename(kept)
    for suffix in SIDECARS:
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            sidecar.rename(kept.with_name(kept.name + suffix))
    return kept


def back_up(store: UserStore, folder: Path, keep: int = KEEP_BACKUPS) -> Path:
    """Copy the live database with SQLite's backup API; keep only the newest ``keep`` copies."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"user-{_stamp()}.db"
    destination = sqlite3.connect(target)
    try:
        store.connection.backup(destination)
    finally:
        destination.close()
    for old in sorted(folder.glob("user-*.db"))[:-keep]:
        old.unlink()
    return target


def open_user_store(path: Path) -> OpenedUserStore:
    """Open the user database; set a damaged one aside (never delete it) and start afresh."""
    notice = None
    if not is_healthy(path):
        kept = set_aside(path)
        notice = (
            f"Your notes database could not be read and was set aside as {kept}. "
            f"A new, empty one was created; the last good backups are in {backup_folder(path)}."
        )
    return OpenedUserStore(UserStore(path), notice)


def backup_folder(path: Path) -> Path:
    return path.parent / "backups"
