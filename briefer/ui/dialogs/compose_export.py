"""The compose dialog's exports: the PDF, or a PNG of the page at a chosen resolution, written
off the UI thread and atomically; each export is then kept among the saved briefings."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QSpinBox, QWidget

from briefer.briefing.png import DEFAULT_DPI, PNG_DPI
from briefer.domain.briefing import Briefing
from briefer.domain.briefing_recipe import BriefingRecipe, SavedBriefing
from briefer.store.errors import StoreError
from briefer.ui.dialogs.save_path import ask_save_path

if TYPE_CHECKING:
    from briefer.services.saved_briefings import SavedBriefingsService
    from briefer.ui.dialogs.compose import ComposeDialog


class ComposeExports(QObject):
    """Export buttons and the PNG resolution; ``exported`` and ``saved`` tell the outcome."""

    def __init__(self, dialog: ComposeDialog, saved: SavedBriefingsService | None) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._saved = saved
        self.pdf_button = QPushButton("Export PDF…", dialog)
        self.png_button = QPushButton("Export PNG…", dialog)
        self.png_button.setToolTip("The page as an image, for slides, at the resolution beside")
        self.dpi = QSpinBox(dialog)
        self.dpi.setRange(*PNG_DPI)
        self.dpi.setValue(DEFAULT_DPI)
        self.dpi.setSingleStep(50)
        self.dpi.setSuffix(" dpi")
        self.dpi.setAccessibleName("PNG resolution")
        self.dpi.setToolTip("Resolution of the PNG: 150 for the screen, 300 for print")
        self.exported: Path | None = None
        self.saved: SavedBriefing | None = None
        self.error_box: QMessageBox | None = None
        self.pdf_button.clicked.connect(lambda: self.ask("pdf"))
        self.png_button.clicked.connect(lambda: self.ask("png"))

    def widgets(self) -> list[QWidget]:
        return [self.pdf_button, self.png_button, self.dpi]

    def ask(self, form: str) -> None:
        template = self._dialog.template.currentText()
        suggested = f"briefing-{template}-{date.today().isoformat()}.{form}"
        path = ask_save_path(self._dialog, "Export briefing", suggested, form)
        if path is not None:
            self.export_to(path, form)

    def export_to(self, path: Path, form: str = "pdf") -> None:
        """Write the page off the UI thread; on success it is saved as a briefing."""
        from briefer.briefing.formats import write_briefing

        briefing, recipe = self._dialog.briefing(), self._dialog.recipe()
        dpi = self.dpi.value()
        self._dialog.status.setText(f"Writing {path}…")

        def export_briefing() -> Path:
            return write_briefing(briefing, path, form, dpi)

        self._dialog.runner.run(
            export_briefing,
            lambda written: self._on_exported(written, recipe, briefing),
            self._on_failed,
        )

    def _on_exported(self, path: Path, recipe: BriefingRecipe, briefing: Briefing) -> None:
        self.exported = path
        if self._saved is None:
            self._dialog.status.setText(f"Saved {path}")
            return
        try:  # on the UI thread: the user database belongs to it
            self.saved = self._saved.save(recipe, briefing, str(path))
        except StoreError as error:
            self._dialog.status.setText(f"Saved {path}; not kept in File > Briefings…")
            self._warn("Briefing not kept", f"{path} was written, but {error}.")
            return
        self._dialog.status.setText(f"Saved {path}; kept in File > Briefings…")

    def _on_failed(self, error: Exception) -> None:
        reason = _reason(error)
        self._dialog.status.setText(f"Export failed: {reason}")
        self._warn("Export failed", f"{reason}\nNo file was written.")

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self._dialog
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal but non-blocking: the dialog and its text stay intact
        self.error_box = box


def _reason(error: Exception) -> str:
    """What went wrong, without the name of the writer's temporary file."""
    from briefer.files import UnsafeOutputError

    if isinstance(error, OSError) and not isinstance(error, UnsafeOutputError) and error.strerror:
        return error.strerror
    return str(error)
