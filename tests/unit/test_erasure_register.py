"""Issue 10.6: an erasure stays erased when an older backup is restored, and killed restores
leave no hidden folder behind after the next start."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from cep_desk.usecases import beneficiaries, journeys, workspaces
from cep_desk.usecases.lifecycle import backup as B
from cep_desk.usecases.lifecycle import erasures, rights

# Every test here runs on SQLCipher and on PostgreSQL (tests/engines.py).
pytestmark = pytest.mark.both_engines


@pytest.fixture
def two(new_workspace):
    ws, _ = new_workspace
    zoe = beneficiaries.create_beneficiary(ws, last_name="Roux", first_name="Zoé")
    journeys.start_journey(ws, zoe.id, request_date=date(2026, 1, 5))
    leo = beneficiaries.create_beneficiary(ws, last_name="Vidal", first_name="Léo")
    return ws, zoe.id, leo.id


def _names(directory: Path, passphrase: str) -> list[str]:
    with workspaces.open_(directory, passphrase) as ws:
        return sorted(r["last_name"] for r in beneficiaries.list_all(ws))


def test_erasure_is_recorded_outside_the_database_without_personal_data(two):
    ws, zoe, _leo = two
    rights.erase(ws, zoe)
    path = ws.path / erasures.REGISTER_FILE
    text = path.read_text("utf-8")
    assert "Roux" not in text and "Zoé" not in text
    data = json.loads(text)
    assert [e["id"] for e in data["entries"]] == [zoe]
    assert set(data["entries"][0]) == {"id", "created_at", "erased_at"}
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.sqlcipher_only  # the laptop's file, key slots, backups or CLI
def test_restoring_an_older_backup_erases_again(two, tmp_path, passphrase):
    ws, zoe, _leo = two
    report = B.backup(ws, tmp_path / "avant.cepbak")
    rights.erase(ws, zoe)
    restored = B.restore(report.path, tmp_path / "restauré", passphrase, erasures_from=ws.path)
    assert restored.erasures_applied == [zoe]
    assert restored.erasure_warning is None
    assert _names(restored.path, passphrase) == ["Vidal"]
    with workspaces.open_(restored.path, passphrase) as ws2:
        assert workspaces.check(ws2).ok
        # the statistics of the erased journey survive, dated from the original erasure
        from cep_desk.storage import models as m
        from cep_desk.usecases.lifecycle import stats  # noqa: F401  (the table is what matters)

        with ws2.read() as s:
            assert s.query(m.AnonymisedJourney).count() == 1
    # the restored workspace carries the register: a second, older restore erases again
    assert erasures.read(restored.path).entries[0].id == zoe
    again = B.restore(report.path, tmp_path / "encore", passphrase, erasures_from=restored.path)
    assert again.erasures_applied == [zoe]


@pytest.mark.sqlcipher_only  # the laptop's file, key slots, backups or CLI
def test_without_a_register_the_restore_warns(two, tmp_path, passphrase):
    ws, zoe, _leo = two
    report = B.backup(ws, tmp_path / "avant.cepbak")
    rights.erase(ws, zoe)
    restored = B.restore(report.path, tmp_path / "r1", passphrase)
    assert restored.erasures_applied == []
    assert "effacées après le" in restored.erasure_warning
    assert _names(restored.path, passphrase) == ["Roux", "Vidal"]
    # a damaged register: said, never guessed
    (ws.path / erasures.REGISTER_FILE).write_text("{ abîmé")
    damaged = B.restore(report.path, tmp_path / "r2", passphrase, erasures_from=ws.path)
    assert "illisible" in damaged.erasure_warning and damaged.erasures_applied == []


@pytest.mark.sqlcipher_only  # the laptop's file, key slots, backups or CLI
def test_a_register_of_another_workspace_is_not_applied(two, tmp_path, passphrase):
    ws, zoe, _leo = two
    report = B.backup(ws, tmp_path / "avant.cepbak")
    other = tmp_path / "autre"
    other.mkdir()
    erasures.write(
        other, erasures.Register("un-autre-espace", [erasures.Erasure(zoe, "", "2026-01-01")])
    )
    restored = B.restore(report.path, tmp_path / "r", passphrase, erasures_from=other)
    assert restored.erasures_applied == []
    assert "autre espace" in restored.erasure_warning
    assert _names(restored.path, passphrase) == ["Roux", "Vidal"]


@pytest.mark.sqlcipher_only  # the laptop's file, key slots, backups or CLI
def test_an_id_given_again_to_someone_else_is_left_alone(two, tmp_path, passphrase):
    ws, _zoe, leo = two
    report = B.backup(ws, tmp_path / "avant.cepbak")
    from cep_desk.storage import vault

    wid = vault.KeyFile.read(ws.path).workspace_id
    # an entry with Léo's id but another record's creation time: not Léo
    erasures.write(
        ws.path,
        erasures.Register(
            wid, [erasures.Erasure(leo, "2001-01-01T00:00:00+00:00", "2026-01-01T00:00:00")]
        ),
    )
    restored = B.restore(report.path, tmp_path / "r", passphrase, erasures_from=ws.path)
    assert restored.erasures_applied == []
    assert _names(restored.path, passphrase) == ["Roux", "Vidal"]


@pytest.mark.sqlcipher_only  # the laptop's file, key slots, backups or CLI
def test_a_damaged_register_stops_the_erasure_in_french(two, passphrase):
    ws, zoe, _leo = two
    (ws.path / erasures.REGISTER_FILE).write_text("[1, 2")
    directory = ws.path
    ws.close()
    run = subprocess.run(
        [sys.executable, "-m", "cep_desk", "erase", "--beneficiary", str(zoe)]
        + ["--workspace", str(directory)],
        env=dict(os.environ, CEP_DESK_PASSPHRASE=passphrase),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert "Rien n'a été effacé" in run.stderr and "Error" not in run.stderr
    assert _names(directory, passphrase) == ["Roux", "Vidal"]
    assert (directory / erasures.REGISTER_FILE).read_text() == "[1, 2"


def test_purge_records_every_person(two, passphrase):
    ws, zoe, leo = two
    workspaces.set_setting(ws, "retention_years", 1)
    ids = rights.purge(ws, today=date(2040, 1, 1))
    assert sorted(ids) == sorted([zoe, leo])
    assert sorted(e.id for e in erasures.read(ws.path).entries) == sorted([zoe, leo])


@pytest.mark.sqlcipher_only  # the laptop's file, key slots, backups or CLI
def test_cli_restore_reapplies_the_register_of_the_workspace(two, tmp_path, passphrase):
    ws, zoe, _leo = two
    report = B.backup(ws, tmp_path / "avant.cepbak")
    rights.erase(ws, zoe)
    directory = ws.path
    ws.close()
    run = subprocess.run(
        [sys.executable, "-m", "cep_desk", "restore", str(report.path)]
        + ["--to", str(tmp_path / "r"), "--workspace", str(directory)],
        env=dict(os.environ, CEP_DESK_PASSPHRASE=passphrase),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "effacées de nouveau" in run.stderr
    assert _names(tmp_path / "r", passphrase) == ["Vidal"]
    run = subprocess.run(
        [sys.executable, "-m", "cep_desk", "restore", str(report.path)]
        + ["--to", str(tmp_path / "r2"), "--workspace", str(tmp_path / "nulle-part")],
        env=dict(os.environ, CEP_DESK_PASSPHRASE=passphrase),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "Attention" in run.stderr and "effacez-les de nouveau" in run.stderr


# ---------------------------------------------------------------------------------------------
# Killed restores
# ---------------------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_a_running_restore_is_not_cleaned(tmp_path):
    import fcntl

    work = tmp_path / f".cible{B.RESTORE_MARK}abc"
    work.mkdir()
    fd = os.open(work / B.RESTORE_LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert B.clean_abandoned_restores([tmp_path]) == []
        assert work.exists()
    finally:
        os.close(fd)
    assert B.clean_abandoned_restores([tmp_path]) == [work]
    assert not work.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_restore_is_cleaned_at_the_next_start(tmp_path, passphrase):
    from cep_desk import demo

    ws, _ = demo.create_demo_workspace(tmp_path / "demo", 300, passphrase=passphrase)
    report = B.backup(ws, tmp_path / "s.cepbak")
    ws.close()
    parent = tmp_path / "restaurations"
    parent.mkdir()
    env = dict(os.environ, CEP_DESK_PASSPHRASE=passphrase)
    killed = 0
    for _trial in range(3):
        child = subprocess.Popen(
            [sys.executable, "-m", "cep_desk", "restore", str(report.path)]
            + ["--to", str(parent / "cible"), "--sans-effacements"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        try:
            while time.monotonic() < deadline and child.poll() is None:
                hidden = [p for p in parent.iterdir() if B.RESTORE_MARK in p.name]
                if hidden and (hidden[0] / "cep.db").exists():
                    os.kill(child.pid, signal.SIGKILL)
                    break
                time.sleep(0.005)
        finally:
            child.wait(timeout=60)
        if child.returncode == -signal.SIGKILL:
            killed += 1
        if (parent / "cible").exists():  # the restore won the race: start again
            import shutil

            shutil.rmtree(parent / "cible")
    assert killed >= 1
    assert [p for p in parent.iterdir() if B.RESTORE_MARK in p.name]
    # the next start (any verb) next to that folder removes what the killed restores left
    run = subprocess.run(
        [sys.executable, "-m", "cep_desk", "catalogue", "--workspace", str(parent / "espace")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert list(parent.iterdir()) == []
