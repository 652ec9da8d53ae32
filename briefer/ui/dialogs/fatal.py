"""A message that stops start-up: shown as a dialog, and echoed as one line on stderr."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox, QWidget

from briefer.meta import APP_NAME


def show_fatal(message: str, parent: QWidget | None = None, interactive: bool = True) -> None:
    print(f"briefer: error: {message}", file=sys.stderr)
    if interactive:
        QMessageBox.critical(parent, f"{APP_NAME} cannot start", message)
