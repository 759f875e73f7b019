"""Reading zip members with bounded memory and time, whatever the archive claims.

A small archive can inflate to gigabytes (a "deflate bomb"), and the sizes written in its
headers are whatever the maker chose. Every zip member the application reads goes through
:func:`open_member` / :func:`read_member`: the compressed bytes are read from the file and
inflated here, chunk by chunk, and the archive is refused *while streaming* as soon as

- more than ``max_bytes`` came out of the member, or
- past ``ratio_after`` bytes, the output is more than ``max_ratio`` times the compressed bytes
  consumed so far (real CSV files inflate 5 to 15 times; a bomb 1 000 times), or
- a line is longer than ``max_line`` bytes (text members: a reader of lines would otherwise
  hold the whole line in memory).

The declared sizes are used for nothing but a quick first refusal; the CRC is checked at the
end of the member. Only the stored and deflated methods are read (the official files use them).
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from dataclasses import dataclass
from typing import BinaryIO

_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # zipfile's structFileHeader
_LOCAL_SIGNATURE = b"PK\x03\x04"
_CHUNK = 64 * 1024
MiB = 1 << 20


class ZipMemberRefused(ValueError):
    """A member is refused for its size or its compression ratio; ``message`` is French."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class MemberLimits:
    max_bytes: int
    max_ratio: float = 100.0
    ratio_after: int = 4 * MiB  # small members may compress very well: judged past this size
    max_line: int | None = None


class _BoundedInflater(io.RawIOBase):
    """The inflated bytes of one member, refused past the limits (see the module)."""

    def __init__(self, fp: BinaryIO, info: zipfile.ZipInfo, limits: MemberLimits) -> None:
        super().__init__()
        self._fp = fp
        self._name = info.filename
        self._limits = limits
        self._crc_expected = info.CRC
        self._method = info.compress_type
        if info.flag_bits & 0x1:
            raise ZipMemberRefused(f"« {info.filename} » est chiffré : refusé.")
        if self._method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ZipMemberRefused(
                f"« {info.filename} » utilise une méthode de compression non prise en charge."
            )
        if info.file_size > limits.max_bytes:
            raise self._too_big()
        fp.seek(info.header_offset)
        header = fp.read(_LOCAL_HEADER.size)
        if len(header) != _LOCAL_HEADER.size:
            raise zipfile.BadZipFile("truncated local header")
        fields = _LOCAL_HEADER.unpack(header)
        if fields[0] != _LOCAL_SIGNATURE:
            raise zipfile.BadZipFile("bad local header signature")
        fp.seek(fields[10] + fields[11], os.SEEK_CUR)  # file name, extra field
        self._compressed_left = info.compress_size
        self._inflater = zlib.decompressobj(-15) if self._method == zipfile.ZIP_DEFLATED else None
        self._pending = b""  # compressed input not yet inflated
        self._consumed = 0  # compressed bytes read from the file
        self.delivered = 0  # inflated bytes handed out
        self._crc = 0
        self._since_newline = 0
        self._eof = False
        self._rest = b""  # inflated bytes not yet handed out

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.delivered

    def _too_big(self) -> ZipMemberRefused:
        return ZipMemberRefused(
            f"« {self._name} » est anormalement volumineux une fois décompressé (plus de "
            f"{self._limits.max_bytes // MiB} Mo) : archive refusée."
        )

    def _fill(self) -> bytes:
        """The next inflated bytes, b"" at the end of the member."""
        while not self._eof:
            if self._inflater is None:
                want = min(_CHUNK, self._compressed_left)
                data = self._fp.read(want) if want else b""
                self._compressed_left -= len(data)
                self._consumed += len(data)
                if not data:
                    self._eof = True
                    if self._compressed_left > 0:
                        raise zipfile.BadZipFile("truncated member")
                return data
            if not self._pending and self._compressed_left > 0:
                self._pending = self._fp.read(min(_CHUNK, self._compressed_left))
                if not self._pending:
                    raise zipfile.BadZipFile("truncated member")
                self._compressed_left -= len(self._pending)
                self._consumed += len(self._pending)
            data = self._inflater.decompress(self._pending, _CHUNK)
            self._pending = self._inflater.unconsumed_tail
            if self._inflater.eof:
                self._eof = True
            elif not data and not self._pending and self._compressed_left <= 0:
                raise zipfile.BadZipFile("truncated deflate stream")
            if data:
                return data
        return b""

    def _check(self, data: bytes) -> None:
        limits = self._limits
        total = self.delivered + len(data)
        if total > limits.max_bytes:
            raise self._too_big()
        if total > limits.ratio_after and total > limits.max_ratio * max(self._consumed, 1):
            raise ZipMemberRefused(
                f"« {self._name} » se décompresse de façon anormale (plus de "
                f"{int(limits.max_ratio)} fois sa taille compressée) : archive refusée, "
                "ce n'est pas un fichier officiel."
            )
        if limits.max_line is not None:
            cut = data.rfind(b"\n")
            run = len(data) - cut - 1 if cut >= 0 else self._since_newline + len(data)
            if run > limits.max_line:
                raise ZipMemberRefused(
                    f"« {self._name} » contient une ligne anormalement longue (plus de "
                    f"{limits.max_line // 1024} Kio) : archive refusée."
                )
            self._since_newline = run

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        view = memoryview(buffer).cast("B")
        if not len(view):
            return 0
        if not self._rest:
            data = self._fill()
            if not data:
                if (self._crc & 0xFFFFFFFF) != self._crc_expected:
                    raise zipfile.BadZipFile(f"bad CRC in {self._name}")
                return 0
            self._check(data)
            self._crc = zlib.crc32(data, self._crc)
            self._rest = data
        n = min(len(view), len(self._rest))
        view[:n] = self._rest[:n]
        self._rest = self._rest[n:]
        self.delivered += n
        return n

    def close(self) -> None:
        if not self.closed:
            self._fp.close()
        super().close()


def open_member(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: MemberLimits
) -> io.BufferedReader:
    """A buffered binary reader of one member, bounded by ``limits``.

    Raises :class:`ZipMemberRefused` (when opening or reading), ``zipfile.BadZipFile`` or
    ``zlib.error`` for a damaged archive, ``OSError`` when the file cannot be read."""
    if zf.filename is None:
        raise ValueError("open_member needs a zip opened from a file name")
    fp = open(zf.filename, "rb")  # noqa: SIM115 - closed with the reader
    try:
        raw = _BoundedInflater(fp, info, limits)
    except BaseException:
        fp.close()
        raise
    return io.BufferedReader(raw, _CHUNK)


def read_member(zf: zipfile.ZipFile, name: str | zipfile.ZipInfo, limits: MemberLimits) -> bytes:
    """The whole (small) member, bounded by ``limits``."""
    info = name if isinstance(name, zipfile.ZipInfo) else zf.getinfo(name)
    with open_member(zf, info, limits) as reader:
        return reader.read()
