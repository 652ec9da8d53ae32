"""File > Restore notes from a backup…: pick a backup, confirm, restore."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from briefer.services.context import ServiceContext
from briefer.store.errors import StoreError


def ask_restore_notes(parent: QWidget, services: ServiceContext) -> str | None:
    """Ask which backup to restore and do it; returns the outcome sentence, or None."""
    backups = services.backups()
    if not backups:
        QMessageBox.information(parent, "Restore notes", "There are no notes backups yet.")
        return None
    labels = [backup.label for backup in backups]
    chosen, accepted = QInputDialog.getItem(
        parent, "Restore notes from a backup", "Backup (newest first):", labels, 0, False
    )
    if not accepted:
        return None
    backup = backups[labels.index(chosen)]
    answer = QMessageBox.question(
        parent,
        "Restore notes",
        f"Replace every note and every record of your own with the backup of "
        f"{backup.label}?\nThe notes and records as they are now are backed up first.",
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        outcome = services.restore_notes(backup.path)
    except StoreError as error:
        QMessageBox.warning(parent, "Restore failed", f"{error}\nNothing was changed.")
        return None
    QMessageBox.information(parent, "Restore notes", outcome)
    return outcome
