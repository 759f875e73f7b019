"""The plan use case: a journey in the workspace → PlanDocument → PDF read back → traced."""

from __future__ import annotations

import hashlib
import io
from datetime import date

import pytest
from pypdf import PdfReader

from cep_desk.usecases import beneficiaries as B
from cep_desk.usecases import export
from cep_desk.usecases import journeys as J
from cep_desk.usecases import plan as P
from cep_desk.usecases import workspaces as W

# Every test here runs on SQLCipher and on PostgreSQL (tests/engines.py).
pytestmark = pytest.mark.both_engines


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


@pytest.fixture
def person_with_plan(ws):
    p = B.create_beneficiary(
        ws, last_name="Lefèvre", first_name="Aïcha", status="private_employee", rqth=True
    )
    j = J.start_journey(ws, p.id, request_date=date(2026, 9, 1), reasons=["reconversion"])
    J.add_session(ws, j.id, 1, held_on=date(2026, 9, 3), request_expressed="<b>Changer</b> & vite")
    J.update_journey(ws, j.id, level1_decision="continue")
    J.add_session(ws, j.id, 2, held_on=date(2026, 9, 20), clarified_request="Boulangère")
    for theme in ("financing", "health", "training", "childcare"):
        P.add_need(ws, j.id, theme=theme)
    pr = P.ensure_project(ws, j.id, target_job_label="Boulangère", rome_code="D1102")
    P.add_step(
        ws, pr.id, title="Demande d'absence", start_on=date(2026, 10, 1), due_on=date(2026, 10, 5)
    )
    P.add_funding(
        ws,
        pr.id,
        scheme_code="ptp",
        scheme_label="PTP",
        funder="Transitions Pro",
        amount_requested_cents=125_000,
        amount_granted_cents=125_000,
        status="granted",
    )
    P.add_funding(
        ws,
        pr.id,
        scheme_code="cpf",
        funder="CDC",
        amount_requested_cents=50_000,
        status="requested",
    )
    return p


def test_plan_of_a_journey(ws, person_with_plan):
    doc = export.build_plan_document(ws, person_with_plan.id, today=date(2026, 11, 27))
    # the health need is left out (health data), and the ranks stay 1, 2, 3
    assert [n.theme_label for n in doc.needs] == ["Financement", "Formation", "Garde d'enfants"]
    assert [n.rank for n in doc.needs] == [1, 2, 3]
    with_health = export.build_plan_document(ws, person_with_plan.id, include_health=True)
    assert [n.theme_label for n in with_health.needs][1] == "Santé, handicap"
    assert doc.totals.cost == 175_000 and doc.totals.left_to_pay == 50_000
    # the next steps are printed while the funder has not decided, never after
    ptp = next(f for f in doc.funding if f.scheme_code == "ptp")
    assert ptp.next_steps == []
    cpf = next(f for f in doc.funding if f.scheme_code == "cpf")
    assert cpf.next_steps
    out = export.issue_plan(ws, person_with_plan.id, today=date(2026, 11, 27))
    text = _text(out.pdf)
    assert "LEFÈVRE Aïcha" in text
    assert "<b>Changer</b> & vite" in text
    assert "1 250,00 €" in text and "500,00 €" in text
    assert "RQTH" not in text  # health data only when asked
    assert "Ce document vous appartient" in text
    assert out.filename == "Plan d'action - LEFÈVRE Aïcha - 2026-11-27.pdf"
    docs = B.load_file(ws, person_with_plan.id).documents
    assert docs[0].sha256 == hashlib.sha256(out.pdf).hexdigest() and docs[0].version == 1
    again = export.issue_plan(ws, person_with_plan.id, channel="print", include_health=True)
    assert again.document.version == 2
    assert "RQTH" in _text(again.pdf) or "travailleur handicapé" in _text(again.pdf).lower()
    actions = [e.action for e in W.audit_trail(ws, person_with_plan.id)]
    assert actions[0] == "print" and "export" in actions


def test_no_journey_is_refused(ws):
    p = B.create_beneficiary(ws, last_name="Sans", first_name="Parcours")
    with pytest.raises(export.NoJourney, match="pas encore de parcours"):
        export.issue_plan(ws, p.id)


def test_plan_never_prints_the_sample_referential(ws):
    """A code picked from the sample before it was taken out (or typed by hand from it)."""
    p = B.create_beneficiary(ws, last_name="Durand", first_name="Léa", status="job_seeker")
    j = J.start_journey(ws, p.id, request_date=date(2026, 9, 1))
    P.ensure_project(
        ws,
        j.id,
        target_job_label="Aide-soignante",
        rome_code="J1501",
        rome_version="Extrait d'exemple CE",
        certification_label="Diplôme d'État d'aide-soignant",
        certification_code="RNCP90026",
    )
    doc = export.build_plan_document(ws, p.id)
    assert doc.project.certification_code == "" and doc.project.rome_version == ""
    text = _text(export.issue_plan(ws, p.id).pdf)
    assert "Diplôme d'État d'aide-soignant" in text and "J1501" in text
    assert "RNCP90026" not in text and "Extrait" not in text
