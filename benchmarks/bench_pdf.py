"""``pdf_plan_ms``: a full action plan rendered warm, and the same content through LibreOffice.

The plan is ``sample_plan_document(10 needs, 25 steps over 18 months, 8 financing lines)``;
``plan_1000_steps_*`` is the long plan of issue 10 (1 000 steps, each with a detail of about
1 500 characters), in normal and in large print.
Where ``soffice`` is on the PATH, an equivalent .docx (headings, paragraphs, the same tables;
written by hand with :mod:`zipfile`, no extra dependency) is converted with
``soffice --headless --convert-to pdf``, the way counsellors make such documents today, and
``pdf_in_process_vs_libreoffice`` = ``pdf_plan_ms / soffice_ms`` (goal ≤ 1/15): a warm render in
this process against a whole LibreOffice process; the honest ratio is bench_process's
``export_vs_libreoffice``.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from cep_desk.demo_plan import sample_plan_document
from cep_desk.formatting import format_date, format_date_long, format_eur
from cep_desk.plan_document import PlanDocument
from cep_desk.plan_pdf import SECTION_TITLES, render_plan

RUNS = 20
SOFFICE_RUNS = 3
LONG_PLAN_STEPS = 1000
LONG_DETAIL_CHARS = 1500
# Budgets (issue 10, item 10): a 1 000-step plan in at most 10 s and 250 MiB. The plan
# has a long detail on every step (about 1 500 characters): 2 912 pages, 97 s, 490 MB then.
LONG_PLAN_BUDGET_S = 10.0
LONG_PLAN_BUDGET_MIB = 250.0

_DETAIL_SENTENCES = (
    "Prendre rendez-vous avec l'organisme de formation pour vérifier les prérequis, les dates "
    "de session et le coût exact (devis au nom de la personne, frais annexes compris).",
    "Demander à l'employeur une attestation de présence & le calendrier des congés ; prévoir "
    "une réponse sous 15 jours, faute de quoi relancer par courriel.",
    "Réunir les pièces : pièce d'identité, CV à jour, dernier bulletin de salaire, avis "
    "d'imposition et, le cas échéant, la notification de la MDPH.",
    "Vérifier le solde du compte personnel de formation sur moncompteformation.gouv.fr et noter "
    "le reste à financer (estimé à 1\u202f250,00 € si le devis < 4\u202f000,00 €).",
    "Faire le point avec la conseillère après chaque démarche : ce qui a été obtenu, ce qui "
    "manque, qui relancer et quand.",
    "Préparer l'entretien de sélection : motivations, expérience auprès de personnes âgées, "
    "contraintes d'horaires et de garde d'enfants.",
)


def long_detail(index: int, chars: int = LONG_DETAIL_CHARS) -> str:
    """A step's detail of about ``chars`` characters, in paragraphs, different for each step."""
    parts: list[str] = []
    k = index
    while sum(len(p) + 1 for p in parts) < chars:
        sentences = [_DETAIL_SENTENCES[(k + j) % len(_DETAIL_SENTENCES)] for j in range(3)]
        parts.append(f"{len(parts) + 1}. " + " ".join(sentences))
        k += 1
    return "\n".join(parts)[:chars].rstrip()


def long_plan_document(
    steps: int = LONG_PLAN_STEPS,
    *,
    large_print: bool = False,
    detail_chars: int = LONG_DETAIL_CHARS,
) -> PlanDocument:
    """The issue's long plan: ``steps`` steps over 24 months, each with a long detail."""
    doc = sample_plan_document(
        n_needs=10, n_steps=steps, months=24, n_funding=8, today=date(2026, 3, 16),
        large_print=large_print,
    )  # fmt: skip
    long_steps = [
        dataclasses.replace(s, detail=long_detail(i, detail_chars)) for i, s in enumerate(doc.steps)
    ]
    return dataclasses.replace(doc, steps=long_steps)


# Run in a fresh interpreter: its peak RSS is the rendering's, not the benchmark's.
_LONG_PLAN_PROBE = """
import json, resource, sys, time
from benchmarks.bench_pdf import long_plan_document
from cep_desk.demo_plan import sample_plan_document
from cep_desk.plan_pdf import render_plan
n, large = int(sys.argv[1]), sys.argv[2] == "1"
doc = long_plan_document(n, large_print=large)
render_plan(sample_plan_document(n_steps=3))  # fonts and imports loaded: not timed
t0, c0 = time.perf_counter(), time.process_time()
pdf = render_plan(doc)
seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({"seconds": seconds, "cpu": cpu, "bytes": len(pdf),
                  "pages": pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages"),
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _sample() -> PlanDocument:
    return sample_plan_document(
        n_needs=10, n_steps=25, months=18, n_funding=8, today=date(2026, 3, 16)
    )


def time_render(doc: PlanDocument, runs: int = RUNS) -> float:
    """Median milliseconds of ``render_plan`` after one warm-up render."""
    render_plan(doc)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        render_plan(doc)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


# --------------------------------------------------------------------------------------------
# A minimal .docx with the same content
# --------------------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
 Target="word/document.xml"/>
</Relationships>"""
_DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
 Target="styles.xml"/>
