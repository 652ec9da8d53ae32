"""What went wrong with a file or database, in words an analyst can act on.

Only ``CORRUPT`` means the file itself is damaged; every other fault (a full disk, a read-only
folder, a lock held by another program) leaves the file as it is.
"""

from __future__ import annotations

import errno
import sqlite3
from enum import Enum


class Fault(Enum):
    CORRUPT = "the file is damaged or is not a Briefer database"
    FULL = "the disk is full"
    IO = "the disk reported an input/output error"
    PERMISSION = "permission was denied"
    READ_ONLY = "the file or its folder is read-only"
    LOCKED = "another program is holding the database locked"
    OTHER = "an unexpected error occurred"


_SQLITE_CODES = {
    3: Fault.PERMISSION,  # SQLITE_PERM
    5: Fault.LOCKED,  # SQLITE_BUSY
    6: Fault.LOCKED,  # SQLITE_LOCKED
    8: Fault.READ_ONLY,  # SQLITE_READONLY
    10: Fault.IO,  # SQLITE_IOERR
    11: Fault.CORRUPT,  # SQLITE_CORRUPT
    13: Fault.FULL,  # SQLITE_FULL
    14: Fault.PERMISSION,  # SQLITE_CANTOPEN: a missing folder or no right to open
    23: Fault.PERMISSION,  # SQLITE_AUTH
    26: Fault.CORRUPT,  # SQLITE_NOTADB
}
_ERRNOS = {
    errno.ENOSPC: Fault.FULL,
    errno.EDQUOT: Fault.FULL,
    errno.EACCES: Fault.PERMISSION,
    errno.EPERM: Fault.PERMISSION,
    errno.EROFS: Fault.READ_ONLY,
    errno.EIO: Fault.IO,
}


def classify(error: BaseException) -> Fault:
    """The fault behind an ``OSError`` or ``sqlite3.Error`` (by SQLite's primary result code)."""
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        if isinstance(code, int):
            return _SQLITE_CODES.get(code & 0xFF, Fault.OTHER)
        return Fault.CORRUPT if "malformed" in str(error) else Fault.OTHER
    if isinstance(error, OSError) and error.errno is not None:
        return _ERRNOS.get(error.errno, Fault.OTHER)
    return Fault.OTHER


def describe(error: BaseException) -> str:
    """``"the disk is full (database or disk is full)"``: the fault, then the raw detail."""
    fault = classify(error)
    detail = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return fault.value if not detail or detail == fault.value else f"{fault.value} ({detail})"
