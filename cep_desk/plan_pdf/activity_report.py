"""The activity report as a PDF (issue #12, item 4): a summary page of key figures a team lead
reads at a glance, then one section per indicator with a chart (ReportLab's own graphics) and
its table. Suppressed cells are printed « < 5 » and left out of the charts; satisfaction
comments are printed alone, never with a name, a date or a reference.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from cep_desk.formatting import format_date, format_decimal, format_int, format_percent
from cep_desk.plan_pdf.canvas import build_pdf
from cep_desk.plan_pdf.fonts import SANS, SANS_BOLD
from cep_desk.plan_pdf.styles import (
    ACCENT,
    ACCENT_LIGHT,
    ACCENT_MID,
    FRAME_WIDTH,
    HEADER_BG,
    INK,
    MUTED,
    RULE,
    ZEBRA,
    Styles,
    cell_font,
    make_styles,
)
from cep_desk.plan_pdf.text import one_line, para
from cep_desk.report_document import SUPPRESSED, THRESHOLD, Indicator, KeyFigure, Report
from cep_desk.report_document import Table as ReportTable

REPORT_TITLE = "Rapport d'activité"
PIE_TABLES = {"status", "modality", "sex", "new", "level"}
PIE_COLOURS = (ACCENT, ACCENT_MID, ACCENT_LIGHT, RULE, MUTED)
MAX_BARS = 15
BY_SIZE = {"public", "department", "region", "outcome", "pcs_group", "situation"}
HIDDEN_FILL = colors.HexColor("#D9D9D9")

ProgressCallback = Callable[[int, int], None]


def _count(value: float | None) -> str:
    return SUPPRESSED if value is None else format_int(int(value))


def _figure(value: float | None, unit: str) -> str:
    if value is None:
        return SUPPRESSED
    if unit == "percent":
        return format_percent(value)
    if unit == "days":
        return f"{format_decimal(value)}\u00a0j"
    return _count(value)


def _key_value(k: KeyFigure) -> str:
    return " / ".join(_figure(v, k.unit) for v in k.values)


def _summary(report: Report, st: Styles) -> list[Flowable]:
    period = f"du {format_date(report.start)} au {format_date(report.end)}"
    story: list[Flowable] = [
        Paragraph(REPORT_TITLE, st.title),
        Paragraph(
            para(
                f"{one_line(report.organisation) or 'Conseil en évolution professionnelle'}"
                f" — {period}"
            ),
            st.subtitle,
        ),  # fmt: skip
        Spacer(1, 8),
    ]
    boxes: list[list[Flowable]] = []
    row: list[Flowable] = []
    for k in report.key_figures:
        box = Table(
            [
                [Paragraph(f"<b>{para(_key_value(k))}</b>", st.h1)],
                [Paragraph(para(k.label), st.small)],
            ],
            colWidths=[FRAME_WIDTH / 2 - 8],
        )
        box.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), HEADER_BG),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, 0), 0),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
                ]
            )
        )
        row.append(box)
        if len(row) == 2:
            boxes.append(row)
            row = []
    if row:
        boxes.append([*row, Spacer(1, 1)])
    grid = Table(boxes, colWidths=[FRAME_WIDTH / 2] * 2)
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))  # fmt: skip
    story.append(grid)
    story.append(Spacer(1, 10))
    appts = report.indicator("rendez_vous")
    charts = [
        _pie(appts.table("level"), st, width=FRAME_WIDTH / 2 - 6, title=True),
        _pie(appts.table("modality"), st, width=FRAME_WIDTH / 2 - 6, title=True),
    ]
    story.append(Table([[c or Spacer(1, 1) for c in charts]], colWidths=[FRAME_WIDTH / 2] * 2))
    wait = report.indicator("delai_premier_rdv").table("wait")
    chart = _bars(wait, st)
    if chart is not None:
        story += [Paragraph(para(wait.title), st.h2), chart]
    story.append(
        Paragraph(
            f"Données anonymisées : toute case de moins de {THRESHOLD} personnes ou rendez-vous "
            f"est masquée ({SUPPRESSED}), ainsi que les cases qui permettraient de la retrouver "
            "par soustraction. Sur les graphiques, les cases masquées sont omises (barres) ou "
            "regroupées en gris (camemberts).",
            st.muted,
        )
    )
    return story


def _shown(table: ReportTable) -> list[tuple[str, int]]:
    return [(c.label, c.count) for c in table.cells if c.count]


HIDDEN_LABEL = "Cases masquées"


def _legend(items: Sequence[tuple[str, int]], total: int, x: float, y: float, d: Drawing,
            st: Styles) -> None:  # fmt: skip
    size = st.size - 2
    for i, (label, n) in enumerate(items):
        top = y - i * (size + 5)
        colour = PIE_COLOURS[i % len(PIE_COLOURS)]
        d.add(Rect(x, top - 1, 8, 8, fillColor=colour, strokeColor=None))  # type: ignore[arg-type]
        text = f"{_short(label, 34)} : {format_int(n)} ({format_percent(100.0 * n / total, 0)})"
        d.add(String(x + 12, top, text, fontName=SANS, fontSize=size, fillColor=INK))


def _pie(
    table: ReportTable, st: Styles, *, width: float = FRAME_WIDTH, title: bool = False
) -> Drawing | None:
    """A pie of the shown cells; what the hidden cells hold together (the total less the shown
    cells, which the table already tells) is one grey slice, so the shares stay true."""
    items = _shown(table)
    if not items:
        return None
    total = table.total or sum(n for _l, n in items)
    rest = total - sum(n for _l, n in items)
    if rest > 0:
        items.append((HIDDEN_LABEL, rest))
    top = 16.0 if title else 0.0
    height = max(92.0, 14 + len(items) * (st.size + 3)) + top
    d = Drawing(width, height)
    if title:
        d.add(String(0, height - 12, one_line(table.title)[:60], fontName=SANS_BOLD,
                     fontSize=st.size - 1, fillColor=ACCENT))  # fmt: skip
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 4, int(height - top - 84), 78, 78
    pie.data = [n for _l, n in items]
    pie.labels = None
    pie.slices.strokeColor = None
    for i, (label, _n) in enumerate(items):
        grey = label == HIDDEN_LABEL and rest > 0 and i == len(items) - 1
        pie.slices[i].fillColor = HIDDEN_FILL if grey else PIE_COLOURS[i % len(PIE_COLOURS)]
    d.add(pie)
    _legend(items, total, 96, height - top - 14, d, st)
    if rest > 0:  # the legend's last square is grey, like its slice
        y = height - top - 14 - (len(items) - 1) * (st.size + 3)
        d.add(Rect(96, y - 1, 8, 8, fillColor=HIDDEN_FILL, strokeColor=None))  # type: ignore[arg-type]
    return d


def _short(text: str, size: int) -> str:
    line = one_line(text)
    return line if len(line) <= size else line[: size - 1].rstrip() + "…"


def _bars(table: ReportTable, st: Styles) -> Drawing | None:
    """Bars in the table's order for ordered scales (waiting times, durations, ages…); the
    largest first, at most :data:`MAX_BARS`, for lists of categories."""
    items = _shown(table)
    if table.key in BY_SIZE:
        items = sorted(items, key=lambda x: -x[1])[:MAX_BARS]
    if not items:
        return None
    items.reverse()  # a bar chart draws its first category at the bottom
    bar = st.size + 4
    label_w = 250.0
    height = 28 + len(items) * bar
    d = Drawing(FRAME_WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = int(label_w), 14
    chart.width, chart.height = int(FRAME_WIDTH - label_w - 50), int(len(items) * bar)
    chart.data = [[n for _l, n in items]]
    chart.categoryAxis.categoryNames = [_short(lab, 50) for lab, _n in items]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = st.size - 2
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visible = 0
    chart.bars[0].fillColor = ACCENT_MID
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda n: format_int(int(n))
    chart.barLabels.fontName = SANS
    chart.barLabels.fontSize = st.size - 2
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    return d


def _grid(table: ReportTable, st: Styles) -> Table:
    """Count and share of each category. Plain strings in the cells (drawn as they are, no
    markup: many times faster than Paragraphs); a label too long for its column wraps in a
    Paragraph."""
    total = table.total
    rows: list[list[Flowable | str]] = [["Catégorie", "Nombre", "Part"]]
    for c in table.cells:
        share = (
            format_percent(100.0 * c.count / total)
            if c.count is not None and total
            else (SUPPRESSED if c.count is None else "")
        )
        label = one_line(c.label)
        cell: Flowable | str = label if len(label) <= 70 else Paragraph(para(label), st.cell)
        rows.append([cell, _count(c.count), share])
    rows.append(["Total", _count(total), ""])
    grid = Table(rows, colWidths=[FRAME_WIDTH - 170, 85, 85], repeatRows=1, hAlign="LEFT")
    style = [
        *cell_font(st),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("FONTNAME", (0, 0), (-1, 0), SANS_BOLD),
        ("TEXTCOLOR", (0, 0), (-1, 0), ACCENT),
        ("FONTNAME", (0, -1), (-1, -1), SANS_BOLD),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT),
        ("LINEABOVE", (0, -1), (-1, -1), 0.6, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    style += [("BACKGROUND", (0, i), (-1, i), ZEBRA) for i in range(2, len(rows) - 1, 2)]
    grid.setStyle(TableStyle(style))
    return grid


def _section(ind: Indicator, st: Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(para(ind.title), st.h1)]
    if ind.figures:
        cells = [
            [Paragraph(para(f.label), st.cell), Paragraph(f"<b>{_figure(f.value, f.unit)}</b>",
                                                          st.cell_right)]
            for f in ind.figures
        ]  # fmt: skip
        fig = Table(cells, colWidths=[FRAME_WIDTH - 120, 120], hAlign="LEFT")
        fig.setStyle(TableStyle([*cell_font(st), ("BACKGROUND", (0, 0), (-1, -1), HEADER_BG)]))
        story += [fig, Spacer(1, 6)]
    for t in ind.tables:
        chart = _pie(t, st) if t.key in PIE_TABLES else _bars(t, st)
        block: list[Flowable] = [Paragraph(para(t.title), st.h2)]
        if chart is not None:
            block.append(chart)
        else:
            block.append(Paragraph("Aucune donnée affichable pour la période.", st.muted))
        story.append(KeepTogether(block))
        story.append(_grid(t, st))
        if t.note:
            story.append(Paragraph(para(t.note), st.muted))
    if ind.note:
        story.append(Paragraph(para(ind.note), st.muted))
    return story


def _comments(report: Report, st: Styles) -> list[Flowable]:
    if not report.comments:
        return []
    story: list[Flowable] = [
        Paragraph("Commentaires libres des questionnaires", st.h1),
        Paragraph(
            "Recopiés sans nom, sans date et sans référence, triés par niveau puis par ordre "
            "alphabétique ; un commentaire écrit plusieurs fois n'est recopié qu'une fois, "
            "avec son nombre.",
            st.muted,
        ),
    ]
    seen = Counter(report.comments)
    for (level, text), times in sorted(seen.items()):
        more = f" ({times} fois)" if times > 1 else ""
        story.append(Paragraph(f"<b>Niveau {level}</b> — « {para(text)} »{more}", st.bullet,
                               bulletText="•"))  # fmt: skip
    return story


def render_activity_report(report: Report, progress: ProgressCallback | None = None) -> bytes:
    """The PDF bytes of ``report`` (deterministic for the same report)."""
    st = make_styles(False)
    story = [*_summary(report, st), PageBreak()]
    for ind in report.indicators:
        story += _section(ind, st)
    story += _comments(report, st)
    period = f"{format_date(report.start)} – {format_date(report.end)}"
    return build_pdf(
        story,
        title=f"{REPORT_TITLE} {period}",
        author=report.organisation,
        subject="Indicateurs d'activité anonymisés du conseil en évolution professionnelle",
        footer_left=f"{REPORT_TITLE} · {period} · données anonymisées",
        footer_size=st.footer_size,
        progress=progress,
    )
