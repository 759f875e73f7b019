"""Encrypted backups (``.cepbak``) and verified restores into a new folder.

A ``.cepbak`` file is a zip archive with *stored* (uncompressed) members, in this order:

- ``cepdesk-backup.json``: the header — magic ``CEPDESK-BACKUP``, format version, workspace id,
  creation time, schema version, row counts, SHA-256 of the two other members;
- ``keys.json``: the key slots, as in the workspace (the database key stays wrapped);
- ``cep.db``: the database, copied with SQLite's online backup API from the live engine (never a
  copy of the live file, whose WAL holds recent commits) into a file keyed with the same key, so
  it stays SQLCipher-encrypted and opens with the same passphrase or recovery key.

The archive is written to a temporary file next to the target, fsynced, then renamed. A restore
reads the header, checks both hashes, unwraps the key with the secret (a wrong one writes
nothing), rebuilds the workspace in a temporary folder beside the target, opens it, runs the
integrity checks, compares the counts with the header, and only then renames it into place.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import stat
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from cep_desk.domain import AuditAction, AuditEntity
from cep_desk.files import (
    O_CLOEXEC,
    O_NOFOLLOW,
    UnsafePath,
    create_private,
    fsync_dir,
    private_temp,
    refuse_link,
    write_atomically,
)
from cep_desk.safezip import MemberLimits, read_member
from cep_desk.storage import engine as eng
from cep_desk.storage import models as m
from cep_desk.storage import vault
from cep_desk.storage.lock import try_lock
from cep_desk.storage.workspace import DB_FILE, Workspace, WorkspaceError, open_workspace
from cep_desk.usecases import common as c
from cep_desk.usecases import workspaces

MAGIC = "CEPDESK-BACKUP"
FORMAT_VERSION = 1
HEADER_MEMBER = "cepdesk-backup.json"
KEYS_MEMBER = vault.KEYS_FILE
DB_MEMBER = DB_FILE
EXTENSION = ".cepbak"
MAX_HEADER_BYTES = 64 * 1024
MAX_KEYS_BYTES = 1024 * 1024
# Held (OS lock) inside the hidden work folder for as long as a restore runs.
RESTORE_LOCK = ".restauration.lock"
RESTORE_MARK = ".restauration-"
# A hidden restore folder without a lock file (made by an older version) is left alone while
# younger than this: it may be a restore that has just begun.
ABANDONED_AFTER_S = 600

# Tables whose row counts the header records and the restore verifies.
COUNTED_TABLES = (
    "beneficiaries",
    "journeys",
    "interviews",
    "needs",
    "projects",
    "feasibility_checks",
    "skills",
    "action_steps",
    "financing_lines",
    "contacts",
    "issued_documents",
    "anonymised_journeys",
    "audit_events",
    "satisfaction_answers",  # revision 0006_followup
    "followups",
    "appointments",  # revision 0007_agenda
)

Progress = Callable[[int, int], None]
PROGRESS_TOTAL = 1000
_CHUNK = 1024 * 1024


class BackupError(Exception):
    """A French message: the backup could not be written, or the file is not a usable one."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidBackup(BackupError):
    """The file is not a usable backup: foreign, truncated, damaged or from a newer version."""


@dataclass(frozen=True)
class BackupReport:
    path: Path
    size_bytes: int
    created_at: datetime
    workspace_id: str
    schema_version: str
    counts: dict[str, int]
    payload_sha256: str
    seconds: float


@dataclass(frozen=True)
class RestoreReport:
    path: Path
    workspace_id: str
    backup_created_at: datetime
    schema_version: str
    counts: dict[str, int]
    migrated_from: str | None
    seconds: float
    # People of the erasure register erased again in the restored copy (issue 10.6)
    erasures_applied: list[int] = field(default_factory=list)
    # A French warning when erasures made after the backup may not have been re-applied
    erasure_warning: str | None = None


