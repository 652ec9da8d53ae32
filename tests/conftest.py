"""Shared fixtures: offscreen Qt, a private user folder, and a tiny reference database."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
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
    """The fixture's source files, this test's own copy: free to change."""
    return write_dataset(tmp_path / "data")


@pytest.fixture(scope="session")
def _shared_fixture_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """Built once per run; the pristine bytes are kept to check and restore it."""
    folder = tmp_path_factory.mktemp("reference")
    path = build_database(read_source_set(write_dataset(folder / "data")), folder / "fixture.db")
    path.chmod(0o444)  # writes fail, except as root: fixture_db checks that too
    return path, path.read_bytes()


@pytest.fixture
def fixture_db(_shared_fixture_db: tuple[Path, bytes]) -> Iterator[Path]:
    """The tiny reference database, shared by the whole run: open it read-only, never change it.

    A test that changes it fails (and the pristine file is put back for the tests after it);
    a test that needs to change the data asks for ``writable_fixture_db`` instead.
    """
    path, pristine = _shared_fixture_db
    yield path
    journals = [path.with_name(path.name + end) for end in ("-journal", "-wal", "-shm")]
    changed = [p.name for p in journals if p.exists()]
    if path.read_bytes() != pristine:
        changed.insert(0, path.name)
    if changed:
        for journal in journals:
            journal.unlink(missing_ok=True)
        path.chmod(0o644)
        path.write_bytes(pristine)
        path.chmod(0o444)
        pytest.fail(
            f"the test changed the shared fixture_db ({', '.join(changed)}); "
            "a test that changes the data uses writable_fixture_db"
        )


@pytest.fixture
def writable_fixture_db(_shared_fixture_db: tuple[Path, bytes], tmp_path: Path) -> Path:
    """This test's own copy of the fixture database, to change or damage."""
    path = tmp_path / "fixture.db"
    path.write_bytes(_shared_fixture_db[1])
    return path


@pytest.fixture
def fixture_conn(fixture_db: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the shared fixture database."""
    conn = sqlite3.connect(f"{fixture_db.resolve().as_uri()}?mode=ro", uri=True)
    yield conn
    conn.close()
