"""Queries on the reference database's search index (see ``search_index``).

bm25 costs a look-up per matching row, so ranking a query that matches a large share of a big
index (a common word, two typed letters) would take far longer than typing allows. A query is
therefore first read unscored, up to ``FULL_RANK_LIMIT`` + 1 matches (FTS5 stops at the
limit). With no more than that, every match is ranked by bm25. With more the query is *broad*:
its matches in titles and names come from the small ``search_titles`` index, ranked by bm25
when there are at most ``NAMES_RANK_LIMIT``, and its first text matches follow in index order
(which the build makes launch attempts, systems, resolutions, provisions, events,
organisations, sites, then sources). Names equal to or starting with the query are always
found through the ``search_names`` b-tree. The caller ranks all of these by name tiers.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefer.store.errors import DatabaseCorrupt
from briefer.store.search_index import KEY_SEPARATOR, NAME_SEPARATOR

# bm25 weights per column: title, names (and body)
_RANKS = {
    "search_index": "bm25(search_index, 10.0, 6.0, 1.0)",
    "search_titles": "bm25(search_titles, 10.0, 6.0)",
}
FULL_RANK_LIMIT = 500
NAMES_RANK_LIMIT = 300


@dataclass(frozen=True)
class IndexRow:
    doc: int
    kind: str
    entity_id: str
    when_utc: str
    title: str
    names: tuple[str, ...]
    name_keys: tuple[str, ...]
    """``name_key`` of the title and of each name, worked out when the index was built."""
    rank: float
    exact: bool


@dataclass(frozen=True)
class Candidates:
    rows: tuple[IndexRow, ...]
    broad: bool


class IndexSearch:
    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self._path = path

    def _rows(self, sql: str, params: tuple[object, ...]) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as error:
            raise DatabaseCorrupt(self._path, str(error)) from error

    def _read(
        self, table: str, match: str, kinds: tuple[str, ...], limit: int, scored: bool = False
    ) -> tuple[list[tuple[int, float]], bool]:
        """Up to ``limit`` matches in index order (with bm25 when ``scored``, else rank 0),
        and True when there are more. Without ORDER BY, FTS5 stops at the LIMIT and scores
        only the rows it returns: cheap however many match."""
        rank = _RANKS[table] if scored else "0.0"
        rows = self._rows(
            f"SELECT {table}.rowid, {rank} FROM {table}{_kinds(table, kinds)} LIMIT ?",
            (match, *kinds, limit + 1),
        )
        return [(row[0], row[1]) for row in rows[:limit]], len(rows) > limit

    def _ranked(
        self, table: str, match: str, kinds: tuple[str, ...], limit: int
    ) -> list[tuple[int, float]]:
        """The ``limit`` best matches by bm25 (every match is scored)."""
        rank = _RANKS[table]
        rows = self._rows(
            f"SELECT {table}.rowid, {rank} FROM {table}{_kinds(table, kinds)} "
            f"ORDER BY {rank} LIMIT ?",
            (match, *kinds, limit),
        )
        return [(row[0], row[1]) for row in rows]

    def _best(
        self, match: str, kinds: tuple[str, ...], limit: int, selective: bool
    ) -> tuple[list[tuple[int, float]], bool]:
        if selective:  # likely few matches: score them in the same pass that finds them
            few, more = self._read("search_index", match, kinds, limit, scored=True)
            if not more:
                return sorted(few, key=lambda item: item[1]), False
        first, broad = self._read("search_index", match, kinds, FULL_RANK_LIMIT)
        if not broad:
            return (self._ranked("search_index", match, kinds, limit) if first else []), False
        named, many = self._read("search_titles", match, kinds, NAMES_RANK_LIMIT)
        best = named[:limit] if many else self._ranked("search_titles", match, kinds, limit)
        return best + first[:limit], True

    def candidates(
        self,
        match: str,
        name: str,
        kinds: tuple[str, ...] = (),
        limit: int = 200,
        selective: bool = False,
    ) -> Candidates:
        """Good matches of ``match``, and records whose name is or starts with ``name``.

        Not broad: the ``limit`` best by bm25. Broad: the ``limit`` best matches in titles and
        names (by bm25 when there are no more than ``NAMES_RANK_LIMIT``, else the first in index
        order) and the first ``limit`` text matches in index order, unscored (rank 0).
        ``selective`` (several words, say) only changes the order of the work, not the result.
        """
        best, broad = self._best(match, kinds, limit, selective)
        exact = self._named(name, kinds, limit)
        ranks: dict[int, float] = dict.fromkeys(exact, 0.0)
        for doc, rank in best:
            ranks.setdefault(doc, rank)
        details = self._details(list(ranks))
        rows = tuple(
            IndexRow(
                doc,
                kind,
                entity_id,
                when,
                title,
                tuple(names.split(NAME_SEPARATOR)) if names else (),
                tuple(keys.split(KEY_SEPARATOR)),
                ranks[doc],
                exact.get(doc, False),
            )
            for doc in ranks
            if doc in details
            for kind, entity_id, when, title, names, keys in (details[doc],)
        )
        return Candidates(rows, broad)

    def _details(self, docs: list[int]) -> dict[int, tuple[Any, ...]]:
        found: dict[int, tuple[Any, ...]] = {}
        for start in range(0, len(docs), 500):
            chunk = docs[start : start + 500]
            rows = self._rows(
                "SELECT doc, kind, entity_id, when_utc, title, names, name_keys "
                f"FROM search_docs WHERE doc IN ({', '.join('?' * len(chunk))})",
                tuple(chunk),
            )
            found.update((row[0], row[1:]) for row in rows)
        return found

    def _named(self, name: str, kinds: tuple[str, ...], limit: int) -> dict[int, bool]:
        """Records with a name equal to ``name`` (True) or starting with it (False): an index
        range scan, so a name is found however common its words are elsewhere."""
        if not name:
            return {}
        kind_filter = f" AND d.kind IN ({', '.join('?' * len(kinds))})" if kinds else ""
        rows = self._rows(
            "SELECT n.doc, n.name = ? FROM search_names n JOIN search_docs d ON d.doc = n.doc "
            f"WHERE n.name >= ? AND n.name < ?{kind_filter} ORDER BY n.name LIMIT ?",
            (name, name, name + "\U0010ffff", *kinds, limit),
        )
        found: dict[int, bool] = {}
        for doc, equal in rows:
            found[doc] = found.get(doc, False) or bool(equal)
        return found

    def bodies(self, docs: list[int]) -> dict[int, str]:
        """The full text of the given documents, for snippets."""
        if not docs:
            return {}
        rows = self._rows(
            f"SELECT rowid, body FROM search_index WHERE rowid IN ({', '.join('?' * len(docs))})",
            tuple(docs),
        )
        return {row[0]: row[1] for row in rows}


def _kinds(table: str, kinds: tuple[str, ...]) -> str:
    """The FROM clause's tail: the MATCH, and a filter on kinds through ``search_docs``."""
    if not kinds:
        return f" WHERE {table} MATCH ?"
    return (
        f" JOIN search_docs ON search_docs.doc = {table}.rowid WHERE {table} MATCH ?"
        f" AND search_docs.kind IN ({', '.join('?' * len(kinds))})"
    )
