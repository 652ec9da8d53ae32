"""Search: what can be found, what a hit looks like, and turning typed text into a safe query.

The analyst's text never reaches FTS5 as syntax. It is split into words (a double-quoted
part stays together as a phrase) and every word or phrase is sent as a quoted FTS5 string,
so quotes, ``*``, ``-``, ``NEAR``, ``AND`` or parentheses are only ever words to look for.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import islice

from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import EntityKind, SearchKind

MAX_TERMS = 12
"""Terms sent to FTS5 (the last ones typed); names are compared on up to ``MAX_NAME_WORDS``."""
MAX_NAME_WORDS = 64
NAMES_SHOWN = 3
SHOWN_PER_GROUP = 5
BOX_LIMIT = 100
"""How many hits of each source (records, notes) the search box asks for."""
SNIPPET_WORDS = 16

_WORD_BREAK = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W_]+")
_QUOTED = re.compile(r'"([^"]*)"')


GROUP_LABELS: dict[str, str] = {
    SearchKind.LAUNCH_ATTEMPT: "Launch attempts",
    SearchKind.LAUNCH_VEHICLE: "Launch vehicles",
    SearchKind.SATELLITE: "Satellites",
    SearchKind.RESOLUTION: "Resolutions",
    SearchKind.PROVISION: "Provisions",
    SearchKind.SCENARIO: "Cooperation scenarios",
    SearchKind.EVENT: "Timeline events",
    SearchKind.ORGANISATION: "Organisations",
    SearchKind.SITE: "Launch sites",
    SearchKind.SOURCE: "Sources",
    SearchKind.NOTE: "Your notes",
    SearchKind.LOCAL_RECORD: "Your records",
}

ENTITY_KIND_OF: dict[str, str] = {
    SearchKind.LAUNCH_ATTEMPT: EntityKind.LAUNCH_ATTEMPT,
    SearchKind.LAUNCH_VEHICLE: EntityKind.SUBJECT,
    SearchKind.SATELLITE: EntityKind.SUBJECT,
    SearchKind.RESOLUTION: EntityKind.RESOLUTION,
    SearchKind.PROVISION: EntityKind.PROVISION,
    SearchKind.SCENARIO: EntityKind.SCENARIO,
    SearchKind.EVENT: EntityKind.EVENT,
    SearchKind.ORGANISATION: EntityKind.ORGANISATION,
    SearchKind.SITE: EntityKind.SITE,
    SearchKind.SOURCE: EntityKind.SOURCE,
}

Segments = tuple[tuple[str, bool], ...]
"""Text in pieces, each flagged True where it matched the query (for highlighting)."""


@dataclass(frozen=True)
class SearchHit:
    """One found record. ``tier`` 0 is an exact name match, 1 a name starting with the query,
    2 a name holding every word, 3 a match in the text only; lower ranks first.

    The highlighted ``title`` and ``snippet`` are worked out when first read, so a search pays
    only for the hits it shows.
    """

    kind: str
    ref: EntityRef
    title_text: str
    when: str
    tier: int
    words: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    body: str = ""
    note_id: str | None = None
    title_prefix: str = ""

    @cached_property
    def title(self) -> Segments:
        prefix = ((self.title_prefix, False),) if self.title_prefix else ()
        return (*prefix, *highlight(self.title_text, self.words))

    @cached_property
    def snippet(self) -> Segments:
        """The start of the text when the title matched, else the text around the match, else
        the names that matched (an alias, a native name)."""
        if matched(self.title):
            return snippet(self.body, self.words, around_match=False)
        text = snippet(self.body, self.words)
        if matched(text):
            return text
        named = [highlight(name, self.words) for name in self.names]
        shown = [parts for parts in named if matched(parts)][:NAMES_SHOWN]
        if not shown:
            return text
        joined: list[tuple[str, bool]] = [("Also: ", False)]
        for position, parts in enumerate(shown):
            joined += [(", ", False)] if position else []
            joined += parts
        return tuple(joined)

    @property
    def snippet_text(self) -> str:
        return plain(self.snippet)


@dataclass(frozen=True)
class SearchGroup:
    kind: str
    hits: tuple[SearchHit, ...]

    @property
    def label(self) -> str:
        return GROUP_LABELS[self.kind]


@dataclass(frozen=True)
class SearchResults:
    """Hits grouped by kind. ``broad``: the query matched so much of a large index that only
    names were ranked by relevance (see ``briefer.store.search``)."""

    query: str
    groups: tuple[SearchGroup, ...]
    broad: bool = False
    truncated: bool = False
    """At least as many hits as were asked for: more may match."""
    notice: str = ""
    """Something the analyst should know, e.g. that the notes could not be searched."""

    @property
    def total(self) -> int:
        return sum(len(group.hits) for group in self.groups)

    @property
    def hits(self) -> list[SearchHit]:
        return [hit for group in self.groups for hit in group.hits]


@dataclass(frozen=True)
class ParsedQuery:
    """The words of a query, ready for FTS5 (``match``) and for exact-name look-up."""

    terms: tuple[tuple[str, ...], ...]

    @property
    def is_empty(self) -> bool:
        return not self.terms

    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(word for term in self.terms for word in term)

    @cached_property
    def match(self) -> str:
        """FTS5 syntax: each term a quoted string, every term a prefix (as typed).

        A lone ASCII letter or digit before the last term (the ``s`` of ``S/RES/2270``) is left
        out when longer words remain: as a prefix it matches nearly every record and costs
        more than it narrows. It still counts when names are compared.
        """
        last = len(self.terms) - 1
        has_words = any(len(" ".join(term)) > 1 for term in self.terms)
        kept = [
            term
            for position, term in enumerate(self.terms)
            if not (has_words and position < last and _is_initial(term))
        ]
        return " ".join(f'"{" ".join(term)}"*' for term in kept[-MAX_TERMS:])

    @cached_property
    def name_key(self) -> str:
        return " ".join(self.words)


def parse_query(text: str) -> ParsedQuery:
    """Split typed text into terms; quoted parts stay phrases, everything else is a word."""
    text = unicodedata.normalize("NFKC", text)
    terms: list[tuple[str, ...]] = []
    position = 0
    for quoted in _QUOTED.finditer(text):
        terms += [(word,) for word in _words(text[position : quoted.start()])]
        phrase = tuple(_words(quoted.group(1)))
        if phrase:
            terms.append(phrase)
        position = quoted.end()
    terms += [(word,) for word in _words(text[position:])]
    return ParsedQuery(tuple(terms[:MAX_NAME_WORDS]))


def _is_initial(term: tuple[str, ...]) -> bool:
    return len(term) == 1 and len(term[0]) == 1 and term[0].isascii()


def _words(text: str) -> list[str]:
    return [name_key(word) for word in _WORD_BREAK.split(text) if name_key(word)]


def name_key(text: str) -> str:
    """A name folded for exact comparison: case, accents, punctuation and spacing ignored.

    ``"Kwangmyŏngsŏng-1"`` and ``"kwangmyongsong 1"`` give the same key; Hangul is kept whole.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = unicodedata.normalize("NFC", stripped).lower()  # as FTS5's unicode61 folds
    return " ".join(part for part in _WORD_BREAK.split(folded) if part)


