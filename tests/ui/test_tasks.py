"""The task runner: results on the UI thread, failures logged, newer requests win."""

import logging
import threading

import pytest

from briefer.ui.tasks import TaskRunner

WAIT_S = 10


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.wait()
    runner.deleteLater()


@pytest.fixture
def briefer_log(caplog, monkeypatch):
    """Records of the ``briefer`` logger, even if a headless run stopped its propagation."""
    monkeypatch.setattr(logging.getLogger("briefer"), "propagate", True)
    with caplog.at_level(logging.ERROR, logger="briefer"):
        yield caplog


def gated(value, started, release):
    """A slow task: says it started, then waits for ``release``."""

    def work():
        started.set()
        assert release.wait(WAIT_S)
        return value

    return work


def render_the_page_badly():
    raise ValueError("no such page")


def test_results_arrive_on_the_ui_thread(qtbot, runner):
    results = []
    runner.run(
        threading.current_thread,
        lambda worker: results.append((worker, threading.current_thread())),
        pytest.fail,
    )
    qtbot.waitUntil(lambda: bool(results), timeout=WAIT_S * 1000)
    [(worker, receiver)] = results
    assert worker is not threading.main_thread() and receiver is threading.main_thread()
    assert not runner.pending()


def test_a_failed_task_logs_its_traceback_and_still_reports_the_error(qtbot, runner, briefer_log):
    errors = []
    runner.run(render_the_page_badly, pytest.fail, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT_S * 1000)
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "no such page"
    [record] = [r for r in briefer_log.records if r.levelno >= logging.ERROR]
    assert record.levelno == logging.ERROR and "failed" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[1] is errors[0]
    assert "render_the_page_badly" in briefer_log.text  # the traceback, not just the message


def test_an_older_slow_result_never_replaces_a_newer_one(qtbot, runner):
    started, release = threading.Event(), threading.Event()
    results = []
    runner.run(gated("old", started, release), results.append, pytest.fail, key="preview")
    assert started.wait(WAIT_S)  # the old request is running and cannot be interrupted
    runner.run(lambda: "new", results.append, pytest.fail, key="preview")
    release.set()
    qtbot.waitUntil(lambda: not runner.pending(), timeout=WAIT_S * 1000)
    qtbot.wait(50)  # any late delivery of the old result would have landed by now
    assert results == ["new"]


def test_a_queued_older_request_is_skipped_without_running(qtbot, runner):
    started, release = threading.Event(), threading.Event()
    ran, results = [], []
    runner.run(gated("first", started, release), results.append, pytest.fail, key="preview")
    assert started.wait(WAIT_S)
    runner.run(lambda: ran.append("second") or "second", results.append, pytest.fail, key="preview")
    runner.run(lambda: "third", results.append, pytest.fail, key="preview")
    assert runner.pending("preview")
    release.set()
    qtbot.waitUntil(lambda: not runner.pending(), timeout=WAIT_S * 1000)
    assert results == ["third"] and ran == []


def test_a_superseded_failure_is_logged_but_not_reported(qtbot, runner, briefer_log):
    started, release = threading.Event(), threading.Event()
    errors, results = [], []

    def fail_late():
        started.set()
        assert release.wait(WAIT_S)
        render_the_page_badly()

    runner.run(fail_late, pytest.fail, errors.append, key="preview")
    assert started.wait(WAIT_S)
    runner.run(lambda: "new", results.append, errors.append, key="preview")
    release.set()
    qtbot.waitUntil(lambda: not runner.pending(), timeout=WAIT_S * 1000)
    assert results == ["new"] and errors == []
    assert "render_the_page_badly" in briefer_log.text


def test_tasks_without_a_key_or_with_other_keys_all_report(qtbot, runner):
    started, release = threading.Event(), threading.Event()
    results = []
    runner.run(gated("export 1", started, release), results.append, pytest.fail)
    assert started.wait(WAIT_S)
    runner.run(lambda: "export 2", results.append, pytest.fail)
    runner.run(lambda: "preview", results.append, pytest.fail, key="preview")
    runner.run(lambda: "thumbnail", results.append, pytest.fail, key="thumbnail")
    release.set()
    qtbot.waitUntil(lambda: len(results) == 4, timeout=WAIT_S * 1000)
    assert results == ["export 1", "export 2", "preview", "thumbnail"]
