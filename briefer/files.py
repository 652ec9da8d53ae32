"""Writing the files the analyst exports (briefings, notes, charts) so they are whole or absent.

Every export goes through :func:`write_atomically`: it only ever replaces a regular file (never
a device, FIFO, socket or folder, even when run as root), writes through symbolic links, keeps
an existing file's permissions, and renames a synced temporary file into place.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)


class UnsafeOutputError(OSError):
    """The output path names something that is not a regular file, so nothing was written.

    An ``OSError`` so every caller that already reports a failed write (``except OSError``)
    reports this one too. ``str(error)`` is the whole one-line message; ``strerror`` is the
    reason alone, so the usual ``f"cannot write {path}: {error.strerror}"`` reads right too.
    """

    def __init__(self, path: Path, reason: str, message: str | None = None) -> None:
        super().__init__(reason)
        self.path = path
        self.strerror = reason
        self._message = message or f"will not write {path}: {reason}"

    def __str__(self) -> str:
        return self._message


def _not_a_file(path: Path, kind: str) -> UnsafeOutputError:
    return UnsafeOutputError(path, f"it is {kind}, not a regular file")


def _default_mode() -> int:
    """What a newly created file gets here: 0o666 less the process's umask."""
    return 0o666 & ~_umask()


def prime() -> None:
    """Read the umask now, on the main thread, before any export runs on another."""
    _umask()


@functools.cache
def _umask() -> int:
    """The umask, read without changing it where the system says it (Linux): setting it to
    read it would, for a moment, apply to files other threads create. Elsewhere it is read
    once, the first time (at start-up, before any export thread)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _existing(path: Path) -> os.stat_result | None:
    """The stat of the regular file at ``path``, None when there is none yet.

    Raises:
        UnsafeOutputError: ``path`` is a folder, device, FIFO or socket.
    """
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    for test, kind in _KINDS:
        if test(found.st_mode):
            raise _not_a_file(path, kind)
    if not stat.S_ISREG(found.st_mode):
        raise _not_a_file(path, "something else")
    return found


def check_output(output: str, binary: bool = True) -> None:
    """Refuse, before any work is done, an output that cannot take the result: for ``-`` a
    terminal (binary data), otherwise a folder, device, FIFO or socket, or a missing folder.

    Raises:
        UnsafeOutputError: the output is not something to write into.
        FileNotFoundError: the folder it would go in does not exist.
    """
    if output == "-":
        if binary and sys.stdout.buffer.isatty():
            reason = "standard output is a terminal"
            message = "will not write binary data to a terminal: redirect standard output"
            raise UnsafeOutputError(Path("-"), reason, message)
        return
    target = output_target(Path(output).expanduser())
    _existing(target)
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(target.parent))


def output_target(path: Path) -> Path:
    """Where writing ``path`` really lands: symbolic links followed to their final target (a
    dangling link's target is created, as the shell's ``>`` does)."""
    return Path(os.path.realpath(path))


def write_atomically(path: Path, data: bytes, prefix: str = ".briefer-") -> Path:
    """Write ``data`` to ``path`` so it is the old file or the new one, never a partial one.

    Returns ``path`` as given. Raises UnsafeOutputError (before writing anything) when the
    path is not a regular file, and OSError when the write fails; no temporary file remains.
    """
    target = output_target(path)
    old = _existing(target)
    handle, temp = tempfile.mkstemp(prefix=prefix, suffix=target.suffix, dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        _take_over_attributes(temp, old)
        _existing(target)  # checked again: something may have appeared there meanwhile
        os.replace(temp, target)
    finally:
        Path(temp).unlink(missing_ok=True)
    sync_folder(target.parent)
    return path


def _take_over_attributes(temp: str, old: os.stat_result | None) -> None:
    """The old file's permission bits (and owner, when allowed), else ordinary new-file ones."""
    if old is None:
        os.chmod(temp, _default_mode())
        return
    if hasattr(os, "chown") and (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(OSError):
            os.chown(temp, old.st_uid, old.st_gid)
    os.chmod(temp, stat.S_IMODE(old.st_mode))


def sync_folder(folder: Path) -> None:
    """Make renames in ``folder`` durable; not every system can open a folder (Windows cannot)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_stream(data: bytes, stream: BinaryIO | None = None, binary: bool = False) -> bool:
    """Write ``data`` to standard output (or ``stream``) for ``-o -``; False when the reader
    stopped early (``| head``), which ends quietly: what follows goes nowhere.

    Raises:
        UnsafeOutputError: ``binary`` data (a PDF) and the stream is a terminal it would garble.
    """
    out = stream if stream is not None else sys.stdout.buffer
    if binary and out.isatty():
        reason = "standard output is a terminal"
        message = "will not write binary data to a terminal: redirect standard output"
        raise UnsafeOutputError(Path("-"), reason, message)
    try:
        out.write(data)
        out.flush()
    except BrokenPipeError:
        nowhere = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nowhere, out.fileno())
        os.close(nowhere)
        return False
    return True
