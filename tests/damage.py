"""Damage inside a SQLite file that still opens: the header and schema stay readable."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def corrupt_table(path: Path, table: str) -> None:
    """Overwrite the root page of ``table`` (for FTS5, of its data table); reading it fails."""
    conn = sqlite3.connect(path)
    names = (table, f"{table}_data")
    rows = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name IN (?, ?) AND rootpage > 0", names
    ).fetchall()
    conn.close()
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    for (root,) in rows:
        data[(root - 1) * size : root * size] = b"\x5a" * size
    data[24:28] = (int.from_bytes(data[24:28], "big") + 1).to_bytes(4, "big")  # drop caches
    path.write_bytes(bytes(data))
