"""Publishing into a folder: both files whole, foreign files never replaced, and a failure at
any step leaving the previous publish as it was."""

import errno
import json
import os
import sqlite3

import pytest

from briefer.store import publication
from briefer.store.publication import DATABASE_FILE, METADATA_FILE, PublishError, publish
from briefer.store.schema import PUBLIC_VIEWS
from tests.store.conftest import fill


def counts(database):
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return {
            view: conn.execute(f"SELECT count(*) FROM {view}").fetchone()[0]
            for view in PUBLIC_VIEWS
        }


def snapshot(folder):
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture
def published(fixture_db, tmp_path):
    """A folder holding a previous publish."""
    folder = tmp_path / "pub"
    publish(fixture_db, folder)
    return folder


def test_writes_the_database_and_its_metadata(fixture_db, tmp_path):
    done = publish(fixture_db, tmp_path / "new" / "pub")
    assert done.dataset_version == "test.1"
    assert sorted(p.name for p in done.database.parent.iterdir()) == [DATABASE_FILE, METADATA_FILE]
    assert counts(done.database) == counts(fixture_db)
    metadata = json.loads(done.metadata.read_text(encoding="utf-8"))
    assert set(PUBLIC_VIEWS) <= set(metadata["databases"]["briefer"]["tables"])
    assert oct(done.database.stat().st_mode & 0o777) == "0o644"


def test_publishes_again_over_a_previous_publish(published, writable_fixture_db):
    with sqlite3.connect(writable_fixture_db) as conn:
        conn.execute("UPDATE dataset SET value = 'test.2' WHERE key = 'dataset_version'")
    conn.close()
    assert publish(writable_fixture_db, published).dataset_version == "test.2"
    assert "test.2" in (published / METADATA_FILE).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "content"),
    [("notes.txt", b"mine"), (METADATA_FILE, b'{"title": "another site"}'), (DATABASE_FILE, b"x")],
)
def test_refuses_a_folder_holding_other_files(fixture_db, tmp_path, name, content):
    folder = tmp_path / "pub"
    folder.mkdir()
    (folder / name).write_bytes(content)
    with pytest.raises(PublishError, match=rf"will not publish to .*\({name}\)"):
        publish(fixture_db, folder)
    assert snapshot(folder) == {name: content}


def test_refuses_a_file_as_the_folder(fixture_db, tmp_path):
    (tmp_path / "pub").write_text("x")
    with pytest.raises(PublishError, match="it is not a folder"):
        publish(fixture_db, tmp_path / "pub")


def test_a_read_only_folder_is_one_clear_error(published, fixture_db, monkeypatch):
    before = snapshot(published)

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(publication.tempfile, "mkstemp", read_only)
    with pytest.raises(
        PublishError, match=r"cannot publish to .*: the file or its folder is read-only"
    ):
        publish(fixture_db, published)
    assert snapshot(published) == before


def test_a_full_disk_between_database_and_metadata_changes_nothing(
    published, fixture_db, monkeypatch
):
    before = snapshot(published)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(publication, "write_synced", full)
    with pytest.raises(PublishError, match="the disk is full"):
        publish(fixture_db, published)
    assert snapshot(published) == before  # no temporary file either


def test_a_kill_while_writing_leaves_the_previous_publish(published, fixture_db, monkeypatch):
    """SIGTERM ends the command through SystemExit: the temporary files go with it."""
    before = snapshot(published)

    def killed(*args, **kwargs):
        raise SystemExit(143)

    monkeypatch.setattr(publication, "write_synced", killed)
    with pytest.raises(SystemExit):
        publish(fixture_db, published)
    assert snapshot(published) == before


def test_a_failed_rename_puts_the_database_back(published, writable_fixture_db, monkeypatch):
    before = snapshot(published)
    with sqlite3.connect(writable_fixture_db) as conn:
        conn.execute("UPDATE dataset SET value = 'test.2' WHERE key = 'dataset_version'")
    conn.close()
    real_replace = os.replace

    def replace(source, target):
        if os.fspath(target).endswith(METADATA_FILE):
            raise OSError(errno.EIO, "Input/output error")
        return real_replace(source, target)

    monkeypatch.setattr(publication.os, "replace", replace)
    with pytest.raises(PublishError, match="input/output error"):
        publish(writable_fixture_db, published)
    monkeypatch.undo()
    assert snapshot(published) == before


def test_files_left_by_a_killed_publish_are_cleared(published, fixture_db):
    (published / ".briefer-publish-abc123.db").write_bytes(b"half")
    (published / ".briefer-publish-kept-briefer.db").write_bytes(b"old")
    publish(fixture_db, published)
    assert sorted(p.name for p in published.iterdir()) == [DATABASE_FILE, METADATA_FILE]


def test_a_really_full_disk_leaves_the_previous_publish(fixture_db, tmpfs):
    disk = tmpfs(4096)
    folder = disk / "pub"
    publish(fixture_db, folder)
    before = snapshot(folder)
    fill(disk)
    with pytest.raises(PublishError, match="the disk is full"):
        publish(fixture_db, folder)
    assert snapshot(folder) == before
