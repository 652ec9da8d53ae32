"""Start-up shortcuts give the same results as the long way round."""

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt

from briefer import cli
from briefer.domain.records import EntityRef
from briefer.ui.models.record_table import Column, RecordTableModel
from briefer.ui.panels.record_table import RecordTable


@pytest.mark.parametrize(
    "argv",
    [[], ["--smoke-test"], ["--db", "x.db", "--smoke-test"], ["--db=y.db"], ["--version"]],
)
def test_the_window_command_line_parses_as_with_every_subcommand(argv):
    assert cli._window_options_only(argv)
    assert vars(cli.parse(argv)) == vars(cli.build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv", [["data", "info"], ["search", "x"], ["--smoke"], ["--db"], ["--db", "-x"], ["-h"], ["x"]]
)
def test_anything_else_gets_the_whole_parser(argv):
    assert not cli._window_options_only(argv)


@dataclass(frozen=True)
class Row:
    id: str
    title: str | None


def test_columns_are_fitted_to_the_texts_the_cells_show(qtbot):
    columns = (
        Column("Id", lambda r: r.id),
        Column("Title", lambda r: r.title),
        Column("Last", lambda r: ""),
    )
    model = RecordTableModel(columns, lambda r: EntityRef("event", r.id))
    rows = [Row("a", "A rather long title for a row"), Row("bb", None), Row("ccc", "Short")] * 3
    model.set_records(rows)
    table = RecordTable(model, "test table")
    qtbot.addWidget(table)
    for column in range(2):
        texts = [str(model.index(row, column).data() or "") for row in range(model.rowCount())]
        assert model.column_texts(column) == texts
        assert model.column_texts(column, 2) == texts[:2]
    table.fit_columns(max_chars=150)
    metrics, bold = table.fontMetrics(), table.horizontalHeader().fontMetrics()
    for column in range(2):
        header = str(model.headerData(column, Qt.Orientation.Horizontal))
        cells = [model.index(row, column).data() or "" for row in range(model.rowCount())]
        expected = max(
            [bold.horizontalAdvance(header) + 28]
            + [metrics.horizontalAdvance(str(text)) + 16 for text in cells]
        )
        assert table.columnWidth(column) == expected
