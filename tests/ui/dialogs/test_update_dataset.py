"""File > Update dataset… and Return to the previous dataset, with the status line after."""

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefer import paths
from briefer.services.dataset import summarize
from briefer.store.dataset_choice import (
    dataset_version_of,
    read_pointer,
    reference_for_reading,
)
from briefer.store.reference import ReferenceStore
from briefer.ui.dialogs.update_dataset import ask_return_to_previous, ask_update_dataset
from tests.fixture_data import signed_pack


@pytest.fixture
def said(monkeypatch):
    """What the dialogs told the analyst: (kind, title, text) per message box."""
    shown: list[tuple[str, str, str]] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            lambda _parent, title, text, *_a, _kind=kind: shown.append((_kind, title, text)),
        )
    return shown


def _pack(version, tmp_path, monkeypatch):
    pack, keys = signed_pack(tmp_path, version)
    monkeypatch.setenv("BRIEFER_TRUSTED_KEYS", str(keys))
    return pack


def _choose(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


def test_a_newer_pack_is_installed_and_the_status_line_says_so(
    qtbot, window, tmp_path, monkeypatch, said, private_user_dir
):
    _choose(monkeypatch, _pack("2099.1", tmp_path, monkeypatch))
    outcome = ask_update_dataset(window)
    assert outcome and "Installed dataset 2099.1" in outcome
    assert said == [("information", "Dataset updated", outcome)]
    store = ReferenceStore(reference_for_reading())
    line = summarize(store, with_counts=False).status_line
    store.close()
    assert line.startswith("Dataset 2099.1 · installed 20") and line.endswith("· offline")


def test_an_altered_pack_is_a_warning_and_nothing_changes(
    qtbot, window, tmp_path, monkeypatch, said, private_user_dir
):
    pack = _pack("2099.1", tmp_path, monkeypatch)
    data = bytearray(pack.read_bytes())
    data[len(data) // 2] ^= 0x01
    pack.write_bytes(bytes(data))
    _choose(monkeypatch, pack)
    assert ask_update_dataset(window) is None
    [(kind, title, text)] = said
    assert kind == "warning" and title == "Dataset not updated" and "Nothing changed" in text
    assert read_pointer(private_user_dir) == (None, None)


def test_an_older_pack_is_installed_only_when_the_analyst_confirms(
    qtbot, window, tmp_path, monkeypatch, said, private_user_dir
):
    _choose(monkeypatch, _pack("2001.1", tmp_path, monkeypatch))
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    assert ask_update_dataset(window) is None  # declined: nothing changed, nothing said
    assert said == [] and read_pointer(private_user_dir) == (None, None)
    assert "Installed dataset 2001.1" in (ask_update_dataset(window) or "")
    bundled = dataset_version_of(paths.bundled_db_path())
    assert ask_return_to_previous(window) == (
        f"Briefer now reads the bundled dataset ({bundled})."
    )
    assert ask_return_to_previous(window) is None
    assert said[-1][1] == "Nothing to return to"


def test_the_file_menu_offers_both_actions(window):
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    texts = [a.text() for a in file_menu.actions()]
    assert "&Update dataset…" in texts and "Return to the &previous dataset" in texts
