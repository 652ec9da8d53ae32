"""Shared fixtures: offscreen Qt, a private user folder, and a tiny reference database."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

from briefer.store.build import build_database
from briefer.store.source_files import read_source_set
from tests.fixture_data import write_dataset


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
