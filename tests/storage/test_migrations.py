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


def test_check_reports_schema_version_cli_without_migrating(workspace_dir, passphrase):
    """`check` opens read-only: it reports the old revision and leaves the file as it was."""
    _make_first_revision_workspace(workspace_dir, passphrase)
    before = (workspace_dir / wsmod.DB_FILE).read_bytes()
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
    assert report["schema_version"] == "0001" and report["upgrade_pending"] is True
    assert report["head_version"] == migrate.head_revision() and not report["damaged"]
    assert "sera mis à jour" in out.stderr
    assert not list(workspace_dir.glob("*.bak"))
    assert (workspace_dir / wsmod.DB_FILE).read_bytes() == before
    wal = workspace_dir / f"{wsmod.DB_FILE}-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    key = vault.KeyFile.read(workspace_dir).unlock(passphrase)
    conn = eng.connect_raw(workspace_dir / wsmod.DB_FILE, key)
    assert conn.execute("SELECT count(*) FROM audit_events").fetchone()[0] == 0
    conn.close()


def test_ddl_is_transactional_on_the_app_engine(tmp_path):
    """The engine's recipe: a rolled-back transaction takes its CREATE TABLE with it, and a
    SAVEPOINT rolls back alone."""
    engine = eng.make_engine(tmp_path / "t.db", b"k" * 32)
    with engine.connect() as conn:
        with conn.begin() as tx:
            conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
            tx.rollback()
        with conn.begin():
            conn.exec_driver_sql("CREATE TABLE u (x INTEGER)")
            conn.exec_driver_sql("INSERT INTO u VALUES (1)")
            nested = conn.begin_nested()
            conn.exec_driver_sql("INSERT INTO u VALUES (2)")
            nested.rollback()
        names = [r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")]
        rows = conn.exec_driver_sql("SELECT x FROM u").fetchall()
        # outside any transaction, as SQLite requires
        assert eng.outside_transaction(engine, "PRAGMA foreign_keys") == [(1,)]
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert names == ["u"] and rows == [(1,)]
    eng.outside_transaction(engine, "VACUUM")
    engine.dispose()


def test_failed_upgrade_is_told_in_french_and_rolled_back(workspace_dir, passphrase, monkeypatch):
    """A migration that fails half-way: nothing of it stays, the message says so in French
    and how to go back to the one copy aside; a second try keeps a single copy."""
    _make_first_revision_workspace(workspace_dir, passphrase)
    from alembic.operations import Operations

    real = Operations.create_index

    def failing(self, name, *args, **kwargs):
        if name == "ix_beneficiaries_list":
            raise RuntimeError("boom")
        return real(self, name, *args, **kwargs)

    monkeypatch.setattr(Operations, "create_index", failing)
    for _ in range(2):
        try:
            workspaces.open_(workspace_dir, passphrase)
        except wsmod.MigrationIncomplete as exc:
            message = str(exc)
        else:  # pragma: no cover
            raise AssertionError("the upgrade should have failed")
    assert "schéma 0001" in message and "cep.db.avant-0001.bak" in message
    assert "RuntimeError" not in message and "boom" not in message
    assert [p.name for p in workspace_dir.glob("*.bak")] == ["cep.db.avant-0001.bak"]
    key = vault.KeyFile.read(workspace_dir).unlock(passphrase)
    conn = eng.connect_raw(workspace_dir / wsmod.DB_FILE, key)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "anonymised_journeys" not in tables and "ix_beneficiaries_sort_key" in tables
    conn.close()
    monkeypatch.undo()
    with workspaces.open_(workspace_dir, passphrase) as ws:
        assert workspaces.check(ws).ok and ws.schema_revision == migrate.head_revision()


def test_workspace_from_a_newer_release_is_refused_untouched(workspace_dir, passphrase):
    _make_first_revision_workspace(workspace_dir, passphrase)
    key = vault.KeyFile.read(workspace_dir).unlock(passphrase)
    conn = eng.connect_raw(workspace_dir / wsmod.DB_FILE, key)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    try:
        workspaces.open_(workspace_dir, passphrase)
    except wsmod.WorkspaceTooNew as exc:
        assert "plus récente" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("a newer schema must be refused")
    assert not list(workspace_dir.glob("*.bak"))


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


def _make_0003_workspace_with_sample(directory, passphrase) -> None:
    """A workspace of revision 0003, seeded with the sample referential as 0003 did, whose
    project was filled from the sample (a fictitious RNCP code, the sample's ROME version)."""
    from cep_desk import referentials

    directory.mkdir(parents=True)
    db_key, _recovery = vault.create_key_file(directory, passphrase)
    engine = eng.make_engine(directory / wsmod.DB_FILE, db_key)
    migrate.upgrade(engine, "0003")
    stamp = "'2025-01-01 00:00:00', '2025-01-01 00:00:00'"
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO counsellors (id, name, organisation, operator_kind, region, email, "
            "phone, address, created_at, updated_at) VALUES (1, 'Claire Martin', 'CIBC', "
            f"'regional', '', '', '', '', {stamp})"
        )
        conn.exec_driver_sql(
            "INSERT INTO beneficiaries (id, last_name, first_name, phone, email, postcode, town, "
            "department, region, status, status_detail, sector, job_title, rqth_basis, notes, "
            "current_level, has_open_journey, sort_key, created_at, updated_at) VALUES "
            "(1, 'Ancien', 'Paul', '', '', '', 'Nantes', '', '', 'job_seeker', '', '', '', '', "
            f"'', 2, 1, 'ancien', {stamp})"
        )
        conn.exec_driver_sql(
            "INSERT INTO journeys (id, beneficiary_id, request_date, reasons, level_reached, "
            "redirect_to, outcome_note, created_at, updated_at) VALUES "
            f"(1, 1, '2025-01-01', '[]', 2, '', '', {stamp})"
        )
        conn.exec_driver_sql(
            "INSERT INTO projects (journey_id, kind, target_job_label, rome_code, rome_version, "
            "certification_label, certification_code, description, created_at, updated_at) "
            "VALUES (1, 'reconversion', 'Aide-soignant', 'J1501', 'Extrait d''exemple CE', "
            f"'Diplôme d''État d''aide-soignant', 'RNCP90026', 'Mon projet', {stamp})"
        )
    engine.dispose()
    referentials.seed_sample_referentials(directory)


def test_0004_takes_the_sample_referential_out_and_keeps_labels(workspace_dir, passphrase):
    from cep_desk import referentials
    from cep_desk.usecases import export

    _make_0003_workspace_with_sample(workspace_dir, passphrase)
    assert referentials.open_referential(workspace_dir).has("rncp")
    with workspaces.open_(workspace_dir, passphrase) as ws:
        assert ws.migrated_from == "0003"
        project = beneficiaries.load_file(ws, 1, audit=False).current.project
        assert project.certification_label == "Diplôme d'État d'aide-soignant"
        assert project.target_job_label == "Aide-soignant" and project.rome_code == "J1501"
        assert project.certification_code == "" and project.rome_version == ""
        assert project.description == "Mon projet"
        assert not referentials.default_referential_path(workspace_dir).exists()
        text = " ".join(
            p.extract_text() for p in _pdf_pages(export.issue_plan(ws, 1, channel="export").pdf)
        )
    assert "aide-soignant" in text and "Extrait" not in text and "RNCP90026" not in text


def _pdf_pages(pdf: bytes):
    import io

    import pypdf

    return pypdf.PdfReader(io.BytesIO(pdf)).pages


def test_new_workspace_has_no_referential_demo_has_the_sample(tmp_path, passphrase):
    from cep_desk import demo, referentials

    ws, _recovery = workspaces.create(tmp_path / "vrai", passphrase, {"name": "Claire Martin"})
    with ws:
        assert referentials.open_referential(ws.path).versions() == {}
        assert not referentials.default_referential_path(ws.path).exists()
    dws, _recovery = demo.create_demo_workspace(tmp_path / "demo", 3, passphrase=passphrase)
    with dws:
        versions = referentials.open_referential(dws.path).versions()
        assert set(versions) == {"rome", "rncp"}
        assert all(referentials.is_sample_text(v["version"]) for v in versions.values())
