"""Older workspaces for the migration tests: a real SQLCipher file at a chosen revision."""

from __future__ import annotations

from pathlib import Path

import uuid6

from cep_desk.storage import engine as eng
from cep_desk.storage import migrate, vault
from cep_desk.storage import workspace as wsmod

_PERSON = (
    "INSERT INTO beneficiaries (last_name, first_name, phone, email, postcode, town, "
    "department, region, status, status_detail, sector, job_title, rqth_basis, notes, "
    "current_level, has_open_journey, sort_key, created_at, updated_at) VALUES "
    "(?, ?, '', '', '', ?, '', '', 'job_seeker', '', '', '', '', '', "
    "0, 0, ?, '2020-01-01 00:00:00', '2020-01-01 00:00:00')"
)


def make_old_workspace(directory: Path, passphrase: str, revision: str, people: int = 1) -> None:
    """What an older release created: the schema at ``revision`` and ``people`` persons
    (the first one is « Ancien Paul » in Nantes)."""
    directory.mkdir(parents=True)
    db_key, _recovery = vault.create_key_file(directory, passphrase)
    engine = eng.make_engine(directory / wsmod.DB_FILE, db_key)
    migrate.upgrade(engine, revision)
    rows = [("Ancien", "Paul", "Nantes", "ancien paul")]
    rows += [
        (f"Personne{i:05d}", "Test", "Rennes", f"personne{i:05d} test") for i in range(1, people)
    ]
    with engine.begin() as conn:
        conn.exec_driver_sql(_PERSON, rows)
        columns = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(beneficiaries)")}
        if "uid" in columns:  # from 0008_sync_ids on, each record has its global id
            ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM beneficiaries")]
            conn.exec_driver_sql(
                "UPDATE beneficiaries SET uid = ? WHERE id = ?",
                [(str(uuid6.uuid7()), i) for i in ids],
            )
    eng.checkpoint(engine)
    engine.dispose()


def schema_objects(conn) -> set[tuple[str, str]]:
    """(type, name) of every table, index and trigger of a raw DB-API connection."""
    return {
        (str(t), str(n))
        for t, n in conn.execute(
            "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        )
    }
