"""Export paths always carry their file type's suffix."""

from pathlib import Path

from briefer.ui.dialogs.save_path import with_suffix


def test_a_missing_suffix_is_added():
    assert with_suffix("/tmp/brief", "pdf") == Path("/tmp/brief.pdf")


def test_a_present_suffix_is_kept_in_any_case():
    assert with_suffix("/tmp/Brief.PDF", "pdf") == Path("/tmp/Brief.PDF")


def test_a_different_suffix_gets_the_right_one_appended():
    assert with_suffix("/tmp/chart.svg", "png") == Path("/tmp/chart.svg.png")
