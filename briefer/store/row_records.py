"""Rows of the reference database turned into domain records, by the records' own fields.

Each domain dataclass declares the fields it reads; a row supplies them by column name.
Lists arrive as JSON arrays, flags as 0/1, and a missing text as NULL: the field's type says
which conversion applies, so no record needs a hand-written mapper.
"""

from __future__ import annotations

import json
import sqlite3
import types
from collections.abc import Callable
from dataclasses import fields
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

Record = TypeVar("Record")
Convert = Callable[[Any], Any]


def as_tuple(text: str | None) -> tuple[str, ...]:
    return tuple(json.loads(text)) if text else ()


def _keep(value: Any) -> Any:
    return value


def _text_or_empty(value: Any) -> Any:
    return value if value is not None else ""


def _converter(hint: Any) -> Convert:
    """How a column's value becomes a field of type ``hint``."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType) and type(None) in get_args(hint):
        return _keep  # optional fields keep NULL as None
    if origin is tuple:
        return as_tuple
    if hint is bool:
        return bool
    if hint is str:
        return _text_or_empty
    return _keep


_PLANS: dict[type, tuple[tuple[str, Convert], ...]] = {}


def _plan(cls: type) -> tuple[tuple[str, Convert], ...]:
    """Each field's name and conversion, worked out once per record class."""
    if cls not in _PLANS:
        hints = get_type_hints(cls)
        _PLANS[cls] = tuple((field.name, _converter(hints[field.name])) for field in fields(cls))
    return _PLANS[cls]


def to_record(cls: type[Record], row: sqlite3.Row) -> Record:
    """``cls`` filled from ``row``; a field without a column keeps its default."""
    columns = set(row.keys())
    values = {name: convert(row[name]) for name, convert in _plan(cls) if name in columns}
    return cls(**values)
