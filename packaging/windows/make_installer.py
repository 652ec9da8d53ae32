"""Make the Windows installer from the bundle: runs Inno Setup's ISCC on briefer.iss with the
app's identity from briefer/meta.py. Run on Windows after packaging/build_bundle.py:

    python packaging\\windows\\make_installer.py [--iscc PATH]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from briefer.meta import APP_ID, APP_NAME, ORGANIZATION, __version__  # noqa: E402

DEFAULT_ISCC = Path(r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe")


def defines() -> dict[str, str]:
    return {
        "AppId": APP_ID,
        "AppName": APP_NAME,
        "AppVersion": __version__,
        "AppPublisher": ORGANIZATION,
        "SourceRoot": str(ROOT),
        "BundleDir": str(ROOT / "build" / "dist" / APP_NAME),
        "OutputDir": str(ROOT / "build"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iscc", type=Path, help="path to ISCC.exe (Inno Setup 6)")
    args = parser.parse_args()
    iscc = args.iscc or (Path(found) if (found := shutil.which("iscc")) else DEFAULT_ISCC)
    if not iscc.is_file():
        print(f"make_installer: Inno Setup's ISCC.exe not found at {iscc}", file=sys.stderr)
        return 2
    bundle = Path(defines()["BundleDir"])
    if not (bundle / f"{APP_NAME}.exe").is_file():
        print(f"make_installer: no bundle in {bundle}; run build_bundle.py", file=sys.stderr)
        return 2
    command = [str(iscc), *(f"/D{key}={value}" for key, value in defines().items())]
    command.append(str(ROOT / "packaging" / "windows" / "briefer.iss"))
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
