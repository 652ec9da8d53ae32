"""What a database is: its path, versions, as-of date and row counts per public view."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefer.domain.records import DatasetInfo
from briefer.store.reference import ReferenceStore


@dataclass(frozen=True)
class DatasetSummary:
    """What the status bar and About say of the dataset in use."""

    path: Path
    info: DatasetInfo
    counts: dict[str, int]
    installed: str = ""  # the day it was installed from a data pack ('': the bundled data)

    @property
    def status_line(self) -> str:
        source = f" · installed {self.installed}" if self.installed else ""
        version = self.info.dataset_version
        return f"Dataset {version}{source} · {self.info.checked_through} · offline"

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "schema_version": self.info.schema_version,
            "dataset_version": self.info.dataset_version,
            "as_of": self.info.as_of,
            "coverage_through": self.info.coverage_through,
            "content_sha256": self.info.content_sha256,
            "counts": dict(self.counts),
        }

    def as_text(self) -> str:
        lines = [
            f"path: {self.path}",
            f"schema_version: {self.info.schema_version}",
            f"dataset_version: {self.info.dataset_version}",
            f"as_of: {self.info.as_of}",
            f"coverage_through: {self.info.coverage_through}",
            f"content_sha256: {self.info.content_sha256}",
            "rows per view:",
        ]
        width = max((len(view) for view in self.counts), default=0)
        lines += [f"  {view:<{width}}  {count:>6}" for view, count in self.counts.items()]
        return "\n".join(lines)


def summarize(store: ReferenceStore, with_counts: bool = True) -> DatasetSummary:
    """The database's identity; row counts are skipped where only the versions are needed."""
    counts = store.view_counts() if with_counts else {}
    return DatasetSummary(store.path, store.dataset_info(), counts, _installed_on(store.path))


def _installed_on(path: Path) -> str:
    from briefer import paths
    from briefer.store.dataset_choice import installed_db

    found = installed_db(paths.user_data_dir())
    if found is None or found[0].resolve() != Path(path).resolve():
        return ""
    return found[1].installed_utc
