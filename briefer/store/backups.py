"""Backups of the analyst's database: dated copies that are whole or absent, made only when
the notes changed, rotated five deep, and restored on request.

A backup is named ``user-<UTC stamp>-<fingerprint>.db``; the fingerprint of the notes lets a
start-up skip a copy of an unchanged database. Backups made before a damaged database was set
aside are renamed ``kept-user-…`` and never rotated out.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from briefer.store.faults import Fault, classify, describe
from briefer.store.notes import NoteStore
from briefer.store.user_db import USER_SCHEMA_VERSION, UserDatabaseFault, UserStore, migrate

KEEP_BACKUPS = 5
KEPT_PREFIX = "kept-"
_NAME = re.compile(r"^(?:kept-)?user-(\d{8}T\d{6}\d*Z)(?:-([0-9a-f]+))?\.db$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_utc: datetime
    kept: bool  # made before a set-aside: never rotated out
    notes: int | None  # None when the copy cannot be read

    @property
    def label(self) -> str:
        when = self.taken_utc.strftime("%Y-%m-%d %H:%M:%S UTC")
        count = "unreadable" if self.notes is None else f"{self.notes} note(s)"
        return f"{when} · {count}" + (" · kept from before a reset" if self.kept else "")


def stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def backup_folder(user_db: Path) -> Path:
    return user_db.parent / "backups"


def _fingerprint(path: Path) -> str | None:
    match = _NAME.match(path.name)
    return match.group(2) if match else None


def _rotating(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("user-*.db") if _NAME.match(p.name))


def back_up(
    store: UserStore,
    folder: Path,
    keep: int = KEEP_BACKUPS,
    force: bool = False,
    rotate: bool = True,
) -> Path | None:
    """Copy the live database with SQLite's backup API, unless the notes are unchanged since
    the newest backup (``force`` copies anyway). A failed copy leaves no file behind.

    Raises:
        UserDatabaseFault: the copy could not be written (full disk, read-only folder).
    """
    fingerprint = NoteStore(store.connection).fingerprint()
    existing = _rotating(folder) if folder.is_dir() else []
    if not force and existing and _fingerprint(existing[-1]) == fingerprint:
        return None
    target = folder / f"user-{stamp()}-{fingerprint}.db"
    partial = target.with_name(f".{target.name}.partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        destination = sqlite3.connect(partial)
        try:
            store.connection.backup(destination)
        finally:
            destination.close()
        partial.rename(target)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise UserDatabaseFault(
            f"cannot back up the notes to {folder}: {describe(error)}", classify(error)
        ) from error
    if rotate:
        rotate_backups(folder, keep)
    return target


def rotate_backups(folder: Path, keep: int = KEEP_BACKUPS, protect: Path | None = None) -> None:
    """Delete all but the ``keep`` newest rotating backups (never ``protect``)."""
    for old in _rotating(folder)[:-keep]:
        if protect is None or old.resolve() != protect.resolve():
            old.unlink(missing_ok=True)


def keep_backups_before_reset(folder: Path) -> None:
    """Take the existing backups out of rotation (the database they copy was set aside)."""
    if folder.is_dir():
        for path in _rotating(folder):
            path.rename(path.with_name(KEPT_PREFIX + path.name))


def list_backups(folder: Path) -> list[Backup]:
    """Every backup in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*user-*.db"):
        match = _NAME.match(path.name)
        if match:
            taken = datetime.strptime(match.group(1)[:15], "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
            found.append(Backup(path, taken, path.name.startswith(KEPT_PREFIX), _count(path)))
    return sorted(found, key=lambda b: (b.taken_utc, b.path.name), reverse=True)


def _count(path: Path) -> int | None:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def restore(store: UserStore, backup: Path, folder: Path) -> Path | None:
    """Replace the live notes with ``backup``, after backing up the current state.

    Returns the backup of the state that was replaced.

    Raises:
        UserDatabaseFault: the backup is not a readable notes database, is from a newer
            Briefer, or the live database could not be written; nothing was replaced.
    """
    if not store.writable:
        raise UserDatabaseFault(f"notes are read-only: {store.read_only_reason}", Fault.READ_ONLY)
    source = _open_backup(backup)
    try:
        saved = back_up(store, folder, force=True, rotate=False)
        _copy_into(source, store, backup, saved)
    finally:
        source.close()
    rotate_backups(folder, protect=backup)
    return saved


def _copy_into(
    source: sqlite3.Connection, store: UserStore, backup: Path, saved: Path | None
) -> None:
    """Copy ``source`` over the live database and bring it to this schema. A failed copy
    changes nothing (SQLite copies in one transaction); a failed upgrade is undone from
    ``saved``, the backup taken just before."""
    try:
        source.backup(store.connection)
    except sqlite3.Error as error:
        message = f"cannot restore {backup.name}: {describe(error)}; nothing was changed"
        raise UserDatabaseFault(message, classify(error)) from error
    try:
        migrate(store.connection)
    except (sqlite3.Error, ValueError, TypeError) as error:
        if saved is not None:
            undo = sqlite3.connect(saved)
            try:
                undo.backup(store.connection)
            finally:
                undo.close()
        message = f"cannot upgrade {backup.name} to this Briefer: {error}; nothing was changed"
        raise UserDatabaseFault(message, Fault.OTHER) from error


def _open_backup(backup: Path) -> sqlite3.Connection:
    problem = None
    if not backup.is_file():
        raise UserDatabaseFault(f"no backup file at {backup}", Fault.OTHER)
    try:
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        message = f"cannot read {backup}: {describe(error)}"
        raise UserDatabaseFault(message, classify(error)) from error
    try:
        version = int(source.execute("PRAGMA user_version").fetchone()[0])
        check = str(source.execute("PRAGMA quick_check").fetchone()[0])
        has_notes = source.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notes'"
        ).fetchone()
        if check != "ok":
            problem = f"{backup} is damaged ({check})"
        elif not has_notes:
            problem = f"{backup} is not a Briefer notes database"
        elif version > USER_SCHEMA_VERSION:
            problem = f"{backup} is from a newer Briefer (schema {version})"
    except sqlite3.Error as error:
        problem = f"{backup} cannot be read: {describe(error)}"
    if problem:
        source.close()
        raise UserDatabaseFault(problem, Fault.CORRUPT)
    return source
