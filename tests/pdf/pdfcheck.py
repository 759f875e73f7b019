"""Helpers to read generated PDFs back (pypdf, and pdftotext when installed)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata

import pypdf

_BIDI_MARKS = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


def reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [p.extract_text() or "" for p in reader(data).pages]


def norm(text: str) -> str:
    """Every kind of space (U+202F and U+00A0 included) and line break → one plain space."""
    return " ".join(text.translate(_BIDI_MARKS).split())


def squash(text: str) -> str:
    """Text without any white space: compares texts whatever the line wrapping."""
    return "".join(text.translate(_BIDI_MARKS).split())


def all_text(data: bytes) -> str:
    return "\n".join(page_texts(data))


def pdftotext(data: bytes) -> str | None:
    """Text in logical order (right-to-left words kept in reading order), or None."""
    exe = shutil.which("pdftotext")
    if not exe:
        return None
    out = subprocess.run(
        [exe, "-raw", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
    )
    return out.stdout.decode("utf-8")


def contains_literal(data: bytes, text: str, *, extracted: str | None = None) -> bool:
    """True when ``text`` is in the PDF's text, white space aside.

    pypdf gives right-to-left runs in visual order (reversed), so for such text we also accept
    the reversed run, or pdftotext's logical order when poppler is installed.
    """
    hay = squash(extracted if extracted is not None else all_text(data))
    needle = squash(text)
    if needle in hay:
        return True
    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in needle):
        if needle[::-1] in hay:
            return True
        logical = pdftotext(data)
        return logical is not None and needle in squash(logical)
    return False


def font_problems(data: bytes) -> list[str]:
    """Names of fonts used on any page that are not embedded."""
    problems = []
    for number, page in enumerate(reader(data).pages, start=1):
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        if not fonts:
            continue
        for name, ref in fonts.get_object().items():
            font = ref.get_object()
            descriptor_owner = font
            if font.get("/Subtype") == "/Type0":
                descriptor_owner = font["/DescendantFonts"][0].get_object()
            descriptor = descriptor_owner.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else None
            if not descriptor or not any(
                k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
            ):
                problems.append(f"page {number}: {name} {font.get('/BaseFont')}")
    return problems


def font_sizes_of(data: bytes, needle: str) -> set[float]:
    """Font sizes of the text runs that contain ``needle``."""
    sizes: set[float] = set()

    def visit(text, cm, tm, font_dict, font_size):  # noqa: ANN001, ARG001
        if needle in text:
            sizes.add(round(float(font_size) * float(tm[0]), 1))

    for page in reader(data).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def raw_font_sizes(data: bytes) -> list[float]:
    """Every ``Tf`` size in the content streams."""
    sizes = []
    for page in reader(data).pages:
        content = page.get_contents()
        raw = content.get_data() if content is not None else b""
        sizes += [float(x) for x in re.findall(rb"/F\d+(?:\+\d+)? ([\d.]+) Tf", raw)]
    return sizes


def words_in_order(haystack: str, text: str) -> bool:
    """Every word of ``text`` found in ``haystack``, in order (page footers and other cells
    may come in between when a long text runs over several pages)."""
    pos = 0
    for word in text.split():
        found = haystack.find(word, pos)
        if found < 0:
            return False
        pos = found + len(word)
    return True
