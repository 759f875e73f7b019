"""The documents a scheme requires, printed: the avis du CEP and the PTP absence request.

Same fonts, styles, escaping and deterministic output as the plan. Every user text goes through
:func:`cep_desk.plan_pdf.text.para` (via ``P``); blanks the file does not fill are printed as
dotted lines to complete by hand, never invented.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from cep_desk.formatting import format_date, format_date_long, format_eur
from cep_desk.plan_pdf.builder import OWNERSHIP_NOTICE, P, _h1, _table
from cep_desk.plan_pdf.canvas import ProgressCallback, build_pdf
from cep_desk.plan_pdf.styles import (
    ACCENT,
    FRAME_WIDTH,
    HEADER_BG,
    NOTICE_BG,
    TODAY,
    Styles,
    cell_font,
    make_styles,
)
from cep_desk.plan_pdf.text import Para, one_line, para
from cep_desk.scheme_documents import (
    AbsenceRequestDocument,
    CepOpinionDocument,
    SchemeDocument,
    TrainingInfo,
)

BLANK = "…………………………………………"
OPINION_TITLE = "Avis du conseil en évolution professionnelle"
OPINION_SUBTITLE = (
    "Projet de reconversion professionnelle d'un·e salarié·e démissionnaire – pièce jointe à la "
    "demande d'attestation du caractère réel et sérieux du projet (Transitions Pro)"
)
REQUEST_TITLE = "Demande d'autorisation d'absence"
REQUEST_SUBJECT = (
    "Objet : demande de congé dans le cadre d'un projet de transition professionnelle "
    "(article R. 6323-10 du code du travail)"
)
_SIGNATURE = {"conseillère": "La conseillère", "conseiller": "Le conseiller"}


def _or_blank(text: object) -> str:
    """Escaped user text, or a dotted blank to fill by hand."""
    value = "" if text is None else str(text)
    return para(value) if value.strip() else BLANK


def _date_or_blank(value: date | None) -> str:
    return format_date_long(value) if value else BLANK


def _kv(pairs: Sequence[tuple[str, str]], st: Styles, ratio: float = 0.38) -> Table:
    """Label / value lines; values are already markup (escaped user text or our blanks)."""
    w = FRAME_WIDTH * ratio
    rows = [[Para(label, st.cell_bold), Para(value, st.cell)] for label, value in pairs]
    return _table(rows, [w, FRAME_WIDTH - w], header=False, zebra=False)


def _boxed(
    paragraphs: Sequence[Flowable], background: object = NOTICE_BG, border: object = ACCENT
) -> Table:
    box = Table([[p] for p in paragraphs], colWidths=[FRAME_WIDTH])
    box.setStyle(
        TableStyle(
            [
                *cell_font(),
                ("BACKGROUND", (0, 0), (-1, -1), background),
                ("BOX", (0, 0), (-1, -1), 0.8, border),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, 0), 8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
            ]
        )
    )
    return box


def _reference(doc: SchemeDocument, st: Styles) -> Table:
    box = Table(
        [
            [Para(f"Établi le {format_date_long(doc.issued_on)}", st.cell)],
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
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, 0), 6),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
            ]
        )
    )
    return box


def _duration(t: TrainingInfo) -> str:
    parts = []
    if t.hours is not None:
        parts.append(f"{int(t.hours)} heures")
    if t.absence_days is not None:
        parts.append(f"{t.absence_days} jours calendaires du début à la fin")
    if t.part_time:
        parts.append("à temps partiel")
    return para(", ".join(parts)) if parts else BLANK


def _certification(t: TrainingInfo) -> str:
    text = " – ".join(x for x in (t.certification_label, t.certification_code) if x.strip())
    return _or_blank(text)


def _signature(left_title: str, left_name: str, right_title: str, right_name: str,
               st: Styles) -> Flowable:  # fmt: skip
    half = FRAME_WIDTH / 2 - 6
    rows: list[list[object]] = [
        [Para(f"<b>{left_title}</b><br/>{para(left_name)}", st.cell), "",
         Para(f"<b>{right_title}</b><br/>{para(right_name)}", st.cell) if right_title else ""],
        [Para("Date et signature :", st.cell), "",
         Para("Date et signature :", st.cell) if right_title else ""],
        ["", "", ""],
    ]  # fmt: skip
    sign = Table(rows, colWidths=[half, 12, half], rowHeights=[None, None, st.size * 5])
    cmds = [
        *cell_font(st),
        ("BOX", (0, 0), (0, -1), 0.8, ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, 0), 6),
    ]
    if right_title:
        cmds.append(("BOX", (2, 0), (2, -1), 0.8, ACCENT))
    sign.setStyle(TableStyle(cmds))
    return KeepTogether([Spacer(1, 10), sign])


# --------------------------------------------------------------------------------------------
# Avis du CEP (démission-reconversion)
# --------------------------------------------------------------------------------------------


def _opinion_story(doc: CepOpinionDocument, st: Styles) -> list[Flowable]:
    c, p, t = doc.counsellor, doc.person, doc.training
    title = c.title
    story: list[Flowable] = [
        Paragraph(OPINION_TITLE, st.title),
        Paragraph(OPINION_SUBTITLE, st.subtitle),
        _reference(doc, st),
        *_h1("Le conseil en évolution professionnelle", st),
        _kv(
            [
                (
                    "Opérateur du CEP",
                    _or_blank(
                        " – ".join(
                            x for x in (c.operator_label, c.organisation, c.region) if x.strip()
                        )
                    ),
                ),
                (f"{title[:1].upper()}{title[1:]}", _or_blank(c.name)),
                (
                    "Coordonnées",
                    _or_blank(
                        " · ".join(x for x in (c.phone, c.email, one_line(c.address)) if x.strip())
                    ),
                ),
                ("CEP demandé (saisi) le", _date_or_blank(doc.cep_requested_on)),
                ("Premier rendez-vous", _date_or_blank(doc.first_appointment_on)),
                (
                    "Entretiens",
                    para(", ".join(format_date(d) for d in doc.session_dates))
                    if doc.session_dates
                    else BLANK,
                ),
            ],
            st,
        ),  # fmt: skip
        *_h1("La personne", st),
        _kv(
            [
                ("Nom et prénom", _or_blank(p.name)),
                ("Date de naissance", _date_or_blank(p.birth_date)),
                ("Emploi actuel", _or_blank(p.job_title)),
                ("Situation", _or_blank(p.situation)),
            ],
            st,
        ),
        *_h1("Le projet de reconversion", st),
        _kv(
            [
                ("Type de projet", _or_blank(doc.project_kind)),
                (
                    "Métier envisagé",
                    _or_blank(
                        " – ".join(x for x in (doc.target_job_label, doc.rome_code) if x.strip())
                    ),
                ),
                ("Exposé de la démarche", _or_blank(doc.project_description)),
            ],
            st,
        ),  # fmt: skip
    ]
    if doc.steps_taken:
        story.append(Spacer(1, 4))
        story.append(Para("<b>Démarches engagées pour étayer le projet</b>", st.body))
        story += [Para(para(x), st.bullet, bulletText="•") for x in doc.steps_taken]
    story += [
        *_h1("La formation envisagée", st),
        _kv(
            [
                ("Formation", _or_blank(t.title)),
                ("Certification visée", _certification(t)),
                ("Organisme de formation", _or_blank(t.provider)),
                ("Dates", f"du {_date_or_blank(t.start_on)} au {_date_or_blank(t.end_on)}"),
                ("Durée", _duration(t)),
                (
                    "Coût pédagogique déclaré",
                    para(format_eur(t.cost_cents)) if t.cost_cents is not None else BLANK,
                ),
            ],
            st,
        ),  # fmt: skip
    ]
    if doc.feasibility:
        story += _h1("Connaissance du métier, perspectives d'emploi, faisabilité", st)
        rows: list[list[object]] = [
            [Para(x, st.cell_head) for x in ("Point examiné", "Appréciation", "Éléments")]
        ]
        rows += [
            [P(f.aspect_label, st.cell), P(f.status_label, st.cell), P(f.note, st.cell)]
            for f in doc.feasibility
        ]
        story.append(_table(rows, [FRAME_WIDTH * 0.27, FRAME_WIDTH * 0.18, FRAME_WIDTH * 0.55]))
    story += _h1(f"Avis motivé de la {title}" if title == "conseillère" else
                 f"Avis motivé du {title}", st)  # fmt: skip
    story.append(_boxed([P(doc.opinion, st.body)] if doc.opinion.strip() else
                        [Para(BLANK, st.body), Para(BLANK, st.body), Para(BLANK, st.body)],
                        background=HEADER_BG))  # fmt: skip
    story += _h1("Conclusion", st)
    story.append(_boxed([P(doc.conclusion, st.body)] if doc.conclusion.strip() else
                        [Para(BLANK, st.body)], background=HEADER_BG))  # fmt: skip
    story.append(
        _signature(
            "La personne", p.name, _SIGNATURE.get(title, "Le conseiller ou la conseillère"),
            c.name, st,
        )
    )  # fmt: skip
    story.append(Spacer(1, 8))
    story.append(
        _boxed(
            [
                Para(
                    "Cet avis est remis à la personne, qui le joint, si elle le souhaite, à sa "
                    "demande d'attestation. Le caractère réel et sérieux du projet est apprécié "
                    "par la commission paritaire interprofessionnelle régionale (Transitions "
                    "Pro) ; cet avis ne vaut pas attestation.",
                    st.body,
                ),
                Para(f"<b>{OWNERSHIP_NOTICE}</b>", st.body),
            ]
        )
    )
    return story


# --------------------------------------------------------------------------------------------
# PTP absence request
# --------------------------------------------------------------------------------------------


def _request_story(doc: AbsenceRequestDocument, st: Styles) -> list[Flowable]:
    p, t = doc.person, doc.training
    sender = [f"<b>{_or_blank(p.name)}</b>"]
    sender += [para(x) for x in (p.job_title, " ".join(y for y in (p.postcode, p.town) if y),
                                 p.email, p.phone) if x.strip()]  # fmt: skip
    story: list[Flowable] = [
        Para("<br/>".join(sender), st.body),
        Spacer(1, 6),
        Para(
            "À l'attention de l'employeur<br/>" + BLANK + "<br/>" + BLANK,
            st.right,
        ),
        Spacer(1, 10),
        Para(f"Fait à {_or_blank(p.town)}, le {BLANK}", st.body),
        Paragraph(REQUEST_TITLE, st.h1),
        Para(f"<b>{REQUEST_SUBJECT}</b>", st.body),
        Para(
            "Lettre recommandée avec avis de réception ou remise en main propre contre décharge",
            st.muted,
        ),  # fmt: skip
        Para("Madame, Monsieur,", st.body),
        Para(
            "Je vous demande l'autorisation de m'absenter afin de suivre, dans le cadre d'un "
            "projet de transition professionnelle, l'action de formation décrite ci-dessous, "
            "conformément aux articles L. 6323-17-1 et R. 6323-10 du code du travail :",
            st.body,
        ),
        _kv(
            [
                ("Date de début de la formation", _date_or_blank(t.start_on)),
                ("Date de fin de la formation", _date_or_blank(t.end_on)),
                ("Désignation de la formation", _or_blank(t.title)),
                ("Durée", _duration(t)),
                ("Organisme responsable", _or_blank(t.provider)),
                ("Certification visée", _certification(t)),
                ("Intitulé de l'examen", _or_blank(t.exam_title)),
                ("Date de l'examen", _date_or_blank(t.exam_on)),
            ],
            st,
        ),
        Spacer(1, 6),
        Para(
            f"Je vous remercie de me faire connaître votre réponse par écrit dans le délai de "
            f"{int(doc.employer_answer_days)} jours suivant la réception de cette demande ; en "
            "l'absence de réponse dans ce délai, l'autorisation est réputée accordée "
            "(article R. 6323-10 III du code du travail).",
            st.body,
        ),
        Para(
            "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
            st.body,
        ),
        _signature("La ou le salarié·e", p.name, "", "", st),
    ]
    return story


def _request_memo(doc: AbsenceRequestDocument, st: Styles) -> list[Flowable]:
    """A second page for the person only (not to send): the deadline and what follows."""
    from reportlab.platypus import PageBreak

    d = doc.deadline
    out: list[Flowable] = [
        PageBreak(),
        Paragraph("À conserver – ne pas joindre à la demande", st.h1),
        Para(
            "Fiche préparée avec votre conseiller en évolution professionnelle. "
            "L'application n'envoie rien : c'est vous qui remettez la demande à votre employeur.",
            st.muted,
        ),
    ]
    if d is None or d.due_on is None:
        deadline = (
            "Date de début de la formation non renseignée : la demande doit parvenir à "
            "l'employeur au plus tard 120 jours avant le début (60 jours pour une absence de "
            "moins de 6 mois ou une formation à temps partiel)."
        )
        style_bg = NOTICE_BG
    else:
        deadline = (
            f"À remettre à l'employeur <b>au plus tard le {format_date_long(d.due_on)}</b> "
            f"({para(d.reason)}, article R. 6323-10 I du code du travail)."
        )
        style_bg = NOTICE_BG
    rows: list[Flowable] = [Para(deadline, st.body)]
    if d is not None and d.late:
        rows.append(
            Para(
                "<b>⚠ Délai dépassé</b> à la date de ce document : l'employeur peut refuser une "
                "demande présentée hors délai. Voyez avec l'organisme s'il est possible de "
                "reporter la date de début.",
                st.body,
            )
        )
    out.append(_boxed(rows, background=style_bg, border=TODAY if d and d.late else ACCENT))
    if doc.missing:
        out.append(Spacer(1, 6))
        out.append(Para("<b>À compléter avant l'envoi</b> (mentions obligatoires) :", st.body))
        out += [Para(para(x), st.bullet, bulletText="•") for x in doc.missing]
    out += [
        Spacer(1, 6),
        Para("<b>Ensuite</b>", st.body),
        Para(
            f"L'employeur répond par écrit dans les {int(doc.employer_answer_days)} jours ; "
            "sans réponse, l'autorisation est réputée accordée. Il ne peut refuser que si le "
            "délai, le contenu de la demande ou la condition d'ancienneté n'est pas respecté ; "
            "il peut seulement différer le congé dans les cas prévus (article R. 6323-10-1).",
            st.bullet,
            bulletText="•",
        ),
        Para(
            "Une fois l'accord obtenu (ou réputé acquis), déposez le dossier de prise en charge "
            "auprès de Transitions Pro de votre région, avec le positionnement préalable réalisé "
            "par l'organisme de formation.",
            st.bullet,
            bulletText="•",
        ),
        Spacer(1, 6),
        Para(f"<b>{OWNERSHIP_NOTICE}</b>", st.body),
    ]
    return out


def render_scheme_document(doc: SchemeDocument, progress: ProgressCallback | None = None
                           ) -> bytes:  # fmt: skip
    """The PDF of a scheme document (deterministic bytes for the same snapshot)."""
    st = make_styles(False)
    if isinstance(doc, CepOpinionDocument):
        story = _opinion_story(doc, st)
        title, short = OPINION_TITLE, "Avis du CEP"
        subject = "Avis du CEP – démission pour reconversion professionnelle"
    elif isinstance(doc, AbsenceRequestDocument):
        story = _request_story(doc, st) + _request_memo(doc, st)
        title, short = REQUEST_TITLE, "Demande d'absence PTP"
        subject = "Demande d'absence – projet de transition professionnelle"
    else:  # pragma: no cover - a programming error
        raise TypeError(type(doc).__name__)
    return build_pdf(
        story,
        title=f"{title} – {doc.person.name}",
        author=doc.counsellor.name or doc.counsellor.organisation,
        subject=subject,
        footer_left=f"{short} · {doc.person.name} · n° {doc.document_number} v{doc.version}",
        footer_size=st.footer_size,
        progress=progress,
    )
