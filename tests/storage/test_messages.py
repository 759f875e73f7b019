"""Every failure of issue 10 that the CLI can meet is said in French, with what to do, and
never with a Python exception name, a traceback or SQL (issue 10, items 8 and 11).

Runs everywhere: the read-only target folder is made with a mode of 0555 (as root, the CLI
runs without CAP_DAC_OVERRIDE through ``setpriv``, so that the mode applies); the full disk is
simulated with RLIMIT_FSIZE / max_page_count (the real small-disk cases are in
test_disk_faults.py)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from cep_desk import demo
from cep_desk.storage import engine as eng
from cep_desk.storage import vault
from cep_desk.storage import workspace as wsmod
from tests.conftest import PASSPHRASE

from .disk_support import RESTORE_ADVICE, TECHNICAL, run_cli

PEOPLE = 30
CHILD = str(Path(__file__).with_name("cli_child.py"))
PAGE = 4096


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("messages") / "espace"
    ws, _ = demo.create_demo_workspace(directory, PEOPLE, passphrase=PASSPHRASE)
    ws.close()
    return directory


@pytest.fixture
def workspace(template, tmp_path) -> Path:
    directory = tmp_path / "espace"
    shutil.copytree(template, directory)
    return directory


def _clean(out) -> None:
    assert not TECHNICAL.search(out.stderr), out.stderr
    assert "Traceback" not in out.stdout


def _schema_readable(db: Path, key: bytes) -> bool:
    conn = eng.connect_raw(db, key)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except Exception:
        return False
    finally:
        conn.close()


def _damage_pages(db: Path, key: bytes, wanted: int = 3) -> list[int]:
    """Flip one byte in up to ``wanted`` pages that hold data, not the schema (the file
    still opens; the damage is inside), and return their numbers (1-based)."""
    good = db.read_bytes()
    data = bytearray(good)
    damaged: list[int] = []
    for index in range(len(data) // PAGE - 1, 1, -1):
        trial = bytearray(data)
        trial[index * PAGE + 100] ^= 0xFF
        db.write_bytes(bytes(trial))
        if _schema_readable(db, key):
            data = trial
            damaged.append(index + 1)
            if len(damaged) == wanted:
                break
    db.write_bytes(bytes(data))
    assert damaged
    return damaged


def test_check_reports_damaged_pages_in_french(workspace):
    key = vault.KeyFile.read(workspace).unlock(PASSPHRASE)
    pages = _damage_pages(workspace / wsmod.DB_FILE, key)
    out = run_cli("check", "--workspace", str(workspace))
    assert out.returncode == 1, out.stderr
    report = json.loads(out.stdout)
    assert report["damaged"] and not report["ok"] and report["problems"]
    assert "endommagée" in out.stderr and str(pages[0]) in out.stderr
    assert "cep-desk restore" in out.stderr  # damage found by the check: a restore is advised
    _clean(out)
    # Any other verb on that file suspects damage and sends to the check, without advising a
    # restore on its own.
    exported = str(workspace.parent / "x.json")  # never in the directory the tests run from
    for args in (["list"], ["erase", "--beneficiary", "2"], ["export-json", "-o", exported]):
        out = run_cli(*args, "--workspace", str(workspace))
        _clean(out)  # it may work when it reads no damaged page
        assert not RESTORE_ADVICE.search(out.stderr.replace("endommagé et quoi faire", "")), (
            args,
            out.stderr,
        )


def _run_without_override(*args: str) -> object:
    """The CLI in a process where file modes apply, even to root."""
    if os.geteuid() != 0:
        return run_cli(*args)
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: a 0555 folder cannot be made read-only")
    import subprocess
    import sys

    env = dict(os.environ, CEP_DESK_PASSPHRASE=PASSPHRASE)
    return subprocess.run(
        ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--", sys.executable]
        + ["-m", "cep_desk", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.mark.parametrize(
    "verb",
    [
        ["export-json", "-o", "{t}/export.json"],
        ["backup", "-o", "{t}/copie.cepbak"],
        ["export-plan", "--beneficiary", "1", "-o", "{t}/plan.pdf"],
        ["stats", "--from", "01/01/2020", "--to", "31/12/2030", "-o", "{t}/stats.csv"],
        ["restore", "{b}", "--to", "{t}/restauré"],
    ],
    ids=["export-json", "backup", "export-plan", "stats", "restore"],
)
def test_read_only_target_folder_is_said_plainly(workspace, tmp_path, verb):
    backup = tmp_path / "copie.cepbak"
    assert run_cli("backup", "--workspace", str(workspace), "-o", str(backup)).returncode == 0
    target = tmp_path / "protege"
    target.mkdir()
    target.chmod(0o555)
    try:
        args = [a.format(t=target, b=backup) for a in verb]
        if verb[0] != "restore":
            args += ["--workspace", str(workspace)]
        out = _run_without_override(*args)
    finally:
        target.chmod(0o755)
    assert out.returncode != 0, out.stderr
    assert "droit d'écrire" in out.stderr or "lecture seule" in out.stderr, out.stderr
    assert str(target) in out.stderr, out.stderr
    _clean(out)
    assert not RESTORE_ADVICE.search(out.stderr.replace("restauré", "")) or verb[0] == "restore"
    assert list(target.iterdir()) == []


@pytest.mark.parametrize(
    "env",
    [{"CEP_TEST_FSIZE": "16384"}, {"CEP_TEST_FSIZE": str(64 * 1024)}],
    ids=["at-open", "during-copy"],
)
def test_full_disk_during_backup_is_named(workspace, tmp_path, env):
    out = run_cli(
        "backup", "--workspace", str(workspace), "-o", str(tmp_path / "b.cepbak"),
        env=env, child=CHILD,
    )  # fmt: skip
    assert out.returncode != 0, out.stderr
    assert "disque" in out.stderr, out.stderr
    _clean(out)
    assert not RESTORE_ADVICE.search(out.stderr), out.stderr
    assert not (tmp_path / "b.cepbak").exists()


def test_absurd_key_slot_and_damaged_keys_in_every_verb(workspace):
    keys = workspace / vault.KEYS_FILE
    data = json.loads(keys.read_bytes())
    data["slots"][0]["kdf"]["memory_kib"] = 2**32 - 1
    keys.write_text(json.dumps(data))
    for args in (["list"], ["check"], ["passwd"], ["backup", "-o", "/tmp/x.cepbak"]):
        out = run_cli(
            *args, "--workspace", str(workspace),
            env={"CEP_DESK_NEW_PASSPHRASE": "Une autre phrase de passe 2027 !"},
        )  # fmt: skip
        assert out.returncode == 1 and "endommagé" in out.stderr, (args, out.stderr)
        assert "incorrecte" not in out.stderr
        _clean(out)
