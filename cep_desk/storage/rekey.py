"""A new database key, for when the passphrase may have been seen (issue 10.5).

Changing the passphrase rewrites one slot of ``keys.json``: the database key stays the same,
so an old copy of ``keys.json`` (or of a backup) with the old passphrase still decrypts today's
``cep.db``. :func:`rekey` makes a new random database key instead, re-encrypts the whole
database into a new file and makes new slots (new passphrase, new recovery key).

How it stays safe when the process is killed at any point:

1. The WAL is folded into ``cep.db`` and every pooled connection closed.
2. ``sqlcipher_export()`` copies the database into a staged file ``.cep.db.XXXXXX.rekey``
   (0600, unpredictable name) keyed with the new key; the copy is proven in fresh connections:
   it opens with the new key, not with the old one, passes ``cipher_integrity_check`` and
   ``integrity_check``, and holds as many rows as the original in every table.
3. The new ``keys.json`` is staged as ``keys.json.nouveau``; then the journal
   ``changement-de-cle.json`` names both staged files.
4. Commit point: the staged database is renamed over ``cep.db``. Then ``keys.json.nouveau`` is
   renamed over ``keys.json``, and the journal removed.

:func:`recover` runs before every open: with a journal whose staged database still exists the
change never happened (the staged files are removed: the old secrets open); with a journal whose
staged database is gone, ``cep.db`` is already the new one, so the staged key file is put in
place (the new secrets open). Without a journal, leftover staged files are simply removed. At
every instant, exactly one of the two sets of secrets opens the workspace.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cep_desk.files import fsync_dir, private_temp, write_atomically

from . import engine as eng
from . import vault
from .lock import WorkspaceBusy, WorkspaceLock

DB_FILE = "cep.db"
JOURNAL = "changement-de-cle.json"
STAGED_KEYS = "keys.json.nouveau"
STAGED_DB_PREFIX = f".{DB_FILE}."
STAGED_DB_SUFFIX = ".rekey"


class RekeyError(vault.VaultError):
    """A French message: the key could not be changed; the workspace is as it was."""


@dataclass(frozen=True)
class RekeyReport:
    recovery_key: str
    # Copies in the workspace folder (made before a schema migration) that the old secrets
    # still open; backups elsewhere are in the same case.
    old_copies: list[Path]


OLD_SECRETS_NOTICE = (
    "Les sauvegardes (.cepbak) et les copies faites avant ce changement restent chiffrées avec "
    "l'ancienne clé : elles s'ouvrent toujours avec l'ancienne phrase de passe ou l'ancienne "
    "clé de secours. Détruisez celles qui ne sont plus utiles et faites une nouvelle sauvegarde."
)


def _reached(step: str) -> None:
    """A named point of :func:`rekey`; the crash tests replace it to kill the process there."""


def _table_counts(conn: Any, schema: str = "main") -> dict[str, int]:
    names = [
        str(r[0])
        for r in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {
        name: int(conn.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0])
        for name in names
    }


def _export(source: Path, old_key: bytes, staged: Path, new_key: bytes) -> dict[str, int]:
    """Re-encrypt ``source`` into ``staged`` under ``new_key``; return the source's counts."""
    conn = eng.connect_raw(source, old_key)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        counts = _table_counts(conn)
        conn.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(staged), eng._raw_key(new_key)))
        conn.execute("SELECT sqlcipher_export('rekeyed')").fetchall()
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA rekeyed.user_version = {int(version)}")
        conn.commit()
        conn.execute("DETACH DATABASE rekeyed")
    finally:
        conn.close()
    with open(staged, "rb+") as fh:
        os.fsync(fh.fileno())
    return counts


