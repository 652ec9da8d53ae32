"""Chart exports from the window go through the one atomic writer: refusals are dialogs."""

import errno
import os
import stat

import pytest
from PySide6.QtWidgets import QMessageBox

from briefer import files


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text: shown.append((title, text))
    )
    return shown


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "out").mkdir()
    return tmp_path / "out"


@pytest.fixture
def timeline(window):
    window.tabs.setCurrentWidget(window.panel("timeline"))
    return window.panel("timeline")


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_timeline_export_to_a_fifo_is_a_dialog_and_the_fifo_stays(
    timeline, folder, warnings, suffix
):
    path = folder / f"t.{suffix}"
    os.mkfifo(path)
    assert timeline.export(path) is False
    assert stat.S_ISFIFO(os.lstat(path).st_mode)
    [(title, text)] = warnings
    assert title == "Export failed" and "named pipe" in text and "No file was written" in text
    assert [p.name for p in folder.iterdir()] == [path.name]


def test_timeline_export_through_a_symlink_keeps_link_and_permissions(timeline, tmp_path, warnings):
    real = tmp_path / "real.svg"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "t.svg"
    link.symlink_to(real)
    assert timeline.export(link) is True and warnings == []
    assert link.is_symlink() and stat.S_IMODE(real.stat().st_mode) == 0o640
    assert real.read_text(encoding="utf-8").rstrip().endswith("</svg>")


def test_a_full_disk_is_a_dialog_and_the_old_chart_stays(timeline, folder, warnings, monkeypatch):
    path = folder / "t.png"
    path.write_bytes(b"old chart")

    def no_space(_fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", no_space)
    assert timeline.export(path) is False
    assert path.read_bytes() == b"old chart" and [p.name for p in folder.iterdir()] == ["t.png"]
    assert warnings[0][1].startswith(f"Could not write {path}: No space left on device")


def test_comparison_export_to_a_folder_is_a_dialog(window, tmp_path, warnings):
    window.show_panel("comparison")
    folder = tmp_path / "chart.png"
    folder.mkdir()
    assert window.panel("comparison").export_chart(folder) is False
    assert folder.is_dir() and list(folder.iterdir()) == []
    assert "is a folder, not a regular file" in warnings[0][1]
