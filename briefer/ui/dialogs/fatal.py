"""Start-up messages: shown as a dialog and echoed as one line on stderr."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox, QWidget

from briefer.meta import APP_NAME


def show_fatal(message: str, parent: QWidget | None = None, interactive: bool = True) -> None:
    print(f"briefer: error: {message}", file=sys.stderr)
    if interactive:
        QMessageBox.critical(parent, f"{APP_NAME} cannot start", message)


def show_notice(message: str, parent: QWidget | None = None, interactive: bool = True) -> None:
    """Something the analyst must know before working (a damaged notes database was kept aside)."""
    print(f"briefer: warning: {message}", file=sys.stderr)
    if interactive:
        QMessageBox.warning(parent, APP_NAME, message)
