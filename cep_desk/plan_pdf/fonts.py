"""Embedded TrueType fonts (DejaVu) for every PDF the application prints.

ReportLab's built-in Vera lacks U+202F, the narrow no-break space of French numbers; DejaVu
Sans covers it, with é, œ, €, « », ’ and much more. The files ship in ``cep_desk/resources/fonts`` and are
read through :mod:`importlib.resources`, so they also work from a wheel or a zip.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Sequence
from importlib import resources

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

SANS = "CEPSans"
SANS_BOLD = "CEPSans-Bold"
SANS_ITALIC = "CEPSans-Oblique"
MONO = "CEPMono"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    MONO: "DejaVuSansMono.ttf",
}

_lock = threading.Lock()
_registered = False
_mono_registered = False


def _register(name: str) -> None:
    file_name = _FILES[name]
    data = resources.files("cep_desk.resources.fonts").joinpath(file_name).read_bytes()
    stream = io.BytesIO(data)
    stream.name = file_name
    pdfmetrics.registerFont(TTFont(name, stream))


def register_mono() -> None:
    """The monospaced face, parsed only for the documents that use it (the recovery kit):
    each face costs a parse of its whole file (issue 16.3). Thread-safe, idempotent."""
    global _mono_registered
    register_fonts()
    if _mono_registered:
        return
    with _lock:
        if not _mono_registered:
            _register(MONO)
            _mono_registered = True


def register_fonts() -> None:
    """Register the proportional faces with ReportLab once per process (thread-safe,
    idempotent); :func:`register_mono` adds the monospaced one."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        _fix_to_unicode_cmap()
        for name in (SANS, SANS_BOLD, SANS_ITALIC):
            _register(name)
        # <b> and <i> inside Paragraph markup pick the right face
        addMapping(SANS, 0, 0, SANS)
        addMapping(SANS, 1, 0, SANS_BOLD)
        addMapping(SANS, 0, 1, SANS_ITALIC)
        addMapping(SANS, 1, 1, SANS_BOLD)
        _registered = True


def has_glyph(char: str) -> bool:
    """True when the body font draws ``char`` (used by tests to pick printable text)."""
    register_fonts()
    font = pdfmetrics.getFont(SANS)
    assert isinstance(font, TTFont)
    return ord(char) in font.face.charToGlyph


_BFCHAR = re.compile(r"^<([0-9A-F]{2})> <([0-9A-F]{5,6})>$", re.M)


def _utf16_hex(match: re.Match[str]) -> str:
    code = int(match.group(2), 16)
    code -= 0x10000
    high, low = 0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)
    return f"<{match.group(1)}> <{high:04X}{low:04X}>"


def _fix_to_unicode_cmap() -> None:
    """Make text extraction (copy-paste, screen readers) right for characters beyond U+FFFF.

    ReportLab writes ``<%04X>`` in the ToUnicode map, so an emoji such as U+1F600 becomes the
    odd-length ``<1F600>``, which readers reject. A ToUnicode destination is UTF-16BE: we rewrite
    such entries as surrogate pairs. The wrapper only touches those entries.
    """
    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "_cep_fixed", False):
        return

    def make_cmap(fontname: str, subset: Sequence[int]) -> str:  # ReportLab's own signature
        return _BFCHAR.sub(_utf16_hex, original(fontname, subset))

    make_cmap._cep_fixed = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make_cmap
