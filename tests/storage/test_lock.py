"""One process at a time: a second one is refused, a dead holder's lock is taken over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from cep_desk.storage.lock import WorkspaceBusy
from cep_desk.usecases import workspaces

HOLDER = r"""
import sys, time
from cep_desk.usecases import workspaces
ws = workspaces.open_(sys.argv[1], sys.argv[2])
print("open", flush=True)
time.sleep(600)
"""


def _list(workspace_dir, passphrase):
    env = dict(os.environ, CEP_DESK_PASSPHRASE=passphrase)
    return subprocess.run(
        [sys.executable, "-m", "cep_desk", "list", "--workspace", str(workspace_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_in_process_second_open_is_refused(ws, workspace_dir, passphrase):
    with pytest.raises(WorkspaceBusy, match="déjà ouvert"):
        workspaces.open_(workspace_dir, passphrase)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_second_process_gets_exit_4_then_takes_over(new_workspace, workspace_dir, passphrase):
    ws, _ = new_workspace
    ws.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(workspace_dir), passphrase],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        busy = _list(workspace_dir, passphrase)
        assert busy.returncode == 4
        assert "déjà ouvert" in busy.stderr
        assert "Traceback" not in busy.stderr
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    # the lock file of the dead process is still there, and is taken over
    assert (workspace_dir / "cep.lock").exists()
    after = _list(workspace_dir, passphrase)
    assert after.returncode == 0, after.stderr
