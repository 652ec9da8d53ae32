"""Map features: geometry that can be drawn, a launch or event that exists, and the view that
adds every launch site to the drawn features."""

import json
import sqlite3

import pytest

from briefer.domain.geometry import GeometryError, parse_geometry
from briefer.store.reference import ReferenceStore
from tests.fixture_data import with_changes
from tests.store.test_validation import problems_for


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('{"type":"Point","coordinates":[181,10]}', "longitude 181.0 is outside -180..180"),
        ('{"type":"Point","coordinates":[10,-91]}', "latitude -91.0 is outside -90..90"),
        ('{"type":"Point","coordinates":[10]}', "is not a [longitude, latitude] pair"),
        ('{"type":"Point","coordinates":[true,1]}', "is not a [longitude, latitude] pair"),
        ('{"type":"LineString","coordinates":[[1,1]]}', "a line needs at least 2 points"),
        (
            '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}',
            "must end where it starts",
        ),
        ('{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}', "at least 4 points"),
        ('{"type":"Circle","coordinates":[0,0]}', "type must be one of"),
        ("not json", "not valid GeoJSON"),
    ],
)
def test_geometry_that_cannot_be_drawn_is_refused(text, said):
    with pytest.raises(GeometryError, match=said.replace("[", r"\[").replace("]", r"\]")):
        parse_geometry(text)


def test_a_polygon_has_its_rings_and_bounds():
    shape = parse_geometry(
        '{"type":"Polygon","coordinates":[[[124,35],[125,35],[125,36],[124,35]]]}'
    )
    assert shape.type == "Polygon" and len(shape.rings) == 1
    assert shape.bounds() == (124.0, 35.0, 125.0, 36.0)


@pytest.mark.parametrize(
    ("index", "changes", "expected"),
    [
        (0, {"geometry": '{"type":"Point","coordinates":[200,0]}'}, "geometry: longitude 200.0"),
        (0, {"launch_id": "l-none"}, "launch_id 'l-none' is not a known launch attempt"),
        (0, {"launch_id": ""}, "a danger_zone needs the launch_id it belongs to"),
        (0, {"kind": "site"}, "kind 'site' is not one of danger_zone, track, debris, meeting"),
        (2, {"kind": "meeting", "launch_id": ""}, "a meeting needs the event_id it belongs to"),
        (2, {"event_id": "evt-none"}, "event_id 'evt-none' is not a known event"),
    ],
)
def test_data_check_refuses_bad_features(tmp_path, index, changes, expected):
    found = problems_for(tmp_path, with_changes("map_features.csv", index, **changes))
    assert any(expected in problem for problem in found), found


def test_the_view_adds_every_located_site(fixture_conn):
    fixture_conn.row_factory = sqlite3.Row
    rows = [dict(r) for r in fixture_conn.execute("SELECT * FROM map_features ORDER BY id")]
    assert [r["id"] for r in rows] == [
        "map-debris-2012",
        "map-track-2016",
        "map-zone-2016",
        "site-site-w",
    ]
    site = rows[-1]
    assert site["kind"] == "site" and json.loads(site["geometry"]) == {
        "type": "Point",
        "coordinates": [124.7, 39.66],
    }
    assert json.loads(site["sources"]) == ["src-a"] and site["launch_id"] is None


def test_the_store_reads_features_with_their_shapes(fixture_db):
    features = {f.id: f for f in ReferenceStore(fixture_db).map_features()}
    zone = features["map-zone-2016"]
    assert zone.kind == "danger_zone" and zone.launch_id == "l-2016"
    assert zone.shape.bounds() == (124.0, 35.0, 125.0, 36.0)
    assert features["map-debris-2012"].sources == ("src-b",)


def test_the_shipped_zones_lie_where_the_notices_put_them():
    features = ReferenceStore(__import__("briefer.paths", fromlist=["x"]).bundled_db_path())
    shipped = {f.id: f for f in features.map_features()}
    west, south, east, north = shipped["map-zone-2012-04-stage-1"].shape.bounds()
    assert 124.5 < west < east < 125.0 and 35.2 < south < north < 36.0  # southern Yellow Sea
    assert shipped["site-sohae"].kind == "site"
    meetings = [f for f in shipped.values() if f.kind == "meeting"]
    assert {m.event_id for m in meetings} >= {"evt-2023-09-13-vostochny-summit"}
