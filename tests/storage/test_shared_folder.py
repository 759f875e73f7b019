"""Issue 10.3 and 10.4: files written in a folder another account can write to, and file modes.

The "other account" is a real one: a forked child drops to uid/gid 65534 (nobody) before it
prepares its traps or watches the folder, as CI runs as root.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

import pytest
from sqlalchemy import text

from cep_desk.files import UnsafePath, write_atomically
from cep_desk.storage.lock import WorkspaceLock
from cep_desk.usecases import beneficiaries, workspaces

NOBODY = 65534
SECRET = "Dossier de Zoé Roux — très confidentiel"

needs_root = pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() != 0, reason="needs root to act as another uid"
)


def _as_nobody(action) -> None:
    """Run ``action()`` in a forked child running as nobody; raise if it failed."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        code = 1
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            action()
            code = 0
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
    _pid, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, status


@pytest.fixture
def shared():
    """A folder every account can write to (no sticky bit: a group-shared folder), where the
    other account can reach it (pytest's own tmp folder is 0700)."""
    parent = Path(tempfile.mkdtemp(prefix="cep-partage-"))
    parent.chmod(0o755)
    folder = parent / "partage"
    folder.mkdir()
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(parent, ignore_errors=True)


@needs_root
def test_pre_created_temporary_name_never_receives_the_data(shared):
    target = shared / "export.json"
    trap = shared / ".export.json.partiel"  # the old fixed temporary name

    def prepare() -> None:
        fd = os.open(trap, os.O_WRONLY | os.O_CREAT, 0o666)
        os.fchmod(fd, 0o666)
        os.close(fd)

    _as_nobody(prepare)
    write_atomically(target, SECRET)
    st = target.stat()
    assert target.read_text("utf-8") == SECRET
    assert st.st_uid == os.geteuid(), "the export is a file the other account owns"
    assert stat.S_IMODE(st.st_mode) == 0o600
    assert not trap.exists() or trap.read_text() == ""


@needs_root
def test_a_link_at_the_temporary_name_is_not_followed(shared, tmp_path):
    loot = shared / "butin.txt"
    target = shared / "plan.pdf"

    def prepare() -> None:
        fd = os.open(loot, os.O_WRONLY | os.O_CREAT, 0o666)
        os.fchmod(fd, 0o666)
        os.close(fd)
        os.symlink(loot, shared / ".plan.pdf.partiel")

    _as_nobody(prepare)
    write_atomically(target, SECRET.encode())
    assert loot.read_bytes() == b""
    assert target.read_text("utf-8") == SECRET
    assert not target.is_symlink()


def test_a_link_at_the_target_is_refused(tmp_path):
    elsewhere = tmp_path / "ailleurs.txt"
    elsewhere.write_text("autre")
    target = tmp_path / "export.json"
    target.symlink_to(elsewhere)
    with pytest.raises(UnsafePath, match="lien symbolique"):
        write_atomically(target, SECRET)
    assert target.is_symlink() and elsewhere.read_text() == "autre"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ailleurs.txt", "export.json"]


