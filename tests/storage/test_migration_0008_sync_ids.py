"""Revision 0008_sync_ids: a 0006_followup workspace with data (a real SQLCipher file) gains
global ids and row versions on every synced record, backfilled and unique, keeps its rows and
its full-text triggers (the columns are added in place, never by a table recreate), and the
records made or changed afterwards reach the outbox."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select

from cep_desk.storage import engine as eng
from cep_desk.storage import models as m
from cep_desk.storage import sync, vault
from cep_desk.storage import workspace as wsmod
from cep_desk.usecases import beneficiaries, journeys, plan
from cep_desk.usecases.beneficiaries import ListFilter

from .migration_support import make_old_workspace, schema_objects

STAMP = "'2025-01-01 00:00:00', '2025-01-01 00:00:00'"


def _fill_0006(workspace_dir, passphrase) -> set[tuple[str, str]]:
    """Journeys, sessions, needs, a project with a step, a follow-up: rows in most of the
    synced tables, written with the 0006 schema; returns its schema objects."""
    make_old_workspace(workspace_dir, passphrase, "0006_followup", people=3)
    key = vault.KeyFile.read(workspace_dir).unlock(passphrase)
    conn = eng.connect_raw(workspace_dir / wsmod.DB_FILE, key)
    for pid in (1, 2, 3):
        conn.execute(
            "INSERT INTO journeys (id, beneficiary_id, request_date, reasons, level_reached, "
            "redirect_to, outcome_note, created_at, updated_at) VALUES "
            f"({pid}, {pid}, '2025-01-01', '[]', 1, '', '', {STAMP})"
        )
        conn.execute(
            "INSERT INTO interviews (journey_id, level, held_on, start_time, modality, "
            "on_working_time, agreement, request_expressed, first_analysis, environment_info, "
            "possible_steps, actors, clarified_request, info_given, remarks, created_at, "
            f"updated_at) VALUES ({pid}, 1, '2025-01-02', '', 'phone', 0, '', '', '', '', '', "
            f"'', '', '', '', {STAMP})"
        )
        conn.execute(
            "INSERT INTO needs (journey_id, theme, description, rank, status, created_at, "
            f"updated_at) VALUES ({pid}, 'training', '', 1, 'open', {STAMP})"
        )
    conn.execute(
        "INSERT INTO projects (id, journey_id, kind, target_job_label, rome_code, rome_version, "
        "certification_label, certification_code, description, training_provider, "
        "training_part_time, exam_title, cep_opinion, cep_conclusion, created_at, updated_at) "
        f"VALUES (1, 1, 'reconversion', 'Boulanger', '', '', '', '', '', '', 0, '', '', '', {STAMP})"
    )
    conn.execute(
        "INSERT INTO action_steps (project_id, title, detail, owner, partner_name, status, "
        "is_milestone, position, scheme_code, internal_service, created_at, updated_at) VALUES "
        f"(1, 'Stage', '', 'beneficiary', '', 'planned', 0, 1, '', 0, {STAMP})"
    )
    conn.execute(
        "INSERT INTO followups (beneficiary_id, journey_id, due_on, attempts, status, note, "
        f"created_at, updated_at) VALUES (1, 1, '2025-07-01', 0, 'pending', '', {STAMP})"
    )
    conn.commit()
    before = schema_objects(conn)
    conn.close()
    return before


def test_0006_workspace_upgrades_to_0008_with_backfilled_unique_uids(workspace_dir, passphrase):
    before = _fill_0006(workspace_dir, passphrase)
    from cep_desk.usecases import workspaces

    with workspaces.open_(workspace_dir, passphrase) as ws:
        assert ws.migrated_from == "0006_followup"
        with ws.read() as s:
            for table in sync.synced_tables():
                t = m.Base.metadata.tables[table]
                rows = s.execute(select(t.c.uid, t.c.row_version)).all()
                uids = [r.uid for r in rows]
                assert all(uuid.UUID(u).version == 7 for u in uids), table
                assert len(set(uids)) == len(uids), table
                assert all(r.row_version == 1 for r in rows), table
            counts = {
                t: s.scalar(select(func.count()).select_from(m.Base.metadata.tables[t]))
                for t in ("beneficiaries", "journeys", "interviews", "needs", "action_steps")
            }
            # the backfill does not go to the outbox: an enrolment starts with a full upload
            assert s.scalar(select(func.count()).select_from(m.OutboxEntry)) == 0
        assert counts == {
            "beneficiaries": 3, "journeys": 3, "interviews": 3, "needs": 3, "action_steps": 1,
        }  # fmt: skip
        # the full-text triggers survived: a renamed person is found under the new name
        beneficiaries.update_beneficiary(ws, 1, last_name="Renommé")
        found = beneficiaries.search_beneficiaries(ws, ListFilter(query="renomme"))
        assert [r.id for r in found] == [1]
        assert not beneficiaries.search_beneficiaries(ws, ListFilter(query="ancien"))
        # old rows change with a version bump and an entry; new rows get a uid
        plan.update_step(ws, 1, title="Stage en boulangerie")
        need = plan.add_need(ws, 2, theme="financing")
        journeys.add_session(ws, 3, 1, held_on=date(2025, 2, 1))
        with ws.read() as s:
            step = s.execute(select(m.ActionStep.uid, m.ActionStep.row_version)).one()
            assert step.row_version == 2
            new_uid = s.scalar(select(m.Need.uid).where(m.Need.id == need.id))
            assert uuid.UUID(new_uid).version == 7
            ops = {(e.kind, e.uid): e for e in s.scalars(select(m.OutboxEntry))}
            assert ops[("step", step.uid)].fields == {"title": "Stage en boulangerie"}
            assert ("need", new_uid) in ops
    key = vault.KeyFile.read(workspace_dir).unlock(passphrase)
    conn = eng.connect_raw(workspace_dir / wsmod.DB_FILE, key)
    try:
        after = schema_objects(conn)
    finally:
        conn.close()
    # every table, index and trigger of 0006 is still there, but for the indexes that
    # 0009_report_indexes replaces by wider ones (its own test checks them)
    replaced = {
        ("index", name)
        for name in (
            "ix_action_steps_open",
            "ix_action_steps_project_id",
            "ix_appointments_status_day",
            "ix_interviews_journey_id",
        )
    }
    assert before - replaced <= after
    assert {("trigger", f"beneficiaries_fts_{x}") for x in ("ai", "ad", "au")} <= after
    assert ("table", "outbox") in after and ("index", "ix_beneficiaries_uid") in after
