"""Briefer works with the network unreachable, and loads nothing that could reach one.

The checks run in a fresh interpreter whose sockets refuse to connect or resolve a name: any
attempt fails the command, and so the test. ``socket`` itself stays importable (pyqtgraph's
multiprocess helpers import it and never connect); the modules that make network requests
must not be loaded at all.
"""

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.subprocess  # every test here runs a child process

NETWORK_MODULES = (
    "urllib.request",
    "http.client",
    "http.server",
    "ssl",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "xmlrpc.client",
    "socketserver",
    "asyncio",
    "PySide6.QtNetwork",
    "requests",
    "urllib3",
    "httpx",
    "aiohttp",
)

SCRIPT = """
import json, socket, sys

attempts = []

def refuse(*args, **kwargs):
    attempts.append(repr(args[:2]))
    raise OSError("network access is disabled in this test")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.socket.sendto = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

from briefer.__main__ import main

db, pdf = sys.argv[1], sys.argv[2]
codes = [
    main(["--smoke-test", "--db", db]),
    main(["search", "Raketa", "--db", db]),
    main(["brief", "--template", "overview", "-o", pdf, "--db", db]),
]
print(json.dumps({"codes": codes, "attempts": attempts, "modules": sorted(sys.modules)}))
"""


def test_start_up_search_and_export_with_the_network_blocked(fixture_db, tmp_path):
    pdf = tmp_path / "brief.pdf"
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(fixture_db), str(pdf)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["codes"] == [0, 0, 0]
    assert report["attempts"] == []
    assert pdf.read_bytes().startswith(b"%PDF")
    loaded = [name for name in NETWORK_MODULES if name in report["modules"]]
    assert loaded == []


def test_the_guard_itself_catches_a_connection():
    probe = SCRIPT.split("from briefer.__main__")[0] + (
        "import urllib.request\n"
        "try:\n"
        "    urllib.request.urlopen('http://example.invalid/', timeout=1)\n"
        "except OSError as error:\n"
        "    print('refused' if attempts else f'other: {error}')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "refused", result.stdout + result.stderr
