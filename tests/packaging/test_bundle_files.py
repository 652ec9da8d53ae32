"""The files that make the bundles: licences, identity, icons, desktop entry, installer."""

import configparser
import sys
from pathlib import Path

import pytest
from PIL import Image

from briefer.meta import APP_ID, APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import licenses  # noqa: E402
import windows_version  # noqa: E402


@pytest.fixture(scope="module")
def gathered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("LICENSES")
    return folder, licenses.collect(folder)


def test_licences_cover_qt_python_fonts_and_the_data(gathered):
    folder, rows = gathered
    names = {name.lower() for name, _version, _licence in rows}
    for required in ("pyside6_essentials", "shiboken6", "pyqtgraph", "reportlab", "python"):
        assert required in names
    assert (
        "GNU LESSER GENERAL PUBLIC LICENSE"
        in (folder / "PySide6_Essentials" / "LGPL-3.0.txt").read_text()
    )
    for text in ("OFL-NanumGothic.txt", "LICENSE-DejaVu.txt", "OFL-NotoSansCJK.txt"):
        assert (folder / text).is_file()
    assert "own words" in (folder / "DATA-SOURCES.txt").read_text()
    index = (folder / "README.txt").read_text()
    assert "pyqtgraph" in index and "(no file)" not in index


def test_every_bundled_distribution_has_a_licence_text(gathered):
    folder, rows = gathered
    for name, _version, _licence in rows:
        if name in {"Python"} or " " in name:
            continue
        assert any((folder / name).rglob("*")), name


def test_windows_version_resource_carries_the_package_version():
    assert windows_version.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert windows_version.version_tuple("2.10") == (2, 10, 0, 0)
    text = windows_version.version_file_text("briefer-cli.exe", "Briefer command line")
    # PyInstaller evaluates the file as these constructors; check it parses the same way
    found: dict[str, str] = {}
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "VarFileInfo")

    def string_struct(key: str, value: str) -> None:
        found[key] = value

    constructors = {name: (lambda *a, **k: (a, k)) for name in (*names, "VarStruct")}
    eval(text, {"__builtins__": {}, "StringStruct": string_struct, **constructors})
    assert found["ProductVersion"] == __version__
    assert found["OriginalFilename"] == "briefer-cli.exe"
    assert found["FileDescription"] == "Briefer command line"


def test_desktop_entry_names_the_app_and_its_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(ROOT / "packaging" / "linux" / "briefer.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert (section["Name"], section["Icon"], section["Type"]) == (APP_NAME, APP_ID, "Application")
    assert section["StartupWMClass"] == APP_NAME and section["Terminal"] == "false"


def test_icons_are_rendered_from_the_svg_in_every_size():
    icons = ROOT / "resources" / "icons"
    assert (icons / "briefer.svg").read_text().startswith("<?xml")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(icons / "png" / f"briefer-{size}.png") as image:
            assert image.size == (size, size) and image.mode == "RGBA"
    with Image.open(icons / "briefer.ico") as ico:
        assert (16, 16) in ico.info["sizes"] and (256, 256) in ico.info["sizes"]
    assert (icons / "briefer.icns").read_bytes()[:4] == b"icns"


def test_installer_and_spec_take_identity_from_the_package():
    iss = (ROOT / "packaging" / "windows" / "briefer.iss").read_text()
    for define in ("{#AppId}", "{#AppName}", "{#AppVersion}"):
        assert define in iss
    spec = (ROOT / "packaging" / "pyinstaller" / "briefer.spec").read_text()
    assert "from briefer.meta import APP_ID, APP_NAME, __version__" in spec
    sys.path.insert(0, str(ROOT / "packaging" / "windows"))
    import make_installer

    assert make_installer.defines()["AppVersion"] == __version__
    assert make_installer.defines()["AppId"] == APP_ID
