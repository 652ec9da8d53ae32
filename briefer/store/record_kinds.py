"""Every kind of record in the dataset, declared once.

A `RecordKind` names its source file in ``data/``, its table, and its columns with their type
and whether they are required. Everything else is derived from these declarations: the CSV
columns read and checked (`source_files`), the tables created with sqlite-utils and the rows
loaded into them (`build`), the citations each row makes, and the unique keys that
``data check`` enforces. The domain dataclasses declare the fields read back from the
public views; `row_records` maps rows onto them by field name and type.

Adding a column: declare it here, add it to the CSV, and add it to a public view if other
tools should see it (and to the dataclass if the app reads it).
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class ColumnType(StrEnum):
    TEXT = "text"
    REAL = "real"
    INTEGER = "integer"
    FLAG = "flag"  # 0 or 1, read back as a bool
    LIST = "list"  # ";"-separated in the CSV, a JSON array in the database


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType = ColumnType.TEXT
    required: bool = False
    references: str | None = None  # "table.column" this column points to

    @property
    def sql_type(self) -> builtins.type[object]:
        return {ColumnType.REAL: float, ColumnType.INTEGER: int, ColumnType.FLAG: int}.get(
            self.type, str
        )


def text(name: str, required: bool = False, references: str | None = None) -> Column:
    return Column(name, ColumnType.TEXT, required, references)


def real(name: str, required: bool = False) -> Column:
    return Column(name, ColumnType.REAL, required)


def integer(name: str, required: bool = False, references: str | None = None) -> Column:
    return Column(name, ColumnType.INTEGER, required, references)


def flag(name: str) -> Column:
    return Column(name, ColumnType.FLAG, required=True)


def items(name: str, required: bool = False) -> Column:
    return Column(name, ColumnType.LIST, required)


SOURCES = items("sources", required=True)
CONFIDENCE = text("confidence", required=True)


@dataclass(frozen=True)
class RecordKind:
    """One kind of record: where it lives in ``data/`` and in the database, and its columns.

    ``entity`` is the citation kind (None: its rows cite nothing); ``sources`` is never a
    table column but becomes rows of ``citations`` in citation order.
    """

    file: str
    table: str
    entity: str | None
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ("id",)
    loaded: bool = True  # False: the build writes this table itself

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns if column.required)

    @property
    def lists(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.type == ColumnType.LIST)

    @property
    def table_columns(self) -> tuple[Column, ...]:
        return tuple(column for column in self.columns if column.name != "sources")

    def entity_id(self, values: Mapping[str, object]) -> str:
        """The id a citation names: the key's values joined by ``/``."""
        return "/".join(str(values.get(part) or "") for part in self.key)


