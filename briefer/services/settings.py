"""The analyst's preferences (theme, window layout), kept in the user database."""

from __future__ import annotations

import base64
import json

from briefer.store.user_db import UserStore

THEME_KEY = "ui/theme"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
COMPARISON_KEY = "comparison/{kind}"
THEMES = ("system", "light", "dark")


class SettingsService:
    def __init__(self, store: UserStore) -> None:
        self._store = store

    @property
    def theme(self) -> str:
        value = self._store.get_setting(THEME_KEY)
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"unknown theme {value!r}")
        self._store.set_setting(THEME_KEY, value)

    def blob(self, key: str) -> bytes | None:
        """Binary state (e.g. Qt's saved geometry), stored as base64 text."""
        value = self._store.get_setting(key)
        if value is None:
            return None
        try:
            return base64.b64decode(value, validate=True)
        except ValueError:
            return None

    def set_blob(self, key: str, value: bytes) -> None:
        self._store.set_setting(key, base64.b64encode(value).decode("ascii"))

    def comparison(self, kind: str) -> list[str]:
        """The subjects last compared for ``kind`` (empty when never set or unreadable)."""
        value = self._store.get_setting(COMPARISON_KEY.format(kind=kind))
        try:
            ids = json.loads(value) if value else []
        except ValueError:
            return []
        return [str(i) for i in ids] if isinstance(ids, list) else []

    def set_comparison(self, kind: str, ids: list[str]) -> None:
        self._store.set_setting(COMPARISON_KEY.format(kind=kind), json.dumps(list(ids)))
