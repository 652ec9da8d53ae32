"""The record declarations are the one place a record's columns are written."""

import csv
import sqlite3

import pytest

from briefer import paths
from briefer.store.record_kinds import RECORD_KINDS, ColumnType


@pytest.mark.parametrize("kind", RECORD_KINDS, ids=lambda kind: kind.file)
def test_each_shipped_csv_header_is_its_declaration(kind):
    with (paths.data_dir() / kind.file).open(encoding="utf-8", newline="") as handle:
        header = tuple(next(csv.reader(handle)))
    assert header == kind.column_names


def test_each_table_is_derived_from_its_declaration(fixture_conn: sqlite3.Connection):
    for kind in RECORD_KINDS:
        info = fixture_conn.execute(f"PRAGMA table_info([{kind.table}])").fetchall()
        found = {row[1]: (row[2], bool(row[3])) for row in info}
        expected = {
            column.name: (
                {str: "TEXT", int: "INTEGER", float: "REAL"}[column.sql_type],
                column.required or column.type == ColumnType.LIST,
            )
            for column in kind.table_columns
        }
        assert found == expected, kind.table


def test_references_are_declared_foreign_keys(fixture_conn: sqlite3.Connection):
    for kind in RECORD_KINDS:
        declared = {
            (column.name, column.references)
            for column in kind.columns
            if column.references is not None
        }
        found = {
            (row[3], f"{row[2]}.{row[4]}")
            for row in fixture_conn.execute(f"PRAGMA foreign_key_list([{kind.table}])")
        }
        assert found == declared, kind.table


def test_every_cited_row_has_a_citation_kind_and_a_key():
    for kind in RECORD_KINDS:
        if "sources" in kind.column_names:
            assert kind.entity is not None and set(kind.key) <= set(kind.column_names), kind.file
