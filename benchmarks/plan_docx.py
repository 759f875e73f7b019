"""A .docx of a ``PlanDocument`` written with python-docx (the ``bench`` extra): the document
LibreOffice converts for the floor of ``export_vs_libreoffice``. The same content as the PDF:
the header, every section title, the texts and every table (the calendar as a table of
dates), in DejaVu Sans 11 pt on A4. Benchmark only: the application never imports it.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

from cep_desk.formatting import format_date, format_date_long, format_eur
from cep_desk.plan_document import PlanDocument
from cep_desk.plan_pdf import SECTION_TITLES


def _table(document, header: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text or ""


def write_plan_docx(doc: PlanDocument, path: Path) -> Path:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    normal = document.styles["Normal"]
    normal.font.name = "DejaVu Sans"
    normal.font.size = Pt(11)

    c, b, r = doc.counsellor, doc.beneficiary, doc.request
    document.add_paragraph(f"{c.operator_label} – {c.organisation}")
    document.add_paragraph(f"Votre conseiller : {c.name} – {c.phone} – {c.email} – {c.address}")
    document.add_heading("Plan d'action", level=0)
    document.add_paragraph().add_run(f"Document remis à {doc.beneficiary_name}").bold = True
    document.add_paragraph(
        f"Le {format_date_long(doc.issued_on)} – document n° {doc.document_number}, "
        f"version {doc.version}"
    )
    document.add_heading(SECTION_TITLES[0], level=1)
    _table(document, ["Rubrique", "Valeur"], [
        ["Statut", b.public_label], ["Situation", b.situation], ["Emploi", b.job_title],
        ["Commune", b.town], ["Niveau", b.education_label],
    ])  # fmt: skip
    document.add_heading(SECTION_TITLES[1], level=1)
    for text in (r.expressed_request, r.first_analysis, r.environment_info, r.possible_steps,
                 r.actors, r.clarified_request, r.info_given, r.remarks):  # fmt: skip
        if text:
            document.add_paragraph(text)
    document.add_heading(SECTION_TITLES[2], level=1)
    _table(document, ["Priorité", "Thème", "Votre besoin", "Où en est-on"],
           [[str(n.rank), n.theme_label, n.description, n.status_label] for n in doc.needs])  # fmt: skip
    document.add_heading(SECTION_TITLES[3], level=1)
    if doc.project:
        p = doc.project
        document.add_paragraph(f"{p.kind_label} : {p.target_job_label} – code ROME {p.rome_code}")
        document.add_paragraph(f"{p.certification_label} – {p.certification_code}")
        document.add_paragraph(p.description)
        _table(document, ["Point examiné", "Appréciation", "Commentaire"],
               [[f.aspect_label, f.status_label, f.note] for f in p.feasibility])  # fmt: skip
    document.add_heading(SECTION_TITLES[4], level=1)
    _table(document, ["Compétence", "Où vous en êtes", "Comment"],
           [[s.label, s.state_label, s.means_label] for s in doc.skills])  # fmt: skip
    document.add_heading(SECTION_TITLES[5], level=1)
    _table(document, ["N°", "Étape", "Qui", "Début", "Échéance", "Statut"],
           [[str(i), f"{s.title}\n{s.detail}".strip(), s.owner_label, format_date(s.start_on),
             format_date(s.due_on), s.status_label] for i, s in enumerate(doc.steps, start=1)])  # fmt: skip
    document.add_heading(SECTION_TITLES[6], level=1)
    _table(document, ["Étape", "Du", "Au"],
           [[s.title, format_date(s.start_on), format_date(s.due_on)] for s in doc.steps])  # fmt: skip
    document.add_heading(SECTION_TITLES[7], level=1)
    _table(document, ["Dispositif", "Financeur", "Couvre", "Statut", "Demandé", "Accordé"],
           [[f.scheme_label, f.funder, f.cover_label, f.status.label,
             format_eur(f.requested_cents), format_eur(f.granted_cents)] for f in doc.funding])  # fmt: skip
    _table(document, ["Total", "Montant"], [
        ["Coût total", format_eur(doc.totals.cost)], ["Financé", format_eur(doc.totals.funded)],
        ["Reste à charge", format_eur(doc.totals.left_to_pay)],
    ])  # fmt: skip
    for f in doc.funding:
        for step in f.next_steps:
            document.add_paragraph(f"• {f.scheme_label} : {step}")
    document.add_heading(SECTION_TITLES[8], level=1)
    _table(document, ["Date", "Organisme", "Personne", "Objet", "Résultat"],
           [[format_date(x.on), x.organisation, x.person, x.subject, x.outcome]
            for x in doc.contacts])  # fmt: skip
    document.add_heading(SECTION_TITLES[9], level=1)
    document.add_paragraph().add_run(
        "Ce document vous appartient. Il n'est pas transmis à votre employeur."
    ).bold = True
    _table(document, ["La personne", "Le conseiller"], [["\n\n\n", "\n\n\n"]])
    document.save(str(path))
    return path
