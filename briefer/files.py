"""Writing the files the analyst exports (briefings, notes) so they are whole or absent."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _default_mode() -> int:
    """What a newly created file gets here: 0o666 less the process's umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomically(path: Path, data: bytes, prefix: str = ".briefer-") -> Path:
    """Write ``data`` through a temporary file beside ``path`` and rename it into place: a
    failure leaves no partial file. The file gets ordinary permissions, not the temporary
    file's private ones, so colleagues sharing the folder can open it."""
    folder = path.parent if str(path.parent) else Path(".")
    handle, temp = tempfile.mkstemp(prefix=prefix, suffix=path.suffix, dir=folder)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temp, _default_mode())
        os.replace(temp, path)
    finally:
        Path(temp).unlink(missing_ok=True)
    return path
