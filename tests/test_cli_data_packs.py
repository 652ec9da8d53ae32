"""``briefer data keygen | pack | verify`` on the command line."""

import json

import pytest

from briefer.__main__ import main


@pytest.fixture
def keys_dir(tmp_path, monkeypatch):
    folder = tmp_path / "keys"
    monkeypatch.setenv("BRIEFER_TRUSTED_KEYS", str(folder))
    assert main(["data", "keygen", "--out", str(folder)]) == 0
    return folder


def test_a_pack_is_made_and_verified(keys_dir, source_dir, tmp_path, capsys):
    pack = tmp_path / "d.brpack"
    key = keys_dir / "briefer-publishing.key"
    made = main(["data", "pack", "--key", str(key), "--source", str(source_dir), "-o", str(pack)])
    assert made == 0 and pack.is_file()
    assert "signed by" in capsys.readouterr().out
    assert main(["data", "verify", str(pack)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("verified: signed by key ") and "dataset test.1 (schema 7)" in out


def test_verify_prints_the_manifest(keys_dir, source_dir, tmp_path, capsys):
    pack = tmp_path / "d.brpack"
    key = keys_dir / "briefer-publishing.key"
    main(["data", "pack", "--key", str(key), "--source", str(source_dir), "-o", str(pack)])
    capsys.readouterr()
    assert main(["data", "verify", str(pack), "--json"]) == 0
    manifest = json.loads(capsys.readouterr().out)
    assert manifest["dataset_version"] == "test.1" and manifest["record_counts"]["sources"] == 3
    assert manifest["signed_by"].endswith("briefer-publishing.pub")


def test_a_pack_nobody_trusts_or_that_was_altered_is_one_line(
    keys_dir, source_dir, tmp_path, capsys, monkeypatch
):
    pack = tmp_path / "d.brpack"
    key = keys_dir / "briefer-publishing.key"
    main(["data", "pack", "--key", str(key), "--source", str(source_dir), "-o", str(pack)])
    capsys.readouterr()
    data = bytearray(pack.read_bytes())
    data[len(data) // 2] ^= 0x01
    pack.write_bytes(bytes(data))
    assert main(["data", "verify", str(pack)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith("briefer: error: ")
    monkeypatch.setenv("BRIEFER_TRUSTED_KEYS", str(tmp_path / "none"))
    assert main(["data", "verify", str(pack)]) == 2
    assert "matches none of the trusted keys" in capsys.readouterr().err  # the project key only


def test_a_key_file_that_is_not_a_key_is_one_line(tmp_path, capsys, source_dir):
    bad = tmp_path / "bad.key"
    bad.write_text("not a key")
    output = str(tmp_path / "p")
    code = main(["data", "pack", "--key", str(bad), "--source", str(source_dir), "-o", output])
    assert code == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "not an unencrypted PEM private key" in err
    assert not (tmp_path / "p").exists()


def _pack_with_version(version, keys_dir, tmp_path):
    from tests.fixture_data import ROWS, write_dataset

    rows = {name: [dict(r) for r in records] for name, records in ROWS.items()}
    rows["dataset.csv"][0]["value"] = version
    source = write_dataset(tmp_path / f"src-{version}", rows)
    pack = tmp_path / f"{version}.brpack"
    key = keys_dir / "briefer-publishing.key"
    assert main(["data", "pack", "--key", str(key), "--source", str(source), "-o", str(pack)]) == 0
    return pack


def test_update_installs_a_newer_pack_and_rollback_returns_to_the_bundled_data(
    keys_dir, tmp_path, capsys
):
    pack = _pack_with_version("2099.1", keys_dir, tmp_path)
    capsys.readouterr()
    assert main(["data", "update", str(pack)]) == 0
    assert "installed dataset 2099.1" in capsys.readouterr().out
    main(["--version"])  # output read just above: only --version's lines remain
    assert "dataset 2099.1, installed 20" in capsys.readouterr().out
    assert main(["data", "update", str(pack)]) == 2  # the same again is not newer
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "--allow-older" in err
    assert main(["data", "rollback"]) == 0
    assert "reads the bundled dataset" in capsys.readouterr().out
    main(["--version"])
    assert ", bundled with Briefer (" in capsys.readouterr().out


def test_an_older_pack_rolls_nothing_back_unless_asked(keys_dir, tmp_path, capsys):
    old = _pack_with_version("2001.1", keys_dir, tmp_path)
    capsys.readouterr()
    assert main(["data", "update", str(old)]) == 2
    assert "not newer than" in capsys.readouterr().err
    assert main(["data", "update", str(old), "--allow-older"]) == 0
    capsys.readouterr()
    main(["--version"])
    assert "dataset 2001.1" in capsys.readouterr().out  # chosen, so used over the bundle


def test_diff_between_a_database_and_a_pack(keys_dir, fixture_db, tmp_path, capsys):
    pack = _pack_with_version("2099.1", keys_dir, tmp_path)
    capsys.readouterr()
    assert main(["data", "diff", str(fixture_db), str(pack)]) == 0
    assert capsys.readouterr().out == "no record differs\n"  # only the version changed
    assert main(["data", "diff", str(fixture_db), str(pack), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {}
