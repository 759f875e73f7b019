"""Revision 0005_docs: an older workspace gains the level-1 duties and the document facts."""

from __future__ import annotations

from datetime import date

from cep_desk.storage import engine as eng
from cep_desk.storage import vault
from cep_desk.storage import workspace as wsmod
from cep_desk.usecases import beneficiaries, journeys, plan, workspaces

from .migration_support import make_old_workspace


def _add_old_journey(directory, passphrase) -> None:
    """A journey with a project and a step, written as revision 0004 stored them."""
    key = vault.KeyFile.read(directory).unlock(passphrase)
    conn = eng.connect_raw(directory / wsmod.DB_FILE, key)
    stamp = "'2025-01-01 00:00:00', '2025-01-01 00:00:00'"
    conn.execute(
        "INSERT INTO journeys (id, beneficiary_id, request_date, reasons, level_reached, "
        f"redirect_to, outcome_note, created_at, updated_at) VALUES "
        f"(1, 1, '2025-01-01', '[]', 2, '', '', {stamp})"
    )
    conn.execute(
        "INSERT INTO projects (id, journey_id, kind, target_job_label, rome_code, rome_version, "
        "certification_label, certification_code, description, created_at, updated_at) "
        f"VALUES (1, 1, 'reconversion', 'Menuisier', '', '', 'CAP menuisier', '', '', {stamp})"
    )
    conn.execute(
        "INSERT INTO action_steps (project_id, title, detail, owner, partner_name, status, "
        f"is_milestone, position, scheme_code, created_at, updated_at) VALUES "
        f"(1, 'Atelier', '', 'partner', 'AFPA', 'planned', 0, 1, '', {stamp})"
    )
    conn.commit()
    conn.close()


def test_0004_workspace_upgrades_to_0005_docs(workspace_dir, passphrase):
    make_old_workspace(workspace_dir, passphrase, "0004")
    _add_old_journey(workspace_dir, passphrase)
    with workspaces.open_(workspace_dir, passphrase) as ws:
        assert ws.migrated_from == "0004"
        current = beneficiaries.load_file(ws, 1, audit=False).current
        # old rows get the neutral values: nothing presented, nothing internal, no facts
        assert current.journey.cep_presented_on is None
        assert [s.internal_service for s in current.steps] == [False]
        project = current.project
        assert project.certification_label == "CAP menuisier"
        assert project.training_provider == "" and project.exam_on is None
        assert project.training_part_time is False and project.cep_opinion == ""
        # and the new fields can be written
        journeys.update_journey(ws, 1, cep_presented_on=date(2025, 1, 2))
        plan.update_step(ws, current.steps[0].id, internal_service=True)
        plan.update_project(
            ws, 1, training_hours=800, exam_on=date(2026, 6, 30), training_part_time=True
        )
        again = beneficiaries.load_file(ws, 1, audit=False).current
        assert again.journey.cep_presented_on == date(2025, 1, 2)
        assert again.steps[0].internal_service is True
        assert again.project.training_hours == 800 and again.project.training_part_time
