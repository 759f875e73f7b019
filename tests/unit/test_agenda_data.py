"""Appointments in the person's data and rights: the exchange format (version 3, round trip
with the links to the journey and the session, older versions still read, bad links refused
with their location), the erasure that takes them, and retention that counts them as
contacts."""

from __future__ import annotations

import copy
from datetime import date, time, timedelta

import pytest
from sqlalchemy import func, select

from cep_desk.storage import models as m
from cep_desk.usecases import agenda, beneficiaries, due, journeys, workspaces
from cep_desk.usecases.lifecycle import exchange as X
from cep_desk.usecases.lifecycle import rights

# Every test here runs on SQLCipher and on PostgreSQL (tests/engines.py).
pytestmark = pytest.mark.both_engines

TODAY = date(2026, 12, 3)
PASS = "Une phrase de passe bien longue 42 !"


def _filled(ws):
    p = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Alice")
    j = journeys.start_journey(ws, p.id, request_date=date(2026, 11, 20))
    book = dict(modality="video", level=1, today=date(2026, 11, 25))
    held = agenda.book(
        ws, beneficiary_id=p.id, day=date(2026, 11, 26), start="09:30", duration_min=60,
        place="https://visio.example/x", purpose="Premier entretien <b>&</b>", **book,
    )  # fmt: skip
    sid = agenda.session_from(ws, held.id, today=TODAY)
    planned = agenda.book(
        ws, beneficiary_id=p.id, day=TODAY + timedelta(days=7), start="14:00",
        duration_min=45, is_followup=True, **book,
    )  # fmt: skip
    q = beneficiaries.create_beneficiary(ws, last_name="Martin", first_name="Bob")
    first = agenda.book(
        ws, beneficiary_id=q.id, day=TODAY + timedelta(days=1), start="11:00",
        duration_min=30, **book,
    )  # fmt: skip
    return p, j, sid, held, planned, q, first


def _appointments(ws):
    with ws.read() as s:
        return s.execute(
            select(
                m.Appointment.day, m.Appointment.start, m.Appointment.duration_min,
                m.Appointment.status, m.Appointment.purpose, m.Appointment.is_followup,
                m.Appointment.journey_id.is_not(None), m.Appointment.interview_id.is_not(None),
            ).order_by(m.Appointment.day)
        ).all()  # fmt: skip


@pytest.fixture
def other_ws(tmp_path):
    ws, _ = workspaces.create(tmp_path / "autre", PASS, {"name": "Autre"})
    yield ws
    ws.close()


def test_export_then_import_keeps_appointments_and_their_links(ws, other_ws):
    p, j, sid, held, planned, q, first = _filled(ws)
    data = X.export_json(ws)
    assert data["version"] == X.FORMAT_VERSION >= 3  # 3: appointments; 4: uids
    alice = next(x for x in data["people"] if x["last_name"] == "Durand")
    first_json, second_json = alice["appointments"]
    assert first_json["start"] == "09:30" and first_json["status"] == "held"
    assert first_json["journey_uid"] == alice["journeys"][0]["uid"]
    assert first_json["session_uid"] == alice["journeys"][0]["sessions"][0]["uid"]
    assert second_json["session_uid"] is None and second_json["is_followup"] is True
    bob = next(x for x in data["people"] if x["last_name"] == "Martin")
    assert bob["appointments"][0]["journey_uid"] is None
    X.validate(data)
    report = X.import_json(other_ws, X.dumps(data))
    assert report.created == 2
    assert _appointments(other_ws) == _appointments(ws)
    # the imported session is the one the imported appointment names
    with other_ws.read() as s:
        linked = s.execute(
            select(m.Interview.held_on, m.Interview.start_time)
            .join(m.Appointment, m.Appointment.interview_id == m.Interview.id)
        ).all()  # fmt: skip
    assert linked == [(date(2026, 11, 26), "09:30")]
    again = X.import_json(other_ws, X.dumps(data))  # idempotent
    assert again.created == 0 and len(_appointments(other_ws)) == 3


def test_files_of_versions_1_and_2_still_import(ws, other_ws):
    _filled(ws)
    data = X.export_json(ws)
    for version in (2, 1):  # the oldest one is imported
        old = copy.deepcopy(data)
        old["version"] = version
        for person in old["people"]:
            del person["appointments"]
            if version == 1:
                for journey in person["journeys"]:
                    del journey["satisfaction"], journey["followups"]
        X.validate(old)
    report = X.import_json(other_ws, X.dumps(old))
    assert report.created == 2 and _appointments(other_ws) == []