def _prove(staged: Path, new_key: bytes, old_key: bytes, counts: dict[str, int]) -> None:
    conn = eng.connect_raw(staged, new_key)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        problems = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
        problems += [str(r[0]) for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        if problems:
            raise RekeyError("La copie rechiffrée est endommagée ; rien n'a été changé.")
        if _table_counts(conn) != counts:
            raise RekeyError("La copie rechiffrée est incomplète ; rien n'a été changé.")
    finally:
        conn.close()
    old = eng.connect_raw(staged, old_key)
    try:
        old.execute("PRAGMA cipher_log_level = NONE")
        try:
            old.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except Exception:  # "file is not a database": the old key no longer opens it
            return
        raise RekeyError("La copie rechiffrée s'ouvre encore avec l'ancienne clé ; annulé.")
    finally:
        old.close()


def _staged_key_file(directory: Path) -> vault.KeyFile:
    data = json.loads((directory / STAGED_KEYS).read_text("utf-8"))
    return vault.KeyFile(workspace_id=str(data["workspace_id"]), slots=list(data["slots"]))


def _drop_staged(directory: Path, staged_db: Path | None) -> None:
    """Undo an uncommitted change: the journal first (so that recovery never rolls forward),
    then the staged files."""
    with contextlib.suppress(OSError):
        (directory / JOURNAL).unlink()
    for path in (staged_db, directory / STAGED_KEYS):
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink()
            with contextlib.suppress(OSError):
                Path(f"{path}-journal").unlink()
    with contextlib.suppress(OSError):
        fsync_dir(directory)


def _no_live_wal(directory: Path) -> None:
    """After the checkpoint and with every connection closed, the WAL must be empty; a stale
    WAL next to the new file would be replayed into it. Remove the empty -wal and -shm."""
    wal = directory / f"{DB_FILE}-wal"
    if wal.exists() and wal.stat().st_size > 0:
        raise RekeyError(
            "La base est encore utilisée (journal non vide) : fermez les autres fenêtres et "
            "réessayez. Rien n'a été changé."
        )
    for name in (f"{DB_FILE}-wal", f"{DB_FILE}-shm"):
        with contextlib.suppress(FileNotFoundError):
            (directory / name).unlink()


def rekey(
    ws: Any, current_secret: str, new_passphrase: str, kdf: dict[str, Any] | None = None
) -> RekeyReport:
    """Give the open workspace ``ws`` a new database key, a new passphrase and a new recovery
    key (returned, to show once). The workspace stays open (its lock is held throughout) and
    uses the new key afterwards. Raises :class:`vault.WrongSecret`, :class:`vault.VaultError`
    or :class:`RekeyError`; on any failure the old secrets still open the workspace."""
    strength = vault.passphrase_strength(new_passphrase)
    if not strength.acceptable:
        raise vault.VaultError(strength.message)
    directory = Path(ws.path)
    keyfile = vault.KeyFile.read(directory)
    old_key = keyfile.unlock(current_secret)
    if old_key != ws.db_key:
        raise RekeyError("Le fichier des clés ne correspond pas à l'espace ouvert ; annulé.")
    params = kdf or vault.kdf_for_new_slots()
    new_key = os.urandom(32)
    recovery = vault.new_recovery_key()
    wid = keyfile.workspace_id
    new_keys = vault.KeyFile(
        workspace_id=wid,
        slots=[
            vault.make_slot(vault.SLOT_PASSPHRASE, new_passphrase, new_key, wid, params),
            vault.make_slot(vault.SLOT_RECOVERY, recovery, new_key, wid, params),
        ],
    )
    db = directory / DB_FILE
    eng.checkpoint(ws.engine)
    ws.engine.dispose()
    staged: Path | None = None
    try:
        staged = private_temp(directory, DB_FILE, STAGED_DB_SUFFIX)
        _reached("staged")
        counts = _export(db, old_key, staged, new_key)
        _reached("exported")
        _prove(staged, new_key, old_key, counts)
        write_atomically(directory / STAGED_KEYS, new_keys.to_json())
        if _staged_key_file(directory).unlock(new_passphrase) != new_key:
            raise RekeyError("Le nouveau fichier des clés n'a pas pu être vérifié ; annulé.")
        _reached("keys-staged")
        write_atomically(
            directory / JOURNAL,
            json.dumps({"staged_db": staged.name, "staged_keys": STAGED_KEYS}),
        )
        _reached("journal")
        ws.engine.dispose()
        _no_live_wal(directory)
        os.replace(staged, db)  # the commit point
    except BaseException:
        _drop_staged(directory, staged)
        raise
    fsync_dir(directory)
    _reached("db-swapped")
    os.replace(directory / STAGED_KEYS, directory / vault.KEYS_FILE)
    fsync_dir(directory)
    _reached("keys-swapped")
    (directory / JOURNAL).unlink()
    with contextlib.suppress(FileNotFoundError):
        (directory / vault.KEYS_BACKUP).unlink()
    fsync_dir(directory)
    # The open workspace goes on with the new key: a new engine, a new session factory.
    ws.engine = eng.make_engine(db, new_key)
    ws.db_key = new_key
    ws.__post_init__()
    eng.probe(ws.engine)
    return RekeyReport(
        recovery_key=recovery,
        old_copies=sorted(p for p in directory.glob("*.bak") if p.is_file()),
    )


def recover(directory: Path) -> str | None:
    """Finish or undo a key change interrupted by a crash (see the module docstring), and
    drop a ``keys.json.bak`` left by an interrupted change of passphrase. Returns ``"old"``,
    ``"new"`` or None (nothing to do). Does nothing while another process holds the
    workspace."""
    directory = Path(directory)
    journal = directory / JOURNAL
    strays = [
        p
        for p in directory.glob(f"{STAGED_DB_PREFIX}*{STAGED_DB_SUFFIX}*")
        if p.is_file() and not p.is_symlink()
    ]
    staged_keys = directory / STAGED_KEYS
    backup = directory / vault.KEYS_BACKUP
    if not (journal.exists() or strays or staged_keys.exists() or backup.exists()):
        return None
    lock = WorkspaceLock(directory)
    try:
        lock.acquire()
    except (WorkspaceBusy, OSError):
        return None
    try:
        outcome = None
        if journal.exists():
            try:
                data = json.loads(journal.read_text("utf-8"))
                name = str(data["staged_db"])
            except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
                name = ""
            staged_db = directory / Path(name).name if name else None
            if staged_db is not None and staged_db.name.startswith(STAGED_DB_PREFIX):
                if staged_db.exists():
                    _drop_staged(directory, staged_db)
                    outcome = "old"
                else:
                    if staged_keys.exists():
                        os.replace(staged_keys, directory / vault.KEYS_FILE)
                        fsync_dir(directory)
                    journal.unlink()
                    fsync_dir(directory)
                    outcome = "new"
            # A journal that cannot be read is left for IT support: never guess.
        else:
            for path in [*strays, staged_keys]:
                with contextlib.suppress(OSError):
                    path.unlink()
        if backup.exists() and not journal.exists():
            try:
                vault.KeyFile.read(directory)
            except vault.VaultError:
                pass  # keys.json unreadable: the .bak may be all there is; keep it
            else:
                backup.unlink()
        return outcome
    finally:
        lock.release()
