"""Page geometry, colours and paragraph styles shared by every printed document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from cep_desk.plan_pdf.fonts import MONO, SANS, SANS_BOLD, SANS_ITALIC, register_fonts

PAGE_SIZE = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X

# A calm palette; meaning is always carried by text too, never by colour alone.
INK = colors.HexColor("#1A1A1A")
ACCENT = colors.HexColor("#1F3A5F")  # headings, done bars
ACCENT_MID = colors.HexColor("#5B7FA6")  # in-progress bars
ACCENT_LIGHT = colors.HexColor("#C9D8EA")  # planned bars
RULE = colors.HexColor("#A9B7C6")
HEADER_BG = colors.HexColor("#E6EDF5")
ZEBRA = colors.HexColor("#F5F7FA")
MUTED = colors.HexColor("#555F6B")
TODAY = colors.HexColor("#A4262C")
NOTICE_BG = colors.HexColor("#FBF7EC")


@dataclass(frozen=True)
class Styles:
    size: float  # body font size
    body: ParagraphStyle
    body_bold: ParagraphStyle
    small: ParagraphStyle  # secondary text, still >= 10 pt
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_right: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    bullet: ParagraphStyle
    mono: ParagraphStyle
    right: ParagraphStyle
    center: ParagraphStyle
    footer_size: float


def make_styles(large_print: bool = False) -> Styles:
    """Body at 11 pt, or 14 pt in large print; everything else scales with it."""
    register_fonts()
    size = 14.0 if large_print else 11.0
    lead = round(size * 1.35, 1)

    def style(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": SANS,
            "fontSize": size,
            "bulletFontName": SANS,
            "leading": lead,
            "textColor": INK,
            "alignment": TA_LEFT,
            "splitLongWords": 1,
            "allowWidows": 0,
            "allowOrphans": 0,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)  # type: ignore[arg-type]

    small_size = max(10.0, size - 1)
    return Styles(
        size=size,
        body=style("body", spaceAfter=size * 0.4),
        body_bold=style("body_bold", fontName=SANS_BOLD, spaceAfter=size * 0.2),
        small=style("small", fontSize=small_size, leading=small_size * 1.3),
        muted=style("muted", fontName=SANS_ITALIC, textColor=MUTED, spaceAfter=size * 0.4),
        cell=style("cell"),
        cell_bold=style("cell_bold", fontName=SANS_BOLD),
        cell_right=style("cell_right", alignment=TA_RIGHT),
        cell_head=style("cell_head", fontName=SANS_BOLD, textColor=ACCENT),
        cell_head_right=style(
            "cell_head_right", fontName=SANS_BOLD, textColor=ACCENT, alignment=TA_RIGHT
        ),
        title=style(
            "title",
            fontName=SANS_BOLD,
            fontSize=size * 2,
            leading=size * 2.4,
            textColor=ACCENT,
            spaceAfter=size * 0.2,
        ),
        subtitle=style(
            "subtitle", fontSize=size * 1.15, leading=size * 1.5, textColor=MUTED, spaceAfter=6
        ),
        h1=style(
            "h1",
            fontName=SANS_BOLD,
            fontSize=size * 1.35,
            leading=size * 1.7,
            textColor=ACCENT,
            spaceBefore=size * 1.3,
            spaceAfter=size * 0.5,
            keepWithNext=1,
        ),
        h2=style(
            "h2",
            fontName=SANS_BOLD,
            fontSize=size * 1.05,
            leading=size * 1.4,
            textColor=ACCENT,
            spaceBefore=size * 0.8,
            spaceAfter=size * 0.3,
            keepWithNext=1,
        ),
        bullet=style("bullet", leftIndent=size * 1.4, bulletIndent=size * 0.4, spaceAfter=2),
        mono=style("mono", fontName=MONO),
        right=style("right", alignment=TA_RIGHT),
        center=style("center", alignment=TA_CENTER),
        footer_size=10.0 if not large_print else 12.0,
    )


def cell_font(st: Styles | None = None) -> list[tuple[Any, ...]]:
    """TableStyle commands giving every cell the embedded font (ReportLab's default cell font
    is Helvetica, which would otherwise be referenced without being embedded)."""
    size = st.size if st else 11.0
    return [("FONTNAME", (0, 0), (-1, -1), SANS), ("FONTSIZE", (0, 0), (-1, -1), size)]
