"""Deflate bombs built in a second: a repeated full-flush deflate piece, written by hand."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path


def deflate_bomb(
    path: Path, members: list[tuple[str, bytes, bytes, bool]], inflated: int, line: bytes = b"a"
) -> Path:
    """A zip with ``members`` = (name, head, tail, bomb?); a bomb member inflates to about
    ``inflated`` bytes of ``line`` repeated, from about 1/1000 of that. Sizes and CRC in the
    headers are the true ones: nothing but the streaming checks can refuse it early."""
    block = line * ((1 << 20) // len(line))
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)  # byte-aligned, no back-reference
    out = bytearray()
    entries = []
    for name, head, tail, bomb in members:
        name_b = name.encode()
        n = inflated // len(block) if bomb else 0
        c0 = zlib.compressobj(9, zlib.DEFLATED, -15)
        data = c0.compress(head) + c0.flush(zlib.Z_FULL_FLUSH) + piece * n
        crc = zlib.crc32(head)
        for _ in range(n):
            crc = zlib.crc32(block, crc)
        c1 = zlib.compressobj(9, zlib.DEFLATED, -15)
        data += c1.compress(tail) + c1.flush()
        crc = zlib.crc32(tail, crc)
        usize = len(head) + n * len(block) + len(tail)
        offset = len(out)
        out += struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(data), usize, len(name_b), 0
        )
        out += name_b + data
        entries.append((name_b, crc, len(data), usize, offset))
    cd = bytearray()
    for name_b, crc, csize, usize, offset in entries:
        cd += struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            20,
            20,
            0,
            8,
            0,
            0x21,
            crc,
            csize,
            usize,
            len(name_b),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        cd += name_b
    out += cd + struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(cd), len(out), 0
    )
    Path(path).write_bytes(bytes(out))
    return Path(path)


def rome_bomb(path: Path, inflated: int = 1 << 30, *, one_line: bool = True) -> Path:
    """A ROME zip whose code list is a bomb: one endless label, or endless valid-looking rows."""
    return deflate_bomb(
        path,
        [
            (
                "unix_referentiel_code_rome_v461_utf8.csv",
                b"code_rome,libelle_rome\nM1607," if one_line else b"code_rome,libelle_rome\n",
                b"\n",
                True,
            ),
            (
                "unix_referentiel_appellation_v461_utf8.csv",
                b"code_rome,libelle_appellation_long\n",
                b"M1607,Secretaire\n",
                False,
            ),
        ],
        inflated,
        line=b"a" if one_line else b"M1607,Secretariat\n",
    )
