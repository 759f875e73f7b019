"""An open workspace: folder, key, lock, engine and session factory.

A workspace is a folder with ``cep.db`` (SQLCipher 4), ``keys.json`` (key slots) and a lock file.
Opening checks the folder, unwraps the key (a wrong secret touches no file), takes the lock,
probes the database, copies it aside when a migration is pending, and upgrades it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from cep_desk.files import create_private, make_dir_private, make_private

from . import engine as eng
from . import migrate, rekey, vault
from .lock import WorkspaceBusy, WorkspaceLock

DB_FILE = "cep.db"
SYNCED_FOLDER_HINTS = ("dropbox", "onedrive", "google drive", "googledrive", "nextcloud", "icloud")


class WorkspaceError(Exception):
    """A French message about the workspace folder or its database."""


class WorkspaceMissing(WorkspaceError):
    pass


class WorkspaceDamaged(WorkspaceError):
    pass


__all__ = [
    "DB_FILE",
    "Workspace",
    "WorkspaceBusy",
    "WorkspaceDamaged",
    "WorkspaceError",
    "WorkspaceMissing",
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

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

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
        return self.lock.held

    def close(self) -> None:
        """Dispose every pooled connection and release the lock. Idempotent."""
        if not self.lock.held:
            return
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
) -> Workspace:
    """Open a workspace with a passphrase or a recovery key (or an already unwrapped key).

    Raises :class:`vault.WrongSecret` (no file touched), :class:`WorkspaceBusy`,
    :class:`WorkspaceMissing` or :class:`WorkspaceDamaged`, each with a French message.
    """
    directory = Path(directory)
    rekey.recover(directory)  # finish or undo a change of key killed half-way
    if db_key is None:
        if secret is None:
            raise ValueError("secret or db_key")
        db_key = unwrap_key(directory, secret, kind)
    else:
        _check_files(directory)
    lock = WorkspaceLock(directory)
    lock.acquire()
    try:
        _make_files_private(directory)
        engine = eng.make_engine(directory / DB_FILE, db_key)
        try:
            eng.probe(engine)
        except eng.DatabaseUnreadable as exc:
            engine.dispose()
            raise WorkspaceDamaged(
                "La base de données ne peut pas être lue alors que la clé est correcte : "
                "le fichier est endommagé ou ne correspond pas à ce fichier de clés. "
                "Restaurez une sauvegarde."
            ) from exc
        ws = Workspace(path=directory, engine=engine, db_key=db_key, lock=lock)
        _upgrade_if_needed(ws)
    except Exception:
        lock.release()
        raise
    return ws


def _upgrade_if_needed(ws: Workspace) -> None:
    with ws.engine.connect() as conn:
        current = migrate.current_revision(conn)
    if current == migrate.head_revision():
        return
    if current is None:
        raise WorkspaceDamaged("La base ne contient pas de schéma CEP Desk.")
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    copy = ws.path / f"{DB_FILE}.avant-{current}-{stamp}.bak"
    eng.backup_to(ws.engine, copy, ws.db_key)
    migrate.upgrade(ws.engine)
    ws.migrated_from = current
    ws.pre_migration_copy = copy


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