@pytest.mark.parametrize(
    ("change", "where", "words"),
    [
        (lambda a: a.update(session_uid="x:interviews:999"), "session_uid", "aucun entretien"),
        (lambda a: a.update(journey_uid="x:journeys:999"), "journey_uid", "aucun parcours"),
        (lambda a: a.update(start="25:00"), "start", ""),
        (lambda a: a.update(duration_min=481), "duration_min", ""),
        (lambda a: a.update(status="postponed"), "status", ""),
        (lambda a: a.pop("start"), "start", ""),
    ],
)
def test_bad_appointments_are_refused_whole(ws, other_ws, change, where, words):
    _filled(ws)
    data = X.export_json(ws)
    alice = next(x for x in data["people"] if x["last_name"] == "Durand")
    change(alice["appointments"][0])
    with pytest.raises(X.ExchangeError) as err:
        X.import_json(other_ws, X.dumps(data))
    assert "appointments[0]" in err.value.message and where in err.value.message
    assert words in err.value.message
    with other_ws.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Beneficiary)) == 0


def test_erasure_takes_the_appointments_and_keeps_the_others(ws):
    p, j, sid, held, planned, q, first = _filled(ws)
    rights.erase(ws, p.id, today=TODAY)
    assert [(r.id, r.beneficiary_id) for r in agenda.between(ws, TODAY, TODAY + timedelta(30))] == [
        (first.id, q.id)
    ]
    with ws.read() as s:
        assert s.scalar(
            select(func.count()).select_from(m.Appointment)
            .where(m.Appointment.beneficiary_id == p.id)
        ) == 0  # fmt: skip


def test_retention_counts_a_booked_appointment_as_a_contact(ws):
    old = beneficiaries.create_beneficiary(
        ws, last_name="Ancien", first_name="Paul", last_contact_on=date(2023, 1, 10)
    )
    gone = beneficiaries.create_beneficiary(
        ws, last_name="Parti", first_name="Luc", last_contact_on=date(2023, 1, 10)
    )
    agenda.book(
        ws, beneficiary_id=old.id, day=TODAY + timedelta(days=3), start=time(10, 0),
        duration_min=60, modality="phone", level=1, today=TODAY,
    )  # fmt: skip
    cancelled = agenda.book(
        ws, beneficiary_id=gone.id, day=TODAY + timedelta(days=4), start=time(10, 0),
        duration_min=60, modality="phone", level=1, today=TODAY,
    )  # fmt: skip
    agenda.cancel(ws, cancelled.id)
    assert [ident for ident, _ in rights.purge_candidates(ws, TODAY)] == [gone.id]
    assert rights.purge(ws, TODAY) == [gone.id]
    assert [r.beneficiary_id for r in agenda.between(ws, TODAY, TODAY + timedelta(9))] == [old.id]


def test_the_demo_has_a_month_of_appointments_around_today(tmp_path, engine_kind):
    from cep_desk import demo
    from tests import engines

    if engine_kind == "postgresql":
        ws = engines.pg_workspace(tmp_path / "demo", {"name": "Démo"})
    else:
        ws, _ = workspaces.create(tmp_path / "demo", PASS, {"name": "Démo"})
    try:
        demo.fill(ws, 60, today=TODAY)
        rows = agenda.between(ws, TODAY - timedelta(days=31), TODAY + timedelta(days=25))
        statuses = {r.status for r in rows}
        assert statuses == {"planned", "held", "cancelled", "missed"}
        assert all(r.day >= TODAY for r in rows if r.status == "planned" and not _late(r))
        assert any(r.is_followup for r in rows)
        assert sum(r.day < TODAY and r.status == "planned" for r in rows) >= 1  # to report
        busy = [r for r in rows if r.status in ("planned", "held")]
        for a in busy:  # one counsellor's diary: no overlap
            for b in busy:
                if a.id < b.id and a.day == b.day:
                    assert a.end <= b.start or b.end <= a.start, (a, b)
        assert all(time(8, 0) <= r.start and r.end <= time(21, 0) for r in rows)
        held = [r for r in rows if r.status == "held"]
        assert held and all(r.interview_id is not None for r in held)
        i = m.Interview
        with ws.read() as s:
            sessions = {
                row[0]: tuple(row[1:])
                for row in s.execute(
                    select(i.id, i.held_on, i.start_time, i.duration_min, i.modality, i.level)
                    .where(i.id.in_([r.interview_id for r in held]))
                )
            }  # fmt: skip
        for r in held:  # the session made from it carries its facts
            assert sessions[r.interview_id] == (
                r.day, f"{r.start:%H:%M}", r.duration_min, r.modality, r.level
            )  # fmt: skip
        kinds_due = {i.kind for i in due.due_list(ws, TODAY)}
        assert kinds_due == {"followup", "plan_step", "unreported"}
    finally:
        ws.close()
        if engine_kind == "postgresql":
            engines.pg_server().drop(ws.test_database_url)


def _late(row) -> bool:
    return row.day < TODAY  # a past appointment still « prévu »: not yet reported
