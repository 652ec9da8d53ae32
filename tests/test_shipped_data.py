"""The dataset that ships: sound sources, and a database built from exactly these sources."""

from briefer import paths
from briefer.services.launches import LaunchService
from briefer.store import schema
from briefer.store.reference import ReferenceStore
from briefer.store.source_files import content_sha256, read_source_set
from briefer.store.validation import check_source_set


def test_shipped_sources_pass_data_check():
    assert [str(p) for p in check_source_set(read_source_set(paths.data_dir()))] == []


def test_shipped_database_is_not_stale():
    store = ReferenceStore(paths.bundled_db_path())
    assert store.dataset_info().content_sha256 == content_sha256(paths.data_dir()), (
        "data/briefer.db was built from other sources: run 'briefer data build'"
    )


def test_shipped_database_has_every_public_view_populated():
    counts = ReferenceStore(paths.bundled_db_path()).view_counts()
    assert set(counts) == set(schema.PUBLIC_VIEWS)
    assert all(count > 0 for count in counts.values()), counts


def test_every_dprk_launch_row_is_sourced_twice_and_on_the_timeline():
    store = ReferenceStore(paths.bundled_db_path())
    launches = store.launch_attempts()
    timeline_ids = {event.id for event in store.timeline_events()}
    assert launches[0].date_utc == "1998-08-31"
    for launch in launches:
        assert len(launch.sources) >= 2, launch.id
        assert launch.id in timeline_ids
    tally = LaunchService(store).tally()
    assert tally.reached_orbit == sum(1 for launch in launches if launch.outcome == "success")
