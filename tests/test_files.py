import os
import stat

import pytest

from briefer import files


def test_written_file_has_ordinary_permissions_not_private_ones(tmp_path):
    old = os.umask(0o022)
    try:
        target = files.write_atomically(tmp_path / "brief.pdf", b"%PDF-1.4")
    finally:
        os.umask(old)
    assert target.read_bytes() == b"%PDF-1.4"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_failed_write_leaves_neither_file_nor_temporary(tmp_path, monkeypatch):
    def fail(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        files.write_atomically(tmp_path / "notes.json", b"{}")
    assert list(tmp_path.iterdir()) == []
