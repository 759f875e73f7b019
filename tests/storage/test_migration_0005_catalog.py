"""Migration 0005_catalog: a workspace of revision 0004 gains the person's eligibility data."""

from __future__ import annotations

from dataclasses import replace

from cep_desk.storage import migrate
from cep_desk.usecases import beneficiaries, workspaces

from .migration_support import make_old_workspace


def test_0004_workspace_upgrades_with_empty_eligibility_data(workspace_dir, passphrase):
    make_old_workspace(workspace_dir, passphrase, "0004", people=2)
    with workspaces.open_(workspace_dir, passphrase) as ws:
        assert ws.migrated_from == "0004"
        assert workspaces.check(ws).schema_version == migrate.head_revision()
        [row] = beneficiaries.search_beneficiaries(ws, beneficiaries.ListFilter("nantes"))
        old = beneficiaries.load_file(ws, row.id, audit=False).beneficiary
        assert (old.last_name, old.town) == ("Ancien", "Nantes")  # nothing existing changed
        assert (old.contract_type, old.seniority_months, old.activity_months) == (None,) * 3
        assert (old.working_time, old.opco, old.pcs_group, old.branch) == (None, None, None, "")
        changed = beneficiaries.update_beneficiary(
            ws,
            row.id,
            contract_type="cdi",
            seniority_months=14,
            activity_months=26,
            working_time="full",
            opco="opco_sante",
            branch="IDCC 2264",
            pcs_group="4",
        )
    with workspaces.open_(workspace_dir, passphrase) as ws:
        assert ws.migrated_from is None
        again = beneficiaries.load_file(ws, row.id, audit=False).beneficiary
        assert replace(again, updated_at=None) == replace(changed, updated_at=None)
        assert (again.contract_type, again.seniority_months, again.branch) == (
            "cdi",
            14,
            "IDCC 2264",
        )
