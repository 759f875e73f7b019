"""One place that tells what an SQLite or OS failure means, and says it in French.

A full disk, read-only media, a missing permission or a failing disk are not a damaged
database, and must never be worded as one: following « restaurez une sauvegarde » after a full
disk replaces sound data with older data. Damage is only ever *suspected* from an error code
(``SQLITE_CORRUPT``, ``SQLITE_NOTADB``); it is *found* by the integrity check
(:func:`cep_desk.usecases.workspaces.check`), and only the check's report advises a restore.

Used by the storage layer, the CLI and the GUI (no Qt here).
"""

from __future__ import annotations

import contextlib
import enum
import errno
import shutil
from collections.abc import Iterator
from pathlib import Path

# SQLite primary result codes (the low byte of an extended code).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_NOMEM = 7
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

# Margin on top of the database size when estimating the space a write needs (the WAL, the
# shared-memory index, a copy aside…).
SPACE_MARGIN = 4 * 1024 * 1024


class Fault(enum.Enum):
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    NO_PERMISSION = "no_permission"
    IO_ERROR = "io_error"
    SUSPECTED_DAMAGE = "suspected_damage"
    BUSY = "busy"
    MISSING = "missing"
    OUT_OF_MEMORY = "out_of_memory"
    OTHER = "other"


