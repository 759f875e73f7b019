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

from cep_desk import domain, kinds
from cep_desk.formatting import format_date, format_date_long, format_eur, full_name
from cep_desk.kinds.base import Cell
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
            return str(value)
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


def _kind_grid(
    kind: kinds.Kind,
    records: Sequence[Mapping[str, Any]],
    st: Styles,
    cells: Mapping[str, Cell] | None = None,
) -> Table:
    """A table of records of one kind, one column per field the access copy shows."""
    head = [f.shown_label for f in kind.access_fields()]
    rows = [[text for _label, text in kind.access_cells(r, cells)] for r in records]
    return _grid(head, rows, st)


def _joined(record: Mapping[str, Any], names: Sequence[str], sep: str) -> str:
    return sep.join(str(record[n]) for n in names if record.get(n))


# Cells of the access copy that are not one value shown as such.
JOURNEY_CELLS: dict[str, Cell] = {
    "level_reached": lambda j: (
        f"niveau {j['level_reached']}" if j.get("level_reached") else "aucun entretien"
    ),
}
SESSION_CELLS: dict[str, Cell] = {
    "on_working_time": lambda s: "oui" if s.get("on_working_time") else "",
}
CONTACT_CELLS: dict[str, Cell] = {
    "organisation": lambda x: _joined(x, ("organisation", "person"), " — "),
}
STEP_CELLS: dict[str, Cell] = {
    "title": lambda x: _joined(x, ("title", "detail"), " — "),
    "owner": lambda x: (
        domain.StepOwner.label_of(x.get("owner"))
        + (f" ({x['partner_name']})" if x.get("partner_name") else "")
        + (" — prestation interne" if x.get("internal_service") else "")
    ),
    "start_on": lambda x: " → ".join(
        v for v in (_date(x.get("start_on")), _date(x.get("due_on"))) if v
    ),
}
FUNDING_CELLS: dict[str, Cell] = {
    "scheme_label": lambda x: (
        str(x.get("scheme_label") or x.get("scheme_code", ""))
        + (f" ({kinds.FUNDING['covers'].display(x['covers']).lower()})" if x.get("covers") else "")
    ),
    "status": lambda x: (
        domain.FundingStatus.label_of(x.get("status"))
        + (f" (décision du {_date(x['decision_on'])})" if x.get("decision_on") else "")
    ),
}

APPOINTMENT_CELLS: dict[str, Cell] = {
    "day": lambda x: _date(x.get("day")) + (f" à {x['start']}" if x.get("start") else ""),
    "modality": lambda x: (
        domain.Modality.label_of(x.get("modality")) + (f" — {x['place']}" if x.get("place") else "")
    ),
    "status": lambda x: (
        domain.AppointmentStatus.label_of(x.get("status"))
        + (" — suivi à six mois" if x.get("is_followup") else "")
    ),
}


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
    rows = kinds.PERSON.access_cells(person)
    rows.append(("Dossier créé le", _date(person.get("created_at"))))
    _add(story, _kv(rows, st))
    for index, journey in enumerate(person.get("journeys", []), start=1):
        story += _journey(index, journey, st)
    appointments = person.get(kinds.APPOINTMENT.key, [])
    if appointments:
        story.append(Paragraph(kinds.APPOINTMENT.label, st.h1))
        story.append(_kind_grid(kinds.APPOINTMENT, appointments, st, APPOINTMENT_CELLS))
    story += _other_lists(kinds.PERSON, person, st)
    docs = person.get("documents", [])
    story.append(Paragraph("Documents remis", st.h1))
    if docs:
        story.append(_kind_grid(kinds.DOCUMENT, docs, st))
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
    table = _kv(kinds.JOURNEY.access_cells(j, JOURNEY_CELLS), st)
    _add(out, table)
    for s in j.get("sessions", []):
        title = (
            f"Entretien du {_date(s.get('held_on'))} — niveau {s.get('level')} — "
            f"{domain.Modality.label_of(s.get('modality')).lower()}"
        )
        block: list[Flowable] = [Paragraph(para(title), st.h2)]
        _add(block, _kv(kinds.SESSION.access_cells(s, SESSION_CELLS), st))
        out.append(KeepTogether(block[:2]) if len(block) >= 2 else block[0])
        out += block[2:]
    needs = j.get("needs", [])
    if needs:
        out.append(Paragraph("Besoins et priorités", st.h2))
        out.append(_kind_grid(kinds.NEED, needs, st))
    for p in j.get("projects", []):
        out += _project(p, st)
    contacts = j.get("contacts", [])
    if contacts:
        out.append(Paragraph("Mises en relation", st.h2))
        out.append(_kind_grid(kinds.CONTACT, contacts, st, CONTACT_CELLS))
    out += _other_lists(kinds.JOURNEY, j, st)
    return out


def _project(p: Mapping[str, Any], st: Styles) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("Projet", st.h2)]
    _add(out, _kv(kinds.PROJECT.access_cells(p), st))
    checks = p.get("checks", [])
    if checks:
        out.append(_kind_grid(kinds.CHECK, checks, st))
        out.append(Spacer(1, 4))
    skills = p.get("skills", [])
    if skills:
        out.append(_kind_grid(kinds.SKILL, skills, st))
        out.append(Spacer(1, 4))
    steps = p.get("steps", [])
    if steps:
        out.append(_kind_grid(kinds.STEP, steps, st, STEP_CELLS))
        out.append(Spacer(1, 4))
    funding = p.get("funding", [])
    if funding:
        out.append(_kind_grid(kinds.FUNDING, funding, st, FUNDING_CELLS))
    out += _other_lists(kinds.PROJECT, p, st)
    return out


# Kinds this module lays out by hand; the records of any other kind are listed in a table of
# their own, under their parent, from their description.
_LAID_OUT = frozenset(
    {"journey", "session", "need", "project", "contact", "check", "skill", "step", "funding"}
    | {"document", "appointment"}
)


def _other_lists(parent: kinds.Kind, record: Mapping[str, Any], st: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    for kind in kinds.children_of(parent):
        rows = record.get(kind.key) or []
        if kind.name in _LAID_OUT or not rows:
            continue
        out.append(Paragraph(para(kind.label), st.h2))
        out.append(_kind_grid(kind, rows, st))
        out.append(Spacer(1, 4))
    return out