class _Folding(dict[int, str]):
    """A ``str.translate`` table folding each character to one character (case and accents
    off, Hangul syllables kept whole), so a match in the folded text is at the same place in
    the original."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if _HANGUL_FIRST <= code <= _HANGUL_LAST:
            folded = char
        else:
            lowered = unicodedata.normalize("NFKD", char)[:1].lower()
            folded = lowered if len(lowered) == 1 else (char.lower()[:1] or char)
        self[code] = folded
        return folded


_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_FOLDING = _Folding()


@lru_cache(maxsize=64)
def _matcher(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """Words of the folded text that start with one of ``words``."""
    if not words:
        return None
    alternatives = "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*")


def highlight(text: str, words: tuple[str, ...]) -> Segments:
    """``text`` in segments, a word flagged when it starts with one of the (folded) ``words``."""
    pattern = _matcher(words)
    if pattern is None:
        return ((text, False),) if text else ()
    pieces: list[tuple[str, bool]] = []
    position = 0
    for found in pattern.finditer(text.translate(_FOLDING)):
        if found.start() > position:
            pieces.append((text[position : found.start()], False))
        pieces.append((text[found.start() : found.end()], True))
        position = found.end()
    if position < len(text):
        pieces.append((text[position:], False))
    return tuple(pieces)


def snippet(
    text: str, words: tuple[str, ...], width: int = SNIPPET_WORDS, around_match: bool = True
) -> Segments:
    """About ``width`` words of ``text`` around its first match (or from its start), with
    matches flagged and ellipses where it was cut. Only the text near the match is read."""
    pattern = _matcher(words)
    found = pattern.search(text.translate(_FOLDING)) if around_match and pattern else None
    anchor = found.start() if found is not None else 0
    lead = width // 4
    look_back = max(0, anchor - 40 * (lead + 1))
    starts = [match.start() for match in _WORD.finditer(text, look_back, anchor)]
    if starts and starts[0] == look_back > 0 and _WORD.match(text, look_back - 1):
        starts = starts[1:]  # the look-back began inside a word: not a word start
    before = starts[-lead:] if lead else []
    from_top = look_back == 0 and len(starts) <= lead
    start_at = 0 if from_top else (before[0] if before else anchor)
    after = list(islice(_WORD.finditer(text, anchor), width - len(before) + 1))
    cut_end = len(after) > width - len(before)
    end_at = after[width - len(before) - 1].end() if cut_end else len(text)
    window = " ".join(text[start_at:end_at].split())
    if not window:
        return ()
    parts = highlight(window, words)
    if start_at > 0 and text[:start_at].strip():
        parts = (("…", False), *parts)
    if cut_end:
        parts = (*parts, ("…", False))
    return parts


def matched(parts: Segments) -> bool:
    return any(flag for _, flag in parts)


def plain(parts: Segments) -> str:
    return "".join(text for text, _ in parts)
