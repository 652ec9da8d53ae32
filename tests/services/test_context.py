"""Opening the services over a reference database and the user's own."""

from briefer.services.context import open_services


def test_open_services_creates_user_database(fixture_db, tmp_path):
    services = open_services(fixture_db, tmp_path / "u" / "user.db")
    assert services.dataset.info.dataset_version == "test.1"
    assert services.settings.theme == "system"
    services.settings.theme = "dark"
    assert services.settings.theme == "dark"
    assert services.publishers() == ["Agency", "Log keeper", "UN"]
    services.close()
