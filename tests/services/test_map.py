"""What the map draws: every feature with the record it opens, site sizes from the launch
attempts, a launch's own features with its site, and their bounds."""

import pytest

from briefer.domain.records import EntityRef
from briefer.services.map import MapService
from briefer.store.reference import ReferenceStore


@pytest.fixture
def service(fixture_db):
    return MapService(ReferenceStore(fixture_db))


def test_items_open_their_records_and_sites_count_their_launches(service):
    items = {item.feature.id: item for item in service.items()}
    site = items["site-site-w"]
    assert site.ref == EntityRef("site", "site-w") and site.launches == 3
    assert "3 DPRK launch attempts" in site.hover and site.hover.startswith("West Site")
    zone = items["map-zone-2016"]
    assert zone.ref == EntityRef("launch_attempt", "l-2016") and zone.date_utc == "2016-02-07"
    assert zone.hover == "First-stage drop zone · 2016-02-07 · likely"


def test_a_launch_brings_its_features_and_its_site(service):
    items = service.items()
    related = service.related(items, EntityRef("launch_attempt", "l-2016"))
    assert {i.feature.id for i in related} == {"map-zone-2016", "map-track-2016", "site-site-w"}
    assert service.related(items, None) == []
    west, south, east, north = MapService.bounds(related, margin=0)
    assert (west, south, east, north) == (124.0, 30.0, 125.0, 39.66)


def test_a_feature_whose_geometry_cannot_be_read_is_left_out(fixture_db, tmp_path):
    import shutil
    import sqlite3

    copy = tmp_path / "copy.db"
    shutil.copyfile(fixture_db, copy)
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE map_shapes SET geometry = 'broken' WHERE id = 'map-debris-2012'")
    conn.commit()
    conn.close()
    ids = {item.feature.id for item in MapService(ReferenceStore(copy)).items()}
    assert "map-debris-2012" not in ids and "map-zone-2016" in ids
