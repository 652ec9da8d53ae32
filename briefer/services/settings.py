"""The analyst's preferences (theme, window layout), kept in the user database."""

from __future__ import annotations

import base64
import json

from briefer.store.user_db import UserStore

THEME_KEY = "ui/theme"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
COMPARISON_KEY = "comparison/{kind}"
THEMES = ("system", "light", "dark", "high contrast")
TEXT_SCALE_KEY = "ui/text_scale"
TEXT_SCALES = (0.85, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)  # View > Text size, smallest to largest


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

    @property
    def text_scale(self) -> float:
        """The application font's scale (1.0 unless the analyst chose another step)."""
        try:
            value = float(self._store.get_setting(TEXT_SCALE_KEY) or 1.0)
        except ValueError:
            return 1.0
        return value if value in TEXT_SCALES else 1.0

    @text_scale.setter
    def text_scale(self, value: float) -> None:
        if value not in TEXT_SCALES:
            raise ValueError(f"unknown text scale {value!r}")
        self._store.set_setting(TEXT_SCALE_KEY, str(value))

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
