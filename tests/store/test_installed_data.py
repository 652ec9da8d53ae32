"""Installing signed packs: newest wins, nothing rolls back unasked, an interrupted install
changes nothing, and rollback returns to the dataset before."""

import hashlib
from pathlib import Path

import pytest

from briefer.store import installed_data
from briefer.store.data_packs import PackError, make_pack, verify_pack
from briefer.store.dataset_choice import choose_reference, dataset_version_of, read_pointer
from briefer.store.installed_data import install, rollback
from briefer.store.pack_keys import generate_key_pair, load_private_key, trusted_keys
from tests.fixture_data import ROWS, write_dataset


def _pack_of(version: str, tmp_path: Path, keys) -> object:
    rows = {name: [dict(r) for r in records] for name, records in ROWS.items()}
    rows["dataset.csv"][0]["value"] = version
    name = hashlib.sha256(version.encode()).hexdigest()[:12]  # versions may be hostile text
    source = write_dataset(tmp_path / f"src-{name}", rows)
    private, public = keys
    output = tmp_path / f"{name}.brpack"
    make_pack(source, load_private_key(private), output)
    return verify_pack(output, trusted_keys([public.parent]))


@pytest.fixture
def keys(tmp_path):
    return generate_key_pair(tmp_path / "keys")


@pytest.fixture
def user(tmp_path) -> Path:
    return tmp_path / "user"


def test_a_newer_pack_is_installed_and_read_instead_of_the_bundled_data(
    tmp_path, keys, user, fixture_db
):
    entry = install(_pack_of("test.2", tmp_path, keys), user, in_use_version="test.1")
    chosen = choose_reference(user, fixture_db)
    assert chosen != fixture_db and dataset_version_of(chosen) == "test.2"
    assert entry.version == "test.2" and read_pointer(user)[0] == entry


def test_an_update_of_briefer_with_newer_bundled_data_wins_over_the_installed(
    tmp_path, keys, user, fixture_db
):
    pack = _pack_of("test.0.5", tmp_path, keys)
    install(pack, user, "test.1", allow_older=True, bundled_version="test.1")
    assert choose_reference(user, fixture_db) != fixture_db  # chosen on purpose: kept
    install(pack, user, "test.1", allow_older=True, bundled_version="test.0")
    assert choose_reference(user, fixture_db) == fixture_db  # the bundle changed since


def test_an_older_or_equal_pack_is_refused_unless_asked_for(tmp_path, keys, user):
    install(_pack_of("test.3", tmp_path, keys), user, in_use_version="test.1")
    older = _pack_of("test.2", tmp_path, keys)
    for version in ("test.3", "test.10"):
        with pytest.raises(PackError, match="not newer than"):
            install(older, user, in_use_version=version)
    assert read_pointer(user)[0].version == "test.3"
    install(older, user, in_use_version="test.3", allow_older=True)
    assert read_pointer(user)[0].version == "test.2"


def test_versions_compare_by_number_not_by_text(tmp_path, keys, user):
    install(_pack_of("2026.10", tmp_path, keys), user, in_use_version="2026.9")
    assert read_pointer(user)[0].version == "2026.10"


def test_rollback_returns_to_the_previous_then_to_the_bundled_dataset(
    tmp_path, keys, user, fixture_db
):
    install(_pack_of("test.2", tmp_path, keys), user, in_use_version="test.1")
    install(_pack_of("test.3", tmp_path, keys), user, in_use_version="test.2")
    assert rollback(user).version == "test.2"
    assert dataset_version_of(choose_reference(user, fixture_db)) == "test.2"
    assert rollback(user) is None
    assert choose_reference(user, fixture_db) == fixture_db
    with pytest.raises(PackError, match="no installed dataset"):
        rollback(user)


