"""The person's whole file as a readable PDF (right of access, RGPD art. 15).

Built from the exchange document of one person (the same data as the JSON handed over with it),
with the plan PDF's fonts, styles, page template and single escape helper: every user text goes
through :func:`cep_desk.plan_pdf.text.para` before it reaches a ``Paragraph``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from cep_desk import domain
from cep_desk.formatting import format_date, format_date_long, format_eur, full_name
from cep_desk.plan_pdf.canvas import build_pdf
from cep_desk.plan_pdf.styles import (
    ACCENT,
    FRAME_WIDTH,
    HEADER_BG,
    RULE,
    Styles,
    cell_font,
    make_styles,
)
from cep_desk.plan_pdf.text import para

TITLE = "Copie de votre dossier"


def _date(value: Any) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, datetime):
        value = value.date()
    return format_date(value)


def _yes_no(value: Any) -> str:
    return "" if value is None else ("oui" if value else "non")


def _amount(value: Any) -> str:
    return format_eur(value) if isinstance(value, int) else ""


def _kv(pairs: Sequence[tuple[str, Any]], st: Styles) -> Table | None:
    rows = [
        [Paragraph(para(label), st.cell_bold), Paragraph(para(value), st.cell)]
        for label, value in pairs
        if value not in (None, "")
    ]
    if not rows:
        return None
    w = FRAME_WIDTH * 0.34
    t = Table(rows, colWidths=[w, FRAME_WIDTH - w], splitByRow=1, splitInRow=1, hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                *cell_font(st),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ]
        )
    )
    return t


def _grid(head: Sequence[str], rows: Sequence[Sequence[Any]], st: Styles) -> Table:
    data = [[Paragraph(para(h), st.cell_head) for h in head]]
    data += [[Paragraph(para(v), st.cell) for v in row] for row in rows]
    width = FRAME_WIDTH / len(head)
    t = Table(
        data,
        colWidths=[width] * len(head),
        repeatRows=1,
        splitByRow=1,
        splitInRow=1,
        hAlign="LEFT",
    )
    t.setStyle(
        TableStyle(
            [
                *cell_font(st),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            ]
        )
    )
    return t


def _add(story: list[Flowable], item: Flowable | None) -> None:
    if item is not None:
        story.append(item)
        story.append(Spacer(1, 4))


def render_access_summary(
    person: Mapping[str, Any],
    *,
    organisation: str = "",
    counsellor: str = "",
    issued_on: date | None = None,
) -> bytes:
    """The PDF of one person of an exchange document (``export_json(...)["people"][0]``)."""
    st = make_styles(False)
    issued_on = issued_on or date.today()
    name = full_name(str(person.get("last_name", "")), str(person.get("first_name", "")))
    story: list[Flowable] = [
        Paragraph(TITLE, st.title),
        Paragraph(para(f"{name} — conseil en évolution professionnelle"), st.subtitle),
        Paragraph(
            para(
                f"Document remis le {format_date_long(issued_on)}"
                + (f" par {organisation}" if organisation else "")
                + (f" ({counsellor})" if counsellor else "")
                + ", à votre demande, au titre de votre droit d'accès (article 15 du RGPD). "
                "Il contient toutes les informations enregistrées sur vous. Le même contenu vous "
                "est remis dans un fichier JSON, lisible par une machine."
            ),
            st.body,
        ),
        Paragraph("Identité et situation", st.h1),
    ]
    rqth = person.get("rqth")
    _add(
        story,
        _kv(
            [
                ("Nom", person.get("last_name")),
                ("Prénom", person.get("first_name")),
                ("Date de naissance", _date(person.get("birth_date"))),
                ("Sexe", domain.Sex.label_of(person.get("sex"))),
                ("Téléphone", person.get("phone")),
                ("Courriel", person.get("email")),
                ("Code postal", person.get("postcode")),
                ("Commune", person.get("town")),
                ("Département", person.get("department")),
                ("Région", person.get("region")),
                ("Situation", domain.Public.label_of(person.get("status"))),
                ("Précision", person.get("status_detail")),
                ("Secteur", person.get("sector")),
                ("Emploi occupé", person.get("job_title")),
                (
                    "Niveau de formation",
                    domain.EducationLevel.label_of(person.get("education_level")),
                ),
                ("RQTH (donnée de santé)", _yes_no(rqth)),
                ("Base de la donnée RQTH", person.get("rqth_basis")),
                ("Notice d'information remise le", _date(person.get("notice_given_on"))),
                ("Dernier contact", _date(person.get("last_contact_on"))),
                ("Notes", person.get("notes")),
                ("Dossier créé le", _date(person.get("created_at"))),
            ],
            st,
        ),
    )
    for index, journey in enumerate(person.get("journeys", []), start=1):
        story += _journey(index, journey, st)
    docs = person.get("documents", [])
    story.append(Paragraph("Documents remis", st.h1))
    if docs:
        story.append(
            _grid(
                ["Document", "Date", "Version", "Remise"],
                [
                    [
                        domain.DocumentKind.label_of(d.get("kind")),
                        _date(d.get("issued_at")),
                        str(d.get("version", "")),
                        "impression" if d.get("channel") == "print" else "fichier",
                    ]
                    for d in docs
                ],
                st,
            )
        )
    else:
        story.append(Paragraph("Aucun document remis.", st.muted))
    story += [
        Spacer(1, 10),
        Paragraph("Vos droits", st.h2),
        Paragraph(
            "Vous pouvez demander la rectification d'une information inexacte, l'effacement de "
            "votre dossier ou la limitation de son usage, auprès de votre conseiller ou "
            "conseillère. Vous pouvez aussi adresser une réclamation à la CNIL (www.cnil.fr).",
            st.body,
        ),
    ]
    return build_pdf(
        story,
        title=f"{TITLE} — {name}",
        author=organisation or "CEP Desk",
        subject="Droit d'accès (RGPD)",
        footer_left=f"{TITLE} — {name} — confidentiel",
        footer_size=st.footer_size,
    )


def _journey(index: int, j: Mapping[str, Any], st: Styles) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(f"Parcours n° {index}", st.h1)]
    reasons = ", ".join(domain.RequestReason.label_of(r) for r in j.get("reasons", []))
    level = j.get("level_reached") or 0
    table = _kv(
        [
            ("Date de la demande", _date(j.get("request_date"))),
            ("Premier rendez-vous", _date(j.get("first_appointment_on"))),
            ("Motif(s) de la demande", reasons),
            ("Niveau atteint", f"niveau {level}" if level else "aucun entretien"),
            ("Décision de niveau 1", domain.Level1Decision.label_of(j.get("level1_decision"))),
            ("Réorientation vers", j.get("redirect_to")),
            ("Objectifs et modalités du CEP présentés le", _date(j.get("cep_presented_on"))),
            ("Clôture", _date(j.get("closed_on"))),
            ("Résultat", domain.Outcome.label_of(j.get("outcome"))),
            ("Commentaire", j.get("outcome_note")),
        ],
        st,
    )
    _add(out, table)
    for s in j.get("sessions", []):
        title = (
            f"Entretien du {_date(s.get('held_on'))} — niveau {s.get('level')} — "
            f"{domain.Modality.label_of(s.get('modality')).lower()}"
        )
        block: list[Flowable] = [Paragraph(para(title), st.h2)]
        _add(
            block,
            _kv(
                [
                    ("Heure", s.get("start_time")),
                    ("Durée (minutes)", s.get("duration_min")),
                    ("Sur le temps de travail", "oui" if s.get("on_working_time") else ""),
                    ("Accord", s.get("agreement")),
                    ("Demande exprimée", s.get("request_expressed")),
                    ("Première analyse", s.get("first_analysis")),
                    ("Informations sur l'environnement", s.get("environment_info")),
                    ("Démarches possibles", s.get("possible_steps")),
                    ("Acteurs identifiés", s.get("actors")),
                    ("Demande clarifiée", s.get("clarified_request")),
                    ("Informations données", s.get("info_given")),
                    ("Remarques", s.get("remarks")),
                    ("Prochain rendez-vous", _date(s.get("next_appointment_on"))),
                ],
                st,
            ),
        )
        out.append(KeepTogether(block[:2]) if len(block) >= 2 else block[0])
        out += block[2:]
    needs = j.get("needs", [])
    if needs:
        out.append(Paragraph("Besoins et priorités", st.h2))
        out.append(
            _grid(
                ["Rang", "Thème", "Description", "État"],
                [
                    [
                        str(n.get("rank", "")),
                        domain.NeedTheme.label_of(n.get("theme")),
                        n.get("description", ""),
                        domain.NeedStatus.label_of(n.get("status")),
                    ]
                    for n in needs
                ],
                st,
            )
        )
    for p in j.get("projects", []):
        out += _project(p, st)
    contacts = j.get("contacts", [])
    if contacts:
        out.append(Paragraph("Mises en relation", st.h2))
        out.append(
            _grid(
                ["Date", "Organisme", "Objet", "Suite", "Partage accepté"],
                [
                    [
                        _date(x.get("contact_on")),
                        " — ".join(v for v in (x.get("organisation"), x.get("person")) if v),
                        x.get("subject", ""),
                        x.get("outcome", ""),
                        _yes_no(x.get("consent_to_share")),
                    ]
                    for x in contacts
                ],
                st,
            )
        )
    return out


def _project(p: Mapping[str, Any], st: Styles) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("Projet", st.h2)]
    _add(
        out,
        _kv(
            [
                ("Type de projet", domain.ProjectKind.label_of(p.get("kind"))),
                ("Métier visé", p.get("target_job_label")),
                ("Code ROME", p.get("rome_code")),
                ("Certification visée", p.get("certification_label")),
                ("Code RNCP/RS", p.get("certification_code")),
                ("Description", p.get("description")),
                ("Coût déclaré", _amount(p.get("declared_cost_cents"))),
                ("Début de formation", _date(p.get("training_start_on"))),
                ("Fin de formation", _date(p.get("training_end_on"))),
                ("Durée (heures)", str(p.get("training_hours") or "")),
                ("Organisme de formation", p.get("training_provider")),
                ("Formation à temps partiel", "oui" if p.get("training_part_time") else ""),
                ("Examen", p.get("exam_title")),
                ("Date de l'examen", _date(p.get("exam_on"))),
                ("Avis du CEP", p.get("cep_opinion")),
                ("Conclusion de l'avis du CEP", p.get("cep_conclusion")),
            ],
            st,
        ),
    )
    checks = p.get("checks", [])
    if checks:
        out.append(
            _grid(
                ["Faisabilité", "Avis", "Note"],
                [
                    [
                        domain.FeasibilityAspect.label_of(x.get("aspect")),
                        domain.FeasibilityStatus.label_of(x.get("status")),
                        x.get("note", ""),
                    ]
                    for x in checks
                ],
                st,
            )
        )
        out.append(Spacer(1, 4))
    skills = p.get("skills", [])
    if skills:
        out.append(
            _grid(
                ["Compétence", "État", "Moyen"],
                [
                    [
                        x.get("label", ""),
                        domain.SkillState.label_of(x.get("state")),
                        domain.SkillMeans.label_of(x.get("means")),
                    ]
                    for x in skills
                ],
                st,
            )
        )
        out.append(Spacer(1, 4))
    steps = p.get("steps", [])
    if steps:
        out.append(
            _grid(
                ["Étape", "Qui", "Dates", "État"],
                [
                    [
                        " — ".join(v for v in (x.get("title"), x.get("detail")) if v),
                        domain.StepOwner.label_of(x.get("owner"))
                        + (f" ({x['partner_name']})" if x.get("partner_name") else "")
                        + (" — prestation interne" if x.get("internal_service") else ""),
                        " → ".join(
                            v for v in (_date(x.get("start_on")), _date(x.get("due_on"))) if v
                        ),
                        domain.StepStatus.label_of(x.get("status")),
                    ]
                    for x in steps
                ],
                st,
            )
        )
        out.append(Spacer(1, 4))
    funding = p.get("funding", [])
    if funding:
        out.append(
            _grid(
                ["Financement", "Financeur", "Demandé", "Accordé", "État"],
                [
                    [
                        x.get("scheme_label") or x.get("scheme_code", ""),
                        x.get("funder", ""),
                        _amount(x.get("amount_requested_cents")),
                        _amount(x.get("amount_granted_cents")),
                        domain.FundingStatus.label_of(x.get("status")),
                    ]
                    for x in funding
                ],
                st,
            )
        )
    return out