</Relationships>"""
_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{_W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans"/>
<w:sz w:val="22"/><w:lang w:val="fr-FR"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>
<w:rPr><w:b/><w:sz w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>
<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>
<w:rPr><w:b/><w:sz w:val="30"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>
<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/>
<w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>
<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>
</w:style>
</w:styles>"""


def _p(text: str, style: str = "", bold: bool = False) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    runs = "<w:r>{}{}</w:r>"
    lines = (text or "").split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(x)}</w:t>' for x in lines)
    return f"<w:p>{ppr}{runs.format(rpr, body)}</w:p>"


def _table(header: list[str], rows: list[list[str]]) -> str:
    def row(cells: list[str], head: bool) -> str:
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if head else ""
        tcs = "".join(f"<w:tc>{_p(c, bold=head)}</w:tc>" for c in cells)
        return f"<w:tr>{trpr}{tcs}</w:tr>"

    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/>'
        "</w:tblPr>" + row(header, True) + "".join(row(r, False) for r in rows) + "</w:tbl>"
    )


def plan_docx_xml(doc: PlanDocument) -> str:
    """word/document.xml with the plan's text content (the calendar as a table of dates)."""
    c, b, r = doc.counsellor, doc.beneficiary, doc.request
    parts = [
        _p(f"{c.operator_label} – {c.organisation}"),
        _p(f"Votre conseiller : {c.name} – {c.phone} – {c.email} – {c.address}"),
        _p("Plan d'action", "Title"),
        _p(f"Document remis à {doc.beneficiary_name}", bold=True),
        _p(
            f"Le {format_date_long(doc.issued_on)} – document n° {doc.document_number}, "
            f"version {doc.version}"
        ),  # fmt: skip
        _p(SECTION_TITLES[0], "Heading1"),
        _table(
            ["Rubrique", "Valeur"],
            [
                ["Statut", b.public_label],
                ["Situation", b.situation],
                ["Emploi", b.job_title],
                ["Commune", b.town],
                ["Niveau", b.education_label],
            ],
        ),  # fmt: skip
        _p(SECTION_TITLES[1], "Heading1"),
    ]
    for text in (r.expressed_request, r.first_analysis, r.environment_info, r.possible_steps,
                 r.actors, r.clarified_request, r.info_given, r.remarks):  # fmt: skip
        parts.append(_p(text))
    parts += [
        _p(SECTION_TITLES[2], "Heading1"),
        _table(
            ["Priorité", "Thème", "Votre besoin", "Où en est-on"],
            [[str(n.rank), n.theme_label, n.description, n.status_label] for n in doc.needs],
        ),  # fmt: skip
        _p(SECTION_TITLES[3], "Heading1"),
    ]
    if doc.project:
        p = doc.project
        parts += [
            _p(f"{p.kind_label} : {p.target_job_label} – code ROME {p.rome_code}"),
            _p(f"{p.certification_label} – {p.certification_code}"),
            _p(p.description),
            _table(["Point examiné", "Appréciation", "Commentaire"],
                   [[f.aspect_label, f.status_label, f.note] for f in p.feasibility]),
        ]  # fmt: skip
    parts += [
        _p(SECTION_TITLES[4], "Heading1"),
        _table(["Compétence", "Où vous en êtes", "Comment"],
               [[s.label, s.state_label, s.means_label] for s in doc.skills]),
        _p(SECTION_TITLES[5], "Heading1"),
        _table(["N°", "Étape", "Qui", "Début", "Échéance", "Statut"],
               [[str(i), f"{s.title}\n{s.detail}".strip(), s.owner_label,
                 format_date(s.start_on), format_date(s.due_on), s.status_label]
                for i, s in enumerate(doc.steps, start=1)]),
        _p(SECTION_TITLES[6], "Heading1"),
        _table(["Étape", "Du", "Au"],
               [[s.title, format_date(s.start_on), format_date(s.due_on)] for s in doc.steps]),
        _p(SECTION_TITLES[7], "Heading1"),
        _table(["Dispositif", "Financeur", "Couvre", "Statut", "Demandé", "Accordé"],
               [[f.scheme_label, f.funder, f.cover_label, f.status.label,
                 format_eur(f.requested_cents), format_eur(f.granted_cents)]
                for f in doc.funding]),
        _table(["Total", "Montant"],
               [["Coût total", format_eur(doc.totals.cost)],
                ["Financé", format_eur(doc.totals.funded)],
                ["Reste à charge", format_eur(doc.totals.left_to_pay)]]),
    ]  # fmt: skip
    for f in doc.funding:
        for step in f.next_steps:
            parts.append(_p(f"• {f.scheme_label} : {step}"))
    parts += [
        _p(SECTION_TITLES[8], "Heading1"),
        _table(
            ["Date", "Organisme", "Personne", "Objet", "Résultat"],
            [
                [format_date(x.on), x.organisation, x.person, x.subject, x.outcome]
                for x in doc.contacts
            ],
        ),  # fmt: skip
        _p(SECTION_TITLES[9], "Heading1"),
        _p("Ce document vous appartient. Il n'est pas transmis à votre employeur.", bold=True),
        _table(["La personne", "Le conseiller"], [["\n\n\n", "\n\n\n"]]),
    ]
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}">'
        f'<w:body>{"".join(parts)}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1000" w:right="1000" w:bottom="1100" w:left="1000"/></w:sectPr>'
        "</w:body></w:document>"
    )


