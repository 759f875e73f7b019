"""The plain snapshot: JSON-ready, frozen, no Qt."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from datetime import date

import pytest

from cep_desk.demo_plan import sample_plan_document
from cep_desk.plan_document import PlanDocument


def test_json_dict_is_plain_json():
    doc = sample_plan_document(today=date(2026, 3, 16))
    data = doc.to_json_dict()
    again = json.loads(json.dumps(data, ensure_ascii=False))
    assert again == data
    assert data["issued_on"] == "2026-03-16"
    assert data["funding"][0]["status"] == "requested"
    assert data["totals"] == dataclasses.asdict(doc.totals)
    assert data["steps"][1]["start_on"] is None
    assert set(data) == {f.name for f in dataclasses.fields(PlanDocument)}


def test_sample_sizes_and_totals():
    doc = sample_plan_document(n_needs=10, n_steps=25, months=18, n_funding=8,
                               today=date(2026, 3, 16))  # fmt: skip
    assert (len(doc.needs), len(doc.steps), len(doc.funding)) == (10, 25, 8)
    assert [n.rank for n in doc.needs] == list(range(1, 11))
    dated = [d for s in doc.steps for d in (s.start_on, s.due_on) if d]
    assert (max(dated) - min(dated)).days <= 18 * 31
    assert doc.totals.left_to_pay == doc.totals.cost - doc.totals.funded
    assert doc.default_file_name() == "Plan d'action - MARTIN Élodie - 2026-03-16.pdf"


def test_frozen():
    doc = sample_plan_document(today=date(2026, 3, 16))
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.version = 3  # type: ignore[misc]


def test_pdf_core_does_not_import_qt():
    code = (
        "import sys, cep_desk.plan_pdf, cep_desk.plan_document; "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
