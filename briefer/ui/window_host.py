"""The app's main window and the services it reads, swapped together when the dataset changes:
after File > Update dataset… or Return to the previous dataset, the window reopens on the
dataset now in use, so no restart is needed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QMessageBox

from briefer.services.context import ServiceContext
from briefer.store.errors import StoreError
from briefer.ui.main_window import MainWindow
from briefer.ui.state import SelectionState


class WindowHost:
    """Owns the one main window and its services; ``close`` releases the services."""

    def __init__(
        self,
        app: QApplication,
        services: ServiceContext,
        open_services: Callable[[], ServiceContext],
    ) -> None:
        self._app = app
        self._open_services = open_services
        self.services = services
        self.window = self._window_on(services)

    def _window_on(self, services: ServiceContext) -> MainWindow:
        window = MainWindow(services, SelectionState())
        window.reopen = self.switch_dataset
        return window

    def show(self) -> None:
        self.window.install_session_end()
        self.window.show()

    def switch_dataset(self, show_whats_new: bool) -> bool:
        """Reopen the window on the dataset now chosen for reading; False when it stays as it
        was (the new dataset cannot be opened, or the analyst kept a note open)."""
        old = self.window
        try:
            services = self._open_services()
        except StoreError as error:
            self._not_switched(str(error))
            return False
        if services.reference.path.resolve() == self.services.reference.path.resolve():
            services.close()  # --db or $BRIEFER_DB names the database: it stays in use
            return False
        self._app.setQuitOnLastWindowClosed(False)  # between the two windows, none is shown
        try:
            if not old.close():
                services.close()
                return False
            if not self._replace(old, services):
                return False
        finally:
            self._app.setQuitOnLastWindowClosed(True)
        if show_whats_new:  # after an update
            from briefer.ui.dialogs.whats_new import show_whats_new as show_changes

            show_changes(self.window)
            self.window.local_records.offer_retirements()
        return True

    def _replace(self, old: MainWindow, services: ServiceContext) -> bool:
        try:
            window = self._window_on(services)
        except StoreError as error:  # damaged inside: back to the dataset that was open
            services.close()
            self.window = self._window_on(self.services)
            self.show()
            self._not_switched(str(error))
            return False
        self.services.close()
        old.deleteLater()
        self.services, self.window = services, window
        self.show()
        return True

    def _not_switched(self, reason: str) -> None:
        QMessageBox.warning(
            self.window,
            "Dataset not opened",
            f"{reason}\nBriefer keeps the dataset it has open.",
        )

    def close(self) -> None:
        self.services.close()
