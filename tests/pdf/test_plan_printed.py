"""The printed plan is readable: calendar labels, bar widths, funder column, counsellor's title,
dated next steps."""

from __future__ import annotations

import dataclasses
import io
from datetime import date, timedelta

import pypdf
from reportlab.graphics.shapes import Rect, String
from reportlab.platypus import Paragraph, Table

from cep_desk.demo_plan import sample_plan_document
from cep_desk.plan_document import CounsellorInfo, StepItem
from cep_desk.plan_pdf import builder, gantt, render_plan
from cep_desk.plan_pdf.styles import FRAME_WIDTH, make_styles
from cep_desk.usecases import beneficiaries as B
from cep_desk.usecases import export
from cep_desk.usecases import journeys as J
from cep_desk.usecases import plan as P
from cep_desk.usecases import workspaces as W


def _text(pdf: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(p.extract_text() for p in pages).replace("\u202f", " ").split())


def _strings(drawing) -> list[String]:
    return [x for x in drawing.contents if isinstance(x, String)]


def test_calendar_of_two_years_has_month_labels_bars_and_body_size():
    today = date(2026, 3, 16)
    steps = [
        StepItem("Début", start_on=date(2026, 1, 5), due_on=date(2026, 2, 1)),
        StepItem("Deux semaines", start_on=date(2026, 6, 1), due_on=date(2026, 6, 14)),
        StepItem("Un jour", start_on=date(2027, 3, 2), due_on=date(2027, 3, 2) + timedelta(0)),
        StepItem("Fin", start_on=date(2027, 10, 1), due_on=date(2027, 12, 20)),
    ]
    (drawing,) = gantt.timeline_drawings(steps, today, FRAME_WIDTH, font_size=11)
    texts = [s.text for s in _strings(drawing)]
    initials = [t for t in texts if len(t) == 1 and t.isalpha()]
    assert len(initials) == 24, texts  # one per month, January 2026 to December 2027
    assert not any(t.startswith("T") and t[1:].isdigit() for t in texts)  # no quarters
    assert {s.fontSize for s in _strings(drawing)} == {11}
    bars = [r for r in drawing.contents if isinstance(r, Rect) and r.height < 11 and r.width < 300]
    assert bars and min(r.width for r in bars) >= gantt.MIN_BAR_PT
    # beyond 24 months, quarters
    long = [*steps, StepItem("Après", start_on=date(2028, 9, 1), due_on=date(2028, 9, 30))]
    (drawing,) = gantt.timeline_drawings(long, today, FRAME_WIDTH, font_size=11)
    assert any(s.text == "T3" for s in _strings(drawing))


def test_funder_names_wrap_on_two_lines_at_most():
    doc = sample_plan_document(today=date(2026, 3, 16))
    st = make_styles(False)
    (table,) = [f for f in builder._funding(doc, st) if isinstance(f, Table)][:1]
    width = table._colWidths[1] - 2 * builder._PAD
    for line in doc.funding:
        para = Paragraph(line.funder, st.cell)
        para.wrap(width, 1000)
        assert len(para.blPara.lines) <= 2, (line.funder, width)


def test_the_plan_names_the_counsellor_as_they_are():
    base = sample_plan_document(today=date(2026, 3, 16), n_steps=3)
    for gender, words in (("f", "Votre conseillère :"), ("m", "Votre conseiller :"),
                          ("", "Votre conseiller·ère :")):  # fmt: skip
        counsellor = dataclasses.replace(base.counsellor, gender=gender)
        text = _text(render_plan(dataclasses.replace(base, counsellor=counsellor)))
        assert words in text
        if gender == "f":
            assert "Votre conseillère est tenue" in text and "La conseillère" in text
            assert "Votre conseiller " not in text
    assert CounsellorInfo("X").title == "conseiller·ère"


def test_gender_setting_and_dated_next_steps_from_the_training_start(ws):
    from cep_desk.catalogue import load_catalogue, plan_steps
    from cep_desk.formatting import format_date
    from cep_desk.plan_document import COUNSELLOR_GENDER_SETTING

    W.set_setting(ws, COUNSELLOR_GENDER_SETTING, "f")
    p = B.create_beneficiary(ws, last_name="Roux", first_name="Inès", status="private_employee")
    j = J.start_journey(ws, p.id, request_date=date(2026, 9, 1))
    start = date(2027, 9, 6)
    pr = P.ensure_project(ws, j.id, target_job_label="Aide-soignante", training_start_on=start)
    P.add_funding(ws, pr.id, scheme_code="ptp", funder="Transitions Pro", status="considered")
    P.add_step(ws, pr.id, title="Point d'étape", owner="counsellor", start_on=date(2026, 11, 2))
    doc = export.build_plan_document(ws, p.id, today=date(2026, 10, 1))
    assert doc.counsellor.gender == "f" and doc.steps[0].owner_label == "La conseillère"
    scheme = load_catalogue().scheme("ptp")
    dues = [
        format_date(s.due_on)
        for s in plan_steps(scheme, start, today=date(2026, 10, 1))
        if not s.is_milestone and not s.indicative
    ]
    lines = doc.funding[0].next_steps
    assert dues and all(any(f"au plus tard le {d}" in line for line in lines) for d in dues)
    text = _text(export.render_plan_pdf(doc))
    assert "Votre conseillère" in text and f"au plus tard le {dues[0]}" in text
    # no start date: the lead times only, no date
    P.update_project(ws, pr.id, training_start_on=None)
    undated = export.build_plan_document(ws, p.id).funding[0].next_steps
    assert undated and not any("au plus tard le" in line for line in undated)
