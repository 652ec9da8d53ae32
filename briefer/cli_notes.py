"""``briefer notes``: export, import, list backups and restore, on the code the window uses."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefer import paths
from briefer.store.errors import StoreError

if TYPE_CHECKING:
    from briefer.services.notes import NotesService
    from briefer.store.backups import Backup
    from briefer.store.user_db import UserStore

EXIT_OK = 0


def add_notes_command(commands: argparse._SubParsersAction) -> None:
    notes = commands.add_parser(
        "notes",
        help="export, import, back up and restore your notes",
        description=f"Your notes live in {paths.user_db_path()} "
        f"(${paths.USER_DIR_ENV} moves the folder).",
    )
    actions = notes.add_subparsers(dest="notes_command", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export", help="write every note and record of your own, with their history, as JSON"
    )
    export.add_argument("file", metavar="FILE.json", help="where to write ('-': standard output)")
    imported = actions.add_parser(
        "import", help="merge a notes export; a newer note or record here is never replaced"
    )
    imported.add_argument("file", metavar="FILE.json", help="a file written by 'notes export'")
    backups = actions.add_parser("backups", help="list the backups of your notes, newest first")
    backups.add_argument("--json", action="store_true", help="print JSON instead of text")
    restore = actions.add_parser(
        "restore", help="replace your notes with a backup (the current notes are backed up first)"
    )
    restore.add_argument("backup", metavar="BACKUP", help="a path from 'notes backups'")


def _context() -> UserStore:
    """The user database, opened as the window opens it (read-only with a reason on faults)."""
    from briefer.store.user_safety import open_user_store

    opened = open_user_store(paths.user_db_path())
    if opened.notice:
        print(f"briefer: warning: {opened.notice}", file=sys.stderr)
    return opened.store


def cmd_notes(args: argparse.Namespace) -> int:
    from briefer.services.notes import NotesService
    from briefer.store.backups import backup_folder, list_backups, restore

    user = _context()
    try:
        if args.notes_command == "backups":
            return _print_backups(list_backups(backup_folder(user.path)), args.json)
        if args.notes_command == "restore":
            saved = restore(user, Path(args.backup).expanduser(), backup_folder(user.path))
            print(f"restored {args.backup}; the notes it replaced are backed up in {saved}")
            return EXIT_OK
        service = NotesService(user, None)
        if args.notes_command == "export":
            if not user.available:
                raise StoreError(f"nothing exported: {user.read_only_reason}")
            return _export(service, args.file)
        report = service.import_file(Path(args.file).expanduser())
        print(f"imported {args.file}: {report.sentence}")
        return EXIT_OK
    finally:
        user.close()


def _export(service: NotesService, target: str) -> int:
    if target == "-":
        from briefer.files import write_stream

        try:
            write_stream(service.export_bytes())
        except OSError as error:
            raise StoreError(f"cannot write standard output: {error.strerror or error}") from error
        return EXIT_OK
    path = Path(target).expanduser()
    try:
        count = service.export(path)
    except OSError as error:
        raise StoreError(f"cannot write {path}: {error.strerror or error}") from error
    print(f"exported {service.exported_text(count)} to {path}")
    return EXIT_OK


def _print_backups(backups: list[Backup], as_json: bool) -> int:
    if as_json:
        rows = [
            {
                "path": str(b.path),
                "taken_utc": b.taken_utc.isoformat(),
                "notes": b.notes,
                "kept_from_before_a_reset": b.kept,
            }
            for b in backups
        ]
        print(json.dumps(rows, indent=2))
    elif not backups:
        print("no backups yet")
    for backup in [] if as_json else backups:
        print(f"{backup.path}\t{backup.label}")
    return EXIT_OK
