"""Search everything: the reference index, the analyst's own records and notes, ranked and
grouped by kind.

Ranking is in tiers, then by bm25 inside a tier: an exact name (title, native name or alias)
first, then names that start with what was typed, then names holding every word, then matches
in the text only. Sources are the evidence behind records, so inside a tier they come after
the records themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from briefer.domain.local_records import LocalRecord
from briefer.domain.records import EntityRef
from briefer.domain.search import (
    ENTITY_KIND_OF,
    ParsedQuery,
    SearchGroup,
    SearchHit,
    SearchResults,
    name_key,
    parse_query,
)
from briefer.domain.vocabulary import SearchKind
from briefer.services.local_records import LocalRecordsService
from briefer.services.notes import NotesService
from briefer.store.errors import StoreError
from briefer.store.search import IndexRow, IndexSearch

TIER_EXACT, TIER_STARTS, TIER_WORDS, TIER_TEXT = 0, 1, 2, 3
_USER_KINDS = (SearchKind.NOTE, SearchKind.LOCAL_RECORD)  # in the user database, not the index


@dataclass(frozen=True)
class _Ranked:
    row: IndexRow
    tier: int

    @property
    def key(self) -> tuple[int, int, float, int]:
        """Tier, records before sources, bm25 (0 when unscored), then shorter titles first."""
        row = self.row
        return (self.tier, int(row.kind == SearchKind.SOURCE), row.rank, len(row.title))


def tier_of(query: ParsedQuery, keys: tuple[str, ...], exact: bool = False) -> int:
    """How well a record's names (as ``name_key`` folds them) answer the query."""
    typed = query.name_key
    if exact or typed in keys:
        return TIER_EXACT
    if any(key.startswith(typed) for key in keys):
        return TIER_STARTS
    spaced = " " + " ".join(keys)
    if all(f" {word}" in spaced for word in query.words):
        return TIER_WORDS
    return TIER_TEXT


@dataclass(frozen=True)
class _LocalKeys:
    """A record's names and whole text folded as ``name_key`` folds them (worked out once per
    version of the record: a summary may be long)."""

    names: tuple[str, ...]
    spaced_text: str


def _local_keys(record: LocalRecord) -> _LocalKeys:
    c = record.content
    names = (c.title, *(name for name in (c.vehicle, c.payload, c.site) if name))
    text = " ".join((*names, " ".join(c.actors), c.summary, c.source))
    return _LocalKeys(tuple(name_key(name) for name in names), " " + name_key(text))