@dataclass(frozen=True)
class BackupHeader:
    workspace_id: str
    created_at: datetime
    schema_version: str
    counts: dict[str, int]
    payload_sha256: str
    keys_sha256: str
    format_version: int = FORMAT_VERSION
    app_version: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(
            {
                "magic": MAGIC,
                "format_version": self.format_version,
                "app_version": self.app_version,
                "workspace_id": self.workspace_id,
                "created_at": self.created_at.isoformat(),
                "schema_version": self.schema_version,
                "counts": self.counts,
                "payload": {"member": DB_MEMBER, "sha256": self.payload_sha256},
                "keys": {"member": KEYS_MEMBER, "sha256": self.keys_sha256},
            },
            indent=2,
            sort_keys=True,
        )


class _Stepper:
    """Maps the phases of a long operation onto one 0..PROGRESS_TOTAL scale."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.last = -1

    def report(self, start: float, end: float, fraction: float) -> None:
        if self.progress is None:
            return
        value = int(PROGRESS_TOTAL * (start + (end - start) * max(0.0, min(1.0, fraction))))
        if value != self.last:
            self.last = value
            self.progress(value, PROGRESS_TOTAL)


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _count_rows(conn: Any) -> tuple[dict[str, int], str]:
    """Row counts and schema version read through a raw DB-API connection."""
    counts = {}
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in COUNTED_TABLES:
        if table in present:  # a workspace of an older revision lacks the newer tables
            counts[table] = int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return counts, str(row[0]) if row else ""


def _copy_database(ws: Workspace, target: Path, stepper: _Stepper) -> None:
    """SQLite online backup API, page by page (with progress), into a file keyed like the
    workspace; the copy is switched to a single-file journal so it travels alone."""
    os.close(create_private(target))  # 0600 before SQLite writes into it
    dest = eng.connect_raw(target, ws.db_key)
    try:
        dest.execute("PRAGMA cipher_log_level = NONE")
        raw = ws.engine.raw_connection()
        try:

            def on_step(_status: int, remaining: int, total: int) -> None:
                stepper.report(0.0, 0.6, (total - remaining) / total if total else 1.0)

            eng.driver(raw).backup(dest, pages=256, progress=on_step)
        finally:
            raw.close()
        dest.commit()
        dest.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        dest.close()


# ---------------------------------------------------------------------------------------------
# Backup
# ---------------------------------------------------------------------------------------------


def backup(ws: Workspace, target: Path, progress: Progress | None = None) -> BackupReport:
    """Write an encrypted backup of the open workspace to ``target`` (a ``.cepbak`` file).

    The counsellor keeps working meanwhile: the online backup API copies a consistent snapshot.
    Raises :class:`BackupError` with a French message (nothing is left half-written).
    """
    from cep_desk import __version__

    t0 = time.perf_counter()
    target = Path(target)
    if target.suffix.lower() != EXTENSION:
        target = target.with_name(target.name + EXTENSION)
    if target.exists() and target.is_dir():
        raise BackupError(f"{target} est un dossier : indiquez un nom de fichier.")
    ws_dir = ws.path.resolve()
    if target.resolve().parent == ws_dir:
        raise BackupError(
            "Enregistrez la sauvegarde ailleurs que dans le dossier de l'espace de travail "
            "(idéalement sur un support externe)."
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"Impossible de créer le dossier {target.parent} : {exc}") from exc
    stepper = _Stepper(progress)
    stepper.report(0, 0, 0)
    try:
        refuse_link(target)
    except UnsafePath as exc:
        raise BackupError(exc.message) from exc
    try:
        work = Path(tempfile.mkdtemp(prefix=".cepbak-", dir=target.parent))
    except OSError as exc:
        raise BackupError(f"Impossible d'écrire dans {target.parent} : {exc}") from exc
    try:
        # Unpredictable, exclusively created, 0600: never a name another account prepared.
        partial = private_temp(target.parent, target.name)
    except OSError as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise BackupError(f"Impossible d'écrire dans {target.parent} : {exc}") from exc
    try:
        keys_bytes = (ws.path / vault.KEYS_FILE).read_bytes()
        keyfile = vault.KeyFile.read(ws.path)
        db_copy = work / DB_MEMBER
        _copy_database(ws, db_copy, stepper)
        conn = eng.connect_raw(db_copy, ws.db_key)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            counts, schema = _count_rows(conn)
        finally:
            conn.close()
        stepper.report(0.6, 0.7, 0)
        payload_sha = _sha256_file(db_copy)
        stepper.report(0.6, 0.7, 1)
        created = datetime.now(UTC).replace(microsecond=0)
        header = BackupHeader(
            workspace_id=keyfile.workspace_id,
            created_at=created,
            schema_version=schema,
            counts=counts,
            payload_sha256=payload_sha,
            keys_sha256=hashlib.sha256(keys_bytes).hexdigest(),
            app_version=__version__,
        )
        size = db_copy.stat().st_size
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as zf:
            zf.comment = f"{MAGIC} {FORMAT_VERSION}".encode("ascii")
            zf.writestr(HEADER_MEMBER, header.to_json())
            zf.writestr(KEYS_MEMBER, keys_bytes)
            info = zipfile.ZipInfo(DB_MEMBER, date_time=created.timetuple()[:6])
            info.compress_type = zipfile.ZIP_STORED
            with zf.open(info, "w", force_zip64=size > 2**31) as out, open(db_copy, "rb") as src:
                done = 0
                while chunk := src.read(_CHUNK):
                    out.write(chunk)
                    done += len(chunk)
                    stepper.report(0.7, 1.0, done / size if size else 1.0)
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        refuse_link(target)
        os.replace(partial, target)
        fsync_dir(target.parent)
    except BackupError:
        raise
    except UnsafePath as exc:
        raise BackupError(exc.message) from exc
    except (OSError, zipfile.BadZipFile, vault.VaultError) as exc:
        raise BackupError(
            f"La sauvegarde n'a pas pu être écrite ({exc}). Aucun fichier n'a été remplacé."
        ) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
        with contextlib.suppress(OSError):
            partial.unlink()
    workspaces.set_setting(ws, "last_backup_at", created.isoformat())
    with ws.session() as s:
        c.audit(
            s,
            AuditAction.BACKUP,
            AuditEntity.WORKSPACE,
            None,
            None,
            f"{sum(counts.values())} lignes",
        )
    stepper.report(1, 1, 1)
    return BackupReport(
        path=target,
        size_bytes=target.stat().st_size,
        created_at=created,
        workspace_id=keyfile.workspace_id,
        schema_version=schema,
        counts=counts,
        payload_sha256=payload_sha,
        seconds=round(time.perf_counter() - t0, 3),
    )


# ---------------------------------------------------------------------------------------------
# Reading a backup
# ---------------------------------------------------------------------------------------------

_NOT_A_BACKUP = (
    "Ce fichier n'est pas une sauvegarde CEP Desk, ou il est incomplet (copie interrompue, "
    "fichier tronqué)."
)


def read_header(backup_file: Path) -> BackupHeader:
    """The header of a ``.cepbak`` file, checked for shape; raises :class:`BackupError`."""
    backup_file = Path(backup_file)
    if not backup_file.is_file():
        raise InvalidBackup(f"Fichier introuvable : {backup_file}")
    try:
        with zipfile.ZipFile(backup_file) as zf:
            return _header_of(zf)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise InvalidBackup(_NOT_A_BACKUP) from exc


def _header_of(zf: zipfile.ZipFile) -> BackupHeader:
    names = zf.namelist()
    if HEADER_MEMBER not in names or KEYS_MEMBER not in names or DB_MEMBER not in names:
        raise InvalidBackup(_NOT_A_BACKUP)
    info = zf.getinfo(HEADER_MEMBER)
    if info.file_size > MAX_HEADER_BYTES:
        raise InvalidBackup(_NOT_A_BACKUP)
    try:
        raw = read_member(zf, HEADER_MEMBER, MemberLimits(MAX_HEADER_BYTES, 1e9))
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("magic") != MAGIC:
            raise InvalidBackup(_NOT_A_BACKUP)
        version = data.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise InvalidBackup(_NOT_A_BACKUP)
        if version > FORMAT_VERSION:
            raise InvalidBackup(
                f"Cette sauvegarde a été faite par une version plus récente de CEP Desk "
                f"(format {version}) : mettez l'application à jour pour la restaurer."
            )
        counts = {str(k): int(v) for k, v in dict(data["counts"]).items()}
        created = datetime.fromisoformat(str(data["created_at"]))
        return BackupHeader(
            workspace_id=str(data["workspace_id"]),
            created_at=created,
            schema_version=str(data["schema_version"]),
            counts=counts,
            payload_sha256=str(data["payload"]["sha256"]),
            keys_sha256=str(data["keys"]["sha256"]),
            format_version=version,
            app_version=str(data.get("app_version", "")),
        )
    except BackupError:
        raise
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise InvalidBackup(_NOT_A_BACKUP) from exc


def _key_file_from_bytes(raw: bytes) -> vault.KeyFile:
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != vault.FORMAT or not isinstance(data.get("slots"), list):
            raise ValueError("format")
        return vault.KeyFile(workspace_id=str(data["workspace_id"]), slots=list(data["slots"]))
    except (ValueError, KeyError, AttributeError, UnicodeDecodeError) as exc:
        raise InvalidBackup(_NOT_A_BACKUP) from exc


def _check_target(target_dir: Path) -> None:
    if target_dir.exists():
        if not target_dir.is_dir():
            raise BackupError(f"{target_dir} existe déjà et n'est pas un dossier.")
        if any(target_dir.iterdir()):
            raise BackupError(
                f"Le dossier {target_dir} n'est pas vide : la restauration se fait toujours "
                "dans un dossier nouveau ou vide, pour ne rien écraser."
            )


# ---------------------------------------------------------------------------------------------
# Restore
# ---------------------------------------------------------------------------------------------


def restore(
    backup_file: Path,
    target_dir: Path,
    secret: str,
    progress: Progress | None = None,
    *,
    erasures_from: Path | None = None,
) -> RestoreReport:
    """Restore ``backup_file`` into ``target_dir`` (new or empty), verified before it appears.

    ``erasures_from``: the workspace folder this restore stands in for; the people of its
    erasure register (``effacements.json``) still present in the backup are erased again before
    the copy appears, and the register goes with it. Without one, or when it cannot be applied,
    :attr:`RestoreReport.erasure_warning` says so.

    Raises :class:`BackupError` (foreign, truncated or damaged file, non-empty target, failed
    verification) or :class:`cep_desk.storage.vault.WrongSecret`; in every case the target is
    left as it was (absent or empty) and no other file is touched.
    """
    t0 = time.perf_counter()
    backup_file, target_dir = Path(backup_file), Path(target_dir)
    stepper = _Stepper(progress)
    stepper.report(0, 0, 0)
    _check_target(target_dir)
    with contextlib.suppress(Exception):
        clean_abandoned_restores([target_dir.parent])
    if not backup_file.is_file():
        raise InvalidBackup(f"Fichier introuvable : {backup_file}")
    try:
        zf = zipfile.ZipFile(backup_file)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise InvalidBackup(_NOT_A_BACKUP) from exc
    with zf:
        header = _header_of(zf)
        if zf.getinfo(KEYS_MEMBER).file_size > MAX_KEYS_BYTES:
            raise InvalidBackup(_NOT_A_BACKUP)
        try:
            keys_bytes = read_member(zf, KEYS_MEMBER, MemberLimits(MAX_KEYS_BYTES, 1e9))
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise InvalidBackup(_NOT_A_BACKUP) from exc
        if hashlib.sha256(keys_bytes).hexdigest() != header.keys_sha256:
            raise InvalidBackup("La sauvegarde est endommagée (fichier des clés altéré).")
        keyfile = _key_file_from_bytes(keys_bytes)
        if keyfile.workspace_id != header.workspace_id:
            raise InvalidBackup("La sauvegarde est incohérente (identifiants différents).")
        db_key = keyfile.unlock(secret)  # WrongSecret: nothing written yet
        stepper.report(0, 0.05, 1)
        parent = target_dir.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
            work = Path(tempfile.mkdtemp(prefix=f".{target_dir.name}{RESTORE_MARK}", dir=parent))
        except OSError as exc:
            raise BackupError(f"Impossible d'écrire dans {parent} : {exc}") from exc
        lock_fd: int | None = None
        try:
            # Held until the end: a later start removes the folder only once nobody holds it.
            lock_fd = create_private(work / RESTORE_LOCK)
            try_lock(lock_fd)
            _extract_db(zf, work / DB_MEMBER, header, stepper)
            write_atomically(work / vault.KEYS_FILE, keys_bytes.decode("utf-8"))
            report = _verify(work, db_key, header, stepper)
            applied, warning = _reapply_erasures(work, db_key, header, erasures_from)
            _move_into_place(work, target_dir)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        finally:
            if lock_fd is not None:
                os.close(lock_fd)
    stepper.report(1, 1, 1)
    return RestoreReport(
        path=target_dir,
        workspace_id=header.workspace_id,
        backup_created_at=header.created_at,
        schema_version=report[0],
        counts=header.counts,
        migrated_from=report[1],
        seconds=round(time.perf_counter() - t0, 3),
        erasures_applied=applied,
        erasure_warning=warning,
    )


def _extract_db(zf: zipfile.ZipFile, dest: Path, header: BackupHeader, stepper: _Stepper) -> None:
    size = zf.getinfo(DB_MEMBER).file_size
    digest = hashlib.sha256()
    done = 0
    try:
        with zf.open(DB_MEMBER) as src, os.fdopen(create_private(dest), "wb") as out:
            while chunk := src.read(_CHUNK):
                out.write(chunk)
                digest.update(chunk)
                done += len(chunk)
                stepper.report(0.05, 0.5, done / size if size else 1.0)
            out.flush()
            os.fsync(out.fileno())
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        if isinstance(exc, OSError) and not isinstance(exc, EOFError) and dest.parent.exists():
            free = shutil.disk_usage(dest.parent).free
            if free < size:
                raise BackupError(
                    f"Place insuffisante sur le disque pour restaurer ({size // 2**20} Mo requis)."
                ) from exc
        raise InvalidBackup(_NOT_A_BACKUP) from exc
    if digest.hexdigest() != header.payload_sha256:
        raise InvalidBackup(
            "La sauvegarde est endommagée : l'empreinte de la base ne correspond pas. "
            "Rien n'a été restauré."
        )


def _verify(
    work: Path, db_key: bytes, header: BackupHeader, stepper: _Stepper
) -> tuple[str, str | None]:
    """Open the rebuilt workspace, check integrity and counts; returns (schema, migrated_from)."""
    try:
        ws = open_workspace(work, db_key=db_key)
    except WorkspaceError as exc:
        raise InvalidBackup(f"La base restaurée ne s'ouvre pas : {exc}") from exc
    try:
        stepper.report(0.5, 0.6, 1)
        problems = eng.integrity_check(ws.engine)
        if problems:
            raise InvalidBackup(
                "La base restaurée est endommagée (" + "; ".join(problems[:3]) + "). "
                "Rien n'a été restauré."
            )
        stepper.report(0.6, 0.9, 1)
        with ws.engine.connect() as conn:
            raw = conn.connection.driver_connection
            counts, schema = _count_rows(raw)
        if ws.migrated_from is None and schema != header.schema_version:
            raise InvalidBackup("La version du schéma ne correspond pas à l'en-tête.")
        for table, expected in header.counts.items():
            if counts.get(table) != expected:
                raise InvalidBackup(
                    f"La base restaurée ne contient pas le nombre attendu de lignes ({table} : "
                    f"{counts.get(table)} au lieu de {expected}). Rien n'a été restauré."
                )
        # The restored copy is as safe as the backup it came from.
        previous = workspaces.get_setting(ws, "last_backup_at")
        if previous is None or str(previous) < header.created_at.isoformat():
            workspaces.set_setting(ws, "last_backup_at", header.created_at.isoformat())
        with ws.session() as s:
            c.audit(
                s,
                AuditAction.RESTORE,
                AuditEntity.WORKSPACE,
                None,
                None,
                header.created_at.isoformat(),
            )
        return schema, ws.migrated_from
    finally:
        ws.close()
        with contextlib.suppress(OSError):
            (work / "cep.lock").unlink()


def _reapply_erasures(
    work: Path, db_key: bytes, header: BackupHeader, source: Path | None
) -> tuple[list[int], str | None]:
    """Erase again, in the verified copy, the people of ``source``'s erasure register."""
    from . import erasures, rights

    day = header.created_at.astimezone().strftime("%d/%m/%Y")
    redo = (
        f"Si des personnes ont été effacées après le {day} (date de la sauvegarde), elles "
        "figurent de nouveau dans la copie restaurée : effacez-les de nouveau."
    )
    if source is None:
        return [], "Aucun registre des effacements n'a été appliqué. " + redo
    try:
        register = erasures.read(Path(source))
    except erasures.RegisterDamaged as exc:
        return [], f"{exc.message} Il n'a pas pu être réappliqué. " + redo
    if register is None:
        return [], None  # no erasure recorded in the workspace this copy stands in for
    if register.workspace_id != header.workspace_id:
        return [], (
            f"Le registre des effacements de {source} appartient à un autre espace de travail : "
            "il n'a pas été appliqué. " + redo
        )
    try:
        ws = open_workspace(work, db_key=db_key)
    except WorkspaceError as exc:
        raise InvalidBackup(f"La base restaurée ne s'ouvre pas : {exc}") from exc
    try:
        applied = rights.reapply(ws, register)
        erasures.write(work, register)
    finally:
        ws.close()
        with contextlib.suppress(OSError):
            (work / "cep.lock").unlink()
    return applied, None


