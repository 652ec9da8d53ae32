"""Briefer's command line: argument parsing and the headless subcommands (never imports Qt)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from briefer import paths
from briefer.meta import APP_NAME, __version__
from briefer.store.errors import StoreError

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit code 2."""

    #: Words may start with "-" (``briefer search -chollima``): only an exact option is one.
    dash_words = False

    def error(self, message: str) -> NoReturn:
        from briefer.terminal_text import printable

        text = printable(message)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {text} (see '{self.prog} --help')\n")

    def _parse_optional(self, arg_string: str) -> Any:  # argparse's option-or-word decision
        known = arg_string in self._option_string_actions
        if self.dash_words and _is_dash_word(arg_string) and not known:
            return None
        return super()._parse_optional(arg_string)


def _is_dash_word(text: str) -> bool:
    """``-chollima`` or ``-1``, not ``--json`` nor a lone ``-``."""
    return len(text) > 1 and text[0] == "-" and text[1] != "-"


def build_parser(commands_needed: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without ``commands_needed``, only the window's own options
    (``parse`` asks for that when no argument could name a command: building every
    subcommand's parser costs milliseconds of start-up the window does not need)."""
    parser = _Parser(
        prog="briefer",
        description=f"{APP_NAME}: reference and one-page briefings on the DPRK satellite-launch "
        "programme. With no command, opens the window.",
    )
    parser.add_argument("--version", action="store_true", help="print app and dataset versions")
    _add_db_option(parser, default=None)
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the window, wait until it has painted, print the start-up time and exit",
    )
    if not commands_needed:
        parser.set_defaults(command=None)
        return parser
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    data = commands.add_parser(
        "data", help="build, check, describe and sign the reference database"
    )
    data_commands = data.add_subparsers(dest="data_command", metavar="ACTION", required=True)
    build = data_commands.add_parser("build", help="build the database from the source files")
    check = data_commands.add_parser("check", help="validate the source files, list every problem")
    for sub in (build, check):
        sub.add_argument("--source", metavar="DIR", help="folder of source files (default: data/)")
    info = data_commands.add_parser("info", help="path, versions, as-of date and row counts")
    info.add_argument("--json", action="store_true", help="print JSON instead of text")
    info.add_argument(
        "--quality",
        action="store_true",
        help="rows by confidence and source kind, rows resting on weak sources, headline specs "
        "still unknown, events per year",
    )
    for sub in (build, check, info):
        _add_db_option(sub, default=argparse.SUPPRESS)
    from briefer.cli_data_packs import add_pack_commands

    add_pack_commands(data_commands)
    from briefer.cli_brief import add_brief_command

    _add_db_option(add_brief_command(commands), default=argparse.SUPPRESS)
    from briefer.cli_search import add_search_command

    add_search_command(commands)
    search_parser = commands.choices["search"]
    assert isinstance(search_parser, _Parser)
    search_parser.dash_words = True
    _add_db_option(search_parser, default=argparse.SUPPRESS)
    from briefer.cli_notes import add_notes_command

    add_notes_command(commands)
    return parser


def _add_db_option(parser: argparse.ArgumentParser, default: object) -> None:
    """``--db`` is accepted before or after the command; the subcommand's copy only overrides."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help=f"reference database to use instead of the bundled one (also ${paths.DB_ENV})",
    )


def _source_dir(args: argparse.Namespace) -> Path:
    return Path(args.source).expanduser() if args.source else paths.data_dir()


def _open_store(args: argparse.Namespace):  # noqa: ANN202 - imported lazily
    from briefer.store.dataset_choice import reference_for_reading
    from briefer.store.reference import ReferenceStore

    return ReferenceStore(reference_for_reading(args.db))


def cmd_version(args: argparse.Namespace) -> int:
    from briefer.services.dataset import summarize

    print(f"{APP_NAME} {__version__}")
    store = _open_store(args)
    summary = summarize(store, with_counts=False)
    info = summary.info
    if summary.installed:
        origin = f"installed {summary.installed} from a data pack"
    elif store.path.resolve() == paths.bundled_db_path().resolve():
        origin = "bundled with Briefer"
    else:
        origin = f"read from {store.path}"
    print(
        f"dataset {info.dataset_version}, {origin} ({info.checked_through}; as of "
        f"{info.as_of}, schema {info.schema_version})"
    )
    return EXIT_OK


def cmd_data_build(args: argparse.Namespace) -> int:
    from briefer.store.build import build_database
    from briefer.store.source_files import read_source_set

    explicit = args.db or paths.reference_db_path() != paths.bundled_db_path()
    if not explicit and not paths.is_source_checkout():
        raise StoreError(
            "the installed reference database is read-only; give --db PATH to build elsewhere"
        )
    output = paths.reference_db_path(args.db)
    build_database(read_source_set(_source_dir(args)), output)
    print(f"built {output}")
    return EXIT_OK


def cmd_data_check(args: argparse.Namespace) -> int:
    from briefer.store.source_files import read_source_set
    from briefer.store.validation import check_source_set

    folder = _source_dir(args)
    sources = read_source_set(folder)
    messages = [str(problem) for problem in check_source_set(sources)]
    messages += _staleness(args, folder)
    for message in messages:
        print(message)
    rows = sum(len(rows) for rows in sources.rows.values())
    if messages:
        print(f"{len(messages)} problem(s) in {folder}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"ok: {rows} rows in {folder}, no problems")
    return EXIT_OK


def _staleness(args: argparse.Namespace, folder: Path) -> list[str]:
    """A problem line when the bundled database was not built from these sources."""
    from briefer.store.source_files import content_sha256

    if args.db or args.source or paths.reference_db_path() != paths.bundled_db_path():
        return []
    from briefer.store.reference import ReferenceStore

    try:
        store = ReferenceStore(paths.bundled_db_path())  # never an installed pack
    except StoreError as error:
        return [str(error)]
    built_from = store.dataset_info().content_sha256
    store.close()
    if built_from != content_sha256(folder):
        return [f"{store.path}: stale, built from other sources; run 'briefer data build'"]
    return []


def cmd_data_info(args: argparse.Namespace) -> int:
    from briefer.services.data_quality import quality_report
    from briefer.services.dataset import summarize

    store = _open_store(args)
    summary = quality_report(store) if args.quality else summarize(store)
    if args.json:
        print(json.dumps(summary.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(summary.as_text())
    return EXIT_OK


_DATA_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "build": cmd_data_build,
    "check": cmd_data_check,
    "info": cmd_data_info,
}


def _stop_cleanly_on_signals() -> None:
    """SIGTERM and SIGHUP end the command through SystemExit, so half-written temporary files
    are removed on the way out (Python's default for them is to die on the spot)."""
    import signal

    def stop(number: int, _frame: object) -> None:
        raise SystemExit(128 + number)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)


def _warnings_to_stderr() -> None:
    """The services' warnings as ``briefer: warning: ...`` lines, escaped like every message
    (one handler however often a command runs in-process; it writes to the current stderr)."""
    import logging

    from briefer.terminal_text import printable

    class Line(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            text = f"briefer: {record.levelname.lower()}: {printable(record.getMessage())}"
            if sys.stderr is not None:
                print(text, file=sys.stderr)

    logger = logging.getLogger("briefer")
    if not any(h.get_name() == "briefer-stderr" for h in logger.handlers):
        handler = Line(logging.WARNING)
        handler.set_name("briefer-stderr")
        logger.addHandler(handler)


def run_headless(args: argparse.Namespace) -> int:
    """Run a headless command; a StoreError becomes one line on stderr and exit code 2."""
    if sys.stdout is None:
        if sys.stderr is not None:
            print("briefer: error: standard output is closed", file=sys.stderr)
        return EXIT_ERROR
    _stop_cleanly_on_signals()
    _warnings_to_stderr()
    try:
        if args.command == "data":
            if args.data_command in _DATA_COMMANDS:
                return _DATA_COMMANDS[args.data_command](args)
            from briefer.cli_data_packs import run_pack_command

            return run_pack_command(args)
        if args.command == "brief":
            from briefer.cli_brief import cmd_brief

            return cmd_brief(args, _open_store(args))
        if args.command == "search":
            from briefer.cli_search import cmd_search

            return cmd_search(args, args.db)
        if args.command == "notes":
            from briefer.cli_notes import cmd_notes

            return cmd_notes(args)
        return cmd_version(args)
    except StoreError as error:
        from briefer.terminal_text import printable

        print(f"briefer: error: {printable(str(error))}", file=sys.stderr)
        return EXIT_ERROR


def is_headless(args: argparse.Namespace) -> bool:
    return bool(args.command) or bool(args.version)


#: Arguments that only the top-level parser takes, each exactly as spelt (no abbreviations).
_WINDOW_FLAGS = frozenset({"--smoke-test", "--version"})


def _window_options_only(argv: Sequence[str]) -> bool:
    """True when ``argv`` is nothing but exact top-level options (the window's command line):
    then no subcommand can be named, and the top-level parser alone parses it the same way."""
    words = iter(argv)
    for word in words:
        if word in _WINDOW_FLAGS or (word.startswith("--db=") and len(word) > 5):
            continue
        if word != "--db":
            return False
        value = next(words, None)
        if value is None or value.startswith("-"):
            return False
    return True


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    words = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(commands_needed=not _window_options_only(words))
    args = parser.parse_args(words)
    _reject_undecodable(parser, args)
    return args


def _reject_undecodable(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Every text argument, checked once: bytes the locale cannot decode arrive as lone
    surrogates (PEP 383) and would fail later, far from the option that carried them."""
    for dest, value in vars(args).items():
        texts = value if isinstance(value, list) else [value]
        for text in texts:
            if isinstance(text, str) and not _is_encodable(text):
                name = _argument_names(parser).get(dest, dest)
                encoding = sys.getfilesystemencoding()
                parser.error(f"argument {name}: '{_shown(text)}' is not valid {encoding} text")


def _is_encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown(text: str) -> str:
    """The undecodable bytes as ``\\xe9`` escapes, the rest as typed."""
    from briefer.terminal_text import printable

    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return printable(text.encode("utf-8", "backslashreplace").decode("utf-8"))
    return printable(raw.decode("utf-8", "backslashreplace"))


def _argument_names(parser: argparse.ArgumentParser) -> dict[str, str]:
    """``dest`` -> how the user spelt it (``--author``, ``query``), across every subcommand."""
    names: dict[str, str] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                names = {**_argument_names(sub), **names}
        elif action.option_strings:
            names.setdefault(action.dest, max(action.option_strings, key=len))
        else:
            names.setdefault(action.dest, action.dest)
    return names
