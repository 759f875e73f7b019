"""An open workspace: folder, key, lock, engine and session factory.

A workspace is a folder with ``cep.db`` (SQLCipher 4), ``keys.json`` (key slots) and a lock file.
Opening checks the folder, unwraps the key (a wrong secret touches no file), takes the lock,
probes the database, copies it aside when a migration is pending, and upgrades it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cep_desk.files import UnsafePath, create_private, fsync_dir, make_dir_private, make_private

from . import errors, vault
from .lock import WorkspaceBusy, WorkspaceLock

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

# SQLAlchemy, SQLCipher and Alembic (``engine``, ``migrate``, ``rekey``) are imported by the
# functions that need them, not here: the unlock screen imports this module for
# ``is_workspace`` and ``WorkspaceError`` and must appear without them (issue 16).

DB_FILE = "cep.db"
#: The setting that holds a PostgreSQL workspace's id (a laptop's is in its key file).
WORKSPACE_ID_SETTING = "workspace_id"
SYNCED_FOLDER_HINTS = ("dropbox", "onedrive", "google drive", "googledrive", "nextcloud", "icloud")


class WorkspaceError(Exception):
    """A French message about the workspace folder or its database."""


class WorkspaceMissing(WorkspaceError):
    pass


class WorkspaceDamaged(WorkspaceError):
    pass


class WorkspaceTooNew(WorkspaceError):
    """The database was upgraded by a newer release of CEP Desk."""


class MigrationIncomplete(WorkspaceError):
    """The upgrade of an older workspace could not complete; it stays at its old revision."""


class WorkspaceReadOnly(WorkspaceError):
    """A write (or an upgrade) was asked of a workspace opened read-only."""


__all__ = [
    "DB_FILE",
    "Workspace",
    "WorkspaceBusy",
    "WorkspaceDamaged",
    "WorkspaceError",
    "WorkspaceMissing",
    "WorkspaceReadOnly",
    "WorkspaceTooNew",
    "MigrationIncomplete",
    "create_workspace",
    "open_workspace",
    "is_workspace",
]


def is_workspace(directory: Path) -> bool:
    return (directory / vault.KEYS_FILE).exists() or (directory / DB_FILE).exists()


def synced_folder_warning(directory: Path) -> str | None:
    lowered = str(directory.resolve()).lower()
    if any(hint in lowered for hint in SYNCED_FOLDER_HINTS):
        return (
            "Ce dossier semble synchronisé avec un service en ligne : la synchronisation peut "
            "endommager la base. Choisissez plutôt un dossier local."
        )
    return None


@dataclass
class Workspace:
    """An unlocked workspace. Use cases take it as their first argument."""

    path: Path
    engine: Engine
    db_key: bytes
    lock: WorkspaceLock
    migrated_from: str | None = None
    pre_migration_copy: Path | None = None
    # Opened read-only (media not writable, or asked for by `check`): nothing is written,
    # no lock file, no audit row, no migration; read_only_reason says why, in French.
    read_only: bool = False
    read_only_reason: str = ""
    schema_revision: str | None = None

    def __post_init__(self) -> None:
        from sqlalchemy.orm import sessionmaker

        from . import sync  # noqa: F401  (its ORM events write the outbox of every change)

        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._closed = False

    @property
    def engine_name(self) -> str:
        """``sqlcipher`` (the laptop's file) or ``postgresql`` (a team server's database)."""
        return "postgresql" if self.engine.dialect.name == "postgresql" else "sqlcipher"

    @property
    def workspace_id(self) -> str:
        """The workspace's stable id (exchange files, erasure register): the key file's on
        the laptop; on PostgreSQL, the ``workspace_id`` setting made with the database."""
        if self.engine_name == "postgresql":
            from sqlalchemy import select

            from .models import Setting

            with self.read() as s:
                value = s.scalar(select(Setting.value).where(Setting.key == WORKSPACE_ID_SETTING))
            if not isinstance(value, str) or not value:
                raise WorkspaceDamaged(
                    "La base ne contient pas l'identifiant de l'espace de travail."
                )
            return value
        return vault.KeyFile.read(self.path).workspace_id

    @property
    def db_path(self) -> Path:
        return self.path / DB_FILE

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on error, always closed."""
        with self._sessions() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (nothing is committed)."""
        with self._sessions() as session:
            yield session
            session.rollback()

    @property
    def is_open(self) -> bool:
        return not self._closed

    def close(self) -> None:
        """Dispose every pooled connection and release the lock. Idempotent."""
        from . import engine as eng

        if self._closed:
            return
        self._closed = True
        if not self.read_only and self.engine_name == "sqlcipher":
            with contextlib.suppress(Exception):
                eng.checkpoint(self.engine)
        self.engine.dispose()
        self.lock.release()
        self.db_key = b""

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def create_workspace(
    directory: Path, passphrase: str, *, kdf: dict[str, Any] | None = None
) -> tuple[Workspace, str]:
    """Create a new workspace in an empty (or absent) folder; return it open, with the
    recovery key to show once."""
    from . import engine as eng
    from . import migrate

    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        if is_workspace(directory):
            raise WorkspaceError(f"Un espace de travail existe déjà dans {directory}.")
        raise WorkspaceError(f"Le dossier {directory} n'est pas vide : choisissez un dossier vide.")
    make_dir_private(directory)
    lock = WorkspaceLock(directory)
    lock.acquire()
    try:
        db_key, recovery = vault.create_key_file(directory, passphrase, kdf)
        # Made 0600 before SQLite opens it: its -wal and -shm then get the same mode.
        os.close(create_private(directory / DB_FILE))
        engine = eng.make_engine(directory / DB_FILE, db_key)
        # Migrations write at once, so the new file is encrypted from its first page.
        migrate.upgrade(engine)
        ws = Workspace(path=directory, engine=engine, db_key=db_key, lock=lock)
    except Exception:
        lock.release()
        raise
    return ws, recovery


def _check_files(directory: Path) -> None:
    if not directory.is_dir():
        raise WorkspaceMissing(f"Le dossier {directory} n'existe pas.")
    db = directory / DB_FILE
    if not (directory / vault.KEYS_FILE).exists() and not db.exists():
        raise WorkspaceMissing(f"Aucun espace de travail CEP Desk dans {directory}.")
    if not db.exists():
        raise WorkspaceMissing(
            f"La base de données ({DB_FILE}) est introuvable dans {directory}. "
            "Elle n'a pas été recréée vide : restaurez une sauvegarde."
        )
    if db.stat().st_size == 0:
        raise WorkspaceDamaged(
            f"La base de données ({DB_FILE}) est vide (0 octet) : le fichier a été tronqué. "
            "Elle n'a pas été remplacée : restaurez une sauvegarde."
        )


def unwrap_key(directory: Path, secret: str, kind: str | None = None) -> bytes:
    """The database key from a passphrase or recovery key; reads ``keys.json`` only."""
    _check_files(Path(directory))
    return vault.KeyFile.read(Path(directory)).unlock(secret, kind)


def open_workspace(
    directory: Path,
    secret: str | None = None,
    *,
    kind: str | None = None,
    db_key: bytes | None = None,
    read_only: bool = False,
) -> Workspace:
    """Open a workspace with a passphrase or a recovery key (or an already unwrapped key).

    ``read_only``: nothing is written (no migration; the lock is taken when possible). A
    workspace whose folder cannot be written (read-only media, no permission) is opened
    read-only on its own, with :attr:`Workspace.read_only_reason` set.

    Raises :class:`vault.WrongSecret` (no file touched), :class:`WorkspaceBusy`,
    :class:`WorkspaceMissing`, :class:`WorkspaceDamaged`, :class:`WorkspaceTooNew`,
    :class:`MigrationIncomplete` or :class:`errors.StorageFault` (full disk…), each with a
    French message.
    """
    from . import migrate, rekey

    directory = Path(directory)
    rekey.recover(directory)  # finish or undo a change of key killed half-way
    keyfile: vault.KeyFile | None = None
    if db_key is None:
        if secret is None:
            raise ValueError("secret or db_key")
        _check_files(directory)  # as unwrap_key: a missing database is said as such
        keyfile = vault.KeyFile.read(directory)
        db_key = keyfile.unlock(secret, kind)
    else:
        _check_files(directory)
    lock = WorkspaceLock(directory)
    reason = ""
    try:
        lock.acquire()
    except UnsafePath:
        raise  # a lock file that is a link: its own French message
    except OSError as exc:
        fault = errors.classify(exc, directory)
        if fault not in (errors.Fault.READ_ONLY, errors.Fault.NO_PERMISSION):
            raise _fault(exc, directory, "L'ouverture de l'espace de travail") from exc
        read_only = True
        reason = (
            "Le dossier de l'espace de travail est en lecture seule : l'espace est ouvert en "
            "consultation, aucune modification ne peut être enregistrée."
            if fault is errors.Fault.READ_ONLY
            else "Votre compte ne peut pas écrire dans le dossier de l'espace de travail : "
            "l'espace est ouvert en consultation, aucune modification ne peut être enregistrée."
        )
    try:
        if not read_only:
            _make_files_private(directory)
        engine = _open_engine(directory, db_key, read_only=read_only, locked=lock.held)
        ws = Workspace(
            path=directory,
            engine=engine,
            db_key=db_key,
            lock=lock,
            read_only=read_only,
            read_only_reason=reason,
        )
        with ws.engine.connect() as conn:
            ws.schema_revision = migrate.current_revision(conn)
        if not read_only:
            _upgrade_if_needed(ws)
        elif ws.schema_revision is not None and not migrate.is_known(ws.schema_revision):
            raise _too_new(ws.schema_revision)
    except BaseException:
        lock.release()
        raise
    if keyfile is not None and secret is not None and not read_only and lock.held:
        _strengthen_slot(directory, keyfile, secret, db_key)
    return ws


def _strengthen_slot(directory: Path, keyfile: vault.KeyFile, secret: str, db_key: bytes) -> None:
    """A slot made on a slower machine, or with older defaults, is re-wrapped with this
    machine's parameters when they are at least as strong (see vault.rewrap_opened_slot);
    never in the way of the opening."""
    import logging

    try:
        if vault.rewrap_opened_slot(directory, keyfile, secret, db_key):
            logging.getLogger("cep_desk.storage").info("key slot re-wrapped with stronger KDF")
    except Exception:
        logging.getLogger("cep_desk.storage").warning("key slot not re-wrapped", exc_info=True)


def _fault(exc: BaseException, directory: Path, action: str) -> Exception:
    """A French, classified error for an OS or SQLite failure while opening."""
    found = errors.storage_fault(exc, directory=directory, action=action)
    if found is not None:
        return found
    return errors.StorageFault(
        errors.Fault.OTHER, errors.describe(errors.Fault.OTHER, action=action)
    )


def _open_engine(directory: Path, db_key: bytes, *, read_only: bool, locked: bool) -> Engine:
    """An engine whose first connection was made and checked (key, cipher, pragmas)."""
    from . import engine as eng

    db = directory / DB_FILE
    attempts: list[dict[str, bool]] = [{"read_only": read_only}]
    wal = directory / f"{DB_FILE}-wal"
    if read_only and (not wal.exists() or wal.stat().st_size == 0):
        # Nothing waits in the WAL: an immutable open reads exactly the committed data, and
        # works where SQLite cannot create the shared-memory index (read-only media).
        attempts.append({"immutable": True})
    last: BaseException | None = None
    for options in attempts:
        engine = eng.make_engine(db, db_key, **options)
        try:
            eng.probe(engine)
            return engine
        except eng.DatabaseUnreadable as exc:
            engine.dispose()
            last = exc
            fault = errors.classify(exc, directory)
            if fault is errors.Fault.SUSPECTED_DAMAGE:
                # The key opened its slot, yet the first page fails its authentication: the
                # file is damaged (or belongs to another key file). Nothing was changed.
                raise WorkspaceDamaged(
                    "La base de données ne peut pas être déchiffrée alors que la clé est "
                    "correcte : ses premières pages (l'en-tête et le schéma) échouent au "
                    "contrôle d'authentification, donc le fichier est endommagé, ou ce fichier de clés "
                    f"({vault.KEYS_FILE}) n'est pas celui de cette base. Aucun fichier n'a "
                    "été modifié. Si vous avez remplacé l'un des deux fichiers, remettez la "
                    "bonne paire ; sinon restaurez une sauvegarde (cep-desk restore)."
                ) from exc
            if not read_only:
                break
    assert last is not None
    if (
        read_only
        and len(attempts) == 1
        and errors.classify(last, directory)
        in (
            errors.Fault.READ_ONLY,
            errors.Fault.NO_PERMISSION,
        )
    ):
        raise WorkspaceReadOnly(
            "L'espace de travail ne peut pas être lu sur ce support en lecture seule : des "
            "modifications récentes attendent encore d'être intégrées à la base (fichier "
            f"{DB_FILE}-wal). Copiez le dossier entier sur un disque accessible en écriture "
            "et ouvrez-le là ; rien n'est perdu."
        ) from last
    raise _fault(last, directory, "L'ouverture de l'espace de travail") from last


def _too_new(revision: str) -> WorkspaceTooNew:
    return WorkspaceTooNew(
        f"Cet espace de travail a été mis à jour par une version plus récente de CEP Desk "
        f"(schéma {revision}) : installez cette version pour l'ouvrir. Rien n'a été modifié."
    )


def pre_migration_copy_path(directory: Path, revision: str) -> Path:
    """The one copy of the database kept aside before upgrading it from ``revision``."""
    return Path(directory) / f"{DB_FILE}.avant-{revision}.bak"


def _copy_aside(ws: Workspace, revision: str) -> Path:
    """Copy the database (backup API) to a temporary file, then rename it over the copy of
    the same revision: one complete copy per source revision, however many tries."""
    from . import engine as eng

    copy = pre_migration_copy_path(ws.path, revision)
    for stale in ws.path.glob(f".{DB_FILE}.avant-*.partiel*"):
        with contextlib.suppress(OSError):
            stale.unlink()
    fd, name = tempfile.mkstemp(prefix=f".{copy.name}.", suffix=".partiel", dir=ws.path)
    os.close(fd)
    partial = Path(name)
    try:
        eng.backup_to(ws.engine, partial, ws.db_key)
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, copy)
        fsync_dir(ws.path)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    return copy


def revert_instructions(directory: Path, copy: Path) -> str:
    """How to go back to the copy made before an upgrade (French, for the CLI and the GUI)."""
    return (
        f"Pour revenir à la copie faite avant la mise à jour : fermez CEP Desk, puis dans le "
        f"dossier {directory}, mettez de côté {DB_FILE} (et {DB_FILE}-wal, {DB_FILE}-shm "
        f"s'ils existent) et renommez {copy.name} en {DB_FILE}. Elle s'ouvre avec la même "
        "phrase de passe."
    )


def _upgrade_if_needed(ws: Workspace) -> None:
    from . import migrate

    current = ws.schema_revision
    head = migrate.head_revision()
    if current == head:
        return
    if current is None:
        raise WorkspaceDamaged("La base ne contient pas de schéma CEP Desk.")
    if not migrate.is_known(current):
        raise _too_new(current)
    action = "La copie de sécurité avant la mise à jour de la base"
    try:
        copy = _copy_aside(ws, current)
    except Exception as exc:
        raise _fault(exc, ws.path, action) from exc
    try:
        migrate.upgrade(ws.engine)
    except Exception as exc:
        found = errors.storage_fault(exc, directory=ws.path, action="La mise à jour de la base")
        reason = (
            found.message
            if found is not None
            else "La mise à jour de la base de données n'a pas pu se terminer."
        )
        raise MigrationIncomplete(
            f"{reason} La base est restée telle qu'avant la mise à jour (schéma {current}) : "
            "aucune donnée n'est perdue, la mise à jour sera retentée à la prochaine "
            f"ouverture. {revert_instructions(ws.path, copy)}"
        ) from exc
    ws.migrated_from = current
    ws.pre_migration_copy = copy
    ws.schema_revision = head


def _make_files_private(directory: Path) -> None:
    """Workspaces made by earlier versions (or copied in) may be 0644: bring the folder to 0700
    and its files (database, -wal, -shm, keys, copies) to 0600 before SQLite opens them."""
    make_private(directory)
    for path in directory.iterdir():
        if not path.is_symlink() and path.is_file():
            make_private(path)


def workspace_files(directory: Path) -> list[Path]:
    """Every file of the workspace folder (database, WAL, SHM, keys, copies)."""
    return sorted(p for p in Path(directory).iterdir() if p.is_file())
