"""Document template and a two-pass canvas that prints "page X / Y" on every page."""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Sequence
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from cep_desk.plan_document import RenderCancelled as RenderCancelled  # its home
from cep_desk.plan_pdf.fonts import SANS
from cep_desk.plan_pdf.styles import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_SIZE,
    RULE,
)
from cep_desk.plan_pdf.text import one_line

# Binary (zlib only) streams: smaller files, and no ASCII85 pass, which costs ~10 % of a
# render with ReportLab's pure-Python fallback.
rl_config.useA85 = 0

ProgressCallback = Callable[[int, int], None]


CREATOR = "CEP Desk"
LANG = "fr-FR"


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Shorten ``text`` with an ellipsis so that it fits in ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def numbered_canvas(footer_left: str, footer_size: float) -> type[Canvas]:
    """A canvas class that keeps every page until the end, then writes the footer
    ``footer_left … page X / Y`` on each one (the total is only known at the end)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab API
            # A page waits for the total as its content stream compressed in one piece: a
            # list of thousands of small strings per page made a 3 000-page plan take 490 MB.
            state = dict(self.__dict__)
            state["_code"] = zlib.compress("\n".join(self._code).encode("utf-8"), 1)  # type: ignore[attr-defined]
            self._pages.append(state)
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            total = len(self._pages)
            pages, self._pages = self._pages, []
            for number in range(1, total + 1):
                state = pages[number - 1]
                pages[number - 1] = None  # type: ignore[call-overload]  # freed as it goes
                state["_code"] = [zlib.decompress(state["_code"]).decode("utf-8")]
                self.__dict__.update(state)
                self._draw_footer(number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _draw_footer(self, number: int, total: int) -> None:
            width, _ = PAGE_SIZE
            y = MARGIN_BOTTOM - 10 - footer_size
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, y + footer_size + 4, width - MARGIN_X, y + footer_size + 4)
            self.setFillColor(MUTED)
            self.setFont(SANS, footer_size)
            right = f"page {number} / {total}"
            right_w = stringWidth(right, SANS, footer_size)
            self.drawRightString(width - MARGIN_X, y, right)
            left = _fit(footer_left, SANS, footer_size, width - 2 * MARGIN_X - right_w - 20)
            self.drawString(MARGIN_X, y, left)
            self.restoreState()

    return NumberedCanvas


def build_pdf(
    story: Sequence[Flowable],
    *,
    title: str,
    author: str,
    subject: str,
    footer_left: str,
    footer_size: float,
    keywords: str = "",
    progress: ProgressCallback | None = None,
) -> bytes:
    """Lay out ``story`` on A4 pages and return the PDF bytes (deterministic output).

    ``progress(done, total)`` is called as the story's flowables are laid out (``total`` is
    their number); it may raise :class:`RenderCancelled` to stop."""
    buf = io.BytesIO()
    total = len(story)

    class _Template(BaseDocTemplate):
        _story: list[Flowable] | None = None
        _done = 0

        def build(self, flowables: list[Flowable], *args: Any, **kwargs: Any) -> None:
            self._story = flowables  # the top-level list (nested lists are not counted)
            super().build(flowables, *args, **kwargs)

        def handle_flowable(self, flowables: list[Flowable]) -> None:
            super().handle_flowable(flowables)
            if progress is not None and flowables is self._story:
                # a split puts its rest back in the list: never go backwards
                self._done = max(self._done, total - len(flowables))
                progress(self._done, total)

    doc = _Template(
        buf,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=one_line(title),
        author=one_line(author),
        subject=one_line(subject),
        keywords=one_line(keywords),  # type: ignore[arg-type]
        creator=CREATOR,
        producer=CREATOR,
        lang=LANG,
        displayDocTitle=1,
        initialFontName=SANS,
        initialFontSize=10,
        invariant=1,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    if progress is not None:
        progress(0, total)
    doc.build(list(story), canvasmaker=numbered_canvas(one_line(footer_left), footer_size))
    return buf.getvalue()
