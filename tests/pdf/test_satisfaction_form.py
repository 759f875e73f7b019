"""The paper questionnaire read back: the questions are there, the code is there, no name."""

from __future__ import annotations

import re
import subprocess
from datetime import date

from cep_desk import domain
from cep_desk.usecases import beneficiaries, journeys, satisfaction


def test_paper_form_has_the_questions_and_no_name(ws, tmp_path):
    p = beneficiaries.create_beneficiary(ws, last_name="Quintalbert", first_name="Zélie")
    j = journeys.start_journey(ws, p.id, request_date=date(2026, 1, 5))
    reference, pdf = satisfaction.paper_form_pdf(ws, j.id, 1)
    path = tmp_path / "questionnaire.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    for q in (
        domain.QUESTION_SATISFACTION,
        domain.QUESTION_USEFULNESS,
        domain.QUESTION_RECOMMEND,
        domain.QUESTION_COMMENT,
    ):
        assert q in flat, q
    for word in (*domain.SATISFACTION_SCALE.values(), *domain.USEFULNESS_SCALE.values()):
        assert word in flat
    assert reference in flat and "niveau 1" in flat
    assert "CIBC Test" in flat  # the organisation, from the workspace
    assert "Quintalbert" not in text and "Zélie" not in text and "QUINTALBERT" not in text
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", pages, re.M), pages
    assert satisfaction.parse_paper_reference(reference) == (j.id, 1)
