"""Ed25519 keys for signing data packs, and the public keys an installation trusts.

Signing and verification are `cryptography`'s; nothing here is home-made cryptography. A
private key is a PKCS#8 PEM file readable by its owner only; a public key is a PEM file whose
name ends in ``.pub``. A key is known by its id: the first 16 hex digits of the SHA-256 of its
raw 32 bytes.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from briefer.files import write_atomically
from briefer.store.errors import StoreError

PUBLIC_SUFFIX = ".pub"


class PackKeyError(StoreError):
    """A key file that is missing, unreadable or not an Ed25519 key: one-line message."""


@dataclass(frozen=True)
class TrustedKey:
    key_id: str
    path: Path
    key: Ed25519PublicKey

    def verifies(self, signature: bytes, message: bytes) -> bool:
        try:
            self.key.verify(signature, message)
        except InvalidSignature:
            return False
        return True


def key_id(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def generate_key_pair(folder: Path, name: str = "briefer-publishing") -> tuple[Path, Path]:
    """Write ``name.key`` (private, mode 0600) and ``name.pub`` into ``folder``; an existing
    key is never overwritten."""
    private_path, public_path = folder / f"{name}.key", folder / f"{name}{PUBLIC_SUFFIX}"
    for path in (private_path, public_path):
        if path.exists():
            raise PackKeyError(f"{path} exists already; a key is never overwritten")
    folder.mkdir(parents=True, exist_ok=True)
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    write_atomically(private_path, pem)
    os.chmod(private_path, 0o600)
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    write_atomically(public_path, public_pem)
    return private_path, public_path


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as error:
        raise PackKeyError(f"cannot read the private key {path}: {error.strerror}") from error
    except (ValueError, TypeError) as error:
        raise PackKeyError(f"{path} is not an unencrypted PEM private key") from error
    if not isinstance(loaded, Ed25519PrivateKey):
        raise PackKeyError(f"{path} is not an Ed25519 key")
    return loaded


def load_public_key(path: Path) -> TrustedKey:
    try:
        loaded = serialization.load_pem_public_key(path.read_bytes())
    except OSError as error:
        raise PackKeyError(f"cannot read the public key {path}: {error.strerror}") from error
    except ValueError as error:
        raise PackKeyError(f"{path} is not a PEM public key") from error
    if not isinstance(loaded, Ed25519PublicKey):
        raise PackKeyError(f"{path} is not an Ed25519 key")
    return TrustedKey(key_id(loaded), path, loaded)


def trusted_keys(folders: Iterable[Path]) -> list[TrustedKey]:
    """Every readable ``.pub`` key in ``folders`` (a missing folder holds none; a file that is
    not a key is skipped, since one bad file must not lock out the others)."""
    found: dict[str, TrustedKey] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob(f"*{PUBLIC_SUFFIX}")):
            try:
                key = load_public_key(path)
            except PackKeyError:
                continue
            found.setdefault(key.key_id, key)
    return list(found.values())
