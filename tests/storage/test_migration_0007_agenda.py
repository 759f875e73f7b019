"""Revision 0007_agenda: a 0006_followup workspace with data gains the appointments table,
keeps its rows (persons, journeys, sessions, follow-ups), and appointments can be written,
linked to the old session, and go with their person."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import select

from cep_desk.storage import engine as eng
from cep_desk.storage import models as m
from cep_desk.storage import vault
from cep_desk.storage import workspace as wsmod
from cep_desk.usecases import beneficiaries

from .migration_support import make_old_workspace, schema_objects


def test_0006_followup_workspace_upgrades_to_0007_agenda(workspace_dir, passphrase):
    make_old_workspace(workspace_dir, passphrase, "0006_followup", people=2)
    key = vault.KeyFile.read(workspace_dir).unlock(passphrase)
    conn = eng.connect_raw(workspace_dir / wsmod.DB_FILE, key)
    stamp = "'2025-01-01 00:00:00', '2025-01-01 00:00:00'"
    conn.execute(
        "INSERT INTO journeys (id, beneficiary_id, request_date, reasons, level_reached, "
        f"level1_decision, redirect_to, closed_on, outcome_note, created_at, updated_at) "
        f"VALUES (1, 1, '2025-01-01', '[]', 1, 'continue', '', '2025-08-31', '', {stamp})"
    )
    conn.execute(
        "INSERT INTO interviews (id, journey_id, level, held_on, start_time, duration_min, "
        "modality, on_working_time, agreement, request_expressed, first_analysis, "
        "environment_info, possible_steps, actors, clarified_request, info_given, remarks, "
        f"created_at, updated_at) VALUES (1, 1, 1, '2025-01-10', '09:30', 60, 'phone', 0, '', "
        f"'', '', '', '', '', '', '', '', {stamp})"
    )
    conn.execute(
        "INSERT INTO followups (beneficiary_id, journey_id, due_on, attempts, status, note, "
        f"created_at, updated_at) VALUES (1, 1, '2026-02-28', 0, 'pending', '', {stamp})"
    )
    conn.commit()
    assert ("table", "appointments") not in schema_objects(conn)
    conn.close()
    from cep_desk.usecases import workspaces

    with workspaces.open_(workspace_dir, passphrase) as ws:
        assert ws.migrated_from == "0006_followup"
        current = beneficiaries.load_file(ws, 1, audit=False).current
        assert current is not None
        assert [s.held_on for s in current.sessions] == [date(2025, 1, 10)]
        assert [f.due_on for f in current.followups] == [date(2026, 2, 28)]
        with ws.session() as s:
            s.add(
                m.Appointment(
                    beneficiary_id=1,
                    journey_id=1,
                    day=date(2025, 1, 10),
                    start=time(9, 30),
                    duration_min=60,
                    modality="phone",
                    level=1,
                    status="held",
                    interview_id=1,
                )
            )
            s.add(
                m.Appointment(
                    beneficiary_id=2, day=date(2027, 1, 4), start=time(14, 0), duration_min=45
                )
            )
        with ws.session() as s:
            rows = s.execute(
                select(
                    m.Appointment.beneficiary_id, m.Appointment.start, m.Appointment.status
                ).order_by(m.Appointment.id)
            ).all()
            assert rows == [(1, time(9, 30), "held"), (2, time(14, 0), "planned")]
            second = s.scalars(select(m.Appointment).where(m.Appointment.beneficiary_id == 2)).one()
            assert second.journey_id is None and second.place == "" and not second.is_followup
    with ws.engine.connect() as raw:  # the indexes of the agenda's queries exist (at head:
        # 0009_report_indexes extended two of them: ix_action_steps_due, ix_appointments_report)
        names = {r[0] for r in raw.exec_driver_sql("SELECT name FROM sqlite_master").all()}
    assert {
        "ix_appointments_day",
        "ix_appointments_beneficiary_id",
        "ix_appointments_report",
        "ix_action_steps_due",
        "ix_followups_status_due_on",
        "ix_beneficiaries_names",
    } <= names


def test_a_deleted_session_unlinks_its_appointment_and_a_person_takes_hers(ws):
    from cep_desk.usecases import journeys
    from cep_desk.usecases.lifecycle import rights

    person = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Alice")
    journey = journeys.start_journey(ws, person.id, request_date=date(2026, 11, 2))
    with ws.session() as s:
        interview = m.Interview(journey_id=journey.id, level=1, held_on=date(2026, 11, 5))
        s.add(interview)
        s.flush()
        s.add(
            m.Appointment(
                beneficiary_id=person.id,
                journey_id=journey.id,
                day=date(2026, 11, 5),
                start=time(10, 0),
                duration_min=60,
                interview_id=interview.id,
            )
        )
    with ws.session() as s:
        s.delete(s.get(m.Interview, interview.id))
    with ws.session() as s:
        appointment = s.scalars(select(m.Appointment)).one()
        assert appointment.interview_id is None
    rights.erase(ws, person.id)
    with ws.session() as s:
        assert s.scalars(select(m.Appointment)).all() == []
