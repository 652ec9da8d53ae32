"""The Windows version resource of Briefer's executables, from briefer/meta.py."""

from __future__ import annotations

from pathlib import Path

from briefer.meta import APP_NAME, APP_SUMMARY, ORGANIZATION, __version__


def version_tuple(version: str = __version__) -> tuple[int, int, int, int]:
    """``"0.1.0"`` -> ``(0, 1, 0, 0)``: the four numbers Windows wants."""
    numbers = [int(part) for part in version.split(".")[:4] if part.isdigit()]
    padded = [*numbers, 0, 0, 0, 0]
    return (padded[0], padded[1], padded[2], padded[3])


def version_file_text(filename: str = f"{APP_NAME}.exe", description: str = APP_NAME) -> str:
    """The resource of one executable; Task Manager shows ``description`` as its name."""
    numbers = version_tuple()
    strings = {
        "CompanyName": ORGANIZATION,
        "FileDescription": description,
        "Comments": APP_SUMMARY,
        "FileVersion": __version__,
        "InternalName": filename.removesuffix(".exe"),
        "LegalCopyright": "MIT licence; see LICENSES",
        "OriginalFilename": filename,
        "ProductName": APP_NAME,
        "ProductVersion": __version__,
    }
    entries = ",\n".join(
        f"        StringStruct('{key}', '{value}')" for key, value in strings.items()
    )
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
{entries}
    ])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_version_file(path: Path, filename: str, description: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(version_file_text(filename, description), encoding="utf-8")
    return str(path)
