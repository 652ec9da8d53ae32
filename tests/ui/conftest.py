import pytest

from briefer.services.context import open_services
from briefer.ui.main_window import MainWindow
from briefer.ui.state import SelectionState


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
