"""Small file systems for the disk-fault tests: a tmpfs of a few MiB (root only), filled
to leave a chosen number of KiB, remountable read-only; and a CLI run in a subprocess."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import PASSPHRASE

# What no message shown to the user may contain.
TECHNICAL = re.compile(
    r"\b[A-Z][a-zA-Z]+(Error|Exception)\b|Traceback|sqlite3|sqlcipher|sqlalchemy|"
    r"\b(SELECT|INSERT|UPDATE|DELETE FROM|PRAGMA|CREATE TABLE)\b|Errno|erreur inattendue|"
    r"No space left|Read-only file system|Permission denied|disk I/O error|database or disk"
)
# Advice to restore a backup (or a verdict of damage) that only an integrity check may give.
RESTORE_ADVICE = re.compile(r"restaur|endommag", re.IGNORECASE)


def run_cli(*args: str, env: dict[str, str] | None = None, child: str | None = None):
    """``cep-desk ARGS`` in a subprocess (or ``python CHILD ARGS``) with the test passphrase."""
    full_env = dict(os.environ, CEP_DESK_PASSPHRASE=PASSPHRASE, **(env or {}))
    cmd = [sys.executable, child] if child else [sys.executable, "-m", "cep_desk"]
    return subprocess.run([*cmd, *args], env=full_env, capture_output=True, text=True, timeout=180)


class SmallDisk:
    def __init__(self, mount_point: Path) -> None:
        self.path = mount_point
        self.filler = mount_point / "remplissage"

    def free_kib(self) -> int:
        return shutil.disk_usage(self.path).free // 1024

    def fill(self, leave_kib: int) -> None:
        """Write a filler file so that about ``leave_kib`` KiB stay free."""
        self.unfill()
        with open(self.filler, "wb") as fh:
            chunk = b"\0" * 4096
            while self.free_kib() > leave_kib:
                todo = min(len(chunk), (self.free_kib() - leave_kib) * 1024)
                try:
                    fh.write(chunk[:todo])
                    fh.flush()
                except OSError:
                    break

    def unfill(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.filler.unlink()

    def remount(self, read_only: bool) -> None:
        subprocess.run(
            ["mount", "-o", "remount," + ("ro" if read_only else "rw"), str(self.path)],
            check=True,
            capture_output=True,
        )


@contextlib.contextmanager
def small_disk(base: Path, size: str = "8m") -> Iterator[SmallDisk | str]:
    """A tmpfs mounted under ``base``; yields the reason as a string when mounting is not
    permitted here (not root, no CAP_SYS_ADMIN, a container without mount rights)."""
    mount_point = base / f"disque-{uuid.uuid4().hex[:8]}"
    mount_point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        yield "mounting a tmpfs needs root (these tests run as another user)"
        return
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        yield f"mounting a tmpfs is not permitted here: {done.stderr.strip()}"
        return
    try:
        yield SmallDisk(mount_point)
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)
