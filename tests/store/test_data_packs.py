"""Signed data packs: made from the sources, refused when anything about them is wrong."""

import json
import os
import stat
import zipfile
from pathlib import Path

import pytest

from briefer.store import data_packs
from briefer.store.data_packs import Manifest, PackError, make_pack, verify_pack
from briefer.store.pack_keys import (
    PackKeyError,
    generate_key_pair,
    load_private_key,
    trusted_keys,
)


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, Path]:
    """A signing key and a folder trusting only its public half."""
    private, public = generate_key_pair(tmp_path / "signing")
    trusted = tmp_path / "trusted"
    trusted.mkdir()
    (trusted / public.name).write_bytes(public.read_bytes())
    return private, trusted


@pytest.fixture
def pack(source_dir: Path, keys, tmp_path: Path) -> Path:
    private, _trusted = keys
    output = tmp_path / "data.brpack"
    make_pack(source_dir, load_private_key(private), output, follows="test.0")
    return output


def _rewrite(pack: Path, members: dict[str, bytes]) -> None:
    """The members written back: as a canonical pack when they are the three a pack holds."""
    if sorted(members) == ["briefer.db", "manifest.json", "manifest.sig"]:
        canonical = data_packs._canonical(
            members["manifest.json"], members["manifest.sig"], members["briefer.db"]
        )
        pack.write_bytes(canonical)
        return
    with zipfile.ZipFile(pack, "w", zipfile.ZIP_STORED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _members(pack: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(pack) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_a_key_pair_is_two_files_and_the_private_one_is_the_owners_only(tmp_path):
    private, public = generate_key_pair(tmp_path / "k", "team")
    assert (private.name, public.name) == ("team.key", "team.pub")
    assert stat.S_IMODE(os.stat(private).st_mode) == 0o600
    assert b"PRIVATE KEY" in private.read_bytes() and b"PUBLIC KEY" in public.read_bytes()
    with pytest.raises(PackKeyError, match="never overwritten"):
        generate_key_pair(tmp_path / "k", "team")


def test_a_pack_verifies_against_the_trusted_key_and_describes_its_data(pack, keys):
    _private, trusted = keys
    verified = verify_pack(pack, trusted_keys([trusted]))
    manifest = verified.manifest
    assert manifest.dataset_version == "test.1" and manifest.follows == "test.0"
    assert manifest.coverage_through == "2024-06-30"
    assert manifest.record_counts["launch_attempts"] == 3
    assert manifest.key_id == verified.signed_by.key_id
    assert sorted(_members(pack)) == ["briefer.db", "manifest.json", "manifest.sig"]


def test_one_byte_changed_in_the_database_is_refused(pack, keys):
    members = _members(pack)
    data = bytearray(members["briefer.db"])
    data[len(data) // 2] ^= 0x01
    _rewrite(pack, {**members, "briefer.db": bytes(data)})
    with pytest.raises(PackError, match="altered"):
        verify_pack(pack, trusted_keys([keys[1]]))


def test_one_byte_flipped_anywhere_in_the_file_is_refused(pack, keys):
    original = pack.read_bytes()
    for offset in range(0, len(original), max(len(original) // 40, 1)):
        changed = bytearray(original)
        changed[offset] ^= 0x01
        pack.write_bytes(bytes(changed))
        with pytest.raises(PackError):
            verify_pack(pack, trusted_keys([keys[1]]))


def test_a_rewritten_archive_with_the_same_members_is_refused(pack, keys):
    members = _members(pack)
    with zipfile.ZipFile(pack, "w", zipfile.ZIP_STORED) as archive:  # today's timestamps
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(PackError, match="archive was altered"):
        verify_pack(pack, trusted_keys([keys[1]]))


def test_a_changed_manifest_no_longer_matches_its_signature(pack, keys):
    members = _members(pack)
    manifest = json.loads(members["manifest.json"])
    manifest["dataset_version"] = "2099.1"
    _rewrite(pack, {**members, "manifest.json": json.dumps(manifest).encode()})
    with pytest.raises(PackError, match="matches none of the trusted keys"):
        verify_pack(pack, trusted_keys([keys[1]]))


def test_a_pack_signed_by_another_key_is_refused(pack, tmp_path):
    _private, public = generate_key_pair(tmp_path / "other")
    with pytest.raises(PackError, match="matches none of the trusted keys"):
        verify_pack(pack, trusted_keys([public.parent]))
    with pytest.raises(PackError, match="no trusted keys are installed"):
        verify_pack(pack, [])


def test_an_unsigned_pack_is_refused(pack, keys):
    members = _members(pack)
    del members["manifest.sig"]
    _rewrite(pack, members)
    with pytest.raises(PackError, match="not signed"):
        verify_pack(pack, trusted_keys([keys[1]]))


def test_an_extra_member_is_refused(pack, keys):
    _rewrite(pack, {**_members(pack), "../evil.sh": b"#!/bin/sh\n"})
    with pytest.raises(PackError, match="unexpected member"):
        verify_pack(pack, trusted_keys([keys[1]]))


def test_a_pack_of_a_newer_schema_names_what_it_needs(pack, keys):
    members = _members(pack)
    manifest = Manifest.from_json(members["manifest.json"])
    newer = Manifest(**{**manifest.__dict__, "schema_version": 99, "extra": {}})
    body = newer.to_json()
    signature = load_private_key(keys[0]).sign(body)
    _rewrite(pack, {**members, "manifest.json": body, "manifest.sig": signature})
    with pytest.raises(PackError, match="needs a newer Briefer: its schema is 99"):
        verify_pack(pack, trusted_keys([keys[1]]))


def test_what_is_not_a_pack_is_one_line(tmp_path, keys):
    junk = tmp_path / "junk.brpack"
    junk.write_bytes(b"not a zip at all")
    with pytest.raises(PackError, match="not a Briefer data pack"):
        verify_pack(junk, trusted_keys([keys[1]]))
    with pytest.raises(PackError, match="cannot read"):
        verify_pack(tmp_path / "missing.brpack", trusted_keys([keys[1]]))


def test_a_bad_key_file_is_one_line_and_does_not_hide_the_good_keys(tmp_path, keys):
    not_a_key = tmp_path / "plain.key"
    not_a_key.write_text("hello")
    with pytest.raises(PackKeyError, match="not an unencrypted PEM private key"):
        load_private_key(not_a_key)
    (keys[1] / "broken.pub").write_text("garbage")
    assert len(trusted_keys([keys[1], tmp_path / "nowhere"])) == 1


def test_a_failed_write_leaves_the_old_pack(pack, source_dir, keys, monkeypatch):
    before = pack.read_bytes()

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(data_packs, "write_atomically", full_disk)
    with pytest.raises(OSError):
        make_pack(source_dir, load_private_key(keys[0]), pack)
    assert pack.read_bytes() == before


def test_the_project_publishing_key_ships_public_only():
    from briefer import paths

    shipped = sorted((paths.resources_dir() / "keys").iterdir())
    assert [path.name for path in shipped] == ["briefer-publishing.pub"]
    assert all(b"PRIVATE" not in path.read_bytes() for path in shipped)
    [key] = trusted_keys([paths.resources_dir() / "keys"])
    assert key.key_id == "d66d8ea71eab6694"  # the id the README gives for checking it
    assert key in trusted_keys(paths.trusted_key_dirs())
