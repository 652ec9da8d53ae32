"""What the first paint does without: modules only a later action needs stay unimported."""

import subprocess
import sys

import pytest

# Each is loaded by the action named, never for the first window.
DEFERRED = (
    "numpy.ma",  # np.unique imports it; the timeline lists its outcome codes without it
    "briefer.services.search",  # the first search
    "briefer.services.notes",  # the first selection or search
    "briefer.services.detail_model",  # the first selection
    "html",  # the first selection's detail (escaping its text)
    "briefer.ui.exports",  # exporting the chart
    "briefer.ui.dialogs.save_path",  # asking where to export
    "briefer.ui.dialogs.fatal",  # a database that cannot be opened
    "briefer.ui.dialogs.about",  # Help > About
    "briefer.ui.dialogs.compose",  # File > Export briefing
    "pyqtgraph.exporters",
)

PROBE = """
import sys
import briefer.ui.smoke as smoke

report = smoke._FirstPaint._report
at_paint = set()

def record_then_report(self):
    at_paint.update(sys.modules)
    report(self)

smoke._FirstPaint._report = record_then_report
from briefer.__main__ import main

code = main(['--smoke-test', '--db', sys.argv[1]])
print('exit', code, 'loaded', sorted(m for m in sys.argv[2:] if m in at_paint))
"""


@pytest.mark.subprocess
def test_the_first_paint_leaves_later_work_unimported(fixture_db):
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(fixture_db), *DEFERRED],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "exit 0 loaded []" in result.stdout, result.stdout + result.stderr
