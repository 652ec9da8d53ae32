"""Closing with a note that could not be saved: Retry, Copy text or Discard, never silence."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

from briefer.ui.panels.note_editor import NoteEditor


def settle_notes(editor: NoteEditor, ask: Callable[[], str]) -> bool:
    """Save pending notes; True when the window may close. Asks while some stay unsaved."""
    editor.flush()
    while editor.has_unsaved():
        choice = ask()
        if choice == "retry":
            editor.retry()
        elif choice == "copy":
            QApplication.clipboard().setText(editor.unsaved_text())
            return False
        elif choice == "discard":
            editor.discard_unsaved()
        else:
            return False
    return True


def keep_for_exit(editor: NoteEditor, folder: Path) -> Path | None:
    """Save what can be saved; write the rest to a recovery file in ``folder`` (the process
    may be killed before a question is answered). Returns that file, if one was written."""
    editor.flush()
    if not editor.has_unsaved():
        return None
    kept = editor.write_recovery(folder)
    where = f"kept in {kept}" if kept else "could not be written anywhere"
    print(f"briefer: warning: unsaved notes {where}", file=sys.stderr)
    return kept


def ask_unsaved(parent: QWidget, status: str) -> str:
    """``retry``, ``copy``, ``discard`` or ``cancel``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Unsaved note")
    box.setText(
        f"{status}\n\nRetry now, copy the text to paste it elsewhere (the window stays "
        "open), or discard it?"
    )
    buttons: dict[QAbstractButton, str] = {
        box.addButton("Retry", QMessageBox.ButtonRole.AcceptRole): "retry",
        box.addButton("Copy text", QMessageBox.ButtonRole.ActionRole): "copy",
        box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole): "discard",
        box.addButton(QMessageBox.StandardButton.Cancel): "cancel",
    }
    box.exec()
    return buttons.get(box.clickedButton(), "cancel")
