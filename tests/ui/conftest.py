import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from briefer.services.context import open_services
from briefer.ui.main_window import MainWindow
from briefer.ui.state import SelectionState


@pytest.fixture(autouse=True)
def _delete_closed_widgets(qapp):
    """Delete the widgets pytest-qt closed (its deleteLater waits for an event loop otherwise).

    A window left alive keeps its application-wide event filter, and each new window sets the
    application style, which re-polishes every live widget: each test was slower than the last.
    """
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def services(fixture_db, tmp_path):
    context = open_services(fixture_db, tmp_path / "user" / "user.db")
    yield context
    context.close()


@pytest.fixture
def window(qtbot, services):
    main = MainWindow(services, SelectionState())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def state(window) -> SelectionState:
    """The window's shared selection: what every panel shows as selected."""
    return window.state