def test_a_pack_installed_over_newer_bundled_data_rolls_back_to_that_data(tmp_path, keys, user):
    install(_pack_of("test.2", tmp_path, keys), user, in_use_version="test.1")
    # Briefer was updated with bundled test.3, which is in use; then test.4 comes
    install(_pack_of("test.4", tmp_path, keys), user, in_use_version="test.3")
    assert read_pointer(user)[1] is None  # what it replaced is the bundled data
    assert rollback(user) is None


def test_an_install_interrupted_before_the_switch_keeps_the_old_dataset(
    tmp_path, keys, user, monkeypatch
):
    install(_pack_of("test.2", tmp_path, keys), user, in_use_version="test.1")
    newer = _pack_of("test.3", tmp_path, keys)

    def killed(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(installed_data, "write_atomically", killed)
    with pytest.raises(PackError, match="No space left"):
        install(newer, user, in_use_version="test.2")
    assert read_pointer(user)[0].version == "test.2"


def test_a_copy_that_fails_leaves_no_partial_file(tmp_path, keys, user, monkeypatch):
    pack = _pack_of("test.2", tmp_path, keys)
    real_fsync = installed_data.os.fsync

    def full_disk(fd):
        real_fsync(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(installed_data.os, "fsync", full_disk)
    with pytest.raises(PackError, match="No space left"):
        install(pack, user, in_use_version="test.1")
    assert read_pointer(user) == (None, None)
    assert list((user / "datasets").iterdir()) == []


KILLED_INSTALL = """
import sys, time, zipfile
from pathlib import Path
from briefer.store import installed_data
from briefer.store.data_packs import verify_pack
from briefer.store.pack_keys import trusted_keys

pack = verify_pack(Path(sys.argv[1]), trusted_keys([Path(sys.argv[2])]))
real_open = zipfile.ZipFile.open

def slow_open(self, name, *args, **kwargs):
    stream = real_open(self, name, *args, **kwargs)
    real_read = stream.read
    def read(size=-1):
        print("copying", flush=True)
        time.sleep(0.2)
        return real_read(1024)
    stream.read = read
    return stream

zipfile.ZipFile.open = slow_open
installed_data.install(pack, Path(sys.argv[3]), "test.2")
"""


@pytest.mark.subprocess
def test_an_install_killed_while_copying_leaves_the_previous_dataset(tmp_path, keys, user):
    import signal
    import subprocess
    import sys

    install(_pack_of("test.2", tmp_path, keys), user, in_use_version="test.1")
    newer = _pack_of("test.3", tmp_path, keys)
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_INSTALL, str(newer.path), str(keys[1].parent), str(user)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "copying"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert read_pointer(user)[0].version == "test.2"
    assert any(p.name.startswith(".install-") for p in (user / "datasets").iterdir())
    install(newer, user, in_use_version="test.2")  # the next install cleans up
    assert read_pointer(user)[0].version == "test.3"
    assert not any(p.name.startswith(".install-") for p in (user / "datasets").iterdir())


def test_a_read_only_user_folder_is_one_line_and_changes_nothing(
    tmp_path, keys, user, monkeypatch
):
    pack = _pack_of("test.2", tmp_path, keys)

    def read_only(*_args, **_kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(installed_data.tempfile, "mkstemp", read_only)
    with pytest.raises(PackError, match=r"cannot install into .*Read-only file system"):
        install(pack, user, in_use_version="test.1")
    monkeypatch.setattr(Path, "mkdir", read_only)  # nor can its datasets folder be made
    with pytest.raises(PackError, match=r"cannot install into .*Read-only file system"):
        install(pack, tmp_path / "elsewhere", in_use_version="test.1")
    assert read_pointer(user) == (None, None)


def test_a_hostile_version_cannot_name_a_file_outside_the_datasets_folder(tmp_path, keys, user):
    entry = install(_pack_of("../../x\x1b[31m/..", tmp_path, keys), user, "", allow_older=True)
    assert "/" not in entry.file and "\x1b" not in entry.file
    assert (user / "datasets" / entry.file).is_file()
    assert sorted(p.name for p in user.rglob("*.db")) == [entry.file]
