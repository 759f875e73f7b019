"""0005_kinds: a need gains its wished target date; an older workspace upgrades, keeps its
needs (date empty), and the new date is then stored, exported, printed and in the access copy."""

from __future__ import annotations

import io
from datetime import date

import pypdf

from cep_desk.storage import engine as eng
from cep_desk.storage import migrate
from cep_desk.usecases import beneficiaries, export, plan, workspaces
from cep_desk.usecases.lifecycle import exchange, rights

from .migration_support import make_old_workspace


def _text(pdf: bytes) -> str:
    return " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_0004_workspace_upgrades_and_needs_get_a_target_date(workspace_dir, passphrase):
    make_old_workspace(workspace_dir, passphrase, "0004")
    from cep_desk.storage import vault
    from cep_desk.storage import workspace as wsmod

    db_key = vault.KeyFile.read(workspace_dir).unlock(passphrase)
    engine = eng.make_engine(workspace_dir / wsmod.DB_FILE, db_key)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO journeys (beneficiary_id, request_date, reasons, level_reached, "
            "redirect_to, outcome_note, created_at, updated_at) VALUES "
            "(1, '2025-01-06', '[]', 2, '', '', '2025-01-06 00:00:00', '2025-01-06 00:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO needs (journey_id, theme, description, rank, status, created_at, "
            "updated_at) VALUES (1, 'training', 'Besoin ancien', 1, 'open', "
            "'2025-01-06 00:00:00', '2025-01-06 00:00:00')"
        )
        assert migrate.current_revision(conn) == "0004"
    engine.dispose()

    with workspaces.open_(workspace_dir, passphrase) as ws:
        assert ws.migrated_from == "0004"
        (need,) = beneficiaries.load_file(ws, 1, audit=False).current.needs
        assert need.description == "Besoin ancien" and need.target_on is None
        plan.update_need(ws, need.id, target_on=date(2027, 3, 15))
        (need,) = beneficiaries.load_file(ws, 1, audit=False).current.needs
        assert need.target_on == date(2027, 3, 15)

        data = exchange.export_json(ws, 1)
        assert data["people"][0]["journeys"][0]["needs"][0]["target_on"] == "2027-03-15"
        exchange.validate(data)  # the schema knows the field
        printed = _text(export.issue_plan(ws, 1, channel="export").pdf)
        assert "Échéance souhaitée : 15/03/2027" in printed
        pdf, _data = rights.access_export(ws, 1)
        access = "".join(_text(pdf).split())  # a table header may wrap
        assert "Échéancesouhaitée" in access and "15/03/2027" in access
