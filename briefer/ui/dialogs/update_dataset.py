"""File > Update dataset… and File > Return to the previous dataset: the window's side of
signed data packs (the work is in `services.data_updates`, shared with the command line)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from briefer.store.errors import StoreError

PACK_FILTER = "Briefer data packs (*.brpack);;All files (*)"


def ask_update_dataset(parent: QWidget, reading: Path | None = None) -> str | None:
    """Pick a pack, verify and install it; returns the outcome sentence (None: cancelled or
    refused, after saying why). ``reading``: the database the window reads."""
    from briefer.services.data_updates import install_pack, is_older_refusal

    chosen, _filter = QFileDialog.getOpenFileName(parent, "Update dataset", "", PACK_FILTER)
    if not chosen:
        return None
    try:
        outcome = install_pack(Path(chosen), reading=reading)
    except StoreError as error:
        if not is_older_refusal(str(error)):
            _not_updated(parent, error)
            return None
        if not _confirm_older(parent, str(error)):
            return None
        try:
            outcome = install_pack(Path(chosen), allow_older=True, reading=reading)
        except StoreError as again:
            _not_updated(parent, again)
            return None
    QMessageBox.information(parent, "Dataset updated", outcome.sentence)
    return outcome.sentence


def _not_updated(parent: QWidget, error: StoreError) -> None:
    QMessageBox.warning(parent, "Dataset not updated", f"{error}\nNothing changed.")


def _confirm_older(parent: QWidget, reason: str) -> bool:
    answer = QMessageBox.question(
        parent,
        "Install an older dataset?",
        f"{reason.split(';')[0]}.\nInstall it anyway? The dataset in use is kept and can be "
        "returned to.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_return_to_previous(parent: QWidget) -> str | None:
    from briefer.services.data_updates import return_to_previous

    try:
        sentence = return_to_previous()
    except StoreError as error:
        QMessageBox.information(parent, "Nothing to return to", str(error))
        return None
    QMessageBox.information(parent, "Previous dataset", sentence)
    return sentence
