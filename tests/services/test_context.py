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


def test_the_windows_services_show_the_analysts_own_records_everywhere(fixture_db, tmp_path):
    from briefer.domain.briefing_recipe import BriefingRequest

    services = open_services(fixture_db, tmp_path / "u" / "user.db")
    record = services.local_records.create(
        "launch_attempt",
        {"date_utc": "2016-02-08", "title": "Kwangmyongsong-4 again", "source": "NHK",
         "confidence": "unverified", "vehicle": "Unha-3"},
    )  # fmt: skip
    timeline = services.timeline.timeline()
    assert [item.ref for item in timeline.items if item.local] == [record.ref]
    assert services.search.search("kwangmyongsong").groups[0].kind == "local_record"
    assert services.detail.detail(record.ref).banner.startswith("Your own record")
    assert services.briefing.compose(BriefingRequest()).analyst_items == 1
    assert services.notes.title_of(record.ref) == "Kwangmyongsong-4 again"
    [match] = services.local_matches()
    assert match.record == record and match.candidates[0].ref.id == "l-2016"
    services.close()
