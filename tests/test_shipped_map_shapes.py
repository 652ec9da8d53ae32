"""The shipped debris points and flight tracks: drawable shapes of the right type, tied to a
launch, starting where that launch lifted off, sourced, and never claiming more than the
reporting behind a derived position allows."""

from __future__ import annotations

import pytest

from briefer import paths
from briefer.domain.geometry import parse_geometry
from briefer.store.source_files import SourceRow, read_source_set

SHAPES = {"debris": "Point", "track": "LineString"}


@pytest.fixture(scope="module")
def shipped():
    return read_source_set(paths.data_dir())


def _features(shipped, kind: str) -> list[SourceRow]:
    return [row for row in shipped.table("map_features.csv") if row.text("kind") == kind]


@pytest.mark.parametrize("kind", sorted(SHAPES))
def test_each_kind_has_rows_of_its_own_shape(shipped, kind):
    rows = _features(shipped, kind)
    assert rows, f"no {kind} features shipped"
    for row in rows:
        assert parse_geometry(row.text("geometry") or "").type == SHAPES[kind], row.text("id")


@pytest.mark.parametrize("kind", sorted(SHAPES))
def test_each_row_names_a_launch_sources_and_a_short_label(shipped, kind):
    launches = {row.text("id") for row in shipped.table("launch_attempts.csv")}
    sources = {row.text("id") for row in shipped.table("sources.csv")}
    for row in _features(shipped, kind):
        name = row.text("id")
        assert row.text("launch_id") in launches, name
        assert not row.text("event_id"), name
        assert row.items("sources") and set(row.items("sources")) <= sources, name
        assert len(row.text("label") or "") < 160, name


def test_a_track_starts_at_its_launch_site(shipped):
    sites = {
        row.text("id"): (
            float(row.text("longitude") or "nan"),
            float(row.text("latitude") or "nan"),
        )
        for row in shipped.table("sites.csv")
        if row.text("longitude") and row.text("latitude")
    }
    site_of = {row.text("id"): row.text("site_id") for row in shipped.table("launch_attempts.csv")}
    for row in _features(shipped, "track"):
        start = parse_geometry(row.text("geometry") or "").points[0]
        assert start == sites[site_of[row.text("launch_id")]], row.text("id")


def test_a_plotted_position_is_never_confirmed(shipped):
    """Positions worked out from 'distance and direction from a place' say so and stay low."""
    for kind in SHAPES:
        for row in _features(shipped, kind):
            if "plotted" in (row.text("label") or ""):
                assert row.text("confidence") == "unverified", row.text("id")
