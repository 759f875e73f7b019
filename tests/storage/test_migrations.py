"""Schema migrations: an older workspace opens and upgrades, after a copy aside."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import sqlcipher3
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from cep_desk.storage import engine as eng
from cep_desk.storage import migrate, vault
from cep_desk.storage import workspace as wsmod
from cep_desk.storage.models import Base
from cep_desk.usecases import beneficiaries, workspaces


def _make_first_revision_workspace(directory, passphrase) -> None:
    """What the very first release created: schema 0001, one person."""
    directory.mkdir(parents=True)
    db_key, _recovery = vault.create_key_file(directory, passphrase)
    engine = eng.make_engine(directory / wsmod.DB_FILE, db_key)
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO beneficiaries (last_name, first_name, phone, email, postcode, town, "
            "department, region, status, status_detail, sector, job_title, rqth_basis, notes, "
            "current_level, has_open_journey, sort_key, created_at, updated_at) VALUES "
            "('Ancien', 'Paul', '', '', '', 'Nantes', '', '', 'job_seeker', '', '', '', '', '', "
            "0, 0, 'ancien', '2020-01-01 00:00:00', '2020-01-01 00:00:00')"
        )
    engine.dispose()


def test_first_revision_workspace_upgrades(workspace_dir, passphrase):
    _make_first_revision_workspace(workspace_dir, passphrase)
    with workspaces.open_(workspace_dir, passphrase) as ws:
        assert ws.migrated_from == "0001"
        assert ws.pre_migration_copy is not None and ws.pre_migration_copy.exists()
        assert not ws.pre_migration_copy.read_bytes().startswith(eng.SQLITE_PLAIN_HEADER)
        report = workspaces.check(ws)
        assert report.ok and report.schema_version == migrate.head_revision()
        rows = beneficiaries.search_beneficiaries(ws, beneficiaries.ListFilter("nantes"))
        assert [r.last_name for r in rows] == ["Ancien"]
    # the copy aside is a real, encrypted database at the old revision
    conn = eng.connect_raw(
        ws.pre_migration_copy, vault.KeyFile.read(workspace_dir).unlock(passphrase)
    )
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    conn.close()


def test_check_reports_schema_version_cli(workspace_dir, passphrase):
    _make_first_revision_workspace(workspace_dir, passphrase)
    env = dict(os.environ, CEP_DESK_PASSPHRASE=passphrase)
    out = subprocess.run(
        [sys.executable, "-m", "cep_desk", "check", "--workspace", str(workspace_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["schema_version"] == migrate.head_revision()
    assert "mis à jour depuis la version 0001" in out.stderr


def test_models_match_migrations():
    engine = create_engine("sqlite+pysqlite://", module=sqlcipher3.dbapi2)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    # The FTS5 index is created by hand in the migration and is not an ORM model.
    diff = [
        d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith("beneficiary_fts"))
    ]
    assert diff == []
