"""Store errors that carry a message fit to show a user as it is."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """A failure the user can act on; ``str(error)`` is the one-line message."""


class DatabaseMissing(StoreError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"reference database not found: {path}")


class DatabaseCorrupt(StoreError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"reference database is damaged or not a Briefer database: {path} ({detail})"
        )


class SchemaMismatch(StoreError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"reference database has an unsupported schema: {path} ({detail}); "
            "rebuild it with 'briefer data build'"
        )


class UserDatabaseError(StoreError):
    """The writable user database could not be opened or migrated."""


class SourceDataError(StoreError):
    """The dataset's source files could not be read or failed validation."""