def _move_into_place(work: Path, target_dir: Path) -> None:
    _check_target(target_dir)  # again: it may have been filled meanwhile
    if target_dir.exists():
        for item in work.iterdir():
            if item.name != RESTORE_LOCK:
                os.replace(item, target_dir / item.name)
        (work / RESTORE_LOCK).unlink()
        work.rmdir()
    else:
        os.replace(work, target_dir)
        with contextlib.suppress(OSError):
            (target_dir / RESTORE_LOCK).unlink()
    with contextlib.suppress(OSError):
        target_dir.chmod(0o700)
    fsync_dir(target_dir.parent)


def clean_abandoned_restores(folders: Iterable[Path]) -> list[Path]:
    """Remove the hidden ``.NAME.restauration-*`` folders that killed restores left in
    ``folders``: only folders of this account, whose restore lock nobody holds (or, without a
    lock file, older than :data:`ABANDONED_AFTER_S`). Returns what was removed."""
    removed: list[Path] = []
    for folder in {Path(f) for f in folders}:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if not (entry.name.startswith(".") and RESTORE_MARK in entry.name):
                continue
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if not stat.S_ISDIR(st.st_mode):
                continue
            if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
                continue
            path = Path(entry.path)
            if _abandoned(path, st.st_mtime):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    return removed


def _abandoned(path: Path, mtime: float) -> bool:
    try:
        fd = os.open(path / RESTORE_LOCK, os.O_RDWR | O_NOFOLLOW | O_CLOEXEC)
    except FileNotFoundError:
        return time.time() - mtime > ABANDONED_AFTER_S
    except OSError:
        return False
    try:
        return try_lock(fd)  # the lock is free: its restore died
    finally:
        os.close(fd)


# ---------------------------------------------------------------------------------------------
# Reminder
# ---------------------------------------------------------------------------------------------


def last_backup_at(ws: Workspace) -> datetime | None:
    value = workspaces.get_setting(ws, "last_backup_at")
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def backup_overdue(ws: Workspace, today: date | None = None) -> bool:
    """True when the last backup is older than ``backup_reminder_days`` (7 by default), or when
    there was never one and the workspace holds at least one person."""
    today = today or date.today()
    days = workspaces.int_setting(ws, "backup_reminder_days", 7)
    if days <= 0:
        return False
    last = last_backup_at(ws)
    if last is None:
        with ws.read() as s:
            return bool(s.scalar(select(func.count(m.Beneficiary.id))))
    return today - last.astimezone().date() > timedelta(days=days)
