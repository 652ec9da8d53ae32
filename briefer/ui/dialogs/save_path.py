"""Asking where to save an export, with the file type's suffix guaranteed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def with_suffix(name: str, suffix: str) -> Path:
    """``name`` ending in ``.suffix`` (any case kept), added when the user left it out."""
    return Path(name if name.lower().endswith(f".{suffix}") else f"{name}.{suffix}")


def ask_save_path(parent: QWidget, title: str, suggested: str, suffix: str) -> Path | None:
    """The chosen path with its suffix, or None when the user cancelled."""
    name, _ = QFileDialog.getSaveFileName(
        parent, title, suggested, f"{suffix.upper()} (*.{suffix})"
    )
    return with_suffix(name, suffix) if name else None
