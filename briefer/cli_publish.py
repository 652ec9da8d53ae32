"""``briefer data publish DIR``: the reference database and a Datasette ``metadata.json``,
for a team to serve read-only (Datasette is not part of Briefer)."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path
from typing import Any

from briefer import paths


def add_publish_command(actions: argparse._SubParsersAction[Any]) -> None:
    publish = actions.add_parser(
        "publish", help="write the database and a Datasette metadata.json into a folder"
    )
    publish.add_argument(
        "folder", metavar="DIR", help="an empty or new folder, or one holding a previous publish"
    )
    publish.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"reference database to publish instead of the one in use (also ${paths.DB_ENV})",
    )


def cmd_publish(args: argparse.Namespace) -> int:
    """Raises StoreError (one line on stderr, exit 2) for anything the user can fix."""
    from briefer.store.dataset_choice import reference_for_reading
    from briefer.store.publication import publish
    from briefer.terminal_text import printable

    done = publish(reference_for_reading(args.db), Path(args.folder).expanduser())
    print(printable(f"published dataset {done.dataset_version}: {done.database}, {done.metadata}"))
    serve = f"datasette serve --immutable {shlex.quote(str(done.database))}"
    print(printable(f"serve it read-only with: {serve} -m {shlex.quote(str(done.metadata))}"))
    return 0
