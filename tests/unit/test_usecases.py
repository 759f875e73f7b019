"""Use cases on a real encrypted workspace: journeys, sessions, plan, search and audit."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from cep_desk import domain
from cep_desk.domain import ValidationError
from cep_desk.storage import models as m
from cep_desk.usecases import beneficiaries as B
from cep_desk.usecases import journeys as J
from cep_desk.usecases import plan as P
from cep_desk.usecases import workspaces as W
from cep_desk.usecases.common import NotFound

# Every test here runs on SQLCipher and on PostgreSQL (tests/engines.py).
pytestmark = pytest.mark.both_engines


@pytest.fixture
def person(ws):
    return B.create_beneficiary(
        ws,
        last_name="Dupont",
        first_name="Élodie",
        town="Saint-Étienne",
        phone="06 12 34 56 78",
        status="private_employee",
    )


def test_full_journey(ws, person):
    j = J.start_journey(ws, person.id, request_date=date(2026, 9, 1), reasons=["reconversion"])
    J.add_session(ws, j.id, 1, held_on=date(2026, 9, 10), request_expressed="Changer de métier")
    with pytest.raises(ValidationError, match="décision de niveau 1"):
        J.update_journey(ws, j.id, level1_decision="stop")
        J.add_session(ws, j.id, 2, held_on=date(2026, 9, 20))
    J.update_journey(ws, j.id, level1_decision="continue")
    J.add_session(ws, j.id, 2, held_on=date(2026, 9, 20), modality="video")
    needs = [P.add_need(ws, j.id, theme=t) for t in ("training", "financing", "mobility")]
    P.move_need(ws, needs[2].id, -2)
    project = P.ensure_project(ws, j.id, kind="reconversion", rome_code="D1102")
    P.add_skill(ws, project.id, label="Pétrissage")
    P.add_step(ws, project.id, title="Devis", start_on=date(2026, 10, 1), due_on=date(2026, 10, 15))
    P.add_step(ws, project.id, title="Entrée", start_on=date(2027, 1, 4), is_milestone=True)
    P.add_funding(ws, project.id, funder="CPF", amount_requested_cents=150_000, status="granted")
    J.add_contact(ws, j.id, organisation="GRETA", consent_to_share=True)

    f = B.load_file(ws, person.id)
    cur = f.current
    assert cur.journey.level_reached == 2
    assert cur.journey.first_appointment_on == date(2026, 9, 10)
    assert [n.theme for n in cur.needs] == ["mobility", "training", "financing"]
    assert [n.rank for n in cur.needs] == [1, 2, 3]
    assert len(cur.checks) == 5 and cur.checks[0].aspect == "labour_market"
    assert [s.position for s in cur.steps] == [1, 2]
    assert cur.steps[1].due_on == date(2027, 1, 4)  # a milestone has one date
    assert P.totals_of(cur.funding).funded == 150_000
    row = B.search_beneficiaries(ws, B.ListFilter("dupont"))[0]
    assert (row.current_level, row.has_open_journey, row.last_contact_on) == (
        2,
        True,
        date(2026, 9, 20),
    )


def test_validation_refuses_and_stores_nothing(ws, person):
    j = J.start_journey(ws, person.id, request_date=date(2026, 9, 1))
    project = P.ensure_project(ws, j.id)
    with pytest.raises(ValidationError, match="précéder"):
        P.add_step(ws, project.id, title="x", start_on=date(2026, 5, 2), due_on=date(2026, 5, 1))
    with pytest.raises(ValidationError, match="négatif"):
        P.add_funding(ws, project.id, amount_requested_cents=-100)
    with pytest.raises(ValidationError, match="obligatoire"):
        B.update_beneficiary(ws, person.id, last_name="   ")
    with pytest.raises(ValidationError, match="inconnue"):
        B.update_beneficiary(ws, person.id, status="martian")
    with pytest.raises(ValidationError, match="précéder"):
        J.update_journey(ws, j.id, closed_on=date(2026, 1, 1))
    f = B.load_file(ws, person.id)
    assert f.current.steps == [] and f.current.funding == []
    assert f.beneficiary.last_name == "Dupont"
    assert f.current.journey.closed_on is None


def test_search_by_prefix_accents_town_phone_and_filters(ws, person):
    B.create_beneficiary(ws, last_name="Durand", first_name="Léo", town="Lyon", status="job_seeker")
    assert [r.id for r in B.search_beneficiaries(ws, B.ListFilter("elo"))] == [person.id]
    assert [r.id for r in B.search_beneficiaries(ws, B.ListFilter("saint etie"))] == [person.id]
    assert [r.id for r in B.search_beneficiaries(ws, B.ListFilter("06 12 34"))] == [person.id]
    assert B.count_beneficiaries(ws, B.ListFilter("du")) == 2
    assert B.count_beneficiaries(ws, B.ListFilter("du", status="job_seeker")) == 1
    assert B.count_beneficiaries(ws, B.ListFilter("", level=0, open_journey=False)) == 2
    assert B.search_beneficiaries(ws, B.ListFilter('"; DROP TABLE x; --')) == []
    # the index follows renames
    B.update_beneficiary(ws, person.id, last_name="Zola")
    assert B.search_beneficiaries(ws, B.ListFilter("dupont")) == []
    assert [r.id for r in B.search_beneficiaries(ws, B.ListFilter("zol"))] == [person.id]


def test_alphabetical_order_ignores_accents(ws):
    for last in ("Émile", "Eva", "Dupont", "élan"):
        B.create_beneficiary(ws, last_name=last, first_name="x")
    assert [r.last_name for r in B.search_beneficiaries(ws)] == ["Dupont", "élan", "Émile", "Eva"]


def test_audit_records_actions_never_content(ws, person):
    secret = "Confidentiel-Xy123"
    B.update_beneficiary(ws, person.id, notes=secret)
    B.load_file(ws, person.id)
    trail = W.audit_trail(ws, person.id)
    actions = [e.action for e in trail]
    assert {"create", "change", "open"} <= set(actions)
    assert any(e.detail == "notes" for e in trail)
    with ws.read() as s:
        for e in s.scalars(select(m.AuditEvent)):
            assert secret not in (e.detail or "")


def test_documents_are_versioned(ws, person):
    d1 = W.record_document(ws, person.id, None, domain.DocumentKind.ACTION_PLAN, "a" * 64)
    d2 = W.record_document(ws, person.id, None, domain.DocumentKind.ACTION_PLAN, "b" * 64, "print")
    assert (d1.version, d2.version) == (1, 2)
    assert [e.action for e in W.audit_trail(ws, person.id)][:2] == ["print", "export"]


def test_not_found(ws):
    with pytest.raises(NotFound):
        B.update_beneficiary(ws, 999, town="x")


def test_delete_need_renumbers(ws, person):
    j = J.start_journey(ws, person.id)
    a, b, c = (P.add_need(ws, j.id, theme="other") for _ in range(3))
    P.delete_need(ws, a.id)
    ranks = [(n.id, n.rank) for n in B.load_file(ws, person.id).current.needs]
    assert ranks == [(b.id, 1), (c.id, 2)]
    with pytest.raises(ValidationError):
        P.reorder_needs(ws, j.id, [b.id])


def test_counsellor_and_settings(ws):
    assert W.get_counsellor(ws).name == "Claire Martin"
    assert W.get_setting(ws, "idle_lock_minutes") == 5
    W.set_setting(ws, "idle_lock_minutes", 10)
    assert W.get_setting(ws, "idle_lock_minutes") == 10


def test_demo_covers_the_caseload(demo_ws):
    rows = B.search_beneficiaries(demo_ws, limit=1000)
    assert len(rows) == 30
    assert {r.status for r in rows} >= {p.value for p in domain.Public} - {"other"}
    assert {r.current_level for r in rows} == {1, 2}
    assert {r.has_open_journey for r in rows} == {True, False}
    with demo_ws.read() as s:
        funders = set(s.scalars(select(m.FinancingLine.funder)))
        assert len(funders) >= 3
        steps = s.scalars(select(m.ActionStep.due_on)).all()
        assert max(steps) - min(steps) > (date(2026, 4, 1) - date(2026, 1, 1))
