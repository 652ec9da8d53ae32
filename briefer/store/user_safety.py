"""Opening the analyst's database safely: a file is set aside only when SQLite says it is
damaged; any other fault (full disk, read-only folder, no permission) leaves it alone and
opens the notes read-only, or not at all, with the reason."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from briefer.store.faults import Fault, classify, describe
from briefer.store.user_db import UserDatabaseFault, UserStore

SIDECARS = ("-wal", "-shm")


class Health(Enum):
    MISSING = "missing"
    OK = "ok"
    CORRUPT = "corrupt"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class Checked:
    """What a look at the user database found."""

    health: Health
    detail: str = ""


@dataclass(frozen=True)
class OpenedUserStore:
    """The user database as opened, and what the analyst must be told of it."""

    store: UserStore
    notice: str | None  # what the user must be told at start-up (set aside, read-only)


def check(path: Path) -> Checked:
    """Whether SQLite can read ``path`` and finds it sound; only CORRUPT means damaged."""
    if not path.exists():
        return Checked(Health.MISSING)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = str(conn.execute("PRAGMA quick_check").fetchone()[0])
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as error:
        fault = classify(error)
        return Checked(Health.CORRUPT if fault is Fault.CORRUPT else Health.UNREADABLE, str(error))
    return Checked(Health.OK) if result == "ok" else Checked(Health.CORRUPT, result)


def set_aside(path: Path) -> Path:
    """Move a damaged database (and its WAL files) beside itself under a dated name; the
    backups made before it are kept out of rotation, so they can never be rotated away.
    (``backups`` is imported here: opening a sound database, the usual case, never needs it.)"""
    from briefer.store.backups import backup_folder, keep_backups_before_reset, stamp

    kept = path.with_name(f"{path.name}.damaged-{stamp()}")
    path.rename(kept)
    for suffix in SIDECARS:
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            sidecar.rename(kept.with_name(kept.name + suffix))
    keep_backups_before_reset(backup_folder(path))
    return kept


def open_user_store(path: Path) -> OpenedUserStore:
    """Open the user database: set a damaged one aside (never delete it) and start afresh;
    on any other fault open it read-only, or empty when it cannot even be read."""
    notice = None
    try:
        if check(path).health is Health.CORRUPT:
            notice = _set_aside_notice(path, set_aside(path))
        try:
            return OpenedUserStore(UserStore(path), notice)
        except UserDatabaseFault as error:
            if error.fault is not Fault.CORRUPT or notice is not None:
                raise
            notice = _set_aside_notice(path, set_aside(path))
            return OpenedUserStore(UserStore(path), notice)
    except OSError as error:  # the damaged file could not be moved aside
        reason = f"it is damaged and could not be set aside: {describe(error)} ({path})"
        return OpenedUserStore(
            UserStore.unavailable(path, reason), f"Your notes cannot be opened: {reason}. {_REMEDY}"
        )
    except UserDatabaseFault as error:
        if error.fault in (Fault.OTHER, Fault.CORRUPT):
            raise
        return _read_only(path, error)


def _read_only(path: Path, error: UserDatabaseFault) -> OpenedUserStore:
    reason = f"{error.fault.value} ({path})"
    try:
        store = UserStore.snapshot(path, reason) if path.exists() else None
    except (UserDatabaseFault, sqlite3.Error) as failure:
        reason = f"{reason}; reading it failed too: {describe(failure)}"
        store = None
    if store is None:
        store = UserStore.unavailable(path, reason)
        return OpenedUserStore(store, f"Your notes cannot be opened: {reason}. {_REMEDY}")
    return OpenedUserStore(
        store, f"Your notes are open read-only because {reason}. {_REMEDY}"
    )


_REMEDY = (
    "Briefer works for look-up and briefings; new notes cannot be saved until this is "
    "fixed and Briefer is restarted. The file was left as it is."
)


def _set_aside_notice(path: Path, kept: Path) -> str:
    from briefer.store.backups import backup_folder

    return (
        f"Your notes database could not be read and was set aside as {kept}. "
        f"A new, empty one was created; restore your notes with File > Restore notes from a "
        f"backup… (backups are in {backup_folder(path)})."
    )
