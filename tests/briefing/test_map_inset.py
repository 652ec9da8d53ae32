"""The launch brief's inset map: beside the timeline, the launch's site and notified zones on
the basemap, and one line of text under it that says what it shows."""

import io

import pytest
from pypdf import PdfReader

from briefer.briefing.render import render
from briefer.domain.briefing_recipe import BriefingRequest
from briefer.domain.geometry import clip_ring
from briefer.services.context import ReferenceServices
from briefer.store.reference import ReferenceStore


@pytest.fixture
def composer(fixture_db):
    return ReferenceServices(ReferenceStore(fixture_db)).briefing


def page_text(briefing):
    return PdfReader(io.BytesIO(render(briefing))).pages[0].extract_text()


def test_a_launch_with_zones_maps_them_with_its_site(composer):
    briefing = composer.compose(BriefingRequest(template="launch", launch_id="l-2016"))
    inset = briefing.inset
    assert inset is not None and len(inset.zones) == 1 and inset.land
    assert [name for _, _, name in inset.sites] == ["West Site"]
    west, south, east, north = inset.bounds
    assert west < 124 and east > 125 and south < 35 and north > 39.66
    assert inset.summary.startswith("Map: West Site, the launch site; 1 notified danger zone")
    assert len(inset.tracks) == 1 and inset.tracks[0][0] == (124.7, 39.66)
    assert inset.debris == ()
    words = " ".join(page_text(briefing).split())
    assert "1 notified danger zone (outlined) and the flight path as reported" in words


def test_debris_is_marked_and_counted(composer):
    inset = composer.compose(BriefingRequest(template="launch", launch_id="l-2012")).inset
    assert inset is not None and inset.debris == ((125.5, 35.9),)
    assert "1 place where debris fell or was recovered" in inset.summary


def test_thinning_keeps_the_corners_of_the_basemaps_box():
    import numpy as np

    from briefer.services.briefing_map import _thinned

    coast = [(100.0 + i * 0.05, 20.0 + (i % 3) * 0.01) for i in range(40)]
    ring = np.array([*coast, (101.95, 60.0), (95.0, 60.0), (95.0, 20.0)])
    kept = _thinned(ring, 7)
    assert (95.0, 60.0) in kept and (101.95, 60.0) in kept and (95.0, 20.0) in kept
    assert len(kept) < len(ring) / 2


def test_a_launch_without_zones_still_places_its_site(composer):
    inset = composer.compose(BriefingRequest(template="launch", launch_id="l-1998")).inset
    assert inset is not None and inset.zones == ()
    assert "no notified danger zone in the dataset" in inset.summary
    west, south, east, north = inset.bounds
    assert east - west > 7.99 and north - south > 7.99  # room around a lone site


def test_without_a_basemap_the_page_goes_without_its_map(composer, monkeypatch, caplog, tmp_path):
    import logging

    from briefer.store import basemap

    basemap._load.cache_clear()
    monkeypatch.setattr(basemap, "basemap_path", lambda: tmp_path / "missing.npz")
    monkeypatch.setattr(logging.getLogger("briefer"), "propagate", True)
    with caplog.at_level(logging.WARNING, logger="briefer"):
        briefing = composer.compose(BriefingRequest(template="launch", launch_id="l-2016"))
    basemap._load.cache_clear()
    assert briefing.inset is None and "goes without its map" in caplog.text
    assert render(briefing).startswith(b"%PDF")


def test_rings_are_cut_to_the_box():
    square = [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0)]
    assert sorted(clip_ring(square, (1.0, 1.0, 2.0, 2.0))) == [
        (1.0, 1.0),
        (1.0, 2.0),
        (2.0, 1.0),
        (2.0, 2.0),
    ]
    assert clip_ring(square, (10.0, 10.0, 11.0, 11.0)) == []
