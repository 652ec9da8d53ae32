"""Briefings as exported, kept in the user database: listed, reopened, duplicated, deleted,
and carried in notes exports (merged by id: a briefing already here is never replaced)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

from briefer.domain.briefing_recipe import SavedBriefing
from briefer.store.briefing_json import (
    BriefingDataError,
    facts_data,
    facts_of_data,
    recipe_data,
    recipe_of,
)
from briefer.store.errors import StoreError, UserDatabaseError
from briefer.store.faults import Fault, classify, describe
from briefer.store.user_db import write_transaction

_COLUMNS = (
    "id, title, template, saved_utc, dataset_version, page_size, exported_to, recipe, facts"
)


class SavedBriefingError(StoreError):
    """A briefing that could not be saved, duplicated or deleted; nothing was changed.
    ``fault`` names the database fault (full disk, lock, read-only) when that was it."""

    def __init__(self, message: str, fault: Fault | None = None) -> None:
        super().__init__(message)
        self.fault = fault


def _saved(row: Sequence[Any]) -> SavedBriefing:
    briefing_id, title, template, saved_utc, version, page_size, exported_to, recipe, facts = row
    where = f"saved briefing '{title}'"
    try:
        return SavedBriefing(
            briefing_id,
            title,
            template,
            saved_utc,
            version,
            page_size,
            recipe_of(json.loads(recipe), where),
            facts_of_data(json.loads(facts), where),
            exported_to,
        )
    except (ValueError, BriefingDataError) as error:
        raise UserDatabaseError(f"{where} cannot be read ({error})") from error


class SavedBriefingStore:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def transaction(self, doing: str) -> AbstractContextManager[sqlite3.Connection]:
        return write_transaction(
            self._conn,
            lambda error: SavedBriefingError(
                f"the briefing was not {doing}: {describe(error)}", classify(error)
            ),
        )

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as error:
            problem = describe(error)
            raise UserDatabaseError(f"saved briefings cannot be read ({problem})") from error

    def all(self) -> list[SavedBriefing]:
        """Newest first."""
        rows = self._read(f"SELECT {_COLUMNS} FROM briefings ORDER BY saved_utc DESC, id")
        return [_saved(row) for row in rows]

    def get(self, briefing_id: str) -> SavedBriefing | None:
        rows = self._read(f"SELECT {_COLUMNS} FROM briefings WHERE id = ?", (briefing_id,))
        return _saved(rows[0]) if rows else None

    def add(self, saved: SavedBriefing) -> SavedBriefing:
        """Raises SavedBriefingError; nothing is stored then."""
        with self.transaction("saved"):
            self.insert(saved)
        return saved

    def insert(self, saved: SavedBriefing) -> None:
        """Within the caller's transaction."""
        recipe = json.dumps(recipe_data(saved.recipe), ensure_ascii=False, sort_keys=True)
        facts = json.dumps(facts_data(saved.facts), ensure_ascii=False)
        self._conn.execute(
            f"INSERT INTO briefings ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                saved.id,
                saved.title,
                saved.template,
                saved.saved_utc,
                saved.dataset_version,
                saved.page_size,
                saved.exported_to,
                recipe,
                facts,
            ),
        )

    def delete(self, briefing_id: str) -> bool:
        """False when there was no such briefing. Raises SavedBriefingError."""
        with self.transaction("deleted") as conn:
            cursor = conn.execute("DELETE FROM briefings WHERE id = ?", (briefing_id,))
        return cursor.rowcount > 0

    def merge(self, incoming: Sequence[SavedBriefing]) -> int:
        """Add the briefings not here yet (by id), within the caller's transaction; returns
        how many were added. One already here is kept as it is."""
        added = 0
        for saved in incoming:
            if not self._read("SELECT 1 FROM briefings WHERE id = ?", (saved.id,)):
                self.insert(saved)
                added += 1
        return added
