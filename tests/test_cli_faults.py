"""The command line when its surroundings fail: closed output, a stop signal mid-write."""

import os
import signal
import subprocess
import sys
import time

import pytest

from tests.test_cli import briefer

pytestmark = pytest.mark.subprocess  # every test here runs a child process


def test_a_closed_standard_output_is_one_line_not_a_traceback(fixture_db):
    for args in (["brief", "-o", "-"], ["search", "rocket"], ["notes", "export", "-"]):
        command = " ".join([sys.executable, "-m", "briefer", *args, "--db", str(fixture_db)])
        if args[0] == "notes":
            command = " ".join([sys.executable, "-m", "briefer", *args])
        done = subprocess.run(
            ["sh", "-c", f"{command} >&-"], capture_output=False, stderr=subprocess.PIPE, text=True
        )
        assert done.returncode == 2, (args, done.stderr)
        assert done.stderr.strip() == "briefer: error: standard output is closed"


SLOW_WRITER = """
import os, sys, time
from pathlib import Path
from briefer import cli, files
cli._stop_cleanly_on_signals()
real = os.fsync
def slow(fd):
    print("writing", flush=True)
    time.sleep(30)
    real(fd)
os.fsync = slow
files.write_atomically(Path(sys.argv[1]), b"x" * 1000)
"""


def test_a_stop_signal_mid_write_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"the old briefing")
    writer = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITER, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None and writer.stdout.readline().strip() == "writing"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".briefer-")]
    started = time.monotonic()
    os.kill(writer.pid, signal.SIGTERM)
    assert writer.wait(timeout=20) == 128 + signal.SIGTERM
    assert time.monotonic() - started < 20
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf"]
    assert target.read_bytes() == b"the old briefing"


def test_more_systems_than_a_page_holds_is_one_line(fixture_db, tmp_path):
    twice = ",".join(["rocket-a", "rocket-r"] * 4)  # duplicates count once
    output = tmp_path / "ok.pdf"
    ok = briefer(
        "brief",
        "--template",
        "comparison",
        "--subjects",
        twice,
        "-o",
        str(output),
        "--db",
        str(fixture_db),
    )
    assert ok.returncode == 0, ok.stderr
    seven = ",".join(f"system-{n}" for n in range(7))
    refused = briefer(
        "brief",
        "--template",
        "comparison",
        "--subjects",
        seven,
        "-o",
        str(output),
        "--db",
        str(fixture_db),
    )
    assert refused.returncode == 2
    assert refused.stderr.strip() == "briefer: error: at most 6 systems fit one comparison"


def test_option_errors_show_control_characters_escaped():
    result = briefer("data", "info", "\x1b[31mRED")
    assert result.returncode == 2 and "\x1b" not in result.stderr and "\\x1b" in result.stderr
