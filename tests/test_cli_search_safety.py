"""``briefer search`` never lets record or note text drive the terminal, and reads ``-word``."""

import json

import pytest

from briefer.store.build import build_database
from briefer.store.source_files import read_source_set
from briefer.terminal_text import json_safe, printable
from tests.fixture_data import with_changes, write_dataset
from tests.test_cli import briefer

HOSTILE = "West\x1b]0;pwned\x07 \x1b[2J\x9b31m\x7f\u202eetiS\u2066x\u2069"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain text", "plain text"),
        ("Ракета 서해 café", "Ракета 서해 café"),
        ("\x1b[2J", "\\x1b[2J"),
        ("a\x00b\x7fc\x9bd", "a\\x00b\\x7fc\\x9bd"),
        ("abc\u202edef\u2066g\u2069", "abc\\u202edef\\u2066g\\u2069"),
        ("line\r\nnext\tcol", "line  next col"),
        ("\u2028", "\\u2028"),
    ],
)
def test_printable_escapes_controls_and_direction_overrides(raw, shown):
    assert printable(raw) == shown


def test_printable_can_keep_line_breaks():
    assert printable("a\nb\tc\x1b", one_line=False) == "a\nb\tc\\x1b"


def test_json_safe_escapes_what_json_leaves_raw_and_decodes_to_the_same():
    text = json.dumps({"t": HOSTILE}, ensure_ascii=False, indent=2)
    assert "\x9b" in text and "\u202e" in text  # json.dumps alone leaves them raw
    safe = json_safe(text)
    assert not any(ch in safe for ch in "\x1b\x07\x9b\x7f\u202e\u2066\u2069")
    assert json.loads(safe) == {"t": HOSTILE}


@pytest.fixture
def hostile_db(tmp_path):
    rows = with_changes("sites.csv", 0, name=HOSTILE)
    return build_database(
        read_source_set(write_dataset(tmp_path / "data", rows)), tmp_path / "h.db"
    )


def _no_raw_controls(text):
    allowed = {"\n"}
    return not [
        ch for ch in text if ch not in allowed and (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0)
    ]


@pytest.mark.subprocess
def test_search_text_shows_a_records_escape_sequences_escaped(hostile_db):
    result = briefer("search", "west", "--kind", "site", "--db", str(hostile_db))
    assert result.returncode == 0, result.stderr
    assert _no_raw_controls(result.stdout) and "\u202e" not in result.stdout
    assert "West\\x1b]0;pwned\\x07 \\x1b[2J\\x9b31m\\x7f\\u202eetiS" in result.stdout


@pytest.mark.subprocess
def test_search_json_escapes_them_too_and_stays_exact(hostile_db):
    result = briefer("search", "west", "--kind", "site", "--json", "--db", str(hostile_db))
    assert _no_raw_controls(result.stdout) and "\u202e" not in result.stdout
    hit = json.loads(result.stdout)["groups"][0]["hits"][0]
    assert hit["title"] == HOSTILE


@pytest.mark.subprocess
def test_search_shows_a_notes_escape_sequences_escaped(fixture_db, private_user_dir):
    from briefer.domain.records import EntityRef
    from briefer.services.notes import NotesService
    from briefer.store.reference import ReferenceStore
    from briefer.store.user_db import UserStore

    user = UserStore(private_user_dir / "user.db")
    body = "Vostochny pad\x1b[2J\x1b]0;owned\x07 compare"
    NotesService(user, ReferenceStore(fixture_db)).save(EntityRef("launch_attempt", "l-2016"), body)
    user.close()
    result = briefer("search", "vostoch", "--kind", "note", "--db", str(fixture_db))
    assert result.returncode == 0, result.stderr
    assert _no_raw_controls(result.stdout)
    assert "\\x1b[2J\\x1b]0;owned\\x07" in result.stdout


@pytest.mark.subprocess
@pytest.mark.parametrize(
    "args",
    [
        ["-raketa"],
        ["--", "-raketa"],
        ["--json", "-raketa"],
        ["-raketa", "--limit", "1", "--json"],
    ],
)
def test_a_query_may_start_with_a_dash(fixture_db, args):
    result = briefer("search", "--db", str(fixture_db), *args)
    assert result.returncode == 0, result.stderr
    assert "Raketa" in result.stdout
    assert ("--json" in args) == result.stdout.startswith("{")


@pytest.mark.subprocess
def test_real_options_stay_options(fixture_db):
    assert "usage: briefer search" in briefer("search", "-h").stdout
    limited = briefer("search", "r", "--limit", "1", "--json", "--db", str(fixture_db))
    assert all(len(group["hits"]) == 1 for group in json.loads(limited.stdout)["groups"])
    typo = briefer("search", "raketa", "--jsno", "--db", str(fixture_db))
    assert typo.returncode == 2 and "unrecognized arguments: --jsno" in typo.stderr


@pytest.mark.subprocess
def test_help_documents_the_double_dash():
    assert "briefer search -- " in briefer("search", "--help").stdout


def test_direction_marks_and_invisible_characters_are_shown_but_persian_joiners_kept():
    from briefer.terminal_text import printable

    assert printable("a\u200fb\u061cc\ufeffd\U000e0041") == "a\\u200fb\\u061cc\\ufeffd\\U000e0041"
    assert printable("می\u200cخواهم") == "می\u200cخواهم"
