"""The agenda's use cases on a real workspace: booking and its French refusals (past day,
duration, hours, overlap), views, statuses, the session made from a held appointment, the
waiting time, the audit trail, and the due list."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from sqlalchemy import select

from cep_desk.domain import ValidationError
from cep_desk.storage import models as m
from cep_desk.usecases import agenda, beneficiaries, due, followups, journeys, plan
from cep_desk.usecases.common import NotFound

# Every test here runs on SQLCipher and on PostgreSQL (tests/engines.py).
pytestmark = pytest.mark.both_engines

TODAY = date(2026, 12, 3)  # a Thursday
MONDAY = date(2026, 11, 30)


def _person(ws, last="Durand", first="Alice", journey: date | None = date(2026, 11, 20)):
    p = beneficiaries.create_beneficiary(ws, last_name=last, first_name=first)
    j = journeys.start_journey(ws, p.id, request_date=journey) if journey else None
    return p, j


def _book(ws, person_id, day=TODAY, start="10:00", duration=60, **extra):
    values = {"modality": "face_to_face", "level": 1, **extra}
    return agenda.book(
        ws,
        beneficiary_id=person_id,
        day=day,
        start=start,
        duration_min=duration,
        today=TODAY,
        **values,
    )


def _audit(ws, entity="appointment"):
    with ws.read() as s:
        return [
            (e.action, e.entity_id, e.detail)
            for e in s.scalars(
                select(m.AuditEvent).where(m.AuditEvent.entity == entity).order_by(m.AuditEvent.id)
            )
        ]


def test_book_returns_the_row_and_goes_with_the_open_journey(ws):
    p, j = _person(ws, "Le Goff", "Jean-Pierre")
    row = _book(ws, p.id, start=time(9, 30), duration=45, place="Salle 2", purpose="Premier")
    assert row.person_name == "LE GOFF Jean-Pierre" and row.initials == "J.-P. L."
    assert (row.day, row.start, row.end, row.duration_min) == (TODAY, time(9, 30), time(10, 15), 45)
    assert row.journey_id == j.id and row.status == "planned" and row.status_label == "Prévu"
    assert row.modality_label == "En présentiel" and row.place == "Salle 2"
    assert _audit(ws) == [("create", row.id, "")]
    assert agenda.get(ws, row.id) == row


def test_a_first_appointment_before_any_journey(ws):
    p, _ = _person(ws, journey=None)
    row = _book(ws, p.id, day=TODAY + timedelta(days=2))
    assert row.journey_id is None


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"day": TODAY - timedelta(days=1)}, "day", "est passée"),
        ({"duration": 4}, "duration_min", "5 minutes à 8 heures"),
        ({"duration": 481}, "duration_min", "5 minutes à 8 heures"),
        ({"start": "06:55"}, "start", "entre 07:00 et 21:00"),
        ({"start": "20:30"}, "start", "finirait à 21:30"),
        ({"start": "25:00"}, "start", "HH:MM"),
        ({"start": ""}, "start", "obligatoire"),
        ({"modality": "carrier_pigeon"}, "modality", "Valeur inconnue"),
        ({"level": 3}, "level", "Nombre entre 1 et 2"),
        ({"place": "x" * 201}, "place", "trop long"),
    ],
)
def test_bad_bookings_are_refused_in_french(ws, kwargs, field, words):
    p, _ = _person(ws)
    args = {"day": TODAY, "start": "10:00", "duration": 60, **kwargs}
    with pytest.raises(ValidationError) as err:
        _book(ws, p.id, args.pop("day"), args.pop("start"), args.pop("duration"), **args)
    assert err.value.field == field
    assert words in err.value.message
    assert agenda.between(ws, TODAY - timedelta(days=7), TODAY + timedelta(days=7)) == []


def test_an_overlap_names_the_other_appointment(ws):
    alice, _ = _person(ws)
    bob, _ = _person(ws, "Martin", "Bob")
    _book(ws, alice.id, start="10:00", duration=60)
    with pytest.raises(ValidationError) as err:
        _book(ws, bob.id, start="10:45", duration=30)
    assert err.value.message == (
        "Ce créneau chevauche le rendez-vous de 10:00 à 11:00 avec A. D. le 03/12/2026."
    )
    # back to back is fine; so is a slot over a cancelled appointment
    after = _book(ws, bob.id, start="11:00", duration=30)
    before = _book(ws, bob.id, start="09:00", duration=60)
    agenda.cancel(ws, after.id)
    _book(ws, alice.id, start="11:00", duration=30)
    # a cancelled one cannot come back to planned over the new one
    with pytest.raises(ValidationError, match="chevauche"):
        agenda.set_status(ws, after.id, "planned", today=TODAY)
    assert agenda.get(ws, before.id).status == "planned"


def test_update_checks_like_book_and_audits_the_fields(ws):
    alice, _ = _person(ws)
    bob, _ = _person(ws, "Martin", "Bob")
    a = _book(ws, alice.id, start="10:00")
    b = _book(ws, bob.id, start="14:00", day=TODAY + timedelta(days=1))
    moved = agenda.update(
        ws, b.id, {"day": TODAY, "start": "12:00", "duration_min": 90}, today=TODAY
    )
    assert (moved.day, moved.start, moved.end) == (TODAY, time(12, 0), time(13, 30))
    with pytest.raises(
        ValidationError, match="chevauche le rendez-vous de 12:00 à 13:30 avec B. M."
    ):
        agenda.update(ws, a.id, {"start": "11:30"}, today=TODAY)
    with pytest.raises(ValidationError, match="est passée"):
        agenda.update(ws, a.id, {"day": TODAY - timedelta(days=3)}, today=TODAY)
    with pytest.raises(ValidationError, match="non modifiable : status"):
        agenda.update(ws, a.id, {"status": "held"}, today=TODAY)
    with pytest.raises(ValidationError, match="5 minutes à 8 heures"):
        agenda.update(ws, a.id, {"duration_min": 0}, today=TODAY)
    other_journey = journeys.start_journey(ws, bob.id, request_date=TODAY)
    with pytest.raises(ValidationError, match="pas celui de cette personne"):
        agenda.update(ws, a.id, {"journey_id": other_journey.id}, today=TODAY)
    assert agenda.get(ws, a.id) == a  # refusals changed nothing
    assert ("change", b.id, "day,start,duration_min") in _audit(ws)


def test_views_day_week_between_person(ws):
    alice, _ = _person(ws)
    bob, _ = _person(ws, "Martin", "Bob")
    rows = [
        _book(ws, alice.id, day=MONDAY + timedelta(days=7), start="09:00"),  # next week
        _book(ws, bob.id, day=TODAY, start="14:00"),
        _book(ws, alice.id, day=TODAY, start="09:00"),
        _book(ws, bob.id, day=date(2026, 12, 6), start="10:00"),  # Sunday of this week
    ]
    assert [r.id for r in agenda.day_view(ws, TODAY)] == [rows[2].id, rows[1].id]
    week = agenda.week_view(ws, MONDAY)
    assert [r.id for r in week] == [rows[2].id, rows[1].id, rows[3].id]
    assert agenda.week_view(ws, TODAY) == week  # any day of the week gives its week
    assert [r.id for r in agenda.of_person(ws, alice.id)] == [rows[2].id, rows[0].id]
    with pytest.raises(ValidationError, match="ne peut pas précéder"):
        agenda.between(ws, TODAY, MONDAY)
    with pytest.raises(NotFound):
        agenda.of_person(ws, 999)


def test_statuses_held_and_missed_only_once_the_day_has_come(ws):
    p, _ = _person(ws)
    future = _book(ws, p.id, day=TODAY + timedelta(days=1))
    for status in ("held", "missed"):
        with pytest.raises(ValidationError, match="ne peut pas encore être marqué"):
            agenda.set_status(ws, future.id, status, today=TODAY)
    assert agenda.set_status(
        ws, future.id, "missed", today=TODAY + timedelta(days=1)
    ).status_label == ("Non honoré")
    with pytest.raises(ValidationError, match="Valeur inconnue"):
        agenda.set_status(ws, future.id, "postponed", today=TODAY)
    assert agenda.cancel(ws, future.id).status == "cancelled"
    assert ("change", future.id, "status") in _audit(ws)
    agenda.delete(ws, future.id)
    with pytest.raises(NotFound):
        agenda.get(ws, future.id)
    assert _audit(ws)[-1] == ("delete", future.id, "")


def test_session_from_a_held_appointment_carries_its_facts_over(ws):
    p, j = _person(ws)
    row = _book(ws, p.id, start="09:30", duration=75, modality="video", level=1)
    sid = agenda.session_from(ws, row.id, today=TODAY)
    file = beneficiaries.load_file(ws, p.id, audit=False)
    session = file.current.sessions[0]
    assert (session.id, session.held_on, session.start_time, session.duration_min) == (
        sid,
        TODAY,
        "09:30",
        75,
    )
    assert (session.modality, session.level) == ("video", 1)
    assert file.current.journey.level_reached == 1
    assert file.current.journey.first_appointment_on == TODAY
    assert file.beneficiary.last_contact_on == TODAY
    after = agenda.get(ws, row.id)
    assert (after.status, after.interview_id, after.journey_id) == ("held", sid, j.id)
    assert agenda.session_from(ws, row.id, today=TODAY) == sid  # once only
    with pytest.raises(ValidationError, match="supprimez l'entretien"):
        agenda.set_status(ws, row.id, "missed", today=TODAY)
    assert ("create", sid, "") in _audit(ws, "session")
    # deleting the session unlinks the appointment, which can then be marked again
    journeys.delete_session(ws, sid)
    assert agenda.get(ws, row.id).interview_id is None
    assert agenda.set_status(ws, row.id, "missed", today=TODAY).status == "missed"


def test_session_from_opens_the_journey_of_a_first_appointment(ws):
    p, _ = _person(ws, journey=None)
    row = _book(ws, p.id, day=TODAY)
    sid = agenda.session_from(ws, row.id, today=TODAY)
    file = beneficiaries.load_file(ws, p.id, audit=False)
    assert file.current.sessions[0].id == sid
    assert file.current.journey.request_date <= TODAY
    assert agenda.get(ws, row.id).journey_id == file.current.journey.id


def test_session_from_refusals(ws):
    p, j = _person(ws)
    future = _book(ws, p.id, day=TODAY + timedelta(days=3))
    with pytest.raises(ValidationError, match="une fois le rendez-vous tenu"):
        agenda.session_from(ws, future.id, today=TODAY)
    missed = _book(ws, p.id, day=TODAY, start="08:00", duration=30)
    agenda.set_status(ws, missed.id, "missed", today=TODAY)
    with pytest.raises(ValidationError, match="aucun entretien"):
        agenda.session_from(ws, missed.id, today=TODAY)
    journeys.update_journey(ws, j.id, level1_decision="stop")
    level2 = _book(ws, p.id, day=TODAY, start="15:00", level=2)
    with pytest.raises(ValidationError, match="niveau 2"):
        agenda.session_from(ws, level2.id, today=TODAY)
    assert beneficiaries.load_file(ws, p.id, audit=False).current.sessions == []


def test_waiting_days_from_request_to_first_appointment(ws):
    p, j = _person(ws, journey=date(2026, 11, 23))
    assert agenda.waiting_days(ws, j.id) is None
    late = _book(ws, p.id, day=date(2026, 12, 10))
    assert agenda.waiting_days(ws, j.id) == 17
    first = _book(ws, p.id, day=date(2026, 12, 4))
    assert agenda.waiting_days(ws, j.id) == 11
    agenda.cancel(ws, first.id)  # a cancelled appointment is no first appointment
    assert agenda.waiting_days(ws, j.id) == 17
    agenda.cancel(ws, late.id)
    assert agenda.waiting_days(ws, j.id) is None
    # journeys recorded before the agenda: the first session's date
    q, k = _person(ws, "Martin", "Bob", journey=date(2026, 10, 1))
    journeys.add_session(ws, k.id, 1, held_on=date(2026, 10, 8))
    assert agenda.waiting_days(ws, k.id) == 7


def test_an_erased_person_takes_her_appointments(ws):
    from cep_desk.usecases.lifecycle import rights

    p, _ = _person(ws)
    _book(ws, p.id)
    rights.erase(ws, p.id)
    assert agenda.day_view(ws, TODAY) == []


def test_due_list_follow_ups_steps_and_unreported_appointments(ws):
    alice, ja = _person(ws, "Alpha", "Ana")
    bob, jb = _person(ws, "Bravo", "Ben")
    carla, jc = _person(ws, "Charlie", "Carla", journey=date(2025, 1, 6))
    # an appointment of yesterday still « prévu » (booked then, before today)
    past = agenda.book(
        ws, beneficiary_id=alice.id, day=TODAY - timedelta(days=1), start="10:00",
        duration_min=60, modality="phone", level=1, today=TODAY - timedelta(days=2),
    )  # fmt: skip
    reported = agenda.book(
        ws, beneficiary_id=bob.id, day=TODAY - timedelta(days=1), start="14:00",
        duration_min=60, modality="phone", level=1, today=TODAY - timedelta(days=2),
    )  # fmt: skip
    agenda.set_status(ws, reported.id, "missed", today=TODAY)
    _book(ws, bob.id, day=TODAY, start="09:00")  # today's: not yet due
    project = plan.ensure_project(ws, jb.id)
    late_step = plan.add_step(
        ws, project.id, title="Contacter l'OPCO", due_on=TODAY - timedelta(days=2)
    )
    soon_step = plan.add_step(ws, project.id, title="Visite", start_on=TODAY + timedelta(days=5))
    plan.add_step(ws, project.id, title="Trop loin", due_on=TODAY + timedelta(days=30))
    done = plan.add_step(ws, project.id, title="Faite", due_on=TODAY - timedelta(days=9))
    plan.update_step(ws, done.id, status="done")
    journeys.update_journey(
        ws, jc.id, closed_on=followups.add_months(TODAY + timedelta(days=3), -6)
    )
    items = due.due_list(ws, TODAY)
    assert [(i.kind, i.day, i.beneficiary_id, i.ref_id) for i in items] == [
        ("plan_step", TODAY - timedelta(days=2), bob.id, late_step.id),
        ("unreported", TODAY - timedelta(days=1), alice.id, past.id),
        ("followup", TODAY + timedelta(days=3), carla.id, items[2].ref_id),
        ("plan_step", TODAY + timedelta(days=5), bob.id, soon_step.id),
    ]
    assert items[0].label == "Étape du plan : Contacter l'OPCO (échéance le 01/12/2026, en retard)"
    assert items[0].person_name == "BRAVO Ben"
    assert items[1].label == (
        "Rendez-vous du 02/12/2026 à 10:00 à renseigner (honoré ou non honoré)"
    )
    assert items[2].label == "Suivi à six mois"
    assert items[3].label == "Étape du plan : Visite (début prévu le 08/12/2026)"
    assert [i.kind for i in due.due_list(ws, TODAY, horizon_days=0)] == ["plan_step", "unreported"]
    # steps of a closed journey are no longer due
    journeys.update_journey(ws, jb.id, closed_on=TODAY)
    assert "plan_step" not in {i.kind for i in due.due_list(ws, TODAY, horizon_days=0)}
