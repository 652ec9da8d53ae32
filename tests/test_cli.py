"""The headless command line, run as a user would: a separate process, exit codes, output."""

import argparse
import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefer.__main__ import main
from briefer.cli import build_parser
from briefer.store.schema import SCHEMA_VERSION
from tests.fixture_data import with_changes, write_dataset


def briefer(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefer", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.subprocess
def test_version_prints_app_and_dataset(fixture_db):
    result = briefer("--version", "--db", str(fixture_db))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Briefer ")
    assert lines[1] == (
        f"dataset test.1, read from {fixture_db} (events checked through 2024-06-30; as of "
        f"2025-01-31, schema {SCHEMA_VERSION})"
    )


@pytest.mark.subprocess
def test_info_json_counts_rows_per_public_view(fixture_db):
    result = briefer("data", "info", "--json", "--db", str(fixture_db))
    info = json.loads(result.stdout)
    assert info["path"] == str(fixture_db)
    assert info["counts"] == {
        "launch_attempts": 3,
        "timeline_events": 5,
        "capability_specs": 4,
        "sanctions_provisions": 2,
        "sources": 3,
        "dataset_info": 5,
        "cooperation_scenarios": 2,
        "scenario_links": 5,
        "map_features": 4,
    }


@pytest.mark.subprocess
def test_environment_variable_selects_the_database(fixture_db):
    result = briefer("data", "info", env={"BRIEFER_DB": str(fixture_db)})
    assert f"path: {fixture_db}" in result.stdout


@pytest.mark.subprocess
def test_check_reports_every_problem_and_exits_1(tmp_path):
    rows = with_changes("launch_attempts.csv", 0, sources="ghost", outcome="win")
    folder = write_dataset(tmp_path / "bad", rows)
    result = briefer("data", "check", "--source", str(folder))
    assert result.returncode == 1
    assert "launch_attempts.csv:2: unknown source id 'ghost'" in result.stdout
    assert "launch_attempts.csv:2: outcome 'win' is not one of" in result.stdout
    assert result.stderr.strip() == f"2 problem(s) in {folder}"


@pytest.mark.subprocess
def test_check_passes_on_sound_sources(source_dir):
    result = briefer("data", "check", "--source", str(source_dir))
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("ok: ")


@pytest.mark.subprocess
def test_build_writes_where_db_points(source_dir, tmp_path):
    target = tmp_path / "out" / "ref.db"
    result = briefer("data", "build", "--source", str(source_dir), "--db", str(target))
    assert result.returncode == 0, result.stderr
    assert briefer("data", "info", "--db", str(target)).returncode == 0


@pytest.mark.subprocess
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "reference database not found"),
        (b"garbage" * 500, "damaged or not a Briefer database"),
    ],
)
def test_bad_database_is_one_line_and_exit_2(tmp_path, content, message):
    path = tmp_path / "bad.db"
    if content is not None:
        path.write_bytes(content)
    result = briefer("data", "info", "--db", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.subprocess
def test_bad_option_is_one_line_and_exit_2():
    result = briefer("data", "frobnicate")
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.subprocess
def test_headless_commands_never_import_qt(fixture_db):
    code = (
        "import sys; from briefer.__main__ import main; "
        f"main(['data', 'info', '--db', {str(fixture_db)!r}]); main(['--version', '--db', {str(fixture_db)!r}]); "
        "main(['data', 'check']); "
        f"main(['search', 'raketa', '--db', {str(fixture_db)!r}]); "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')]; "
        "print('QT', bad)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert "QT []" in result.stdout, result.stdout + result.stderr


def parser_commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    """Every command and subcommand the parser accepts, as typed: ("data",), ("data", "build")..."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*path, name)
                yield from parser_commands(sub, (*path, name))


def test_every_command_has_help_and_is_documented(capsys):
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    commands = list(parser_commands(build_parser()))
    assert {("data", "build"), ("brief",), ("search",), ("notes", "export")} <= set(commands)
    for command in commands:
        with pytest.raises(SystemExit) as done:
            main([*command, "--help"])
        assert done.value.code == 0, command
        assert capsys.readouterr().out.startswith(f"usage: briefer {' '.join(command)}")
        assert f"briefer {' '.join(command)}" in readme, command
    for flag in ("--version", "--db", "--smoke-test"):
        assert flag in readme


@pytest.mark.subprocess
def test_brief_writes_a_one_page_pdf_without_qt(fixture_db, tmp_path):
    target = tmp_path / "brief.pdf"
    code = (
        "import sys; from briefer.__main__ import main; "
        f"rc = main(['brief', '--template', 'launch', '--launch', 'l-2012', '--author', 'Ана 분석', "
        f"'--page-size', 'a4', '--db', {str(fixture_db)!r}, '-o', {str(target)!r}]); "
        "print('rc', rc, 'qt', [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph')])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert "rc 0 qt []" in result.stdout, result.stdout + result.stderr
    from pypdf import PdfReader

    reader = PdfReader(target)
    assert len(reader.pages) == 1 and reader.metadata.author == "Ана 분석"


@pytest.mark.subprocess
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--template", "launch", "--launch", "nope"], "unknown launch id 'nope'"),
        (["--subjects", "ghost"], "unknown subject id 'ghost'"),
        (["--provisions", "res1-op1"], "unknown provision id 'res1-op1'"),
        (["--page-size", "legal"], "invalid choice: 'legal'"),
        (["--format", "png", "--dpi", "10"], "--dpi 10 is outside 72–600"),
        (["--format", "png", "--dpi", "5000"], "--dpi 5000 is outside 72–600"),
        (["--from-saved", "abc", "--template", "launch"], "drop --template"),
        (["--from-saved", "abc"], "no saved briefing has the id 'abc'"),
    ],
)
def test_brief_errors_are_one_line_and_leave_no_file(fixture_db, tmp_path, args, message):
    folder = tmp_path / "out"
    folder.mkdir()
    result = briefer("brief", *args, "--db", str(fixture_db), "-o", str(folder / "out.pdf"))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr, result.stderr
    assert list(folder.iterdir()) == []


@pytest.mark.subprocess
def test_brief_to_an_unwritable_place(fixture_db, tmp_path):
    result = briefer("brief", "--db", str(fixture_db), "-o", str(tmp_path / "missing" / "b.pdf"))
    assert result.returncode == 2
    assert (
        result.stderr.startswith("briefer: error: cannot write")
        and len(result.stderr.splitlines()) == 1
    )


@pytest.mark.subprocess
def test_search_prints_groups_with_handles_for_other_commands(fixture_db):
    result = briefer("search", "Ракета", "--db", str(fixture_db))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Launch vehicles (1)"
    assert lines[1].strip().endswith("Raketa  [subject rocket-r]")


@pytest.mark.subprocess
def test_search_json_lists_hits_of_the_kinds_asked_for(fixture_db):
    result = briefer("search", "west", "--kind", "site", "--json", "--db", str(fixture_db))
    data = json.loads(result.stdout)
    assert [group["kind"] for group in data["groups"]] == ["site"]
    hit = data["groups"][0]["hits"][0]
    assert (hit["id"], hit["title"], hit["exact_name"]) == ("site-w", "West Site", True)


@pytest.mark.subprocess
def test_search_with_no_match_exits_1_and_empty_query_exits_2(fixture_db):
    nothing = briefer("search", "zzzqqq", "--db", str(fixture_db))
    assert nothing.returncode == 1 and nothing.stdout == ""
    assert nothing.stderr.strip() == "briefer: no matches for 'zzzqqq'"
    empty = briefer("search", '"*(', "--db", str(fixture_db))
    assert empty.returncode == 2 and len(empty.stderr.splitlines()) == 1
    assert "Traceback" not in empty.stderr


@pytest.mark.subprocess
def test_search_includes_the_users_notes(fixture_db, private_user_dir):
    from briefer.domain.records import EntityRef
    from briefer.services.notes import NotesService
    from briefer.store.reference import ReferenceStore
    from briefer.store.user_db import UserStore

    user = UserStore(private_user_dir / "user.db")
    NotesService(user, ReferenceStore(fixture_db)).save(
        EntityRef("launch_attempt", "l-2016"), "Compare with the Vostochny pad layout"
    )
    user.close()
    result = briefer("search", "vostoch", "--json", "--db", str(fixture_db))
    group = json.loads(result.stdout)["groups"][0]
    assert group["kind"] == "note"
    assert group["hits"][0]["id"] == "l-2016" and group["hits"][0]["note_id"]


def test_search_output_to_a_closed_pipe_ends_quietly(fixture_db, monkeypatch):
    import argparse
    import io

    from briefer.cli_search import _print_results
    from briefer.services.search import SearchService
    from briefer.store.reference import ReferenceStore

    results = SearchService(ReferenceStore(fixture_db).search_index()).search("r")
    read_end, write_end = os.pipe()
    os.close(read_end)
    closed = io.TextIOWrapper(io.FileIO(write_end, "w"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", closed)
    _print_results(results, argparse.Namespace(json=False, limit=10))  # no BrokenPipeError
    closed.close()


@pytest.mark.subprocess
def test_search_on_an_ascii_terminal_is_not_a_traceback(fixture_db):
    ascii_only = briefer(
        "search", "서해", "--db", str(fixture_db), env={"PYTHONIOENCODING": "ascii"}
    )
    assert ascii_only.returncode == 0 and "Traceback" not in ascii_only.stderr
    assert "West Site" in ascii_only.stdout


@pytest.mark.subprocess
def test_brief_to_standard_output_is_the_pdf_alone(fixture_db):
    result = subprocess.run(
        [sys.executable, "-m", "briefer", "brief", "--db", str(fixture_db), "-o", "-"],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0
    # the fixture lacks the events the overview names: saying so is all stderr may carry
    assert all(line.startswith(b"briefer: warning: ") for line in result.stderr.splitlines())
    assert result.stdout.startswith(b"%PDF-") and result.stdout.rstrip().endswith(b"%%EOF")


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.pdf")
    return folder / "pipe.pdf"


def _folder(folder: Path) -> Path:
    (folder / "dir.pdf").mkdir()
    return folder / "dir.pdf"


@pytest.mark.subprocess
@pytest.mark.parametrize(
    ("make", "is_kind", "word"),
    [
        (lambda _folder: Path("/dev/null"), stat.S_ISCHR, "character device"),
        (_fifo, stat.S_ISFIFO, "named pipe"),
        (_folder, stat.S_ISDIR, "folder"),
    ],
)
def test_brief_never_replaces_what_is_not_a_regular_file(fixture_db, tmp_path, make, is_kind, word):
    path = make(tmp_path)
    result = briefer("brief", "--db", str(fixture_db), "-o", str(path))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"briefer: error: will not write {path}: it is a {word}")
    assert len(result.stderr.splitlines()) == 1
    assert is_kind(os.lstat(path).st_mode)


@pytest.mark.subprocess
@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["brief", "--author", b"Jos\xe9", "-o", "OUT"], "--author"),
        (["brief", "--banner", b"SECRET \xff", "-o", "OUT"], "--banner"),
        (["brief", "-o", b"OUT\xe9"], "--output"),
        (["search", b"Jos\xe9"], "query"),
    ],
)
def test_undecodable_argument_is_one_line_naming_it(fixture_db, tmp_path, args, name):
    out = os.fsencode(tmp_path / "b.pdf")
    argv = [
        out + arg[3:] if isinstance(arg, bytes) and arg.startswith(b"OUT") else arg for arg in args
    ]
    argv = [out if arg == "OUT" else arg for arg in argv]
    result = subprocess.run(
        [sys.executable, "-m", "briefer", *argv, "--db", str(fixture_db)],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"briefer: error: argument {name}: ")
    assert "\\x" in lines[0] and "not valid" in lines[0]
    assert list(tmp_path.glob("b.pdf*")) == []


@pytest.mark.subprocess
def test_brief_will_not_pour_a_pdf_onto_a_terminal(fixture_db):
    leader, follower = os.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "briefer", "brief", "--db", str(fixture_db), "-o", "-"],
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 2
    assert result.stderr == (
        "briefer: error: will not write binary data to a terminal: redirect standard output\n"
    )


@pytest.mark.subprocess
def test_brief_as_text_goes_to_a_terminal_or_a_file(fixture_db, tmp_path):
    leader, follower = os.openpty()
    try:
        command = ["brief", "--db", str(fixture_db), "--format", "text", "-o", "-"]
        shown = subprocess.run(
            [sys.executable, "-m", "briefer", *command],
            stdout=follower,
            stderr=subprocess.PIPE,
            timeout=120,
        )
        os.close(follower)
        follower = -1
        screen = os.read(leader, 65536).decode("utf-8")
    finally:
        if follower >= 0:
            os.close(follower)
        os.close(leader)
    assert shown.returncode == 0 and "Bottom line up front." in screen
    target = tmp_path / "brief.txt"
    result = briefer("brief", "--db", str(fixture_db), "--format", "text", "-o", str(target))
    assert result.returncode == 0 and result.stdout == f"wrote {target}\n"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("UNCLASSIFIED\n") and "\nSources\n[1] " in text


@pytest.mark.subprocess
def test_events_a_template_names_but_the_data_lacks_are_a_warning_line(fixture_db, tmp_path):
    result = briefer("brief", "--db", str(fixture_db), "-o", str(tmp_path / "b.pdf"))
    assert result.returncode == 0 and (tmp_path / "b.pdf").is_file()
    warning = "briefer: warning: briefing leaves out events missing from this dataset: "
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(warning)
    assert "evt-2023-09-13-vostochny-summit" in lines[0]