def test_cli_refuses_an_export_through_a_link(new_workspace, workspace_dir, passphrase, tmp_path):
    ws, _ = new_workspace
    beneficiaries.create_beneficiary(ws, last_name="Roux", first_name="Zoé")
    ws.close()
    elsewhere = tmp_path / "ailleurs.json"
    elsewhere.write_text("")
    link = tmp_path / "export.json"
    link.symlink_to(elsewhere)
    run = subprocess.run(
        [sys.executable, "-m", "cep_desk", "export-json", "--workspace", str(workspace_dir)]
        + ["-o", str(link)],
        env=dict(os.environ, CEP_DESK_PASSPHRASE=passphrase),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1, run.stderr
    assert "lien symbolique" in run.stderr and "Traceback" not in run.stderr
    assert elsewhere.read_text() == ""


@needs_root
def test_other_account_watching_the_folder_reads_nothing(shared):
    """The other account opens every file that appears while exports are written."""
    seen = shared.parent / "vu.json"
    seen.write_text("[]")
    seen.chmod(0o666)
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        code = 1
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            read: list[str] = []
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline:
                for entry in os.scandir(shared):
                    try:
                        with open(entry.path, "rb") as fh:
                            data = fh.read()
                        if data:
                            read.append(entry.name)
                    except OSError:
                        pass
            seen.write_text(json.dumps(read))
            code = 0
        finally:
            os._exit(code)
    try:
        deadline = time.monotonic() + 2.5
        n = 0
        while time.monotonic() < deadline:
            write_atomically(shared / f"export-{n % 5}.json", SECRET * 200)
            n += 1
    finally:
        _pid, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 0
    assert n > 10
    assert json.loads(seen.read_text()) == []


def test_symlinked_lock_file_does_not_truncate_its_target(new_workspace, workspace_dir, tmp_path):
    ws, _ = new_workspace
    ws.close()
    victim = tmp_path / "precieux.txt"
    victim.write_text("à garder")
    lock = workspace_dir / "cep.lock"
    lock.unlink()
    lock.symlink_to(victim)
    with pytest.raises(UnsafePath, match="lien symbolique"):
        WorkspaceLock(workspace_dir).acquire()
    assert victim.read_text() == "à garder"


def test_cli_says_a_symlinked_lock_in_french(new_workspace, workspace_dir, tmp_path, passphrase):
    ws, _ = new_workspace
    ws.close()
    victim = tmp_path / "precieux.txt"
    victim.write_text("à garder")
    (workspace_dir / "cep.lock").unlink()
    (workspace_dir / "cep.lock").symlink_to(victim)
    run = subprocess.run(
        [sys.executable, "-m", "cep_desk", "list", "--workspace", str(workspace_dir)],
        env=dict(os.environ, CEP_DESK_PASSPHRASE=passphrase),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert "verrou" in run.stderr and "Traceback" not in run.stderr
    assert "UnsafePath" not in run.stderr
    assert victim.read_text() == "à garder"


# ---------------------------------------------------------------------------------------------
# 10.4: modes
# ---------------------------------------------------------------------------------------------


def _modes(root: Path) -> dict[str, str]:
    """Every file (not 0600) and folder (not 0700) under ``root``, with its mode."""
    wrong = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames:
            mode = stat.S_IMODE(os.lstat(os.path.join(dirpath, name)).st_mode)
            if mode != 0o700:
                wrong[os.path.join(dirpath, name)] = oct(mode)
        for name in filenames:
            mode = stat.S_IMODE(os.lstat(os.path.join(dirpath, name)).st_mode)
            if mode != 0o600:
                wrong[os.path.join(dirpath, name)] = oct(mode)
    return wrong


@pytest.fixture
def umask_0022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_every_file_is_private_under_a_0022_umask_in_process(tmp_path, umask_0022, passphrase):
    from cep_desk.storage import engine as eng
    from cep_desk.usecases.lifecycle import backup, exchange

    root = tmp_path / "tout"
    root.mkdir(mode=0o700)
    ws, _ = workspaces.create(root / "espace", passphrase)
    try:
        person = beneficiaries.create_beneficiary(ws, last_name="Roux", first_name="Zoé")
        # a second connection while the first one holds a read: -wal and -shm exist
        with ws.read() as s, ws.engine.connect() as other:
            s.execute(text("SELECT 1"))
            other.exec_driver_sql("SELECT count(*) FROM beneficiaries").fetchall()
            assert (root / "espace" / "cep.db-wal").exists()
            assert (root / "espace" / "cep.db-shm").exists()
            assert _modes(root) == {}
        eng.backup_to(ws.engine, root / "espace" / "cep.db.avant-test.bak", ws.db_key)
        out = root / "sorties"
        out.mkdir(mode=0o700)
        report = backup.backup(ws, out / "s.cepbak")
        write_atomically(out / "export.json", exchange.dumps(exchange.export_json(ws, person.id)))
    finally:
        ws.close()
    backup.restore(report.path, root / "restaure", passphrase)
    ws2 = workspaces.open_(root / "restaure", passphrase)
    try:
        beneficiaries.create_beneficiary(ws2, last_name="Vidal", first_name="Léa")
        assert (root / "restaure" / "cep.db-wal").exists()
        assert _modes(root) == {}
    finally:
        ws2.close()
    assert _modes(root) == {}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_an_old_0644_workspace_is_made_private_on_open(new_workspace, workspace_dir, passphrase):
    ws, _ = new_workspace
    ws.close()
    for path in workspace_dir.iterdir():
        path.chmod(0o644)
    workspace_dir.chmod(0o755)
    workspaces.open_(workspace_dir, passphrase).close()
    assert _modes(workspace_dir) == {}
    assert stat.S_IMODE(workspace_dir.stat().st_mode) == 0o700


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_every_file_is_private_under_a_0022_umask_cli(tmp_path, passphrase):
    root = tmp_path / "cli"
    root.mkdir(mode=0o700)
    env = dict(os.environ, CEP_DESK_PASSPHRASE=passphrase)
    ws_dir = root / "demo"

    def cli(*args: str) -> subprocess.CompletedProcess:
        # the child starts under umask 0022, as from a login shell
        run = subprocess.run(
            [
                sys.executable,
                "-c",
                "import os,sys; os.umask(0o022); from cep_desk.cli import "
                "main; sys.exit(main(sys.argv[1:]))",
                *args,
            ],  # fmt: skip
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert run.returncode == 0, run.stderr
        return run

    cli("demo", "--count", "5", "--workspace", str(ws_dir))
    cli("backup", "--workspace", str(ws_dir), "-o", str(root / "s.cepbak"))
    cli("restore", str(root / "s.cepbak"), "--to", str(root / "restaure"))
    cli("export-json", "--workspace", str(ws_dir), "-o", str(root / "tout.json"))
    cli("export-plan", "--workspace", str(ws_dir), "--beneficiary", "1", "-o", str(root / "p.pdf"))
    cli("stats", "--workspace", str(ws_dir), "--from", "01/01/2020", "--to", "31/12/2030",
        "-o", str(root / "stats.csv"))  # fmt: skip
    assert _modes(root) == {}
