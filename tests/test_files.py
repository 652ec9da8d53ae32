import errno
import io
import os
import socket
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


def test_overwriting_keeps_the_files_permission_bits(tmp_path):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old")
    target.chmod(0o640)
    files.write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def _fifo(folder):
    path = folder / "pipe.pdf"
    os.mkfifo(path)
    return path


def _socket(folder):
    path = folder / "s.pdf"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    return path


def _folder(folder):
    path = folder / "sub.pdf"
    path.mkdir()
    return path


@pytest.mark.parametrize(
    ("make", "is_kind", "word"),
    [
        (_fifo, stat.S_ISFIFO, "named pipe"),
        (_socket, stat.S_ISSOCK, "socket"),
        (_folder, stat.S_ISDIR, "folder"),
    ],
)
def test_anything_but_a_regular_file_is_refused_untouched(tmp_path, make, is_kind, word):
    path = make(tmp_path)
    with pytest.raises(files.UnsafeOutputError, match=word) as caught:
        files.write_atomically(path, b"%PDF")
    assert is_kind(os.lstat(path).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no temporary left
    assert len(str(caught.value).splitlines()) == 1 and str(path) in str(caught.value)


def test_a_device_is_refused_before_anything_is_written(monkeypatch):
    monkeypatch.setattr(files.tempfile, "mkstemp", pytest.fail)
    with pytest.raises(files.UnsafeOutputError, match="/dev/null: it is a character device"):
        files.write_atomically(files.Path("/dev/null"), b"%PDF")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_the_refusal_is_an_oserror_so_existing_handlers_catch_it(tmp_path):
    with pytest.raises(OSError):
        files.write_atomically(tmp_path, b"x")


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real.pdf"
    real.write_bytes(b"old")
    real.chmod(0o600)
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    assert files.write_atomically(link, b"new") == link
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"new" and stat.S_IMODE(real.stat().st_mode) == 0o600


def test_a_symlink_to_a_device_is_refused(tmp_path):
    link = tmp_path / "null.pdf"
    link.symlink_to("/dev/null")
    with pytest.raises(files.UnsafeOutputError, match="character device"):
        files.write_atomically(link, b"%PDF")
    assert link.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.pdf"
    link.symlink_to(tmp_path / "later.pdf")
    files.write_atomically(link, b"new")
    assert link.is_symlink() and (tmp_path / "later.pdf").read_bytes() == b"new"


def _no_space(*_args):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class _FullDisk(io.BytesIO):
    def __init__(self, fd, _mode):
        super().__init__()
        os.close(fd)

    def write(self, _data):
        _no_space()


@pytest.mark.parametrize("where", ["write", "fsync"])
def test_a_full_disk_keeps_the_old_file_and_no_temporary(tmp_path, monkeypatch, where):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old")
    if where == "write":
        monkeypatch.setattr(files.os, "fdopen", _FullDisk)
    else:
        monkeypatch.setattr(files.os, "fsync", _no_space)
    with pytest.raises(OSError) as caught:
        files.write_atomically(target, b"new")
    assert caught.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_the_file_is_synced_before_it_is_renamed(tmp_path, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(files.os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd)))
    monkeypatch.setattr(
        files.os, "replace", lambda a, b: (events.append("replace"), real_replace(a, b))
    )
    files.write_atomically(tmp_path / "b.pdf", b"x")
    assert events[:2] == ["fsync", "replace"]


def test_writing_to_a_stream_and_refusing_binary_data_on_a_terminal(tmp_path):
    with open(tmp_path / "out", "wb") as out:
        assert files.write_stream(b"%PDF", out, binary=True) is True
    assert (tmp_path / "out").read_bytes() == b"%PDF"
    leader, follower = os.openpty()
    with open(follower, "wb") as terminal:
        with pytest.raises(files.UnsafeOutputError, match="terminal"):
            files.write_stream(b"%PDF", terminal, binary=True)
        assert files.write_stream(b"{}\n", terminal) is True  # text may go to a terminal
    assert os.read(leader, 16) == b"{}\r\n"
    os.close(leader)


def test_a_reader_that_stops_early_ends_the_stream_quietly():
    read_end, write_end = os.pipe()
    os.close(read_end)
    with open(write_end, "wb") as out:
        assert files.write_stream(b"%PDF" * 100_000, out) is False
        out.write(b"more")  # standard output now goes nowhere: no second BrokenPipeError
        out.flush()


def test_the_refusal_reads_right_in_the_usual_cannot_write_message(tmp_path):
    with pytest.raises(files.UnsafeOutputError) as caught:
        files.write_atomically(tmp_path, b"x")
    error = caught.value
    assert f"cannot write {tmp_path}: {error.strerror}" == (
        f"cannot write {tmp_path}: it is a folder, not a regular file"
    )
    assert str(error) == f"will not write {tmp_path}: it is a folder, not a regular file"
