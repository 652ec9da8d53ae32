"""Signed data packs: the reference database, its manifest and a signature, in one file.

A pack is a zip archive of exactly three stored members, written canonically (fixed order,
times and attributes): ``manifest.json``, ``manifest.sig`` (the 64-byte Ed25519 signature of
the manifest's bytes) and ``briefer.db``. The manifest holds the database's SHA-256, so one
signature covers the data; verification then rebuilds the canonical archive from the members
and compares it with the file, so no byte of the pack, headers included, can change
unnoticed. Each refusal is one line saying why.
"""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
import zipfile
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from briefer.files import write_atomically
from briefer.store import schema
from briefer.store.build import build_database
from briefer.store.errors import StoreError
from briefer.store.pack_keys import TrustedKey, key_id
from briefer.store.reference import ReferenceStore
from briefer.store.source_files import read_source_set

PACK_FORMAT = 1
MANIFEST, SIGNATURE, DATABASE = "manifest.json", "manifest.sig", "briefer.db"
MAX_MANIFEST_BYTES = 1 << 20
MAX_DATABASE_BYTES = 2 << 30
_CHUNK = 1 << 20


class PackError(StoreError):
    """A pack that cannot be made, read or trusted; the message says why in one line."""


@dataclass(frozen=True)
class Manifest:
    dataset_version: str
    schema_version: int
    coverage_through: str
    as_of: str
    content_sha256: str
    database_sha256: str
    database_bytes: int
    record_counts: dict[str, int]
    follows: str = ""  # the dataset version this pack updates, when the maintainer names one
    created_utc: str = ""
    key_id: str = ""
    format: int = PACK_FORMAT
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> bytes:
        values = asdict(self)
        values.pop("extra")
        return (json.dumps(values, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        try:
            values = json.loads(data.decode("utf-8"))
            known = {name: values.pop(name) for name in list(values) if name in _FIELDS}
            manifest = cls(**known, extra=values)
        except (UnicodeDecodeError, json.JSONDecodeError, TypeError, AttributeError) as error:
            raise PackError(f"the manifest cannot be read ({error})") from error
        if not isinstance(manifest.schema_version, int) or not isinstance(
            manifest.record_counts, dict
        ):
            raise PackError("the manifest is malformed (schema_version, record_counts)")
        return manifest


_FIELDS = {name for name in Manifest.__dataclass_fields__ if name != "extra"}


def _sha256_of(stream: IO[bytes]) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    while chunk := stream.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def make_pack(
    source: Path, private: Ed25519PrivateKey, output: Path, follows: str = ""
) -> Manifest:
    """Build the database from ``source`` and write the signed pack to ``output`` atomically.

    Raises:
        SourceDataError: the sources fail ``data check``; nothing is written.
        OSError: ``output`` cannot be written (the old file, if any, is kept).
    """
    with tempfile.TemporaryDirectory(prefix="briefer-pack-") as work:
        database = build_database(read_source_set(source), Path(work) / DATABASE)
        manifest = _manifest_for(database, private, follows)
        body = manifest.to_json()
        archive = _canonical(body, private.sign(body), database.read_bytes())
        write_atomically(output, archive)
    return manifest


_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def _canonical(manifest: bytes, signature: bytes, database: bytes) -> bytes:
    """The one archive a pack of these three members may be."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as pack:
        for name, data in ((MANIFEST, manifest), (SIGNATURE, signature), (DATABASE, database)):
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.external_attr = 0o644 << 16
            pack.writestr(info, data)
    return buffer.getvalue()


def _manifest_for(database: Path, private: Ed25519PrivateKey, follows: str) -> Manifest:
    store = ReferenceStore(database)
    try:
        info, counts = store.dataset_info(), store.view_counts()
    finally:
        store.close()
    with database.open("rb") as handle:
        digest, size = _sha256_of(handle)
    return Manifest(
        dataset_version=info.dataset_version,
        schema_version=info.schema_version,
        coverage_through=info.coverage_through,
        as_of=info.as_of,
        content_sha256=info.content_sha256,
        database_sha256=digest,
        database_bytes=size,
        record_counts=counts,
        follows=follows,
        created_utc=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        key_id=key_id(private.public_key()),
    )


@dataclass(frozen=True)
class VerifiedPack:
    path: Path
    manifest: Manifest
    signed_by: TrustedKey


def verify_pack(path: Path, keys: list[TrustedKey]) -> VerifiedPack:
    """The pack's manifest, once its signature and its database's hash are checked.

    Raises:
        PackError: unreadable, unsigned, signed by no trusted key, altered, or of a newer
            schema than this Briefer reads.
    """
    try:
        with zipfile.ZipFile(path) as pack:
            members = _checked_members(pack)
            body = _read_small(pack, members[MANIFEST], MANIFEST)
            if SIGNATURE not in members:
                raise PackError("the pack is not signed (no manifest.sig)")
            signature = _read_small(pack, members[SIGNATURE], SIGNATURE)
            signer = next((key for key in keys if key.verifies(signature, body)), None)
            if signer is None:
                raise PackError(_untrusted(keys))
            manifest = Manifest.from_json(body)
            database = _checked_database(pack, members[DATABASE], manifest)
        if path.read_bytes() != _canonical(body, signature, database):
            raise PackError("the pack's archive was altered (headers differ from the signed pack)")
    except OSError as error:
        raise PackError(f"cannot read {path}: {error.strerror or error}") from error
    except zipfile.BadZipFile as error:
        raise PackError(f"{path} is damaged or not a Briefer data pack ({error})") from error
    if manifest.schema_version > schema.SCHEMA_VERSION:
        raise PackError(
            f"the pack needs a newer Briefer: its schema is {manifest.schema_version}, this "
            f"Briefer reads schema {schema.SCHEMA_VERSION} or older"
        )
    return VerifiedPack(path, manifest, signer)


def _untrusted(keys: list[TrustedKey]) -> str:
    if not keys:
        return "no trusted keys are installed, so no pack can be verified"
    return "the pack's signature matches none of the trusted keys (or the manifest was altered)"


def _checked_members(pack: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    members = {info.filename: info for info in pack.infolist()}
    unexpected = sorted(set(members) - {MANIFEST, SIGNATURE, DATABASE})
    if unexpected:
        raise PackError(f"the pack holds an unexpected member '{unexpected[0]}'")
    for name in (MANIFEST, DATABASE):
        if name not in members:
            raise PackError(f"the pack has no {name}")
    return members


def _read_small(pack: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    if info.file_size > MAX_MANIFEST_BYTES:
        raise PackError(f"the pack's {name} is too large")
    return pack.read(info)


def _checked_database(pack: zipfile.ZipFile, info: zipfile.ZipInfo, manifest: Manifest) -> bytes:
    if info.file_size != manifest.database_bytes or info.file_size > MAX_DATABASE_BYTES:
        raise PackError("the pack's database is not the one its manifest signs (size differs)")
    data = pack.read(info)
    if hashlib.sha256(data).hexdigest() != manifest.database_sha256:
        raise PackError("the pack's database is not the one its manifest signs (altered)")
    return data
