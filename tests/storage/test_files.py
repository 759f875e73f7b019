"""Missing, empty or damaged files are reported, never silently replaced."""

from __future__ import annotations

import pytest

from cep_desk.storage import vault
from cep_desk.storage import workspace as wsmod
from cep_desk.usecases import beneficiaries, workspaces


@pytest.fixture
def closed(new_workspace, workspace_dir):
    ws, _ = new_workspace
    beneficiaries.create_beneficiary(ws, last_name="Roux", first_name="Zoé")
    ws.close()
    return workspace_dir


def test_missing_database_is_reported_not_recreated(closed, passphrase):
    (closed / wsmod.DB_FILE).unlink()
    with pytest.raises(wsmod.WorkspaceMissing, match="introuvable"):
        workspaces.open_(closed, passphrase)
    assert not (closed / wsmod.DB_FILE).exists()


def test_empty_database_is_reported_not_replaced(closed, passphrase):
    (closed / wsmod.DB_FILE).write_bytes(b"")
    with pytest.raises(wsmod.WorkspaceDamaged, match="vide"):
        workspaces.open_(closed, passphrase)
    assert (closed / wsmod.DB_FILE).stat().st_size == 0


def test_damaged_database_is_reported(closed, passphrase):
    db = closed / wsmod.DB_FILE
    data = bytearray(db.read_bytes())
    data[:4096] = b"\x00" * 4096  # the first page, salt and all
    db.write_bytes(bytes(data))
    with pytest.raises(wsmod.WorkspaceDamaged, match="endommagé"):
        workspaces.open_(closed, passphrase)


def test_missing_key_file(closed, passphrase):
    (closed / vault.KEYS_FILE).unlink()
    with pytest.raises(vault.VaultError, match="introuvable"):
        workspaces.open_(closed, passphrase)


def test_corrupt_key_file(closed, passphrase):
    (closed / vault.KEYS_FILE).write_text("{ pas du json")
    with pytest.raises(vault.VaultError, match="endommagé"):
        workspaces.open_(closed, passphrase)


def test_create_refuses_a_non_empty_folder(tmp_path, passphrase):
    (tmp_path / "autre.txt").write_text("x")
    with pytest.raises(wsmod.WorkspaceError, match="pas vide"):
        workspaces.create(tmp_path, passphrase)


def test_create_refuses_an_existing_workspace(closed, passphrase):
    with pytest.raises(wsmod.WorkspaceError, match="existe déjà"):
        workspaces.create(closed, passphrase)


def test_integrity_check_ok(ws):
    report = workspaces.check(ws)
    assert report.ok and report.problems == []
