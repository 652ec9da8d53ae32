"""Shared fixtures: offscreen Qt, a private user folder, and a tiny reference database."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# GUI tests run offscreen on a 1920x1080 "screen" (Qt's default offscreen screen is 800x800,
# smaller than an analyst's workstation and than the main window's minimum size).
_SCREEN = Path(__file__).with_name("offscreen-screen.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

from briefer.store.build import build_database  # noqa: E402
from briefer.store.source_files import read_source_set  # noqa: E402
from tests.fixture_data import write_dataset  # noqa: E402


@pytest.fixture(autouse=True)
def private_user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real user folder; never pick up a developer's BRIEFER_DB."""
    folder = tmp_path / "user"
    monkeypatch.setenv("BRIEFER_USER_DIR", str(folder))
    monkeypatch.delenv("BRIEFER_DB", raising=False)
    return folder


@pytest.fixture
def source_dir(tmp_path: Path) -> Path:
    return write_dataset(tmp_path / "data")


@pytest.fixture
def fixture_db(source_dir: Path, tmp_path: Path) -> Path:
    return build_database(read_source_set(source_dir), tmp_path / "fixture.db")
