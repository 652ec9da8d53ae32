"""What a dataset update changed, as the analyst reads it: the "What's new" list (each item
opening its record), the timeline's "new since" set, and the notes to mark as outdated.

The comparison is between the dataset in use and the one it replaced: the previous installed
dataset, or the bundled one when the first pack was installed over it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import EntityKind
from briefer.store.dataset_choice import dataset_version_of
from briefer.store.dataset_diff import KindDiff, RecordChange, diff_databases

# table -> (the kind of record it holds or belongs to, how the kind is called)
_KINDS: dict[str, tuple[EntityKind, str]] = {
    "source_docs": (EntityKind.SOURCE, "Source"),
    "sites": (EntityKind.SITE, "Launch site"),
    "subjects": (EntityKind.SUBJECT, "Launch vehicle or satellite"),
    "specs": (EntityKind.SUBJECT, "Specification"),
    "launches": (EntityKind.LAUNCH_ATTEMPT, "Launch attempt"),
    "events": (EntityKind.EVENT, "Timeline event"),
    "resolutions": (EntityKind.RESOLUTION, "Resolution"),
    "organisations": (EntityKind.ORGANISATION, "Organisation"),
    "claims": (EntityKind.CLAIM, "Claim"),
    "launch_links": (EntityKind.LAUNCH_ATTEMPT, "Link of a launch"),
    "provisions": (EntityKind.PROVISION, "Sanctions provision"),
}
# rows that are part of another record (a subject's specification, a launch's link): their
# key starts with the owner's id, and any change to them changes the owner
_PARTS = frozenset({"specs", "launch_links"})
TIMELINE_KINDS = frozenset({EntityKind.LAUNCH_ATTEMPT, EntityKind.EVENT, EntityKind.RESOLUTION})


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class ChangeItem:
    change: str  # added | changed | removed
    kind_label: str
    key: str  # the record's key in its table (``subject/attribute`` for a specification)
    owner: EntityRef | None  # the record to open (None: removed from the dataset)
    fields: tuple[FieldChange, ...] = ()
    part: bool = False  # a row of ``owner`` (a specification, a link) rather than the record


@dataclass(frozen=True)
class WhatsNew:
    version: str
    previous: str  # '' when there is nothing to compare with
    items: tuple[ChangeItem, ...] = ()

    def count(self, change: str) -> int:
        return sum(1 for item in self.items if item.change == change)

    @property
    def summary(self) -> str:
        if not self.previous:
            return (
                f"Dataset {self.version} did not replace an installed one (it shipped with "
                "Briefer, is named by --db, or the one before it is gone): nothing to compare."
            )
        if not self.items:
            return f"Dataset {self.version} holds the same records as {self.previous}."
        counts = ", ".join(
            f"{self.count(change)} {change}" for change in ("added", "changed", "removed")
        )
        return f"Dataset {self.version} since {self.previous}: {counts}."

    def touched(self) -> set[EntityRef]:
        """The records still in the dataset that were added or changed."""
        return {item.owner for item in self.items if item.owner is not None}

    def changed_records(self) -> set[EntityRef]:
        """Records that existed before and differ now (a note on them may be outdated)."""
        new = {item.owner for item in self.items if item.change == "added" and not item.part}
        return self.touched() - new

    def new_on_timeline(self) -> set[EntityRef]:
        return {ref for ref in self.touched() if ref.kind in TIMELINE_KINDS}


def whats_new(in_use: Path, before: Path | None) -> WhatsNew:
    """The changes from ``before`` to ``in_use`` (nothing to compare when ``before`` is None).

    Raises:
        StoreError: either database cannot be read.
    """
    version = dataset_version_of(in_use)
    if before is None:
        return WhatsNew(version, "")
    diffs = diff_databases(before, in_use)
    items = tuple(item for diff in diffs for item in _items(diff))
    return WhatsNew(version, dataset_version_of(before) or before.name, items)


def _items(diff: KindDiff) -> Iterable[ChangeItem]:
    kind, kind_label = _KINDS.get(diff.kind, (None, diff.kind))
    part = diff.kind in _PARTS

    def owner(key: str) -> EntityRef | None:
        return EntityRef(kind, key.split("/")[0] if part else key) if kind else None

    for key in diff.added:
        yield ChangeItem("added", kind_label, key, owner(key), part=part)
    for change in diff.changed:
        yield ChangeItem(
            "changed", kind_label, change.key, owner(change.key), _fields(change), part
        )
    for key in diff.removed:
        yield ChangeItem("removed", kind_label, key, owner(key) if part else None, part=part)


def _fields(change: RecordChange) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(name, _text(before), _text(after))
        for name, (before, after) in change.fields.items()
    )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
