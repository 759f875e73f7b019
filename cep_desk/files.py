"""Writing files that hold personal data or keys: private, atomic, durable, never through a link.

One helper for every export, backup, key file and PDF the application writes: the data goes to
a temporary file next to the target with an unpredictable name, created exclusively (``O_EXCL``,
so a name another account prepared in a shared folder is never reused) and readable by its owner
only (0600); it is flushed and fsynced, then renamed over the target, and the folder is fsynced
so the rename survives a power cut. A failed write leaves the previous file untouched and no
temporary file behind.

Links: when the target itself is a symbolic link, the write is refused (:class:`UnsafePath`,
with a French message) rather than following the link or silently replacing it: a link where
the counsellor asked for a file is either a mistake or a trap in a shared folder, and in both
cases the counsellor should choose another name. Files opened for writing in place (the lock
file) are opened with ``O_NOFOLLOW`` where the system has it.

Modes: every file the application creates is 0600 and every folder 0700, whatever the umask;
:func:`restrict_umask` also sets the process umask to 0o077 at the start of the CLI and the GUI,
so files made by libraries (SQLite's ``-wal``/``-shm``/``-journal``, ReportLab, Qt) follow.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
PRIVATE_UMASK = 0o077
# O_NOFOLLOW / O_CLOEXEC are absent on Windows, where symbolic links need a privilege anyway.
O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
O_BINARY = getattr(os, "O_BINARY", 0)


class UnsafePath(OSError):
    """A French message: the target is a link (or not a regular file); nothing was written."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def restrict_umask() -> int:
    """Set the process umask to 0o077 (files 0600, folders 0700); return the previous one.

    Sound for this application: everything it writes holds personal data or keys, and a file
    the counsellor wants to share is shared by copying it, which gives the copy the receiving
    account's own mode. Called once at the start of the CLI and the GUI.
    """
    return os.umask(PRIVATE_UMASK)


def refuse_link(path: Path) -> None:
    """Raise :class:`UnsafePath` when ``path`` is a symbolic link or exists and is not a
    regular file."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        raise UnsafePath(
            f"{path} est un lien symbolique : par sécurité, CEP Desk n'écrit pas à travers un "
            "lien. Choisissez un autre nom de fichier ou supprimez ce lien."
        )
    if not stat.S_ISREG(st.st_mode):
        raise UnsafePath(f"{path} n'est pas un fichier ordinaire : choisissez un autre nom.")


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (a no-op where folders cannot be opened)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    fd = os.open(directory, os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def private_temp(directory: Path, name: str, suffix: str = ".partiel") -> Path:
    """A new, empty temporary file in ``directory``: unpredictable name (``.NAME.XXXXXX`` +
    ``suffix``), created with ``O_EXCL`` and mode 0600. The caller renames or removes it."""
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=suffix)
    os.close(fd)
    return Path(tmp)


def create_private(path: Path) -> int:
    """Create ``path`` exclusively (it must not exist, links are not followed), mode 0600
    whatever the umask; return a file descriptor open for writing."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_BINARY
    return os.open(path, flags, PRIVATE_FILE)


def write_atomically(path: Path, data: bytes | str, *, mode: int = PRIVATE_FILE) -> None:
    """Replace ``path`` with ``data`` (``str`` is written as UTF-8), all or nothing.

    Raises :class:`UnsafePath` when ``path`` is a symbolic link (nothing written).
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    refuse_link(path)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partiel")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            if mode != PRIVATE_FILE and hasattr(os, "fchmod"):
                os.fchmod(fh.fileno(), mode)
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        # os.replace renames the link itself, never its target; checked again just before.
        refuse_link(path)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def make_private(path: Path) -> None:
    """Take the group's and others' rights off an existing file or folder (not a link): a
    0644 file becomes 0600, a 0755 folder 0700; the owner's rights are never added to (a file
    made read-only stays read-only). Quiet where the file system has no modes."""
    with contextlib.suppress(OSError):
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            return
        mode = stat.S_IMODE(st.st_mode)
        if mode & 0o077:
            os.chmod(path, mode & ~0o077)


def make_dir_private(directory: Path) -> None:
    """Create ``directory`` (and parents) if needed and make the last one 0700."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    make_private(directory)