def write_docx(doc: PlanDocument, path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/_rels/document.xml.rels", _DOC_RELS)
        z.writestr("word/styles.xml", _STYLES)
        z.writestr("word/document.xml", plan_docx_xml(doc))
    return path


# --------------------------------------------------------------------------------------------
# LibreOffice
# --------------------------------------------------------------------------------------------


def soffice_version(exe: str) -> str:
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=120)
    return (out.stdout.strip().splitlines() or ["unknown"])[0]


def time_soffice(exe: str, docx: Path, runs: int = SOFFICE_RUNS) -> float:
    """Median milliseconds of one ``soffice --headless --convert-to pdf`` (after a warm-up),
    with a private user profile so a running LibreOffice does not interfere."""
    work = docx.parent
    profile = (work / "lo-profile").as_uri()
    cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
           "--outdir", str(work / "out"), str(docx)]  # fmt: skip
    subprocess.run(cmd, capture_output=True, check=True, timeout=300)  # warm-up (profile)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True, timeout=300)
        times.append((time.perf_counter() - t0) * 1000)
    if not (work / "out" / f"{docx.stem}.pdf").exists():
        raise RuntimeError("LibreOffice produced no PDF")
    return statistics.median(times)


def long_plan(steps: int = LONG_PLAN_STEPS) -> dict[str, Any]:
    """``plan_1000_steps_s`` (wall and CPU), pages and peak RSS of the issue's long plan, in
    normal and in large print, each measured in a fresh subprocess."""
    result: dict[str, Any] = {}
    for large in (False, True):
        out = subprocess.run(
            [sys.executable, "-c", _LONG_PLAN_PROBE, str(steps), "1" if large else "0"],
            capture_output=True,
            text=True,
            timeout=900,
            check=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        data = json.loads(out.stdout)
        key = f"plan_{steps}_steps" + ("_large_print" if large else "")
        result.update(
            {
                f"{key}_s": round(data["seconds"], 2),
                f"{key}_cpu_s": round(data["cpu"], 2),
                f"{key}_pages": data["pages"],
                f"{key}_peak_mib": round(data["peak_mib"], 1),
                f"{key}_within_budget": data["seconds"] <= LONG_PLAN_BUDGET_S
                and data["peak_mib"] <= LONG_PLAN_BUDGET_MIB,
            }
        )
    return result


def run() -> dict[str, Any]:
    doc = _sample()
    pdf_ms = time_render(doc)
    result: dict[str, Any] = {
        "pdf_plan_ms": round(pdf_ms, 1),
        "pdf_in_process_vs_libreoffice": None,
    }
    result.update(long_plan())
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe:
        with tempfile.TemporaryDirectory(prefix="cep-bench-lo-") as tmp:
            docx = write_docx(doc, Path(tmp) / "plan.docx")
            soffice_ms = time_soffice(exe, docx)
        result["libreoffice_ms"] = round(soffice_ms, 1)
        result["pdf_in_process_vs_libreoffice"] = round(pdf_ms / soffice_ms, 4)
    return result


if __name__ == "__main__":
    print(json.dumps(run()))
