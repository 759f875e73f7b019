"""The documents schemes require (#17.5): the avis du CEP and the PTP absence request, drafted
from the file, read back from the PDF, and traced like the plan (version, SHA-256, audit)."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from cep_desk import domain
from cep_desk.scheme_documents import AbsenceRequestDocument
from cep_desk.usecases import beneficiaries, journeys, plan, workspaces
from cep_desk.usecases import scheme_documents as sd

from .pdfcheck import all_text, norm, page_texts, reader, squash

TODAY = date(2026, 12, 2)
HOSTILE = "<b>SARL</b> & <img src='/etc/hostname'/> </para> 0.1 <A <0.9"


def _file(ws, *, start=date(2027, 9, 1), end=date(2028, 6, 30), part_time=False, **project):
    p = beneficiaries.create_beneficiary(
        ws, last_name="Durand", first_name="Élodie", town="Rennes", postcode="35000",
        job_title="Comptable", status="private_employee",
    )  # fmt: skip
    j = journeys.start_journey(
        ws, p.id, request_date=date(2026, 9, 14), first_appointment_on=date(2026, 9, 20)
    )
    journeys.add_session(ws, j.id, 1, held_on=date(2026, 9, 20))
    journeys.add_session(ws, j.id, 2, held_on=date(2026, 10, 5))
    values = {
        "kind": "reconversion",
        "target_job_label": "Infirmière",
        "rome_code": "J1506",
        "certification_label": "Diplôme d'État d'infirmier",
        "certification_code": "RNCP8940",
        "description": "Reconversion vers le soin après une immersion.",
        "declared_cost_cents": 2_450_000,
        "training_start_on": start,
        "training_end_on": end,
        "training_hours": 1400,
        "training_provider": "IFSI de Rennes",
        "training_part_time": part_time,
        "exam_title": "Diplôme d'État d'infirmier – épreuves finales",
        "exam_on": date(2028, 6, 20),
    }
    values.update(project)
    proj = plan.ensure_project(ws, j.id, **values)
    plan.add_step(ws, proj.id, title="Immersion en service de soins", partner_name="CHU Rennes",
                  status="done")  # fmt: skip
    plan.add_funding(ws, proj.id, scheme_code="ptp", scheme_label="PTP")
    return p.id


def test_ptp_request_states_the_legal_content_and_its_deadline(ws):
    pid = _file(ws)
    doc = sd.build_document(ws, pid, domain.DocumentKind.PTP_ABSENCE_REQUEST, today=TODAY)
    assert isinstance(doc, AbsenceRequestDocument)
    # absence of 10 months (6 months or more): 120 days before the start
    assert doc.deadline.lead_days == 120 and doc.deadline.due_on == date(2027, 5, 4)
    assert not doc.deadline.late and doc.missing == []
    issued = sd.issue_document(ws, pid, domain.DocumentKind.PTP_ABSENCE_REQUEST, today=TODAY)
    pages = page_texts(issued.pdf)
    letter, memo = norm(pages[0]), norm(" ".join(pages[1:]))
    for expected in (
        "Demande d'autorisation d'absence",
        "R. 6323-10",
        "1er septembre 2027",  # start
        "30 juin 2028",  # end
        "Diplôme d'État d'infirmier",
        "1400 heures",
        "IFSI de Rennes",
        "RNCP8940",
        "épreuves finales",
        "20 juin 2028",  # exam
        "30 jours",
        "DURAND Élodie",
    ):
        assert squash(expected) in squash(letter), expected
    assert squash("au plus tard le 4 mai 2027") in squash(memo)
    assert "120 jours" in memo and "Délai dépassé" not in memo
    # traced like the plan
    assert issued.document.version == 1
    assert issued.document.sha256 == hashlib.sha256(issued.pdf).hexdigest()
    assert issued.document.kind == "ptp_absence_request"
    assert issued.filename == "Demande d'absence PTP - DURAND Élodie - 2026-12-02.pdf"
    docs = beneficiaries.load_file(ws, pid, audit=False).documents
    assert [(d.kind, d.version) for d in docs] == [("ptp_absence_request", 1)]
    trail = workspaces.audit_trail(ws, pid)
    assert any(e.entity == "document" and e.detail == "ptp_absence_request" for e in trail)
    again = sd.issue_document(ws, pid, domain.DocumentKind.PTP_ABSENCE_REQUEST, today=TODAY)
    assert again.document.version == 2


@pytest.mark.parametrize(
    ("start", "end", "part_time", "lead"),
    [
        (date(2027, 3, 1), date(2027, 5, 31), False, 60),  # under 6 months
        (date(2027, 3, 1), date(2028, 2, 28), True, 60),  # part time, whatever its length
        (date(2027, 3, 1), date(2027, 12, 31), False, 120),
    ],
)
def test_ptp_deadline_follows_the_60_and_120_day_rule(ws, start, end, part_time, lead):
    pid = _file(ws, start=start, end=end, part_time=part_time)
    doc = sd.build_document(ws, pid, domain.DocumentKind.PTP_ABSENCE_REQUEST, today=TODAY)
    assert doc.deadline.lead_days == lead
    assert (start - doc.deadline.due_on).days == lead
    text = norm(all_text(sd.render_document_pdf(doc)))
    assert f"{lead} jours avant le début" in text


def test_ptp_deadline_passed_is_warned_in_the_pdf_and_to_the_caller(ws):
    pid = _file(ws, start=date(2027, 2, 1), end=date(2027, 12, 15))  # due 4 Oct 2026
    issued = sd.issue_document(ws, pid, domain.DocumentKind.PTP_ABSENCE_REQUEST, today=TODAY)
    assert issued.warning.startswith("Délai dépassé")
    assert "4 octobre 2026" not in issued.warning  # short date in the message
    assert "04/10/2026" in issued.warning
    memo = norm(" ".join(page_texts(issued.pdf)[1:]))
    assert "Délai dépassé" in memo


def test_ptp_missing_legal_items_are_blanks_not_inventions(ws):
    pid = _file(ws, training_provider="", exam_on=None, training_hours=None, training_end_on=None)
    doc = sd.build_document(ws, pid, domain.DocumentKind.PTP_ABSENCE_REQUEST, today=TODAY)
    assert "Organisme responsable de la formation" in doc.missing
    assert "Date de l'examen" in doc.missing and "Durée de la formation" in doc.missing
    text = norm(all_text(sd.render_document_pdf(doc)))
    assert "À compléter avant l'envoi" in text and "……" in text
    # unknown duration: the longest lead time applies
    assert doc.deadline.lead_days == 120


def test_cep_opinion_carries_the_file_and_the_counsellor_text(ws):
    pid = _file(ws)
    sd.save_document_fields(
        ws, pid, cep_opinion="Projet mûri, immersion concluante.\nMétier en tension.",
        cep_conclusion="Avis favorable.",
    )  # fmt: skip
    issued = sd.issue_document(ws, pid, domain.DocumentKind.CEP_OPINION, today=TODAY)
    text = norm(all_text(issued.pdf))
    for expected in (
        "Avis du conseil en évolution professionnelle",
        "Transitions Pro",
        "Claire Martin",  # the counsellor
        "CIBC Test",
        "14 septembre 2026",  # the CEP was asked for (saisine) on the request date
        "DURAND Élodie",
        "Infirmière",
        "J1506",
        "Immersion en service de soins",  # démarches engagées
        "IFSI de Rennes",
        "Marché du travail",  # feasibility: job prospects
        "Projet mûri, immersion concluante.",
        "Métier en tension.",
        "Avis favorable.",
        "ne vaut pas attestation",
    ):
        assert squash(expected) in squash(text), expected
    assert issued.document.kind == "cep_opinion" and issued.document.version == 1
    assert issued.filename.startswith("Avis du CEP - DURAND Élodie")
    meta = reader(issued.pdf).metadata
    assert meta.title.startswith("Avis du conseil en évolution professionnelle")


def test_hostile_text_is_printed_as_text(ws):
    pid = _file(ws, training_provider=HOSTILE, exam_title=HOSTILE, description=HOSTILE)
    sd.save_document_fields(ws, pid, cep_opinion=HOSTILE, cep_conclusion=HOSTILE)
    for kind in (domain.DocumentKind.CEP_OPINION, domain.DocumentKind.PTP_ABSENCE_REQUEST):
        pdf = sd.render_document_pdf(sd.build_document(ws, pid, kind, today=TODAY))
        assert squash("<b>SARL</b>") in squash(all_text(pdf))
        assert squash("0.1 <A <0.9") in squash(all_text(pdf))


def test_no_journey_and_unknown_kind_say_it_in_french(ws):
    p = beneficiaries.create_beneficiary(ws, last_name="Seul", first_name="Jean")
    with pytest.raises(domain.ValidationError, match="pas encore de parcours"):
        sd.build_document(ws, p.id, domain.DocumentKind.CEP_OPINION)
    with pytest.raises(domain.ValidationError, match="Document inconnu"):
        sd.kind_of("lettre")
    assert sd.document_for_scheme("ptp") is domain.DocumentKind.PTP_ABSENCE_REQUEST
    assert sd.document_for_scheme("demission_reconversion") is domain.DocumentKind.CEP_OPINION
    assert sd.document_for_scheme("cpf") is None
