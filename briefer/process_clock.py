"""Seconds since this process started, for start-up measurements."""

from __future__ import annotations

import os
import time
from pathlib import Path

_IMPORTED_AT = time.monotonic()


def _linux_process_age() -> float | None:
    try:
        stat = Path("/proc/self/stat").read_text()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    start_ticks = int(fields[19])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def seconds_since_start() -> float:
    """Process age from the kernel where it keeps one (Linux), else since Briefer was imported."""
    age = _linux_process_age()
    return age if age is not None else time.monotonic() - _IMPORTED_AT
