"""Issue 10.5: after a change of database key, the old keys.json and the old secrets open
nothing; a process killed at any point of the change leaves a workspace that opens with either
the old or the new secrets, never neither."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from cep_desk.storage import engine as eng
from cep_desk.storage import rekey, vault
from cep_desk.storage import workspace as wsmod
from cep_desk.usecases import beneficiaries, workspaces

NEW = "Une toute nouvelle phrase de passe 2027 !"
FIXED_RECOVERY = "ABCDE-FGHJK-MNPQR-STUVW-XYZ23-45678"


@pytest.fixture
def filled(new_workspace, workspace_dir):
    ws, recovery = new_workspace
    for i in range(40):
        beneficiaries.create_beneficiary(ws, last_name=f"Nom{i}", first_name="Zoé")
    ws.close()
    return workspace_dir, recovery


def _people(directory: Path, secret: str) -> list:
    with workspaces.open_(directory, secret) as ws:
        return [(r["id"], r["last_name"], r["first_name"]) for r in beneficiaries.list_all(ws)]


def _opens(directory: Path, secret: str) -> bool:
    try:
        workspaces.open_(directory, secret).close()
    except (vault.WrongSecret, wsmod.WorkspaceError):
        return False
    return True


def test_after_a_rekey_the_old_key_file_and_passphrase_open_nothing(filled, passphrase):
    directory, old_recovery = filled
    before = _people(directory, passphrase)
    old_keys = (directory / vault.KEYS_FILE).read_bytes()
    old_key = vault.KeyFile.read(directory).unlock(passphrase)
    with workspaces.open_(directory, passphrase) as ws:
        report = workspaces.rekey(ws, passphrase, NEW)
        # the open workspace goes on working, with the new key
        beneficiaries.create_beneficiary(ws, last_name="Après", first_name="Léo")
        assert ws.db_key != old_key
    assert report.recovery_key != old_recovery
    after = _people(directory, NEW)
    assert sorted(after) == sorted(before + [p for p in after if p[1] == "Après"])
    assert len(after) == len(before) + 1
    assert _people(directory, report.recovery_key) == after
    # old secrets with the new key file: refused
    assert not _opens(directory, passphrase)
    assert not _opens(directory, old_recovery)
    # the old key itself no longer decrypts cep.db
    engine = eng.make_engine(directory / "cep.db", old_key)
    with pytest.raises(eng.DatabaseUnreadable):
        eng.probe(engine)
    engine.dispose()
    # an old copy of keys.json put back, with the old passphrase: nothing opens
    (directory / vault.KEYS_FILE).write_bytes(old_keys)
    with pytest.raises(wsmod.WorkspaceDamaged):
        workspaces.open_(directory, passphrase)
    assert not any(p.name.endswith((".rekey", ".nouveau")) for p in directory.iterdir())
    assert not (directory / rekey.JOURNAL).exists()


def test_rekey_with_a_wrong_current_secret_changes_nothing(filled, passphrase):
    directory, _ = filled
    with workspaces.open_(directory, passphrase) as ws:
        before = {p.name: p.read_bytes() for p in directory.iterdir() if p.name != "cep.lock"}
        with pytest.raises(vault.WrongSecret):
            workspaces.rekey(ws, "pas la bonne phrase de passe 123 !", NEW)
    assert _opens(directory, passphrase)
    assert (directory / vault.KEYS_FILE).read_bytes() == before[vault.KEYS_FILE]


def test_passwd_writes_no_bak_and_a_leftover_bak_is_removed(filled, passphrase, monkeypatch):
    directory, _ = filled
    written: list[str] = []
    real = vault.write_atomically

    def recording(path, data, **kw):
        written.append(Path(path).name)
        return real(path, data, **kw)

    monkeypatch.setattr(vault, "write_atomically", recording)
    old = (directory / vault.KEYS_FILE).read_text()
    workspaces.change_passphrase(directory, passphrase, NEW)
    assert vault.KEYS_BACKUP not in written
    # a .bak left by a change killed with the old code still holds the old slot
    (directory / vault.KEYS_BACKUP).write_text(old)
    workspaces.open_(directory, NEW).close()
    assert not (directory / vault.KEYS_BACKUP).exists()


CHILD = r"""
import os, signal, sys
from cep_desk.storage import rekey, vault
from cep_desk.usecases import workspaces
directory, old, new, stop, fixed = sys.argv[1:6]
vault.new_recovery_key = lambda: fixed
def reached(step):
    if step == stop:
        os.kill(os.getpid(), signal.SIGKILL)
rekey._reached = reached
ws = workspaces.open_(directory, old)
workspaces.rekey(ws, old, new)
ws.close()
print("done", flush=True)
"""

STEPS = ["staged", "exported", "keys-staged", "journal", "db-swapped", "keys-swapped", "none"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_rekey_killed_at_every_step_opens_with_old_or_new_secrets(filled, passphrase, tmp_path):
    directory, old_recovery = filled
    before = _people(directory, passphrase)
    pristine = tmp_path / "pristine"
    pristine.mkdir()
    for p in directory.iterdir():
        if p.is_file():
            (pristine / p.name).write_bytes(p.read_bytes())
    outcomes = {}
    for step in STEPS:
        for p in list(directory.iterdir()):
            p.unlink()
        for p in pristine.iterdir():
            (directory / p.name).write_bytes(p.read_bytes())
        run = subprocess.run(
            [sys.executable, "-c", CHILD, str(directory), passphrase, NEW, step, FIXED_RECOVERY],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if step == "none":
            assert run.returncode == 0, run.stderr
        else:
            assert run.returncode == -signal.SIGKILL, run.stderr
        old_ok = _opens(directory, passphrase)
        new_ok = _opens(directory, NEW)
        assert old_ok != new_ok, (step, old_ok, new_ok)
        assert _opens(directory, old_recovery) == old_ok
        assert _opens(directory, FIXED_RECOVERY) == new_ok
        assert _people(directory, passphrase if old_ok else NEW) == before
        leftovers = [p.name for p in directory.iterdir() if p.name.startswith(".")]
        assert leftovers == [], (step, leftovers)
        assert not (directory / rekey.JOURNAL).exists()
        outcomes[step] = "old" if old_ok else "new"
    assert outcomes["staged"] == outcomes["journal"] == "old"
    assert outcomes["db-swapped"] == outcomes["keys-swapped"] == outcomes["none"] == "new"


def test_cli_passwd_rekey(filled, passphrase):
    directory, old_recovery = filled
    env = dict(os.environ, CEP_DESK_PASSPHRASE=passphrase, CEP_DESK_NEW_PASSPHRASE=NEW)
    run = subprocess.run(
        [sys.executable, "-m", "cep_desk", "passwd", "--rekey", "--workspace", str(directory)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    recovery = run.stdout.strip()
    assert len(recovery.split("-")) == vault.RECOVERY_GROUPS
    assert "anciennes" in run.stderr or "ancienne" in run.stderr
    assert "restent chiffrées avec l'ancienne clé" in run.stderr
    assert _opens(directory, recovery) and _opens(directory, NEW)
    assert not _opens(directory, passphrase) and not _opens(directory, old_recovery)
    listing = subprocess.run(
        [sys.executable, "-m", "cep_desk", "list", "--workspace", str(directory)],
        env=dict(os.environ, CEP_DESK_PASSPHRASE=passphrase),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listing.returncode == 3
