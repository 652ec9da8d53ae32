"""The garbage collector is paused while the window is built, then start-up's objects are frozen."""

import gc
import subprocess
import sys

import pytest

from briefer import collector


@pytest.fixture
def collector_state():
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    (gc.enable if enabled else gc.disable)()


def test_paused_turns_the_collector_off_and_back_on(collector_state):
    gc.enable()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_paused_turns_it_back_on_when_start_up_fails(collector_state):
    gc.enable()
    with pytest.raises(RuntimeError), collector.paused():
        raise RuntimeError("the window could not be built")
    assert gc.isenabled()


def test_paused_leaves_a_collector_that_was_off_off(collector_state):
    gc.disable()
    with collector.paused():
        pass
    assert not gc.isenabled()


def test_settle_freezes_what_is_alive_and_resumes_collecting(collector_state):
    gc.disable()
    gc.unfreeze()
    alive = [[index] for index in range(1000)]
    collector.settle()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(alive)


PROBE = """
import gc, sys
import briefer.ui.smoke as smoke

report = smoke._FirstPaint._report
seen = {}

def record_then_report(self):
    seen.update(enabled=gc.isenabled(), frozen=gc.get_freeze_count())
    report(self)

smoke._FirstPaint._report = record_then_report
from briefer.__main__ import main

code = main(['--smoke-test', '--db', sys.argv[1]])
print('exit', code, 'enabled', seen['enabled'], 'frozen', seen['frozen'])
"""


@pytest.mark.subprocess
def test_the_shown_window_runs_with_the_collector_on_and_start_up_frozen(fixture_db):
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(fixture_db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    words = result.stdout.splitlines()[-1].split()
    assert words[:4] == ["exit", "0", "enabled", "True"], result.stdout + result.stderr
    # modules, classes, Qt wrappers and the window: tens of thousands of objects
    assert int(words[words.index("frozen") + 1]) > 20_000
