"""The ``briefer`` entry point: headless commands run without Qt; otherwise the window opens."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from briefer import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.parse(argv)
    if cli.is_headless(args):
        return cli.run_headless(args)
    from briefer.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