class SearchService:
    """``local`` defaults to the records in the notes' database, when ``notes`` is given."""

    def __init__(
        self,
        index: IndexSearch,
        notes: NotesService | None = None,
        local: LocalRecordsService | None = None,
    ) -> None:
        self._index = index
        self._notes = notes
        if local is None and notes is not None:
            local = LocalRecordsService(notes.user)
        self._local = local
        self._local_keys: dict[tuple[str, int], _LocalKeys] = {}

    def search(self, text: str, kinds: Iterable[str] = (), limit: int = 200) -> SearchResults:
        """Records, the analyst's own records and notes matching ``text``, at most ``limit`` of
        each; any text is accepted."""
        query = parse_query(text)
        wanted = tuple(dict.fromkeys(kinds))
        if query.is_empty:
            return SearchResults(text, ())
        hits, broad = self._reference_hits(query, wanted, limit)
        truncated = broad or len(hits) >= limit
        notices = []
        for kind, find, failure in (
            (SearchKind.LOCAL_RECORD, self._records_hits, "Your records"),
            (SearchKind.NOTE, self._note_hits, "Your notes"),
        ):
            if wanted and kind not in wanted:
                continue
            try:
                found = find(query, limit)
            except StoreError as error:
                found = []
                notices.append(f"{failure} could not be searched: {error}")
            truncated = truncated or len(found) >= limit
            hits += found
        return SearchResults(text, _grouped(hits), broad, truncated, "; ".join(notices))

    def _reference_hits(
        self, query: ParsedQuery, kinds: tuple[str, ...], limit: int
    ) -> tuple[list[SearchHit], bool]:
        index_kinds = tuple(kind for kind in kinds if kind not in _USER_KINDS)
        if kinds and not index_kinds:
            return [], False
        found = self._index.candidates(
            query.match, query.name_key, index_kinds, limit, selective=len(query.terms) > 1
        )
        ranked = sorted(
            (_Ranked(row, tier_of(query, row.name_keys, row.exact)) for row in found.rows),
            key=lambda item: item.key,
        )[:limit]
        bodies = self._index.bodies([item.row.doc for item in ranked])
        words = query.words
        return [_hit(item, bodies.get(item.row.doc, ""), words) for item in ranked], found.broad

    def _records_hits(self, query: ParsedQuery, limit: int) -> list[SearchHit]:
        """The analyst's records in use holding every word (a name first, then newest)."""
        if self._local is None:
            return []
        found = []
        for record in self._local.records():
            keys = self._keys_of(record)
            if all(f" {' '.join(term)}" in keys.spaced_text for term in query.terms):
                found.append((tier_of(query, keys.names), record))
        found.sort(key=lambda pair: pair[1].content.date_utc, reverse=True)
        found.sort(key=lambda pair: pair[0])
        return [_local_hit(record, tier, query.words) for tier, record in found[:limit]]

    def _keys_of(self, record: LocalRecord) -> _LocalKeys:
        key = (record.id, record.version)
        if key not in self._local_keys:
            self._local_keys[key] = _local_keys(record)
        return self._local_keys[key]

    def _note_hits(self, query: ParsedQuery, limit: int) -> list[SearchHit]:
        if self._notes is None:
            return []
        return [
            SearchHit(
                kind=SearchKind.NOTE,
                ref=entry.ref,
                title_text=entry.title,
                when=entry.note.updated_utc[:10],
                tier=TIER_TEXT,
                words=query.words,
                body=entry.note.body,
                note_id=entry.note.id,
                title_prefix="Note on ",
            )
            for entry in self._notes.search(query.match, limit)
        ]


def _hit(item: _Ranked, body: str, words: tuple[str, ...]) -> SearchHit:
    row = item.row
    return SearchHit(
        kind=row.kind,
        ref=EntityRef(ENTITY_KIND_OF[row.kind], row.entity_id),
        title_text=row.title,
        when=row.when_utc,
        tier=item.tier,
        words=words,
        names=row.names,
        body=body,
    )


def _local_hit(record: LocalRecord, tier: int, words: tuple[str, ...]) -> SearchHit:
    c = record.content
    return SearchHit(
        kind=SearchKind.LOCAL_RECORD,
        ref=record.ref,
        title_text=c.title,
        when=c.when,
        tier=tier,
        words=words,
        names=tuple(name for name in (c.vehicle, c.payload, c.site, c.source) if name),
        body=c.summary,
    )


def _grouped(hits: list[SearchHit]) -> tuple[SearchGroup, ...]:
    """Hits grouped by kind, groups in the order of their best hits. Sources are the evidence,
    not the subject: their group counts one tier lower, so a source whose title starts with the
    query follows records that hold every word in their names, but an exact source title still
    comes before records that only mention the words."""
    groups: dict[str, list[SearchHit]] = {}
    best: dict[str, tuple[int, bool, int]] = {}
    for position, hit in enumerate(hits):
        groups.setdefault(hit.kind, []).append(hit)
        is_source = hit.kind == SearchKind.SOURCE
        best.setdefault(hit.kind, (hit.tier + int(is_source), is_source, position))
    order = sorted(groups, key=lambda kind: best[kind])
    return tuple(SearchGroup(kind, tuple(groups[kind])) for kind in order)
