"""Level-1 duties in the statistics: the CEP presented to the person, internal services;
small cells suppressed; the figures survive erasure."""

from __future__ import annotations

from datetime import date

import pytest

from cep_desk.usecases import beneficiaries, journeys, plan
from cep_desk.usecases.lifecycle import rights, stats
from cep_desk.usecases.lifecycle.stats import NOT_GIVEN

# Every test here runs on SQLCipher and on PostgreSQL (tests/engines.py).
pytestmark = pytest.mark.both_engines

START, END = date(2025, 1, 1), date(2025, 12, 31)


def _person(ws, i: int, *, presented: bool, service: str | None) -> int:
    p = beneficiaries.create_beneficiary(ws, last_name=f"Secret{i}", first_name="Test")
    j = journeys.start_journey(ws, p.id, request_date=date(2025, 3, 1))
    if presented:
        journeys.update_journey(ws, j.id, cep_presented_on=date(2025, 3, 2))
    if service is not None:
        project = plan.ensure_project(ws, j.id)
        plan.add_step(
            ws,
            project.id,
            title="Atelier",
            partner_name="Notre organisme" if service == "internal" else "AFPA",
            internal_service=service == "internal",
        )
        plan.add_step(ws, project.id, title="Se renseigner")  # no partner: not a service
    return p.id


def test_presented_and_internal_services_are_counted_and_small_cells_hidden(ws):
    ids = [_person(ws, i, presented=True, service="internal") for i in range(6)]
    ids += [_person(ws, 10 + i, presented=False, service="external") for i in range(5)]
    ids += [_person(ws, 20 + i, presented=True, service=None) for i in range(2)]
    s = stats.compute_stats(ws, START, END)
    presented = dict(s.table("cep_presented").rows)
    assert presented["Présentation enregistrée"] == 8
    assert presented["Non enregistrée"] == 5
    services = dict(s.table("services").rows)
    assert services["Au moins une prestation interne (organisme de l'opérateur)"] == 6
    # 2 journeys without a service: hidden, and so is the next smallest cell (5 external),
    # so that the hidden one cannot be recovered from the total
    assert services["Aucune prestation prescrite"] is None
    assert services["Prestations externes uniquement"] is None
    assert NOT_GIVEN not in services  # no journey of unknown services: no such row
    csv_text = stats.stats_csv(s)
    assert "Prestations prescrites (impartialité de l'opérateur)" in csv_text
    assert "Secret" not in csv_text

    # erasing people keeps their level-1 figures (anonymised), never their names
    for ident in ids[:6]:
        rights.erase(ws, ident, today=date(2026, 1, 1))
    after = stats.compute_stats(ws, START, END)
    assert dict(after.table("cep_presented").rows) == presented
    assert dict(after.table("services").rows) == services
