"""Single-instance lock of a workspace folder.

An OS file lock (``flock`` / ``msvcrt.locking``) held for as long as the workspace is open: the
OS drops it when the process dies, so a lock file left by a crashed or killed process is simply
taken over. The file records the holder's pid and host for the message shown to a second process.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from pathlib import Path

LOCK_FILE = "cep.lock"


class WorkspaceBusy(Exception):
    """Another process holds the workspace."""


class WorkspaceLock:
    def __init__(self, directory: Path) -> None:
        self.path = directory / LOCK_FILE
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError:
            holder = _read_holder(fd)
            os.close(fd)
            where = f" (processus {holder})" if holder else ""
            raise WorkspaceBusy(
                "Cet espace de travail est déjà ouvert par une autre fenêtre ou un autre "
                f"programme{where}. Fermez-le d'abord."
            ) from None
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, json.dumps({"pid": os.getpid(), "host": socket.gethostname()}).encode())
            os.fsync(fd)
        except OSError:
            # The holder's name only words the message of a second process: a full disk must
            # not keep the lock from being taken (the OS lock itself is held).
            pass
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            _unlock(fd)
        finally:
            os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None


def _read_holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = json.loads(os.read(fd, 4096) or b"{}")
        return f"{data.get('pid')} sur {data.get('host')}" if data else ""
    except (OSError, ValueError):
        return ""


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
