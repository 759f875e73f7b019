"""The provisional calendar: a Gantt timeline drawn with ``reportlab.graphics``.

One row per step (numbered like the action plan table), a bar from start to due date, a
diamond for a milestone, a dashed line for today. Every row also carries its status as words in
a right-hand column, so nothing depends on colour. The time axis adapts to the span: weeks for a
month or two, months up to 24 months (initials when names do not fit), quarters up to about
3.5 years, then years. Labels are at the body's size; a bar is never narrower than
:data:`MIN_BAR_PT`, so that a step of a week or two stays visible on a two-year axis.
Long plans are cut into several drawings, each with its own axis, so they flow across pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth

from cep_desk.domain import StepStatus
from cep_desk.formatting import MONTHS, MONTHS_SHORT, format_date
from cep_desk.plan_document import StepItem
from cep_desk.plan_pdf.canvas import _fit
from cep_desk.plan_pdf.fonts import SANS, SANS_BOLD, SANS_ITALIC, register_fonts
from cep_desk.plan_pdf.styles import (
    ACCENT,
    ACCENT_LIGHT,
    ACCENT_MID,
    INK,
    MUTED,
    RULE,
    TODAY,
    ZEBRA,
)
from cep_desk.plan_pdf.text import one_line

white = "#FFFFFF"
MIN_BAR_PT = 6.0  # the narrowest bar drawn (a one-day step on a long axis)
MONTHS_AXIS_MAX = 24  # month labels up to this span, quarters beyond


@dataclass(frozen=True)
class _Row:
    number: int
    label: str
    status: str
    start: date | None
    end: date | None
    milestone: bool


def _month_start(d: date) -> date:
    return d.replace(day=1)


def _next_month(d: date) -> date:
    if d.year == date.max.year and d.month == 12:
        return date.max
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def _rows(steps: Sequence[StepItem]) -> list[_Row]:
    rows = []
    for i, step in enumerate(steps, start=1):
        start, end = step.start_on, step.due_on
        if start and end and end < start:
            start, end = end, start
        milestone = step.is_milestone or (start is None) != (end is None) or start == end
        if milestone:
            start = end = end or start
        rows.append(
            _Row(i, one_line(step.title), one_line(step.status_label), start, end, milestone)
        )
    return rows


def _span(rows: Sequence[_Row], today: date) -> tuple[date, date]:
    """First day of the first month, first day after the last month."""
    dates = [d for r in rows for d in (r.start, r.end) if d] + [today]
    first = _month_start(min(dates))
    last = _next_month(max(dates))
    return first, last


def _months_between(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month


def _bar_style(status: str) -> tuple[Any, Color, float, list[float] | None]:
    """(fill, stroke, stroke width, dash) for a status label; the label is always printed."""
    if status == StepStatus.DONE.label:
        return ACCENT, ACCENT, 0.6, None
    if status == StepStatus.IN_PROGRESS.label:
        return ACCENT_MID, ACCENT, 0.6, None
    if status == StepStatus.CANCELLED.label:
        return white, MUTED, 0.8, [2, 2]
    return ACCENT_LIGHT, ACCENT, 0.8, None


# types-reportlab declares Rect's keyword arguments without Unpack (each one is then expected
# to be the whole TypedDict), omits Drawing.initialFontName/Size and refuses the None that
# ReportLab takes for "no dash": the "type: ignore" comments below are those three gaps.


def timeline_drawings(
    steps: Sequence[StepItem],
    today: date,
    width: float,
    font_size: float = 11.0,
    max_rows: int = 18,
) -> list[Drawing]:
    """Drawings of the provisional calendar, ``max_rows`` steps each (empty list: no step)."""
    register_fonts()
    rows = _rows(steps)
    if not rows:
        return []
    first, last = _span(rows, today)
    n_chunks = -(-len(rows) // max(1, max_rows))
    per_chunk = -(-len(rows) // n_chunks)  # balanced: 25 rows → 13 + 12, not 18 + 7
    chunks = [rows[i : i + per_chunk] for i in range(0, len(rows), per_chunk)]
    return [
        _drawing(chunk, first, last, today, width, font_size, legend=(k == len(chunks) - 1))
        for k, chunk in enumerate(chunks)
    ]


def _drawing(
    rows: Sequence[_Row],
    first: date,
    last: date,
    today: date,
    width: float,
    size: float,
    legend: bool,
) -> Drawing:
    size = max(10.0, size)  # row labels, at the body's size
    tick = size  # axis, dates and status too: the calendar is read, not glanced at
    row_h = size * 1.7
    months = _months_between(first, last)
    label_w = width * (0.4 if months <= 14 else 0.34)  # long spans: more room for the months
    status_w = max(stringWidth(r.status, SANS, tick) for r in rows) + 10
    status_w = min(max(status_w, stringWidth("Statut", SANS_BOLD, tick) + 10), width * 0.16)
    plot_x0 = label_w + 6
    plot_x1 = width - status_w - 6
    plot_w = plot_x1 - plot_x0
    total_days = max(1, (last - first).days)

    def x_of(d: date) -> float:
        return plot_x0 + plot_w * (d - first).days / total_days

    today_h = tick + 8
    axis_h = 2 * (tick + 6)
    legend_h = (tick + 14) if legend else 0
    body_h = row_h * len(rows)
    height = today_h + axis_h + body_h + legend_h + 4
    d = Drawing(width, height)
    # not ReportLab's default Helvetica
    d.initialFontName, d.initialFontSize = SANS, tick  # type: ignore[attr-defined]
    top_axis = height - today_h
    top_rows = top_axis - axis_h
    bottom_rows = top_rows - body_h

    # rows: zebra background, label, status
    for i, row in enumerate(rows):
        y = top_rows - (i + 1) * row_h
        if i % 2 == 0:
            d.add(Rect(0, y, width, row_h, fillColor=ZEBRA, strokeColor=None))  # type: ignore[arg-type]
        text_y = y + (row_h - size * 0.72) / 2
        label = _fit(f"{row.number}. {row.label}", SANS, size, label_w - 4)
        d.add(String(2, text_y, label, fontName=SANS, fontSize=size, fillColor=INK))
        status = _fit(row.status, SANS, tick, status_w - 4)
        d.add(String(width - 2, text_y, status, fontName=SANS, fontSize=tick, fillColor=INK,
                     textAnchor="end"))  # fmt: skip

    _axis(d, first, last, x_of, plot_x0, plot_x1, top_axis, axis_h, bottom_rows, tick)
    d.add(String(width - 2, top_rows + 4, "Statut", fontName=SANS_BOLD, fontSize=tick,
                 fillColor=ACCENT, textAnchor="end"))  # fmt: skip
    d.add(String(2, top_rows + 4, "Étape", fontName=SANS_BOLD, fontSize=tick, fillColor=ACCENT))

    # bars and milestones
    bar_h = row_h * 0.5
    for i, row in enumerate(rows):
        y = top_rows - (i + 1) * row_h
        cy = y + row_h / 2
        if row.start is None or row.end is None:
            d.add(String(plot_x0 + 4, y + (row_h - tick * 0.72) / 2, "dates à fixer",
                         fontName=SANS_ITALIC, fontSize=tick, fillColor=MUTED))  # fmt: skip
            continue
        fill, stroke, sw, dash = _bar_style(row.status)
        if row.milestone:
            cx, r = x_of(row.end) + plot_w / total_days / 2, bar_h * 0.75
            d.add(Polygon([cx, cy + r, cx + r, cy, cx, cy - r, cx - r, cy], fillColor=fill,
                          strokeColor=ACCENT, strokeWidth=0.8, strokeDashArray=dash))  # type: ignore[arg-type]  # fmt: skip
            text = format_date(row.end)
            tw = stringWidth(text, SANS, tick)
            tx = cx + r + 3 if cx + r + 3 + tw <= plot_x1 else cx - r - 3 - tw
            d.add(String(tx, cy - tick * 0.36, text, fontName=SANS, fontSize=tick,
                         fillColor=INK))  # fmt: skip
        else:
            x0 = x_of(row.start)
            x1 = x_of(row.end + timedelta(days=1))
            if x1 - x0 < MIN_BAR_PT:  # widened around its middle, kept inside the axis
                mid = min(max((x0 + x1) / 2, plot_x0 + MIN_BAR_PT / 2), plot_x1 - MIN_BAR_PT / 2)
                x0, x1 = mid - MIN_BAR_PT / 2, mid + MIN_BAR_PT / 2
            d.add(Rect(x0, cy - bar_h / 2, x1 - x0, bar_h, fillColor=fill, strokeColor=stroke,  # type: ignore[arg-type]
                       strokeWidth=sw, strokeDashArray=dash))  # type: ignore[arg-type]  # fmt: skip

    # today
    if first <= today < last:
        tx = x_of(today)
        d.add(Line(tx, bottom_rows, tx, top_axis + 2, strokeColor=TODAY, strokeWidth=1.2,
                   strokeDashArray=[3, 2]))  # fmt: skip
        label = f"Aujourd'hui, {format_date(today)}"
        lw = stringWidth(label, SANS_BOLD, tick)
        lx = min(max(tx - lw / 2, plot_x0 - 6), width - lw)
        d.add(String(lx, top_axis + 5, label, fontName=SANS_BOLD, fontSize=tick,
                     fillColor=TODAY))  # fmt: skip

    d.add(Line(0, bottom_rows, width, bottom_rows, strokeColor=RULE, strokeWidth=0.6))
    if legend:
        _legend(d, bottom_rows - tick - 10, tick, bar_h)
    return d


def _axis(
    d: Drawing,
    first: date,
    last: date,
    x_of: Callable[[date], float],
    x0: float,
    x1: float,
    top: float,
    axis_h: float,
    bottom: float,
    tick: float,
) -> None:
    """Year band on top, then months, quarters or weeks; light grid lines down the rows."""
    months = _months_between(first, last)
    upper_y = top - (tick + 3)
    lower_y = top - 2 * (tick + 3) - 2
    band_mid = top - (tick + 6)
    d.add(Line(x0, top - axis_h, x1, top - axis_h, strokeColor=RULE, strokeWidth=0.6))
    d.add(Line(x0, band_mid, x1, band_mid, strokeColor=RULE, strokeWidth=0.3))

    def centred(
        a: date, b: date, y: float, *texts: str, font: str = SANS, margin: float = 2
    ) -> None:
        """The first of ``texts`` that fits between ``a`` and ``b`` (none if none fits)."""
        xa, xb = x_of(a), x_of(b)
        for text in texts:
            if stringWidth(text, font, tick) <= xb - xa - margin:
                d.add(String((xa + xb) / 2, y, text, fontName=font, fontSize=tick,
                             fillColor=INK, textAnchor="middle"))  # fmt: skip
                return

    def grid(at: date, strong: bool) -> None:
        x = x_of(at)
        d.add(Line(x, bottom, x, top - (0 if strong else tick + 6), strokeColor=RULE,
                   strokeWidth=0.7 if strong else 0.3))  # fmt: skip

    if months <= 2:  # a month or two: month names on top, weeks below
        m = first
        while m < last:
            nxt = _next_month(m)
            centred(m, nxt, upper_y, f"{MONTHS[m.month - 1]} {m.year}", font=SANS_BOLD)
            if m > first:
                grid(m, True)
            for day in (8, 15, 22):
                grid(m.replace(day=day), False)
            for a_day, b_day in ((1, 8), (8, 15), (15, 22), (22, None)):
                a = m.replace(day=a_day)
                b = nxt if b_day is None else m.replace(day=b_day)
                centred(a, b, lower_y, f"{a_day} {MONTHS_SHORT[m.month - 1]}", str(a_day))
            m = nxt
        return

    # years, or every 2, 5, 10… years when a year is too narrow for its label
    per_year = (x_of(date(2001, 1, 1)) - x_of(date(2000, 1, 1))) if first.year > 1 else 0
    label_w = stringWidth("0000", SANS_BOLD, tick) + 4
    year_step = next((s for s in (1, 2, 5, 10, 25, 50, 100) if s * per_year >= label_w), 1000)
    y = first.year
    while y <= last.year:
        a = max(first, date(y, 1, 1))
        b = min(last, date(min(y + 1, 9999), 1, 1) if year_step == 1 else last)
        if a < b and (y - first.year) % year_step == 0:
            if year_step == 1:
                centred(a, b, upper_y, str(y), font=SANS_BOLD)
            elif x_of(a) + label_w <= x1 + 2:
                d.add(String(x_of(a) + 2, upper_y, str(y), fontName=SANS_BOLD, fontSize=tick,
                             fillColor=INK))  # fmt: skip
            if a > first:
                grid(a, True)
        y += 1

    if months <= MONTHS_AXIS_MAX:  # months: short names, or initials for all when one would
        # not fit (initials touch their neighbours' lines rather than vanish)
        narrowest = x_of(date(2001, 3, 1)) - x_of(date(2001, 2, 1))
        names_fit = max(stringWidth(n, SANS, tick) for n in MONTHS_SHORT) <= narrowest - 2
        m = first
        while m < last:
            nxt = _next_month(m)
            label = MONTHS_SHORT[m.month - 1] if names_fit else MONTHS[m.month - 1][0].upper()
            centred(m, nxt, lower_y, label, margin=2 if names_fit else 0)
            if m > first and m.month != 1:
                grid(m, False)
            m = nxt
    elif months <= 42:  # quarters, with a light line for each month
        m = first
        while m < last:
            nxt = _next_month(m)
            if m > first and m.month != 1:
                grid(m, m.month in (4, 7, 10))
            if m.month in (1, 4, 7, 10) or m == first:
                q_end = m
                for _ in range(3 - (m.month - 1) % 3):
                    q_end = _next_month(q_end)
                q_end = min(q_end, last)
                centred(m, q_end, lower_y, f"T{(m.month - 1) // 3 + 1}")
            m = nxt


def _legend(d: Drawing, y: float, tick: float, bar_h: float) -> None:
    x = 2.0
    h = min(bar_h, tick)

    def text(s: str) -> None:
        nonlocal x
        d.add(String(x, y, s, fontName=SANS, fontSize=tick, fillColor=INK))
        x += stringWidth(s, SANS, tick) + 14

    d.add(Rect(x, y - 1, 22, h, fillColor=ACCENT_LIGHT, strokeColor=ACCENT, strokeWidth=0.8))  # type: ignore[arg-type]
    x += 27
    text("Période prévue")
    r = h * 0.6
    cx = x + r
    d.add(Polygon([cx, y + h / 2 - 1 + r, cx + r, y + h / 2 - 1, cx, y + h / 2 - 1 - r,
                   cx - r, y + h / 2 - 1], fillColor=ACCENT_LIGHT, strokeColor=ACCENT,
                  strokeWidth=0.8))  # fmt: skip
    x += 2 * r + 5
    text("Échéance (date clé)")
    d.add(Line(x + 4, y - 3, x + 4, y + tick, strokeColor=TODAY, strokeWidth=1.2,
               strokeDashArray=[3, 2]))  # fmt: skip
    x += 10
    text("Aujourd'hui")
