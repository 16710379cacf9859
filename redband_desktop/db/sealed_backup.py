"""Passphrase-encrypted ("sealed") backup files, for copies that leave the station.

A backup exported to a file is carried away on USB sticks and holds every resident's ID
number and phone, so it is sealed with a passphrase: AES-256-GCM (`cryptography`) under a
key derived from the passphrase with Argon2id (`argon2-cffi`). Format, version 1, all
integers big-endian:

    offset  size  field
    0       8     magic  b"RBSEALED"
    8       1     format version (1)
    9       1     key derivation: 1 = Argon2id
    10      4     Argon2 time cost (passes)
    14      4     Argon2 memory cost (KiB)
    18      1     Argon2 parallelism (lanes)
    19      16    salt (random)
    35      12    GCM nonce (random)
    47      16    key check: SHA-256 of the second half of the derived key, first 16 bytes
    63      n     ciphertext of the SQLite file (same length as the file)
    63+n    16    GCM tag

Argon2id derives 64 bytes from the passphrase (Unicode NFC, UTF-8) and the salt: the
first 32 are the AES key, the last 32 only feed the key check, which tells a wrong
passphrase ("wrong passphrase") from a damaged file ("does not verify") without
decrypting anything. The 63 header bytes are GCM's associated data, so a changed
parameter also fails the tag. Files are streamed in 1 MiB pieces; a decrypted copy is
written where the caller says and must be used only after `unseal` returned (the tag is
checked at the end).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import struct
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from redband_desktop.errors import DatabaseError

MAGIC = b"RBSEALED"
VERSION = 1
KDF_ARGON2ID = 1
_HEADER = struct.Struct(">8sBBIIB16s12s16s")
HEADER_SIZE = _HEADER.size  # 63
TAG_SIZE = 16
_CHUNK = 1 << 20


@dataclass(frozen=True)
class KdfParams:
    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4  # RFC 9106's second recommended setting


DEFAULT_KDF = KdfParams()


def is_sealed(path: Path) -> bool:
    try:
        with Path(path).open("rb") as f:
            return f.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _keys(passphrase: str, salt: bytes, kdf: KdfParams) -> tuple[bytes, bytes]:
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    derived = hash_secret_raw(secret, salt, time_cost=kdf.time_cost, memory_cost=kdf.memory_kib,
                              parallelism=kdf.parallelism, hash_len=64, type=Type.ID)
    return derived[:32], hashlib.sha256(derived[32:]).digest()[:16]


def seal(src: Path, dest: Path, passphrase: str, kdf: KdfParams = DEFAULT_KDF) -> str:
    """Write `src` to `dest` sealed with `passphrase`; returns the SHA-256 (hex) of `src`'s
    bytes as read, for the caller to compare with what `unseal` reads back."""
    salt, nonce = os.urandom(16), os.urandom(12)
    key, check = _keys(passphrase, salt, kdf)
    header = _HEADER.pack(MAGIC, VERSION, KDF_ARGON2ID, kdf.time_cost, kdf.memory_kib, kdf.parallelism,
                          salt, nonce, check)
    encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(header)
    digest = hashlib.sha256()
    with Path(src).open("rb") as fin, Path(dest).open("wb") as fout:
        fout.write(header)
        while chunk := fin.read(_CHUNK):
            digest.update(chunk)
            fout.write(encryptor.update(chunk))
        fout.write(encryptor.finalize())
        fout.write(encryptor.tag)
        fout.flush()
        os.fsync(fout.fileno())
    return digest.hexdigest()


def unseal(src: Path, dest: Path | None, passphrase: str) -> str:
    """Decrypt `src` into `dest` (or only check it, with `dest` None); returns the SHA-256
    (hex) of the plain bytes. Raises DatabaseError `backup_passphrase_wrong` or
    `backup_sealed_damaged`; `dest` is removed again on any failure."""
    src = Path(src)
    try:
        return _unseal(src, dest, passphrase)
    except BaseException:
        if dest is not None:
            Path(dest).unlink(missing_ok=True)
        raise


def _unseal(src: Path, dest: Path | None, passphrase: str) -> str:
    size = src.stat().st_size
    with src.open("rb") as fin:
        header = fin.read(HEADER_SIZE)
        key, nonce = _open_header(src, size, header, passphrase)
        fin.seek(size - TAG_SIZE)
        tag = fin.read(TAG_SIZE)
        fin.seek(HEADER_SIZE)
        decryptor = Cipher(algorithms.AES(key), modes.GCM(nonce, tag)).decryptor()
        decryptor.authenticate_additional_data(header)
        digest = hashlib.sha256()
        left = size - HEADER_SIZE - TAG_SIZE
        with _sink(dest) as out:
            while left > 0:
                plain = decryptor.update(fin.read(min(_CHUNK, left)))
                left -= _CHUNK
                digest.update(plain)
                out(plain)
        try:
            decryptor.finalize()
        except InvalidTag as exc:
            raise DatabaseError("backup_sealed_damaged", path=str(src), detail="authentication tag") from exc
    return digest.hexdigest()


def _open_header(src: Path, size: int, header: bytes, passphrase: str) -> tuple[bytes, bytes]:
    """The AES key and nonce, once the header reads and the passphrase is right."""
    if size < HEADER_SIZE + TAG_SIZE or not header.startswith(MAGIC):
        raise DatabaseError("backup_sealed_damaged", path=str(src), detail="not a sealed 红袖标 backup")
    _magic, version, kdf_id, t, m, p, salt, nonce, check = _HEADER.unpack(header)
    if version != VERSION or kdf_id != KDF_ARGON2ID or not (1 <= t <= 20 and 8 <= m <= 1 << 20 and 1 <= p <= 64):
        raise DatabaseError("backup_sealed_damaged", path=str(src),
                            detail=f"format {version}/{kdf_id} is not one this program reads")
    key, expected = _keys(passphrase, salt, KdfParams(t, m, p))
    if not hmac.compare_digest(check, expected):
        raise DatabaseError("backup_passphrase_wrong", path=str(src))
    return key, nonce


@contextlib.contextmanager
def _sink(dest: Path | None) -> Iterator[Callable[[bytes], object]]:
    """Where decrypted bytes go: the file `dest`, or nowhere (only checking)."""
    if dest is None:
        yield lambda _data: None
        return
    with Path(dest).open("wb") as out:
        yield out.write
