"""The plan and the catalogue's dates: a line on an ended scheme says so; figures as of the
plan's date (a plan of 2025 prints 2025's CPF participation)."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from cep_desk.usecases import beneficiaries as B
from cep_desk.usecases import export
from cep_desk.usecases import journeys as J
from cep_desk.usecases import plan as P


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


def _person(ws):
    p = B.create_beneficiary(ws, last_name="Martin", first_name="Léa", status="private_employee")
    j = J.start_journey(ws, p.id, request_date=date(2025, 3, 1))
    J.add_session(ws, j.id, 1, held_on=date(2025, 3, 3))
    pr = P.ensure_project(ws, j.id, target_job_label="Cuisinière")
    P.add_funding(ws, pr.id, scheme_code="pro_a", funder="OPCO", status="considered")
    P.add_funding(ws, pr.id, scheme_code="cpf", funder="CDC", status="requested")
    return p


def test_ended_scheme_and_dated_figures_on_the_plan(ws) -> None:
    person = _person(ws)
    doc = export.build_plan_document(ws, person.id, today=date(2026, 12, 2))
    pro_a = next(f for f in doc.funding if f.scheme_code == "pro_a")
    cpf = next(f for f in doc.funding if f.scheme_code == "cpf")
    assert pro_a.ended_notice == (
        "Dispositif remplacé par « Période de reconversion » depuis le 01/01/2026."
    )
    assert not cpf.ended_notice
    assert any("103,20" in line for line in cpf.figures)
    text = _text(export.render_plan_pdf(doc))
    assert "Dispositif remplacé par « Période de reconversion » depuis le 01/01/2026." in text
    assert "103,20 €" in text

    old = export.build_plan_document(ws, person.id, today=date(2025, 6, 15))
    pro_a = next(f for f in old.funding if f.scheme_code == "pro_a")
    cpf = next(f for f in old.funding if f.scheme_code == "cpf")
    assert pro_a.ended_notice == ""
    assert any("102,23" in line for line in cpf.figures)
    assert not any("103,20" in line for line in cpf.figures)
    text = _text(export.render_plan_pdf(old))
    assert "102,23 €" in text and "remplacé" not in text
    # the snapshot's JSON carries both
    data = doc.to_json_dict()
    assert any(f["ended_notice"] for f in data["funding"])
