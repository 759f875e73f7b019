"""Single-instance lock of a workspace folder.

An OS file lock (``flock`` / ``msvcrt.locking``) held for as long as the workspace is open: the
OS drops it when the process dies, so a lock file left by a crashed or killed process is simply
taken over. The file records the holder's pid and host for the message shown to a second process.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import stat
import sys
from pathlib import Path

from cep_desk.files import O_CLOEXEC, O_NOFOLLOW, PRIVATE_FILE, UnsafePath, refuse_link

LOCK_FILE = "cep.lock"


class WorkspaceBusy(Exception):
    """Another process holds the workspace."""


class WorkspaceLock:
    def __init__(self, directory: Path) -> None:
        self.path = directory / LOCK_FILE
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = _open_lock_file(self.path)
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


def _open_lock_file(path: Path) -> int:
    """Open (or create, 0600) the lock file without ever following a link: a ``cep.lock``
    that is a symbolic link would otherwise have its target truncated."""
    refuse_link_message = (
        f"Le fichier de verrou {path} est un lien symbolique ou n'est pas un fichier ordinaire : "
        "par sécurité, l'espace n'est pas ouvert. Supprimez ce fichier (il est recréé à "
        "l'ouverture) après avoir vérifié qui l'a placé là."
    )
    try:
        refuse_link(path)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | O_NOFOLLOW | O_CLOEXEC, PRIVATE_FILE)
    except UnsafePath:
        raise UnsafePath(refuse_link_message) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafePath(refuse_link_message) from None
        raise
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise UnsafePath(refuse_link_message)
    if stat.S_IMODE(st.st_mode) & 0o077 and hasattr(os, "fchmod"):
        with contextlib.suppress(OSError):
            os.fchmod(fd, PRIVATE_FILE)
    return fd


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


def try_lock(fd: int) -> bool:
    """Take the OS lock on an open file without waiting; False when another process holds it."""
    try:
        _lock(fd)
    except OSError:
        return False
    return True