class StorageFault(Exception):
    """A classified failure with its French message (``str(exc)`` and ``exc.message``)."""

    def __init__(self, fault: Fault, message: str) -> None:
        super().__init__(message)
        self.fault = fault
        self.message = message


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception, what SQLAlchemy wrapped (``.orig``), its causes and contexts."""
    seen: set[int] = set()
    todo = [exc]
    while todo and len(seen) < 32:
        cur = todo.pop(0)
        if cur is None or id(cur) in seen:
            continue
        seen.add(id(cur))
        yield cur
        for nxt in (getattr(cur, "orig", None), cur.__cause__, cur.__context__):
            if isinstance(nxt, BaseException):
                todo.append(nxt)


def _from_os_error(exc: OSError) -> Fault | None:
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return Fault.DISK_FULL
    if code == errno.EROFS:
        return Fault.READ_ONLY
    if code in (errno.EACCES, errno.EPERM):
        return Fault.NO_PERMISSION
    if code == errno.EIO:
        return Fault.IO_ERROR
    if code == errno.ENOMEM:
        return Fault.OUT_OF_MEMORY
    if code == errno.ENOENT:
        return Fault.MISSING
    if code == getattr(errno, "EFBIG", -1):  # over the file-size limit: no room for the file
        return Fault.DISK_FULL
    return None


_SQLITE_CODES = {
    SQLITE_FULL: Fault.DISK_FULL,
    SQLITE_IOERR: Fault.IO_ERROR,
    SQLITE_READONLY: Fault.READ_ONLY,
    SQLITE_PERM: Fault.NO_PERMISSION,
    SQLITE_CANTOPEN: Fault.NO_PERMISSION,
    SQLITE_CORRUPT: Fault.SUSPECTED_DAMAGE,
    SQLITE_NOTADB: Fault.SUSPECTED_DAMAGE,
    SQLITE_BUSY: Fault.BUSY,
    SQLITE_LOCKED: Fault.BUSY,
    SQLITE_NOMEM: Fault.OUT_OF_MEMORY,
}

_SQLITE_TEXTS = (
    ("database or disk is full", Fault.DISK_FULL),
    ("disk i/o error", Fault.IO_ERROR),
    ("readonly database", Fault.READ_ONLY),
    ("read-only", Fault.READ_ONLY),
    ("unable to open database file", Fault.NO_PERMISSION),
    ("file is not a database", Fault.SUSPECTED_DAMAGE),
    ("database disk image is malformed", Fault.SUSPECTED_DAMAGE),
    ("database is locked", Fault.BUSY),
    ("out of memory", Fault.OUT_OF_MEMORY),
)


def _from_sqlite_error(exc: BaseException) -> Fault | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _SQLITE_CODES:
        return _SQLITE_CODES[code & 0xFF]
    text = str(exc).lower()
    for needle, fault in _SQLITE_TEXTS:
        if needle in text:
            return fault
    return None


def _is_sqlite_error(exc: BaseException) -> bool:
    module = type(exc).__module__ or ""
    return hasattr(exc, "sqlite_errorcode") or module.startswith(("sqlite3", "sqlcipher3"))


def free_space(directory: Path) -> int | None:
    """Free bytes on the file system of ``directory`` (or of its nearest existing parent)."""
    path = Path(directory)
    for candidate in (path, *path.parents):
        try:
            return shutil.disk_usage(candidate).free
        except OSError:
            continue
    return None


def needed_space(directory: Path | None) -> int:
    """An estimate of the space a workspace needs to work: its database and WAL, plus a margin."""
    total = SPACE_MARGIN
    if directory is not None:
        for name in ("cep.db", "cep.db-wal"):
            with contextlib.suppress(OSError):
                total += (Path(directory) / name).stat().st_size
    return total


def failing_path(exc: BaseException) -> Path | None:
    """The file an OS error was about (``OSError.filename``), if any in the chain."""
    for cur in _chain(exc):
        if isinstance(cur, OSError) and cur.filename:
            return Path(str(cur.filename))
    return None


def classify(exc: BaseException, directory: Path | None = None) -> Fault:
    """What went wrong, from the errno or the SQLite code anywhere in the exception chain.

    A "disk I/O error" is a full disk when ``directory`` has less free space than the
    workspace needs (SQLite reports a write that found no room in the WAL index that way)."""
    if isinstance(exc, StorageFault):
        return exc.fault
    found: Fault | None = None
    for cur in _chain(exc):
        fault = None
        if isinstance(cur, StorageFault):
            return cur.fault
        if isinstance(cur, OSError):
            fault = _from_os_error(cur)
        elif _is_sqlite_error(cur):
            fault = _from_sqlite_error(cur)
        if fault is not None:
            found = fault
            break
    if found is None:
        return Fault.OTHER
    if found is Fault.IO_ERROR and directory is not None:
        free = free_space(directory)
        if free is not None and free < needed_space(directory):
            return Fault.DISK_FULL
    return found


def size_text(n: int) -> str:
    """A size in French units: « 12 Ko », « 3,4 Mo », « 1,2 Go »."""
    if n < 1024 * 1024:
        return f"{max(1, round(n / 1024))} Ko"
    if n < 1024**3:
        return f"{n / 1024 / 1024:.1f} Mo".replace(".", ",")
    return f"{n / 1024**3:.1f} Go".replace(".", ",")


def describe(
    fault: Fault, *, directory: Path | None = None, action: str = "", needed: int | None = None
) -> str:
    """The French message for ``fault``. ``action`` names what failed (« La sauvegarde »),
    ``directory`` where (the disk whose free space is told), ``needed`` the bytes the work
    needs (by default the size of the workspace in ``directory`` plus a margin)."""
    what = action or "L'opération"
    where = f" ({directory})" if directory is not None else ""
    if fault is Fault.DISK_FULL:
        need = needed or needed_space(
            directory if directory is not None and _has_db(directory) else None
        )
        free = free_space(directory) if directory is not None else None
        left = f" Il reste {size_text(free)} de libre." if free is not None else ""
        return (
            f"{what} n'a pas pu se faire : le disque est plein{where}.{left} Libérez au moins "
            f"{size_text(need)} sur ce disque, puis réessayez. Vos données sont intactes : il "
            "suffit de faire de la place."
        )
    if fault is Fault.READ_ONLY:
        return (
            f"{what} n'a pas pu se faire : le support est en lecture seule{where} (clé USB "
            "verrouillée, disque monté en lecture seule, dossier partagé protégé). Choisissez un "
            "emplacement où l'on peut écrire, ou copiez l'espace de travail sur un disque "
            "accessible en écriture."
        )
    if fault is Fault.NO_PERMISSION:
        return (
            f"{what} n'a pas pu se faire : votre compte n'a pas le droit d'écrire{where}. "
            "Choisissez un autre emplacement ou demandez l'accès à votre support informatique."
        )
    if fault is Fault.IO_ERROR:
        return (
            f"{what} n'a pas pu se faire : erreur de lecture ou d'écriture du disque{where}. "
            "Vérifiez que le disque (ou la clé USB) est bien branché et qu'il reste de la place, "
            "puis réessayez. Si l'erreur revient, lancez la vérification de l'espace de travail "
            "(cep-desk check)."
        )
    if fault is Fault.SUSPECTED_DAMAGE:
        return (
            f"{what} n'a pas pu se faire : la base de données n'a pas pu être lue. Lancez la "
            "vérification de l'espace de travail (cep-desk check) : elle dira si le fichier "
            "est endommagé et quoi faire."
        )
    if fault is Fault.BUSY:
        return (
            f"{what} n'a pas pu se faire : la base de données est occupée par un autre "
            "programme. Réessayez dans un instant."
        )
    if fault is Fault.MISSING:
        return f"{what} n'a pas pu se faire : un fichier ou un dossier est introuvable{where}."
    if fault is Fault.OUT_OF_MEMORY:
        return (
            f"{what} n'a pas pu se faire : la mémoire de l'ordinateur est insuffisante. Fermez "
            "d'autres programmes et réessayez."
        )
    return (
        f"{what} n'a pas pu se faire à cause d'une erreur imprévue. Rien n'a été perdu de ce qui "
        "était déjà enregistré ; réessayez, et si l'erreur revient, signalez-la à votre support "
        "informatique."
    )


def _has_db(directory: Path) -> bool:
    return (Path(directory) / "cep.db").exists()


def user_message(
    exc: BaseException,
    *,
    directory: Path | None = None,
    action: str = "",
    needed: int | None = None,
) -> str | None:
    """The French message for a storage or OS failure, or None when ``exc`` is not one
    (a validation error, a use-case message… keep their own wording)."""
    fault = storage_fault(exc, directory=directory, action=action, needed=needed)
    return fault.message if fault is not None else None


def storage_fault(
    exc: BaseException,
    *,
    directory: Path | None = None,
    action: str = "",
    needed: int | None = None,
) -> StorageFault | None:
    """``exc`` as a :class:`StorageFault` (None when it is not a storage or OS failure)."""
    for cur in _chain(exc):
        if isinstance(cur, StorageFault):
            return cur
    fault = classify(exc, directory)
    if fault is Fault.OTHER:
        return None
    return StorageFault(fault, describe(fault, directory=directory, action=action, needed=needed))
