"""``briefer search``: the search box on the command line, as text or JSON (never imports Qt)."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from typing import TYPE_CHECKING, Any, TextIO

from briefer import paths
from briefer.domain.vocabulary import SearchKind
from briefer.store.errors import StoreError
from briefer.terminal_text import json_safe, printable

if TYPE_CHECKING:
    from briefer.domain.search import SearchHit, SearchResults, Segments
    from briefer.services.notes import NotesService
    from briefer.store.reference import ReferenceStore

EXIT_FOUND, EXIT_NONE, EXIT_ERROR = 0, 1, 2
_BOLD, _RESET = "\x1b[1m", "\x1b[0m"


def add_search_command(commands: argparse._SubParsersAction) -> None:
    search = commands.add_parser(
        "search",
        help="search every record and your notes",
        description="Search launch attempts, events, systems, resolutions, provisions, "
        "organisations, sites, sources and your notes. Words match as prefixes; quote a phrase. "
        "A word may start with '-' (briefer search -chollima); after '--' every argument is a "
        "word (briefer search -- --kind). "
        "Exit status: 0 when something matched, 1 when nothing did, 2 on an error.",
    )
    search.add_argument("query", nargs="+", help="what to look for (several words narrow it)")
    search.add_argument(
        "--kind",
        action="append",
        choices=[kind.value for kind in SearchKind],
        metavar="KIND",
        help="only this kind (repeatable): " + ", ".join(kind.value for kind in SearchKind),
    )
    search.add_argument(
        "--limit", type=int, default=10, metavar="N", help="hits shown per kind (default 10)"
    )
    search.add_argument("--json", action="store_true", help="print JSON instead of text")


def cmd_search(args: argparse.Namespace, reference_path: str | None) -> int:
    from briefer.domain.search import parse_query
    from briefer.services.search import SearchService
    from briefer.store.reference import ReferenceStore

    text = " ".join(args.query)
    if parse_query(text).is_empty:
        raise StoreError(f"nothing to search for in {text!r}: give a word, a name or a number")
    if args.limit < 1:
        raise StoreError("--limit must be at least 1")
    from briefer.store.dataset_choice import reference_for_reading

    store = ReferenceStore(reference_for_reading(reference_path))
    notes = _notes_service(store)
    results = SearchService(store.search_index(), notes).search(text, args.kind or ())
    if results.notice:
        print(f"briefer: {printable(results.notice)}", file=sys.stderr)
    _print_results(results, args)
    if not results.total:
        print(f"briefer: no matches for {text!r}", file=sys.stderr)
        return EXIT_NONE
    return EXIT_FOUND


def _print_results(results: SearchResults, args: argparse.Namespace) -> None:
    """Text or JSON on stdout; a terminal that cannot show a character gets a "?", and a
    reader that stops early (``| head``) ends the output quietly."""
    out = sys.stdout
    if isinstance(out, io.TextIOWrapper):
        out.reconfigure(errors="replace")
    try:
        if args.json:
            text = json.dumps(results_as_dict(results, args.limit), ensure_ascii=False, indent=2)
            print(json_safe(text))
        else:
            bold = out.isatty() and not os.environ.get("NO_COLOR")
            write_text(results, args.limit, out, bold)
        out.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())


def _notes_service(store: ReferenceStore) -> NotesService | None:
    """The user's notes when their database exists and opens; a note on stderr otherwise."""
    from briefer.services.notes import NotesService
    from briefer.store.user_db import UserStore

    path = paths.user_db_path()
    if not path.is_file():
        return None
    try:
        return NotesService(UserStore(path), store)
    except StoreError as error:
        print(f"briefer: notes not searched: {printable(str(error))}", file=sys.stderr)
        return None


def _marked(parts: Segments, bold: bool) -> str:
    """One line of text with control characters escaped, matches in bold on a terminal."""
    if not bold:
        return printable("".join(text for text, _ in parts))
    return "".join(
        f"{_BOLD}{printable(text)}{_RESET}" if hit else printable(text) for text, hit in parts
    )


def write_text(results: SearchResults, limit: int, out: TextIO, bold: bool) -> None:
    if results.broad or results.truncated:
        print("(many matches: the best are shown; add a word to narrow)", file=out)
    for group in results.groups:
        print(f"{group.label} ({len(group.hits)})", file=out)
        for hit in group.hits[:limit]:
            when = f"{printable(hit.when)}  " if hit.when else ""
            print(f"  {when}{_marked(hit.title, bold)}  [{_handle(hit)}]", file=out)
            if hit.snippet:
                print(f"      {_marked(hit.snippet, bold)}", file=out)
        if len(group.hits) > limit:
            print(f"  … {len(group.hits) - limit} more (--kind {group.kind})", file=out)


def _handle(hit: SearchHit) -> str:
    """What to pass to other commands, e.g. ``briefer brief --launch ID``."""
    return printable(f"{hit.ref.kind} {hit.ref.id}")


def results_as_dict(results: SearchResults, limit: int) -> dict[str, Any]:
    return {
        "query": results.query,
        "broad": results.broad,
        "truncated": results.truncated,
        "total": results.total,
        "groups": [
            {
                "kind": group.kind,
                "label": group.label,
                "count": len(group.hits),
                "hits": [_hit_dict(hit) for hit in group.hits[:limit]],
            }
            for group in results.groups
        ],
    }


def _hit_dict(hit: SearchHit) -> dict[str, Any]:
    return {
        "kind": hit.kind,
        "entity_kind": hit.ref.kind,
        "id": hit.ref.id,
        "note_id": hit.note_id,
        "title": hit.title_text,
        "when": hit.when or None,
        "snippet": hit.snippet_text,
        "highlights": sorted({text for text, flag in (*hit.title, *hit.snippet) if flag}),
        "exact_name": hit.tier == 0,
    }
