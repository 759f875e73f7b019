"""Revision 0009_report_indexes: a 0008_sync_ids workspace (a real SQLCipher file) gains the
indexes of the activity report and of the due list, loses the narrower step index they
replace, keeps its rows, and the report's and the due list's queries read those indexes."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from cep_desk.storage import engine as eng
from cep_desk.storage import models as m
from cep_desk.storage import vault
from cep_desk.storage import workspace as wsmod
from cep_desk.usecases import due, journeys, plan, report, workspaces

from .migration_support import make_old_workspace, schema_objects

NEW = {
    "ix_interviews_held",
    "ix_interviews_journey_held",
    "ix_appointments_report",
    "ix_appointments_interview_id",
    "ix_journeys_request_date",
    "ix_journeys_closed_on",
    "ix_satisfaction_answers_answered_on",
    "ix_followups_done_on",
    "ix_action_steps_due",
    "ix_action_steps_services",
}

REPLACED = {
    "ix_action_steps_open",
    "ix_action_steps_project_id",
    "ix_appointments_status_day",
    "ix_interviews_journey_id",
}


def _plan(ws, stmt) -> str:
    with ws.engine.connect() as c:
        sql = str(stmt.compile(c, compile_kwargs={"literal_binds": True}))
        return " | ".join(str(r[3]) for r in c.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))


def test_0008_workspace_upgrades_to_0009_and_its_queries_use_the_indexes(workspace_dir, passphrase):
    make_old_workspace(workspace_dir, passphrase, "0008_sync_ids", people=1)
    key = vault.KeyFile.read(workspace_dir).unlock(passphrase)
    conn = eng.connect_raw(workspace_dir / wsmod.DB_FILE, key)
    before = {name for _kind, name in schema_objects(conn)}
    conn.close()
    assert before >= REPLACED
    assert not NEW & before

    with workspaces.open_(workspace_dir, passphrase) as ws:
        assert ws.migrated_from == "0008_sync_ids"
        with ws.engine.connect() as raw:
            names = {r[0] for r in raw.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert names >= NEW and not REPLACED & names
        with ws.read() as s:
            pid, last = s.execute(select(m.Beneficiary.id, m.Beneficiary.last_name)).one()
        assert last == "Ancien"  # the old row is still there
        today = date.today()
        journey = journeys.start_journey(ws, pid, request_date=today - timedelta(days=9))
        journeys.add_session(ws, journey.id, 1, held_on=today - timedelta(days=2))
        project = plan.ensure_project(ws, journey.id)
        plan.add_step(ws, project.id, title="Stage d'observation", due_on=today)
        items = due.due_list(ws, today)
        assert [i.label.split(" (")[0] for i in items if i.kind == due.PLAN_STEP] == [
            "Étape du plan : Stage d'observation"
        ]
        built = report.build_report(ws, today - timedelta(days=30), today)
        assert [a.status for a in built.appointments] == ["held"]  # its line (cells < 5 hidden)

        st = m.ActionStep
        steps = select(st.id, st.title, st.project_id).where(
            st.status == "planned", st.due_on <= today
        )
        assert "COVERING INDEX ix_action_steps_due" in _plan(ws, steps)
        iv = m.Interview
        sessions = select(iv.journey_id, iv.held_on, iv.level, iv.modality).where(
            iv.held_on >= today - timedelta(days=30), iv.held_on <= today
        )
        assert "COVERING INDEX ix_interviews_held" in _plan(ws, sessions)
