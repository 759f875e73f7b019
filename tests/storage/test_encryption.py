"""The workspace is encrypted at rest: no plaintext in any file, ever."""

from __future__ import annotations

import sqlite3

import pytest

from cep_desk.storage import workspace as wsmod
from cep_desk.storage.engine import SQLITE_PLAIN_HEADER
from cep_desk.storage.models import Beneficiary
from cep_desk.usecases import beneficiaries, journeys

CANARY = "Zyxwvutsrq-CANARI-7f3a9"


def _files_contain(directory, needle: str) -> list[str]:
    hits = []
    for path in wsmod.workspace_files(directory):
        data = path.read_bytes()
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            if needle.encode(encoding) in data:
                hits.append(f"{path.name} ({encoding})")
    return hits


def test_canary_absent_after_commit(ws, workspace_dir):
    person = beneficiaries.create_beneficiary(
        ws, last_name=CANARY, first_name="Élodie", town=CANARY, notes=CANARY * 50
    )
    journey = journeys.start_journey(ws, person.id)
    journeys.add_session(ws, journey.id, 1, request_expressed=CANARY)
    names = {p.name for p in wsmod.workspace_files(workspace_dir)}
    assert "cep.db-wal" in names, "WAL mode expected: the WAL must be checked too"
    assert _files_contain(workspace_dir, CANARY) == []
    ws.close()
    assert _files_contain(workspace_dir, CANARY) == []


def test_canary_absent_during_open_transaction(ws, workspace_dir):
    with ws.session() as s:
        s.add(Beneficiary(last_name=CANARY, first_name="x", notes=CANARY * 200))
        s.flush()  # written to the database pages, not committed
        assert _files_contain(workspace_dir, CANARY) == []
    assert _files_contain(workspace_dir, CANARY) == []


def test_database_is_not_plain_sqlite(ws, workspace_dir):
    beneficiaries.create_beneficiary(ws, last_name="Dupont", first_name="Léa")
    ws.close()
    db = workspace_dir / wsmod.DB_FILE
    assert not db.read_bytes().startswith(SQLITE_PLAIN_HEADER)
    conn = sqlite3.connect(db)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    conn.close()


def test_pragmas(ws):
    with ws.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # MEMORY, never FILE
        assert conn.exec_driver_sql("PRAGMA cipher_version").scalar()


def test_keys_file_holds_no_raw_key(ws, workspace_dir):
    text = (workspace_dir / "keys.json").read_text()
    assert ws.db_key.hex() not in text
    assert ws.db_key.hex().upper() not in text
