"""Closing with a note that could not be saved: Retry, Copy text or Discard, never silence."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

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


def ask_unsaved(parent: QWidget, status: str) -> str:
    """``retry``, ``copy``, ``discard`` or ``cancel``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Unsaved note")
    box.setText(
        f"{status}\n\nRetry now, copy the text to paste it elsewhere (the window stays "
        "open), or discard it?"
    )
    buttons = {
        box.addButton("Retry", QMessageBox.ButtonRole.AcceptRole): "retry",
        box.addButton("Copy text", QMessageBox.ButtonRole.ActionRole): "copy",
        box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole): "discard",
        box.addButton(QMessageBox.StandardButton.Cancel): "cancel",
    }
    box.exec()
    return buttons.get(box.clickedButton(), "cancel")
