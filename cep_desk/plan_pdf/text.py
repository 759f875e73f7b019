"""The one door through which user text enters ReportLab.

``Paragraph`` parses its text as markup: raw user text crashes the build (``0.1 <A <0.9``,
``</para>``, ``<b>unclosed``), silently drops words (``<SARL>``) or loads local files
(``<img src=…>``). Every user-supplied string goes through :func:`para` before it reaches a
``Paragraph``, and through :func:`clean` before it reaches a canvas or a drawing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import split as _words  # type: ignore[attr-defined]  # ReportLab's spaces (not U+00A0)

# No remote or local resource may be fetched on behalf of document content.
rl_config.trustedSchemes = []
rl_config.trustedHosts = None

# C0 and C1 control characters except tab and newline, plus non-characters.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")


def clean(text: object) -> str:
    """User text made safe to draw: ``None`` → ``""``, line breaks unified to ``\\n``, tabs to
    spaces, control characters and lone surrogates removed."""
    if text is None:
        return ""
    value = str(text)
    value = _LINE_BREAKS.sub("\n", value).replace("\t", "    ")
    value = _CONTROL.sub("", value)
    return _SURROGATE.sub("", value)


def para(text: object) -> str:
    """User text as ReportLab Paragraph markup that shows exactly that text.

    ReportLab wraps lines at U+202F (it counts it as ordinary white space and draws a plain
    space instead), which would cut ``1 250,00 €`` in two: inside paragraphs it becomes
    U+00A0, which ReportLab keeps unbroken. Amounts drawn outside paragraphs keep U+202F.
    """
    value = clean(text).replace("\u202f", "\u00a0")
    return html.escape(value, quote=False).replace("\n", "<br/>")


def one_line(text: object) -> str:
    """User text for a single line (drawings, footers): line breaks become spaces."""
    return " ".join(clean(text).split())


class Para(Paragraph):
    """A Paragraph that remembers its line breaking for a given width.

    ReportLab wraps a table cell several times (height calculation, each page split, drawing);
    line breaking depends on the width only, so the result is reused. About a quarter of the
    time of a long plan is saved.
    """

    _cached_width: float | None = None
    _cached_size: tuple[float, float] = (0.0, 0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if availWidth == self._cached_width and "blPara" in self.__dict__:
            return self._cached_size
        size = super().wrap(availWidth, availHeight)
        self._cached_width, self._cached_size = availWidth, size
        return size


def plain_lines(style: ParagraphStyle) -> Callable[[object], Para]:
    """A maker of paragraphs of one line of user text in ``style``, built without parsing
    markup: each shows what ``Para(para(text), style)`` shows for a text without line breaks
    (they become spaces here), as one text fragment, which is what ReportLab's fast line
    breaking needs (an escaped ``&`` or ``<`` would otherwise cut the text into fragments).
    Parsing is a tenth of the time of a long plan."""
    template = Paragraph("x", style).frags[0]

    def make(text: object) -> Para:
        value = " ".join(w for w in _words(clean(text).replace("\u202f", "\u00a0")) if w)
        if not value:
            return Para("", style)
        return Para(html.escape(value, quote=False), style, frags=[template.clone(text=value)])

    return make
