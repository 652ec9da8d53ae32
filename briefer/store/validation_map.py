"""``data check`` rules for map features: a kind from the vocabulary (launch sites come from
sites.csv, never from here), a geometry that can be drawn, and the launch or event it belongs
to, which must exist."""

from __future__ import annotations

from briefer.domain.geometry import GeometryError, parse_geometry
from briefer.domain.vocabulary import MapKind, values_of
from briefer.store.validation_rules import Checker

DRAWN_KINDS = tuple(k for k in values_of(MapKind) if k != MapKind.SITE)
NEEDS_LAUNCH = (MapKind.DANGER_ZONE, MapKind.TRACK, MapKind.DEBRIS)


def check_map_features(checker: Checker) -> None:
    rows = checker.sources.table("map_features.csv")
    checker.check_enum(rows, "kind", DRAWN_KINDS)
    launches = {row.text("id") for row in checker.sources.table("launch_attempts.csv")}
    events = {row.text("id") for row in checker.sources.table("events.csv")}
    for row in rows:
        try:
            parse_geometry(row.text("geometry") or "")
        except GeometryError as error:
            checker.report(row, f"geometry: {error}")
        checker.check_reference(row, "launch_id", launches, "launch attempt")
        checker.check_reference(row, "event_id", events, "event")
        kind = row.text("kind")
        if kind in NEEDS_LAUNCH and not row.text("launch_id"):
            checker.report(row, f"a {kind} needs the launch_id it belongs to")
        if kind == MapKind.MEETING and not row.text("event_id"):
            checker.report(row, "a meeting needs the event_id it belongs to")
