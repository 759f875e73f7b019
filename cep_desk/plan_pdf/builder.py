"""The action plan PDF (DESIGN §6): one :class:`PlanDocument` in, PDF bytes out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from cep_desk.formatting import format_date, format_date_long, format_eur
from cep_desk.plan_document import FundingItem, PlanDocument, StepItem
from cep_desk.plan_pdf.canvas import ProgressCallback, build_pdf
from cep_desk.plan_pdf.fonts import SANS, SANS_BOLD
from cep_desk.plan_pdf.gantt import timeline_drawings
from cep_desk.plan_pdf.styles import (
    ACCENT,
    FRAME_WIDTH,
    HEADER_BG,
    INK,
    NOTICE_BG,
    RULE,
    ZEBRA,
    Styles,
    cell_font,
    make_styles,
)
from cep_desk.plan_pdf.text import Para, clean, one_line, para, plain_lines

SECTION_TITLES = (
    "1. Votre situation",
    "2. Votre demande",
    "3. Vos besoins et vos priorités",
    "4. Votre projet",
    "5. Compétences et qualifications à acquérir",
    "6. Plan d'action",
    "7. Calendrier prévisionnel",
    "8. Plan de financement",
    "9. Contacts avec les organismes",
    "10. Confidentialité et signatures",
)
OWNERSHIP_NOTICE = "Ce document vous appartient. Il n'est pas transmis à votre employeur."


def confidentiality(title: str = "conseiller·ère") -> str:
    bound = {"conseillère": "tenue", "conseiller": "tenu"}.get(title, "tenu·e")
    return (
        f"Le conseil en évolution professionnelle est gratuit et confidentiel. Votre {title} est "
        f"{bound} à la discrétion : aucune information vous concernant n'est communiquée à un "
        "organisme sans votre accord. Vous êtes libre de montrer ce plan, en tout ou en partie, "
        "aux organismes de formation et aux financeurs de votre choix."
    )


def provisional(title: str = "conseiller·ère") -> str:
    return f"Ce plan est provisoire : vous pourrez le revoir avec votre {title} à tout moment."


CONFIDENTIALITY = confidentiality()
PROVISIONAL = provisional()
_SIGNATURE_TITLES = {
    "conseillère": "La conseillère",
    "conseiller": "Le conseiller",
}

_PAD = 4
_LONG_CELL = 1200  # characters: beyond, a table row may split across pages
_LONG_DETAIL = 280  # characters: beyond, a step's detail flows below its row (not in a cell)


# --------------------------------------------------------------------------------------------
# Small building blocks
# --------------------------------------------------------------------------------------------


def P(text: object, style: ParagraphStyle) -> Paragraph:  # noqa: N802 - reads like markup
    """A paragraph of user text, always escaped."""
    return Para(para(text), style)


_STEP_ROWS_PER_TABLE = 40  # an even number: the zebra stripes go on across tables


def _table(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    header: bool = True,
    zebra: bool = True,
) -> Table:
    """A table of Paragraph cells that splits across pages, header row repeated.

    Rows are kept whole unless one holds a long text (which could outgrow a page): only then
    may a row itself be cut across pages.
    """
    long_text = any(len(getattr(c, "text", "") or "") > _LONG_CELL for r in rows for c in r)
    t = Table(
        [list(r) for r in rows],
        colWidths=list(widths),
        repeatRows=1 if header else 0,
        splitByRow=1,
        splitInRow=1 if long_text else 0,
        hAlign="LEFT",
    )
    cmds: list[tuple[Any, ...]] = [
        *cell_font(),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header:
        cmds += [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ]
    if zebra:
        first = 1 if header else 0
        cmds.append(("ROWBACKGROUNDS", (0, first), (-1, -1), [None, ZEBRA]))
    t.setStyle(TableStyle(cmds))
    return t


def _plain_cells(
    st: Styles, start: tuple[int, int], end: tuple[int, int], align: str = "LEFT"
) -> TableStyle:
    """Style for cells holding plain strings (amounts): drawn as is, never wrapped, so the
    U+202F of French numbers stays a narrow no-break space."""
    return TableStyle(
        [
            ("FONTNAME", start, end, SANS),
            ("FONTSIZE", start, end, st.size),
            ("LEADING", start, end, st.cell.leading),
            ("TEXTCOLOR", start, end, INK),
            ("ALIGN", start, end, align),
            ("TOPPADDING", start, end, 3 + (st.cell.leading - st.size) / 2),
        ]
    )


def _kv(pairs: Sequence[tuple[str, object]], st: Styles, label_ratio: float = 0.34) -> Table:
    """Label / value lines (labels are ours, values are user text)."""
    w = FRAME_WIDTH * label_ratio
    rows = [[Para(label, st.cell_bold), P(value, st.cell)] for label, value in pairs]
    return _table(rows, [w, FRAME_WIDTH - w], header=False, zebra=False)


def _head_cells(labels: Sequence[str], st: Styles, right: Sequence[int] = ()) -> list[Paragraph]:
    return [Para(x, st.cell_head_right if i in right else st.cell_head) for i, x in
            enumerate(labels)]  # fmt: skip


def _col(texts: Sequence[str], st: Styles, bold_header: str = "", minimum: float = 0) -> float:
    """Width that fits the longest of ``texts`` (no wrap) plus padding."""
    w = max([stringWidth(t, SANS, st.size) for t in texts] + [minimum])
    if bold_header:
        w = max(w, stringWidth(bold_header, SANS_BOLD, st.size))
    return w + 2 * _PAD + 2


def _fill(widths: list[float | None]) -> list[float]:
    """Share the remaining frame width between the ``None`` columns."""
    fixed = sum(w for w in widths if w is not None)
    free = [i for i, w in enumerate(widths) if w is None]
    rest = max(FRAME_WIDTH - fixed, 40.0 * len(free))
    return [w if w is not None else rest / len(free) for w in widths]


def _h1(title: str, st: Styles) -> list[Flowable]:
    return [
        CondPageBreak(st.size * 12),
        Para(title, st.h1),
        HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceBefore=0, spaceAfter=6),
    ]


def _nothing(text: str, st: Styles) -> Paragraph:
    return Para(text, st.muted)


# --------------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------------


def _header(doc: PlanDocument, st: Styles) -> list[Flowable]:
    c = doc.counsellor
    lines = [f"<b>{para(c.operator_label)}</b>"] if c.operator_label.strip() else []
    lines += [para(x) for x in (c.organisation, c.region) if x.strip()]
    left = "<br/>".join(lines) or "&nbsp;"
    contact = [f"<b>Votre {c.title} : {para(c.name)}</b>"] + [
        para(x) for x in (c.phone, c.email, c.address) if x
    ]
    band = Table(
        [[Para(left, st.small), Para("<br/>".join(contact), st.small)]],
        colWidths=[FRAME_WIDTH * 0.48, FRAME_WIDTH * 0.52],
        hAlign="LEFT",
    )
    band.setStyle(
        TableStyle(
            [
                *cell_font(st),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, -1), 0.8, ACCENT),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    box = Table(
        [
            [Para(f"Document remis à <b>{para(doc.beneficiary_name)}</b>", st.body_bold)],
            [Para(f"Le {format_date_long(doc.issued_on)}", st.cell)],
            [
                Para(
                    f"Document n° {para(doc.document_number)} – version {int(doc.version)}",
                    st.cell,
                )
            ],
        ],
        colWidths=[FRAME_WIDTH],
        hAlign="LEFT",
    )
    box.setStyle(
        TableStyle(
            [
                *cell_font(st),
                ("BACKGROUND", (0, 0), (-1, -1), HEADER_BG),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (0, 0), 8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
                ("TOPPADDING", (0, 1), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -2), 1),
            ]
        )
    )
    return [
        band,
        Spacer(1, st.size * 1.2),
        Para("Plan d'action", st.title),
        Para("Conseil en évolution professionnelle (CEP)", st.subtitle),
        Spacer(1, 4),
        box,
        Spacer(1, 8),
        Para(
            "Ce plan résume ce que nous avons construit ensemble : votre projet, les étapes "
            "pour y arriver, leur calendrier et leur financement.",
            st.body,
        ),
    ]


def _situation(doc: PlanDocument, st: Styles) -> list[Flowable]:
    b = doc.beneficiary
    pairs: list[tuple[str, object]] = [
        ("Nom et prénom", doc.beneficiary_name),
        ("Date de naissance", format_date(b.birth_date)),
        ("Statut", b.public_label),
        ("Situation professionnelle", b.situation),
        ("Emploi occupé", b.job_title),
        ("Commune", b.town),
        ("Niveau de formation", b.education_label),
    ]
    if doc.include_health and b.rqth is not None:
        rqth = "Oui" if b.rqth else "Non"
        if b.rqth and b.rqth_basis:
            rqth = f"Oui – {b.rqth_basis}"
        pairs.append(("Reconnaissance de travailleur handicapé (RQTH)", rqth))
    pairs = [(k, v) for k, v in pairs if str(v).strip()]
    out = _h1(SECTION_TITLES[0], st)
    out.append(_kv(pairs, st) if pairs else _nothing("Non renseignée.", st))
    return out


def _text_block(label: str, text: str, st: Styles) -> list[Flowable]:
    if not (text or "").strip():
        return []
    return [Para(label, st.body_bold), P(text, st.body)]


def _request(doc: PlanDocument, st: Styles) -> list[Flowable]:
    r = doc.request
    level = {
        1: "Niveau 1 : accueil individualisé",
        2: "Niveau 2 : accompagnement personnalisé",
    }.get(r.level_reached, str(r.level_reached))
    pairs: list[tuple[str, object]] = [
        ("Date de votre demande", format_date(r.request_date)),
        ("Motif", " ; ".join(one_line(x) for x in r.reasons if one_line(x))),
        ("Étape de l'accompagnement", level),
        ("Suite décidée après le premier entretien", r.level1_decision_label),
    ]
    pairs = [(k, v) for k, v in pairs if str(v).strip()]
    out = _h1(SECTION_TITLES[1], st)
    if pairs:
        out += [_kv(pairs, st), Spacer(1, 6)]
    level1 = (
        _text_block("Votre demande, telle que vous l'avez exprimée", r.expressed_request, st)
        + _text_block("Premier point sur votre situation", r.first_analysis, st)
        + _text_block("Informations sur l'emploi et les métiers", r.environment_info, st)
        + _text_block("Démarches possibles", r.possible_steps, st)
        + _text_block("Qui peut vous aider", r.actors, st)
    )
    level2 = (
        _text_block("Votre demande précisée", r.clarified_request, st)
        + _text_block("Informations qui vous ont été données", r.info_given, st)
        + _text_block("Remarques", r.remarks, st)
    )
    if level1:
        out += [Para("Au premier entretien (niveau 1)", st.h2), *level1]
    if level2:
        out += [Para("Pendant l'accompagnement (niveau 2)", st.h2), *level2]
    if not (pairs or level1 or level2):
        out.append(_nothing("Non renseignée.", st))
    return out


def _needs(doc: PlanDocument, st: Styles) -> list[Flowable]:
    out = _h1(SECTION_TITLES[2], st)
    if not doc.needs:
        return [*out, _nothing("Aucun besoin n'a encore été noté.", st)]
    out.append(Para("Classés du plus important (1) au moins important, selon vos choix.", st.body))
    needs = sorted(doc.needs, key=lambda n: n.rank)
    w_rank = _col([str(n.rank) for n in needs], st, "Priorité")
    w_status = _col([n.status_label for n in needs], st, "Où en est-on", minimum=40)
    w_theme = min(_col([n.theme_label for n in needs], st, "Thème"), FRAME_WIDTH * 0.26)
    rows = [_head_cells(["Priorité", "Thème", "Votre besoin", "Où en est-on"], st)]
    rows += [
        [Para(str(n.rank), st.cell_bold), P(n.theme_label, st.cell),
         P(_with_details(n.description, n.details), st.cell), P(n.status_label, st.cell)]
        for n in needs
    ]  # fmt: skip
    out.append(_table(rows, _fill([w_rank, w_theme, None, min(w_status, FRAME_WIDTH * 0.22)])))
    return out


def _with_details(text: str, details: Sequence[tuple[str, str]]) -> str:
    """A text followed by one « label : value » line per detail."""
    lines = [text] if text else []
    lines += [f"{label} : {value}" for label, value in details]
    return "\n".join(lines)


def _project(doc: PlanDocument, st: Styles) -> list[Flowable]:
    out = _h1(SECTION_TITLES[3], st)
    p = doc.project
    if p is None:
        return [*out, _nothing("Aucun projet n'est encore formalisé.", st)]
    job = one_line(p.target_job_label)
    if p.rome_code:
        rome = f"code ROME {one_line(p.rome_code)}"
        if p.rome_version:
            rome += f" ({one_line(p.rome_version)})"
        job = f"{job} – {rome}" if job else rome
    cert = one_line(p.certification_label)
    if p.certification_code:
        cert = (
            f"{cert} – {one_line(p.certification_code)}" if cert else one_line(p.certification_code)
        )
    pairs: list[tuple[str, object]] = [
        ("Type de projet", p.kind_label),
        ("Métier visé", job),
        ("Certification visée", cert),
        ("Coût total estimé", format_eur(p.declared_cost_cents)),
    ]
    pairs = [(k, v) for k, v in pairs if str(v).strip()]
    if pairs:
        out.append(_kv(pairs, st))
    if (p.description or "").strip():
        out += [Spacer(1, 6), Para("Votre projet en quelques mots", st.body_bold)]
        out.append(P(p.description, st.body))
    out.append(Para("Faisabilité du projet", st.h2))
    if not p.feasibility:
        out.append(_nothing("La faisabilité reste à étudier.", st))
        return out
    w_aspect = min(
        _col([f.aspect_label for f in p.feasibility], st, "Point examiné"), FRAME_WIDTH * 0.3
    )
    w_status = min(
        _col([f.status_label for f in p.feasibility], st, "Appréciation"), FRAME_WIDTH * 0.25
    )
    rows = [_head_cells(["Point examiné", "Appréciation", "Commentaire"], st)]
    rows += [
        [P(f.aspect_label, st.cell), P(f.status_label, st.cell_bold), P(f.note, st.cell)]
        for f in p.feasibility
    ]
    out.append(_table(rows, _fill([w_aspect, w_status, None])))
    return out


def _skills(doc: PlanDocument, st: Styles) -> list[Flowable]:
    out = _h1(SECTION_TITLES[4], st)
    if not doc.skills:
        return [*out, _nothing("Aucune compétence à acquérir n'a été notée.", st)]
    w_state = min(
        _col([s.state_label for s in doc.skills], st, "Où vous en êtes"), FRAME_WIDTH * 0.28
    )
    w_means = min(
        _col([s.means_label for s in doc.skills], st, "Comment l'acquérir"), FRAME_WIDTH * 0.28
    )
    rows = [_head_cells(["Compétence ou qualification", "Où vous en êtes", "Comment l'acquérir"],
                        st)]  # fmt: skip
    rows += [
        [P(s.label, st.cell), P(s.state_label, st.cell), P(s.means_label, st.cell)]
        for s in doc.skills
    ]
    out.append(_table(rows, _fill([None, w_state, w_means])))
    return out


def _who(owner: str, partner: str) -> str:
    owner, partner = one_line(owner), one_line(partner)
    if owner and partner:
        return f"{owner} ({partner})"
    return owner or partner


def _steps(doc: PlanDocument, st: Styles) -> list[Flowable]:
    out = _h1(SECTION_TITLES[5], st)
    if not doc.steps:
        return [*out, _nothing("Aucune étape n'est encore prévue.", st)]
    out.append(
        Para(
            "Les étapes à franchir, qui s'en occupe et quand. Une étape avec une seule date "
            "est une date clé (rendez-vous, décision, épreuve).",
            st.body,
        )
    )
    steps = doc.steps
    num_w = _col([str(len(steps))], st, "N°")
    status_w = min(_col([s.status_label for s in steps], st, "Statut"), FRAME_WIDTH * 0.18)
    who_w = FRAME_WIDTH * 0.21

    title_line = plain_lines(st.cell_bold)

    def title_cell(s: StepItem, with_detail: bool) -> Paragraph:
        if not (doc.large_print or with_detail and (s.detail or "").strip()):
            return title_line(s.title)
        parts = [f"<b>{para(s.title)}</b>"]
        if with_detail and (s.detail or "").strip():
            parts.append(para(s.detail))
        if doc.large_print and _who(s.owner_label, s.partner_name):
            parts.append(f"<i>Qui : {para(_who(s.owner_label, s.partner_name))}</i>")
        return Para("<br/>".join(parts), st.cell)

    date_w = _col(["du 00/00/0000"], st, "Dates")
    heads = ["N°", "Étape", "Qui", "Dates", "Statut"]
    if doc.large_print:  # "who" goes under the title so the step keeps a wide column
        heads.remove("Qui")
    header = _head_cells(heads, st)
    slots: list[float | None] = [num_w, None, who_w, date_w, status_w]
    if doc.large_print:
        del slots[2]
    widths = _fill(slots)
    detail_style = ParagraphStyle(
        "step_detail",
        parent=st.cell,
        leftIndent=num_w + _PAD,
        rightIndent=_PAD,
        spaceAfter=st.size * 0.25,
    )
    detail_line, cell_line = plain_lines(detail_style), plain_lines(st.cell)

    def row(i: int, s: StepItem, with_detail: bool) -> list[Paragraph]:
        if s.is_milestone or s.start_on is None or s.due_on is None:
            when = format_date(s.due_on or s.start_on)
            when = f"le {when}" if when else "à fixer"
        else:
            when = f"du {format_date(s.start_on)}<br/>au {format_date(s.due_on)}"
        cells = [cell_line(i), title_cell(s, with_detail)]
        if not doc.large_print:
            cells.append(cell_line(_who(s.owner_label, s.partner_name)))
        cells += [Para(when, st.cell), cell_line(s.status_label)]
        return cells

    # Short details stay in the step's cell. A long one (the plan: 1 000 steps of
    # 1 500 characters) is set below its row as flowing paragraphs, one per line of the
    # text: a paragraph without markup takes ReportLab's fast line breaking, splits across
    # pages on its own, and the table around it no longer recomputes a huge cell at every
    # page break. Rows run in tables of _STEP_ROWS_PER_TABLE rows (ReportLab rebuilds the
    # rest of a table at every page break, which made long plans quadratic).
    run: list[list[Paragraph]] = []
    first_table = True

    def flush() -> None:
        nonlocal first_table
        for start in range(0, len(run), _STEP_ROWS_PER_TABLE):
            out.append(_table([header, *run[start : start + _STEP_ROWS_PER_TABLE]], widths))
        first_table = first_table and not run
        run.clear()

    for i, s in enumerate(steps, start=1):
        detail = clean(s.detail).strip()
        if len(detail) <= _LONG_DETAIL:
            run.append(row(i, s, with_detail=True))
            continue
        flush()
        # the row and the first lines of its detail start on the same page
        out.append(CondPageBreak(st.cell.leading * 8))
        rows = [header, row(i, s, with_detail=False)] if first_table else [row(i, s, False)]
        table = _table(rows, widths, header=first_table, zebra=False)
        table.setStyle(TableStyle([("BACKGROUND", (0, -1), (-1, -1), ZEBRA),
                                   ("LINEBELOW", (0, -1), (-1, -1), 0, ZEBRA)]))  # fmt: skip
        out.append(table)
        first_table = False
        out.append(Spacer(1, 3))
        for line in detail.split("\n"):
            if line.strip():
                out.append(detail_line(line))
        out.append(HRFlowable(width="100%", thickness=0.4, color=RULE, spaceBefore=1,
                              spaceAfter=0))  # fmt: skip
    flush()
    return out


def _calendar(doc: PlanDocument, st: Styles) -> list[Flowable]:
    out = _h1(SECTION_TITLES[6], st)
    dated = [s for s in doc.steps if s.start_on or s.due_on]
    if not dated:
        return [
            *out,
            _nothing("Aucune étape datée : le calendrier sera établi lors d'un prochain "
                     "rendez-vous.", st),
        ]  # fmt: skip
    out.append(
        Para(
            "Chaque ligne reprend une étape du plan d'action, avec le même numéro. "
            "Le statut est écrit en fin de ligne.",
            st.body,
        )
    )
    drawings = timeline_drawings(
        doc.steps,
        doc.today,
        FRAME_WIDTH,
        font_size=st.size,
        max_rows=26 if not doc.large_print else 17,
    )
    head = out[1:]  # the heading, its rule and the intro stay with the first drawing
    out = [KeepTogether([*head, drawings[0]])]
    for d in drawings[1:]:
        out += [Spacer(1, 10), d]
    return out


def _scheme(f: FundingItem) -> str:
    # The catalogue code is internal: the person reads the scheme's name.
    return one_line(f.scheme_label) or one_line(f.scheme_code)


def _funding(doc: PlanDocument, st: Styles) -> list[Flowable]:
    out = _h1(SECTION_TITLES[7], st)
    if doc.funding:  # start on a page with room for the table's first lines and the totals
        out[0] = CondPageBreak(st.size * 24)
    t = doc.totals
    if doc.funding:
        amounts = [format_eur(x) for f in doc.funding for x in (f.requested_cents, f.granted_cents)]
        w_amount = _col(amounts, st, "Demandé")
        w_status = _col(["le 00/00/0000"], st, "Statut")
        # large print: the funder joins the first column so that amounts keep their room
        sep_funder = not doc.large_print
        first_head = "Dispositif et ce qu'il finance" if sep_funder else "Dispositif, financeur"
        heads = [first_head, "Financeur", "Statut", "Demandé", "Accordé"]
        if not sep_funder:
            heads.remove("Financeur")
        n = len(heads)
        rows: list[Sequence[object]] = [_head_cells(heads, st, right=(n - 2, n - 1))]
        for f in doc.funding:
            status = f"<b>{f.status.label}</b>"
            if f.decision_on:
                status += f"<br/>le {format_date(f.decision_on)}"
            scheme = f"<b>{para(_scheme(f))}</b>"
            extra = [f.cover_label] if sep_funder else [f.funder, f.cover_label]
            extra += [f.ended_notice, *f.figures]
            scheme += "".join(f"<br/>{para(one_line(x))}" for x in extra if one_line(x))
            row: list[object] = [Para(scheme, st.cell)]
            if sep_funder:
                row.append(P(f.funder, st.cell))
            row += [Para(status, st.cell), format_eur(f.requested_cents),
                    format_eur(f.granted_cents)]  # fmt: skip
            rows.append(row)
        # the funder gets what its longest name needs on two lines (a fifth to a
        # third of the width); the scheme column takes the rest
        w_funder = max(
            (stringWidth(one_line(f.funder), SANS, st.size) for f in doc.funding), default=0
        )
        w_funder = min(max(w_funder * 0.58 + 2 * _PAD + 4, FRAME_WIDTH * 0.22), FRAME_WIDTH * 0.3)
        widths = [None, w_funder, w_status, w_amount, w_amount]
        if not sep_funder:
            del widths[1]
        table = _table(rows, _fill(widths))
        table.setStyle(_plain_cells(st, (n - 2, 1), (n - 1, -1), align="RIGHT"))
        out.append(table)
        out.append(Spacer(1, 8))
    else:
        out.append(_nothing("Aucun financement n'est encore prévu.", st))
    if doc.funding or t.cost:
        totals: list[Flowable] = [_totals(doc, st), Spacer(1, 6)]
        if t.pending:
            totals.append(
                Para(
                    "Les montants demandés ou envisagés ne sont pas encore acquis : le reste à "
                    "votre charge baissera si ces demandes sont acceptées.",
                    st.muted,
                )
            )
        out.append(KeepTogether(totals))
    out += _next_steps(doc, st)
    return out


def _totals(doc: PlanDocument, st: Styles) -> Table:
    t = doc.totals
    rows = [
        ("Coût total du projet", t.cost),
        ("Financements accordés", t.funded),
        ("En attente de réponse", t.pending),
        ("Reste à votre charge à ce jour", t.left_to_pay),
    ]
    amounts = [format_eur(v) for _, v in rows]
    w_amount = max(stringWidth(a, SANS_BOLD, st.size) for a in amounts) + 2 * _PAD + 2
    w_label = max(stringWidth(label, SANS_BOLD, st.size) for label, _ in rows) + 2 * _PAD + 2
    data = [
        [Para(label, st.cell_bold if i in (0, 3) else st.cell), amount]
        for i, ((label, _), amount) in enumerate(zip(rows, amounts, strict=True))
    ]
    table = Table(data, colWidths=[w_label, w_amount], hAlign="RIGHT")
    table.setStyle(
        TableStyle(
            [
                *cell_font(st),
                ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
                ("LINEABOVE", (0, 3), (-1, 3), 0.8, ACCENT),
                ("LINEBELOW", (0, 3), (-1, 3), 0.8, ACCENT),
                ("BACKGROUND", (0, 3), (-1, 3), HEADER_BG),
            ]
        )
    )
    table.setStyle(_plain_cells(st, (1, 0), (1, -1), align="RIGHT"))
    table.setStyle(TableStyle([*cell_font(st), ("FONTNAME", (1, 0), (1, 0), SANS_BOLD),
                               ("FONTNAME", (1, 3), (1, 3), SANS_BOLD)]))  # fmt: skip
    return table


def _next_steps(doc: PlanDocument, st: Styles) -> list[Flowable]:
    merged: dict[str, tuple[str, list[str]]] = {}
    for f in doc.funding:
        steps = [one_line(x) for x in f.next_steps if one_line(x)]
        if not steps:
            continue
        key = (one_line(f.scheme_code) or one_line(f.scheme_label)).casefold()
        title, known = merged.setdefault(key, (_scheme(f), []))
        known.extend(x for x in steps if x not in known)
    if not merged:
        return []
    out: list[Flowable] = []
    heading: list[Flowable] = [Para("Prochaines démarches", st.h2)]
    for title, steps in merged.values():
        block: list[Flowable] = [*heading, Para(f"<b>{para(title)}</b>", st.body_bold)]
        block += [Para(para(s), st.bullet, bulletText="•") for s in steps]
        block.append(Spacer(1, 4))
        heading = []  # only before the first scheme, kept with it
        if len(block) <= 8:
            out.append(KeepTogether(block))
        else:  # a long list may run over a page; its title stays with the first steps
            out += [KeepTogether(block[:4]), *block[4:]]
    return out


def _contacts(doc: PlanDocument, st: Styles) -> list[Flowable]:
    out = _h1(SECTION_TITLES[8], st)
    if not doc.contacts:
        return [*out, _nothing("Aucun contact n'a encore été pris avec un organisme.", st)]
    date_w = _col(["00/00/0000"], st, "Date")
    rows = [_head_cells(["Date", "Organisme", "Personne", "Objet", "Résultat"], st)]
    rows += [
        [Para(format_date(c.on), st.cell), P(c.organisation, st.cell), P(c.person, st.cell),
         P(c.subject, st.cell), P(c.outcome, st.cell)]
        for c in doc.contacts
    ]  # fmt: skip
    out.append(_table(rows, _fill([date_w, FRAME_WIDTH * 0.19, FRAME_WIDTH * 0.17, None, None])))
    return out


def _closing(doc: PlanDocument, st: Styles) -> list[Flowable]:
    notice = Table(
        [
            [Para(f"<b>{OWNERSHIP_NOTICE}</b>", st.body)],
            [Para(confidentiality(doc.counsellor.title), st.body)],
            [Para(provisional(doc.counsellor.title), st.body)],
        ],
        colWidths=[FRAME_WIDTH],
    )
    notice.setStyle(
        TableStyle(
            [
                *cell_font(st),
                ("BACKGROUND", (0, 0), (-1, -1), NOTICE_BG),
                ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, 0), 8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
            ]
        )
    )
    half = FRAME_WIDTH / 2 - 6
    sign = Table(
        [
            [
                Para("<b>La personne</b><br/>" + para(doc.beneficiary_name), st.cell),
                "",
                Para(
                    f"<b>{_SIGNATURE_TITLES.get(doc.counsellor.title, 'Le conseiller ou la conseillère')}</b><br/>"
                    + para(doc.counsellor.name),
                    st.cell,
                ),  # fmt: skip
            ],
            [
                Para("Date et signature :", st.cell),
                "",
                Para("Date et signature :", st.cell),
            ],  # fmt: skip
            ["", "", ""],
        ],
        colWidths=[half, 12, half],
        rowHeights=[None, None, st.size * 5],
    )
    sign.setStyle(
        TableStyle(
            [
                *cell_font(st),
                ("BOX", (0, 0), (0, -1), 0.8, ACCENT),
                ("BOX", (2, 0), (2, -1), 0.8, ACCENT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, 0), 6),
            ]
        )
    )
    head = _h1(SECTION_TITLES[9], st)[1:]  # heading and rule stay with the boxes
    return [KeepTogether([*head, notice, Spacer(1, 14), sign])]


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def render_plan(doc: PlanDocument, progress: ProgressCallback | None = None) -> bytes:
    """The action plan as PDF bytes (A4, French, fonts embedded, deterministic).

    ``progress(done, total)`` follows the layout and may raise :class:`RenderCancelled`."""
    st = make_styles(doc.large_print)
    story: list[Flowable] = []
    for section in (
        _header,
        _situation,
        _request,
        _needs,
        _project,
        _skills,
        _steps,
        _calendar,
        _funding,
        _contacts,
        _closing,
    ):
        story += section(doc, st)
    name = doc.beneficiary_name
    return build_pdf(
        story,
        title=f"Plan d'action – {name}",
        author=doc.counsellor.name,
        subject=(
            "Conseil en évolution professionnelle : plan d'action remis le "
            f"{format_date_long(doc.issued_on)}"
        ),
        keywords="CEP, plan d'action, conseil en évolution professionnelle",
        footer_left=(
            f"Plan d'action de {name} · n° {doc.document_number} · version {int(doc.version)}"
        ),
        footer_size=st.footer_size,
        progress=progress,
    )
