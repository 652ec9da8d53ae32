"""``briefer brief``: a one-page briefing as PDF, plain text or PNG, composed afresh or made
again from one saved in the window (``--from-saved``); never imports Qt."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from briefer import paths
from briefer.store.errors import StoreError

if TYPE_CHECKING:
    from briefer.domain.briefing import Briefing
    from briefer.services.saved_briefings import SavedBriefingsService
    from briefer.store.reference import ReferenceStore

EXIT_OK = 0
LOG = logging.getLogger("briefer")
# options that --from-saved takes from the saved briefing instead
_SAVED_CHOICES = (
    "template",
    "launch",
    "scenario",
    "subjects",
    "provisions",
    "banner",
    "author",
    "page_size",
)


def add_brief_command(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from briefer.briefing.formats import FORMATS
    from briefer.briefing.png import DEFAULT_DPI, PNG_DPI
    from briefer.domain.briefing import DEFAULT_BANNER, PAGE_SIZES, TEMPLATES

    brief = commands.add_parser("brief", help="write a one-page briefing (PDF, text or PNG)")
    brief.add_argument("--template", choices=TEMPLATES, help="what the page is about (overview)")
    brief.add_argument("--launch", metavar="ID", help="launch attempt id (launch template)")
    brief.add_argument(
        "--scenario", metavar="ID", help="cooperation scenario id (scenario template)"
    )
    brief.add_argument("--subjects", metavar="ID,...", help="systems to compare")
    brief.add_argument("--provisions", metavar="ID,...", help="provisions to include")
    brief.add_argument("--banner", help=f"handling banner, top and bottom ({DEFAULT_BANNER})")
    brief.add_argument("--author", help="author line")
    brief.add_argument("--page-size", choices=PAGE_SIZES, help="paper size (letter)")
    brief.add_argument(
        "--format",
        choices=FORMATS,
        default="pdf",
        help="a one-page PDF, plain text for an e-mail or a chat message, or a PNG for slides",
    )
    brief.add_argument(
        "--dpi",
        type=int,
        default=DEFAULT_DPI,
        help=f"resolution of a PNG, {PNG_DPI[0]}–{PNG_DPI[1]} (default {DEFAULT_DPI})",
    )
    brief.add_argument(
        "--from-saved",
        metavar="ID",
        help="make again a briefing saved in the window (an id or its start, from "
        "--list-saved), dated today, on the dataset in use; changed facts are listed",
    )
    brief.add_argument(
        "--list-saved", action="store_true", help="list the saved briefings, newest first"
    )
    brief.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write it ('-' for standard output); only ever replaces a regular file",
    )
    return brief


def cmd_brief(args: argparse.Namespace, reference: ReferenceStore) -> int:
    from briefer.services.context import ReferenceServices

    composer = ReferenceServices(reference).briefing
    if args.list_saved:
        return _list_saved(_saved_service(composer))
    if not args.output:
        raise StoreError("brief needs -o FILE ('-' for standard output), or --list-saved")
    _check_options(args)
    _check_output(args.output, binary=args.format != "text")
    if args.from_saved:
        briefing = _reissued(_saved_service(composer), args.from_saved)
    else:
        briefing = composer.compose(_request(args))
    _write_briefing(briefing, args.output, args.format, args.dpi)
    return EXIT_OK


def _check_options(args: argparse.Namespace) -> None:
    from briefer.briefing.png import PNG_DPI

    if args.format == "png" and not PNG_DPI[0] <= args.dpi <= PNG_DPI[1]:
        raise StoreError(f"--dpi {args.dpi} is outside {PNG_DPI[0]}–{PNG_DPI[1]}")
    given = [name for name in _SAVED_CHOICES if getattr(args, name) is not None]
    if args.from_saved and given:
        option = "--" + given[0].replace("_", "-")
        raise StoreError(f"--from-saved uses the choices saved with the briefing; drop {option}")


def _request(args: argparse.Namespace):  # noqa: ANN202 - imported lazily
    from briefer.domain.briefing import DEFAULT_BANNER
    from briefer.domain.briefing_recipe import BriefingRequest

    return BriefingRequest(
        template=args.template or "overview",
        launch_id=args.launch,
        scenario_id=args.scenario,
        subject_ids=_ids(args.subjects or ""),
        provision_ids=_ids(args.provisions or ""),
        banner=DEFAULT_BANNER if args.banner is None else args.banner,
        author=args.author or "",
        page_size=args.page_size or "letter",
    )


def _saved_service(composer) -> SavedBriefingsService:  # noqa: ANN001 - imported lazily
    """The saved briefings, opened as the window opens the user database (read-only, with
    the reason on stderr, when it cannot be written)."""
    from briefer.services.saved_briefings import SavedBriefingsService
    from briefer.store.user_safety import open_user_store

    opened = open_user_store(paths.user_db_path())
    if opened.notice:
        LOG.warning("%s", opened.notice)
    return SavedBriefingsService(opened.store, composer)


def _list_saved(service: SavedBriefingsService) -> int:
    saved = service.all()
    if not saved:
        print("no saved briefings yet: each briefing exported in the window is saved")
    for briefing in saved:
        columns = (
            briefing.id[:12],
            briefing.saved_utc[:16].replace("T", " "),
            f"dataset {briefing.dataset_version}",
            briefing.template,
            briefing.title,
        )
        print("\t".join(_printable(c) for c in columns))
    return EXIT_OK


def _reissued(service: SavedBriefingsService, wanted: str) -> Briefing:
    reissue = service.reissue(service.get(wanted))
    if reissue.changes:
        LOG.warning("%s", reissue.summary)
        for change in reissue.changes:
            LOG.warning("changed: %s", change.sentence)
    return reissue.briefing


def _printable(text: str) -> str:
    from briefer.terminal_text import printable

    return printable(text)


def _check_output(output: str, binary: bool = True) -> None:
    """A bad ``-o`` is one line before any work (and before any warning about the data)."""
    from briefer.files import UnsafeOutputError, check_output

    try:
        check_output(output, binary=binary)
    except UnsafeOutputError as error:
        raise StoreError(str(error)) from error
    except OSError as error:
        raise StoreError(f"cannot write {Path(output).expanduser()}: {error.strerror}") from error


def _write_briefing(briefing: Briefing, output: str, form: str, dpi: int) -> None:
    """To a file (then "wrote ..." on stdout) or, for ``-``, the briefing alone on stdout."""
    from briefer.briefing.formats import briefing_bytes
    from briefer.files import UnsafeOutputError, write_atomically, write_stream

    target = Path(output).expanduser()
    try:
        data = briefing_bytes(briefing, form, dpi)
        if output == "-":
            write_stream(data, binary=form != "text")
            return
        write_atomically(target, data, prefix=".briefing-")
    except UnsafeOutputError as error:
        raise StoreError(str(error)) from error
    except OSError as error:
        where = "standard output" if output == "-" else target
        raise StoreError(f"cannot write {where}: {error.strerror or error}") from error
    print(f"wrote {target}")


def _ids(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())

