"""``briefer data keygen | pack | verify | update | rollback | diff``: signed data packs, made
by a maintainer, installed by an analyst, and what changed between two datasets."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from briefer import paths

PACK_ACTIONS = ("keygen", "pack", "verify", "update", "rollback", "diff")


def add_pack_commands(actions: argparse._SubParsersAction[Any]) -> None:
    keygen = actions.add_parser("keygen", help="make an Ed25519 key pair for signing data packs")
    keygen.add_argument("--out", metavar="DIR", required=True, help="folder for the two files")
    keygen.add_argument(
        "--name", default="briefer-publishing", help="file name stem (default: %(default)s)"
    )
    pack = actions.add_parser("pack", help="build the database and write a signed data pack")
    pack.add_argument("--key", metavar="PRIVATE_KEY", required=True, help="the signing key")
    pack.add_argument("--source", metavar="DIR", help="folder of source files (default: data/)")
    pack.add_argument("--follows", metavar="VERSION", default="", help="version it updates")
    pack.add_argument("-o", "--output", metavar="FILE.brpack", required=True)
    verify = actions.add_parser("verify", help="check a pack's signature and contents")
    verify.add_argument("pack", metavar="FILE.brpack")
    verify.add_argument("--json", action="store_true", help="print the manifest as JSON")
    update = actions.add_parser("update", help="verify a pack and install it as the dataset")
    update.add_argument("pack", metavar="FILE.brpack")
    update.add_argument(
        "--allow-older", action="store_true", help="install even a pack not newer than in use"
    )
    actions.add_parser("rollback", help="use the dataset installed before the current one")
    diff = actions.add_parser("diff", help="records added, changed and removed between two")
    diff.add_argument("old", metavar="OLD", help="a reference database or a data pack")
    diff.add_argument("new", metavar="NEW", help="a reference database or a data pack")
    diff.add_argument("--json", action="store_true", help="print JSON instead of text")
    from briefer.cli_publish import add_publish_command

    add_publish_command(actions)


def run_pack_command(args: argparse.Namespace) -> int:
    """Raises StoreError (one line on stderr, exit 2) for anything the user can fix."""
    if args.data_command == "keygen":
        return _keygen(args)
    if args.data_command == "pack":
        return _pack(args)
    if args.data_command == "update":
        return _update(args)
    if args.data_command == "rollback":
        return _rollback()
    if args.data_command == "diff":
        return _diff(args)
    if args.data_command == "publish":
        from briefer.cli_publish import cmd_publish

        return cmd_publish(args)
    return _verify(args)


def _keygen(args: argparse.Namespace) -> int:
    from briefer.store.pack_keys import generate_key_pair

    private, public = generate_key_pair(Path(args.out).expanduser(), args.name)
    print(f"private key: {private} (keep it secret; it signs packs)")
    print(f"public key:  {public} (install it where Briefer looks for trusted keys)")
    return 0


def _pack(args: argparse.Namespace) -> int:
    from briefer.store.data_packs import PackError, make_pack
    from briefer.store.pack_keys import load_private_key

    key = load_private_key(Path(args.key).expanduser())
    source = Path(args.source).expanduser() if args.source else paths.data_dir()
    output = Path(args.output).expanduser()
    try:
        manifest = make_pack(source, key, output, follows=args.follows)
    except OSError as error:
        raise PackError(f"cannot write {output}: {error.strerror or error}") from error
    print(f"wrote {output}: dataset {manifest.dataset_version}, signed by {manifest.key_id}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from briefer.store.data_packs import verify_pack
    from briefer.store.pack_keys import trusted_keys

    verified = verify_pack(Path(args.pack).expanduser(), trusted_keys(paths.trusted_key_dirs()))
    manifest = verified.manifest
    if args.json:
        shown = {**asdict(manifest), "signed_by": str(verified.signed_by.path)}
        shown.pop("extra")
        print(json.dumps(shown, indent=2, ensure_ascii=False, sort_keys=True))
        return 0
    from briefer.terminal_text import printable

    print(f"verified: signed by key {verified.signed_by.key_id} ({verified.signed_by.path})")
    print(
        printable(
            f"dataset {manifest.dataset_version} (schema {manifest.schema_version}), events "
            f"checked through {manifest.coverage_through}, follows {manifest.follows or '-'}"
        )
    )
    for view, count in sorted(manifest.record_counts.items()):
        print(printable(f"  {view}: {count}"))
    return 0


def _update(args: argparse.Namespace) -> int:
    from briefer.services.data_updates import install_pack
    from briefer.store.dataset_choice import reference_for_reading
    from briefer.terminal_text import printable

    reading = reference_for_reading(args.db) if getattr(args, "db", None) else None
    pack = Path(args.pack).expanduser()
    outcome = install_pack(pack, allow_older=args.allow_older, reading=reading)
    print(
        printable(
            f"installed dataset {outcome.version} (was {outcome.replaced or 'unknown'}); "
            "'briefer data rollback' returns to the previous one"
        )
    )
    if outcome.notes:
        print(printable(outcome.notes))
    return 0


def _rollback() -> int:
    from briefer.services.data_updates import return_to_previous
    from briefer.terminal_text import printable

    print(printable(return_to_previous()))
    return 0


def _diff(args: argparse.Namespace) -> int:
    import tempfile

    from briefer.store.dataset_diff import as_dict, diff_databases
    from briefer.terminal_text import json_safe

    with tempfile.TemporaryDirectory(prefix="briefer-diff-") as work:
        old = _database_of(Path(args.old).expanduser(), Path(work) / "old.db")
        new = _database_of(Path(args.new).expanduser(), Path(work) / "new.db")
        diffs = diff_databases(old, new)
    if args.json:
        print(json_safe(json.dumps(as_dict(diffs), indent=2, ensure_ascii=False, default=str)))
        return 0
    _print_diff(diffs)
    return 0


def _print_diff(diffs: list[Any]) -> None:
    from briefer.terminal_text import printable

    if not diffs:
        print("no record differs")
    for diff in diffs:
        counts = (
            f"{len(diff.added)} added, {len(diff.changed)} changed, {len(diff.removed)} removed"
        )
        print(printable(f"{diff.kind}: {counts}"))
        for key in diff.added:
            print(printable(f"  + {key}"))
        for key in diff.removed:
            print(printable(f"  - {key}"))
        for change in diff.changed:
            for name, (before, after) in change.fields.items():
                print(printable(f"  ~ {change.key} {name}: {before!r} -> {after!r}"))


def _database_of(path: Path, work: Path) -> Path:
    """A database as given, or a pack's database once its signature is verified."""
    import zipfile

    from briefer.store.data_packs import DATABASE, verify_pack
    from briefer.store.pack_keys import trusted_keys

    if not zipfile.is_zipfile(path):
        return path
    verify_pack(path, trusted_keys(paths.trusted_key_dirs()))
    with zipfile.ZipFile(path) as archive:
        work.write_bytes(archive.read(DATABASE))
    return work