RECORD_KINDS: tuple[RecordKind, ...] = (
    RecordKind(
        "dataset.csv", "dataset", None, (text("key", True), text("value", True)), ("key",), False
    ),
    RecordKind(
        "sources.csv",
        "source_docs",
        None,
        (
            text("id", True),
            text("title", True),
            text("publisher", True),
            text("url"),
            text("published"),
            text("accessed", True),
            text("kind", True),
            text("note"),
        ),
    ),
    RecordKind(
        "sites.csv",
        "sites",
        "site",
        (
            text("id", True),
            text("name", True),
            text("native_name"),
            items("aliases"),
            text("country", True),
            real("latitude"),
            real("longitude"),
            text("summary"),
            SOURCES,
            CONFIDENCE,
        ),
    ),
    RecordKind(
        "subjects.csv",
        "subjects",
        "subject",
        (
            text("id", True),
            text("name", True),
            text("kind", True),
            text("country", True),
            text("native_name"),
            items("aliases"),
            text("family"),
            text("derived_from"),
            text("operator"),
            text("status"),
            text("summary"),
            SOURCES,
            CONFIDENCE,
        ),
    ),
    RecordKind(
        "specs.csv",
        "specs",
        "spec",
        (
            text("subject_id", True, references="subjects.id"),
            text("attribute", True),
            real("value"),
            text("value_text"),
            text("unit"),
            real("value_low"),
            real("value_high"),
            CONFIDENCE,
            items("sources"),
            text("note"),
        ),
        key=("subject_id", "attribute"),
    ),
    RecordKind(
        "launch_attempts.csv",
        "launches",
        "launch_attempt",
        (
            text("id", True),
            text("date_utc", True),
            text("time_utc"),
            text("date_local", True),
            text("time_local"),
            text("utc_offset"),
            text("vehicle_id", True, references="subjects.id"),
            text("site_id", True, references="sites.id"),
            text("payload_id", references="subjects.id"),
            text("outcome", True),
            text("claimed_outcome", True),
            text("failure_stage"),
            real("failure_time_s"),
            flag("reached_orbit"),
            text("norad_id"),
            text("cospar_id"),
            text("summary", True),
            SOURCES,
            CONFIDENCE,
        ),
    ),
    RecordKind(
        "events.csv",
        "events",
        "event",
        (
            text("id", True),
            text("date_utc", True),
            text("date_precision", True),
            text("end_date_utc"),
            text("category", True),
            text("title", True),
            text("summary"),
            items("actors"),
            SOURCES,
            CONFIDENCE,
            text("vehicle_id", references="subjects.id"),
            text("outcome"),
        ),
    ),
    RecordKind(
        "resolutions.csv",
        "resolutions",
        "resolution",
        (
            integer("number", True),
            text("symbol", True),
            text("adopted", True),
            text("vote"),
            text("trigger"),
            items("triggered_by"),
            text("summary"),
            SOURCES,
        ),
        key=("number",),
    ),
    RecordKind(
        "organisations.csv",
        "organisations",
        "organisation",
        (
            text("id", True),
            text("name", True),
            text("native_name"),
            items("aliases"),
            text("country", True),
            text("kind", True),
            text("summary"),
            SOURCES,
            CONFIDENCE,
        ),
    ),
    RecordKind(
        "claims.csv",
        "claims",
        "claim",
        (
            text("id", True),
            text("subject_kind", True),
            text("subject_id", True),
            text("attribute", True),
            text("claimant", True),
            text("claimed_value", True),
            text("claim_date", True),
            SOURCES,
            flag("adopted"),
            text("rationale", True),
        ),
    ),
    RecordKind(
        "launch_links.csv",
        "launch_links",
        "launch_link",
        (
            text("launch_id", True, references="launches.id"),
            text("target_kind", True),
            text("target_id", True),
            text("relation", True),
            text("note"),
            items("sources"),
        ),
        key=("launch_id", "target_kind", "target_id"),
    ),
    RecordKind(
        "provisions.csv",
        "provisions",
        "provision",
        (
            text("id", True),
            integer("resolution_number", True, references="resolutions.number"),
            text("paragraph", True),
            items("topics"),
            text("summary", True),
            text("relevance"),
            text("status", True),
            text("status_since"),
            SOURCES,
            CONFIDENCE,
        ),
    ),
)

RECORD_KINDS += (
    RecordKind(
        "scenarios.csv",
        "scenarios",
        "scenario",
        (text("id", True), text("title", True), text("summary", True), SOURCES, CONFIDENCE),
    ),
    RecordKind(
        "scenario_links.csv",
        "scenario_targets",  # the public view is called scenario_links
        "scenario_link",
        (
            text("scenario_id", True, references="scenarios.id"),
            text("target_kind", True),
            text("target_id", True),
            text("relation", True),
            text("reasoning", True),
            SOURCES,
            CONFIDENCE,
        ),
        key=("scenario_id", "target_kind", "target_id"),
    ),
)

RECORD_KINDS += (
    RecordKind(
        "map_features.csv",
        "map_shapes",  # the public view, map_features, adds the launch sites
        "map_feature",
        (
            text("id", True),
            text("kind", True),
            text("geometry", True),
            text("launch_id", references="launches.id"),
            text("event_id", references="events.id"),
            text("label", True),
            SOURCES,
            CONFIDENCE,
        ),
    ),
)

RECORD_KINDS_BY_FILE = {kind.file: kind for kind in RECORD_KINDS}
