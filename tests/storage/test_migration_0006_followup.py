"""Revision 0006_followup: a 0005_docs workspace with data gains the two tables, keeps its
rows, and the new records can be written (and its closed journeys can be followed up)."""

from __future__ import annotations

from datetime import date

from cep_desk.storage import engine as eng
from cep_desk.storage import vault
from cep_desk.storage import workspace as wsmod
from cep_desk.usecases import beneficiaries, followups, satisfaction

from .migration_support import make_old_workspace


def test_0005_docs_workspace_upgrades_to_0006_followup(workspace_dir, passphrase):
    make_old_workspace(workspace_dir, passphrase, "0005_docs")
    key = vault.KeyFile.read(workspace_dir).unlock(passphrase)
    conn = eng.connect_raw(workspace_dir / wsmod.DB_FILE, key)
    stamp = "'2025-01-01 00:00:00', '2025-01-01 00:00:00'"
    conn.execute(
        "INSERT INTO journeys (id, beneficiary_id, request_date, reasons, level_reached, "
        f"level1_decision, redirect_to, closed_on, outcome_note, created_at, updated_at) "
        f"VALUES (1, 1, '2025-01-01', '[]', 2, 'continue', '', '2025-08-31', '', {stamp})"
    )
    conn.commit()
    conn.close()
    from cep_desk.usecases import workspaces

    with workspaces.open_(workspace_dir, passphrase) as ws:
        assert ws.migrated_from == "0005_docs"
        current = beneficiaries.load_file(ws, 1, audit=False).current
        assert current.journey.closed_on == date(2025, 8, 31)
        assert current.satisfaction == [] and current.followups == []
        f = followups.schedule_followup(ws, 1)
        assert f.due_on == date(2026, 2, 28)
        satisfaction.record_answers(
            ws, 1, level=2, channel="paper", answered_on=date(2025, 9, 1), satisfaction=4
        )
        assert satisfaction.pending_levels(ws, 1) == [1]
