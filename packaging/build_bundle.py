"""Build Briefer's self-contained one-folder bundle for this platform, then prove it works.

    python packaging/build_bundle.py [--runs 7] [--skip-build]

Steps: gather the third-party licences into build/LICENSES; run PyInstaller on
packaging/pyinstaller/briefer.spec into build/dist/Briefer; then, on the bundle itself, check
``--version``, ``--smoke-test`` (main window painted offscreen) and a briefing exported with
``brief`` (a one-page PDF); print the bundle's size and its start-up time beside
``python -m briefer --smoke-test``. On Linux it runs the bundle once more inside a network
namespace with no network interface (``unshare --net``) and lays out the tarball (app folder,
.desktop file, hicolor icons, install scripts). Budgets: bundle <= 300 MB unpacked, start-up
<= 1.5x the unbundled app. Exits 1 when a check or a budget fails.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "packaging"))

from licenses import collect  # noqa: E402

from briefer.meta import APP_ID, APP_NAME, __version__  # noqa: E402

BUILD = ROOT / "build"
DIST = BUILD / "dist"
SIZE_BUDGET_MB = 300
START_UP_BUDGET = 1.5
PAINTED = re.compile(r"painted (\d+\.\d+) s after process start")
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_folder() -> Path:
    if sys.platform == "darwin":
        return DIST / f"{APP_NAME}.app" / "Contents" / "MacOS"
    return DIST / APP_NAME


def cli_path() -> Path:
    return app_folder() / ("briefer-cli.exe" if sys.platform == "win32" else "briefer-cli")


def build() -> None:
    shutil.rmtree(BUILD / "LICENSES", ignore_errors=True)
    rows = collect(BUILD / "LICENSES")
    print(f"licences: {len(rows)} components in {BUILD / 'LICENSES'}")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean"]
    command += ["--log-level", "WARN", "--distpath", str(DIST), "--workpath", str(BUILD / "work")]
    subprocess.run([*command, str(ROOT / "packaging" / "pyinstaller" / "briefer.spec")], check=True)
    system_library_licences()


def system_library_licences() -> None:
    """Linux: the shared libraries PyInstaller took from the build system (X11, GLib, ICU...)
    get their Debian copyright files in LICENSES/system, listed in SYSTEM-LIBRARIES.txt."""
    internal = app_folder() / "_internal"
    if not sys.platform.startswith("linux") or shutil.which("dpkg") is None:
        print("licences: system libraries not mapped (needs dpkg)")
        return
    output = internal / "LICENSES" / "system"
    output.mkdir(parents=True, exist_ok=True)
    lines = ["Shared libraries of the build system in this bundle, by Debian package", ""]
    for library in sorted(internal.glob("lib*.so*")):
        if library.is_symlink():
            continue
        found = subprocess.run(["dpkg", "-S", library.name], capture_output=True, text=True)
        package = found.stdout.split(":", 1)[0].strip() if found.returncode == 0 else ""
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if package and copyright_file.is_file():
            shutil.copyfile(copyright_file, output / f"{package}.txt")
        lines.append(f"{library.name}: {package or 'not from a Debian package'}")
    (internal / "LICENSES" / "SYSTEM-LIBRARIES.txt").write_text("\n".join(lines) + "\n")
    print(f"licences: {len(lines) - 2} system libraries mapped to their packages")


def run(command: list[str], user_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFER_USER_DIR": str(user_dir)}
    env.pop("BRIEFER_DB", None)
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)


def check(label: str, ok: bool, detail: str) -> bool:
    print(f"{'ok  ' if ok else 'FAIL'} {label}: {detail}")
    return ok


def page_count(pdf: Path) -> int:
    try:
        from pypdf import PdfReader
    except ImportError:  # without the test extra: count page objects
        return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
    return len(PdfReader(str(pdf)).pages)


def smoke_tests(user_dir: Path) -> bool:
    cli = str(cli_path())
    version = run([cli, "--version"], user_dir)
    ok = check(
        "--version",
        version.returncode == 0 and __version__ in version.stdout,
        version.stdout.strip().replace("\n", " / ") or version.stderr.strip(),
    )
    painted = run([cli, "--smoke-test"], user_dir)
    ok &= check(
        "--smoke-test",
        painted.returncode == 0 and bool(PAINTED.search(painted.stdout)),
        painted.stdout.strip() or painted.stderr.strip(),
    )
    found = run([cli, "search", "Chollima", "--limit", "1"], user_dir)
    ok &= check(
        "search",
        found.returncode == 0 and "Chollima-1" in found.stdout,
        found.stdout.splitlines()[0] if found.stdout else found.stderr.strip(),
    )
    pdf = user_dir / "brief.pdf"
    brief = run([cli, "brief", "--template", "overview", "-o", str(pdf)], user_dir)
    pages = page_count(pdf) if pdf.is_file() else 0
    ok &= check(
        "brief",
        brief.returncode == 0 and pages == 1,
        f"{pages} page(s), {pdf.stat().st_size if pdf.is_file() else 0} bytes",
    )
    return ok


def offline_check(user_dir: Path) -> bool:
    """Linux: start, search and export inside a network namespace that has no network at all."""
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        print("skip offline: no unshare on this system")
        return True
    isolated = ["unshare", "--map-root-user", "--net"]
    if run([*isolated, "true"], user_dir).returncode != 0:
        print("skip offline: network namespaces are not allowed here")
        return True
    cli = str(cli_path())
    pdf = user_dir / "offline.pdf"
    results = [
        run([*isolated, cli, "--smoke-test"], user_dir),
        run([*isolated, cli, "search", "Sohae", "--limit", "1"], user_dir),
        run([*isolated, cli, "brief", "-o", str(pdf)], user_dir),
    ]
    ok = all(result.returncode == 0 for result in results) and pdf.is_file()
    failed = [result.stderr.strip() for result in results if result.returncode != 0]
    return check(
        "offline",
        ok,
        "start-up, search and a briefing with no network interface" if ok else "; ".join(failed),
    )


def folder_size_mb(folder: Path) -> float:
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1024 / 1024


def start_up_seconds(command: list[str], runs: int, user_dir: Path) -> float:
    times = []
    for _ in range(runs):
        result = run([*command, "--smoke-test"], user_dir)
        found = PAINTED.search(result.stdout)
        if result.returncode != 0 or found is None:
            raise RuntimeError(f"{command[0]} --smoke-test failed: {result.stderr.strip()}")
        times.append(float(found.group(1)))
    return statistics.median(times)


def linux_tarball() -> Path:
    """Briefer-<version>-linux-<arch>.tar.gz: the app, a .desktop file, icons, install.sh."""
    arch = os.uname().machine
    stage = BUILD / "tarball" / f"{APP_NAME}-{__version__}"
    shutil.rmtree(stage.parent, ignore_errors=True)
    shutil.copytree(app_folder(), stage / APP_NAME, symlinks=True)
    desktop = (ROOT / "packaging" / "linux" / "briefer.desktop").read_text(encoding="utf-8")
    (stage / f"{APP_ID}.desktop").write_text(desktop, encoding="utf-8")
    for size in HICOLOR_SIZES:
        target = stage / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "resources" / "icons" / "png" / f"briefer-{size}.png", target)
    scalable = stage / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "resources" / "icons" / "briefer.svg", scalable)
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(ROOT / "packaging" / "linux" / script, stage / script)
    archive = BUILD / f"{APP_NAME}-{__version__}-linux-{arch}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(stage, arcname=stage.name)
    return archive


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="start-up runs of each (median)")
    parser.add_argument("--skip-build", action="store_true", help="test the existing bundle")
    args = parser.parse_args()
    if not args.skip_build:
        build()
    with tempfile.TemporaryDirectory(prefix="briefer-bundle-") as scratch:
        user_dir = Path(scratch)
        ok = smoke_tests(user_dir)
        ok &= offline_check(user_dir)
        size = folder_size_mb(DIST / (f"{APP_NAME}.app" if sys.platform == "darwin" else APP_NAME))
        ok &= check(
            "size", size <= SIZE_BUDGET_MB, f"{size:.0f} MB unpacked (budget {SIZE_BUDGET_MB})"
        )
        bundled = start_up_seconds([str(cli_path())], args.runs, user_dir)
        source = start_up_seconds([sys.executable, "-m", "briefer"], args.runs, user_dir)
        ratio = bundled / source
        ok &= check(
            "start-up",
            ratio <= START_UP_BUDGET,
            f"bundle {bundled:.3f} s, python -m briefer {source:.3f} s (medians of "
            f"{args.runs}), ratio {ratio:.2f} (budget {START_UP_BUDGET})",
        )
    if sys.platform.startswith("linux"):
        archive = linux_tarball()
        print(f"tarball: {archive} ({archive.stat().st_size / 1024 / 1024:.0f} MB)")
    print("bundle ok" if ok else "bundle FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
