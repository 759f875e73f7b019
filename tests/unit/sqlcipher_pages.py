"""Test helper: decrypt the pages of a SQLCipher 4 file (and of its WAL) with the raw key.

Reading the encrypted bytes only proves encryption. To prove that erased text does not linger
in free pages, the tests look inside the *decrypted* pages, including unused ones, with the
SQLCipher 4 defaults used by the workspace: 4096-byte pages, 80 reserved bytes per page
(16-byte IV + 64-byte HMAC-SHA512), AES-256-CBC, the raw 32-byte key, the salt in the first 16
bytes of page 1.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80
IV_LEN = 16


def _decrypt(key: bytes, page: bytes, number: int) -> bytes:
    start = 16 if number == 1 else 0
    iv = page[PAGE - RESERVE : PAGE - RESERVE + IV_LEN]
    body = page[start : PAGE - RESERVE]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def database_pages(path: Path, key: bytes) -> Iterator[bytes]:
    data = Path(path).read_bytes()
    for index in range(len(data) // PAGE):
        yield _decrypt(key, data[index * PAGE : (index + 1) * PAGE], index + 1)


def wal_pages(path: Path, key: bytes) -> Iterator[bytes]:
    data = Path(path).read_bytes() if Path(path).exists() else b""
    offset = 32
    while offset + 24 + PAGE <= len(data):
        number = int.from_bytes(data[offset : offset + 4], "big")
        yield _decrypt(key, data[offset + 24 : offset + 24 + PAGE], number)
        offset += 24 + PAGE


def plaintext_of(directory: Path, key: bytes) -> bytes:
    """Every decrypted page of the database and its WAL, concatenated."""
    directory = Path(directory)
    chunks = list(database_pages(directory / "cep.db", key))
    chunks += list(wal_pages(directory / "cep.db-wal", key))
    return b"".join(chunks)
