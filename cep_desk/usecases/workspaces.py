"""Workspace lifecycle use cases: create, open, lock, change passphrase, check, settings."""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cep_desk import domain, kinds
from cep_desk.domain import AuditAction, AuditEntity
from cep_desk.storage import errors, migrate, vault
from cep_desk.storage import models as m
from cep_desk.storage import rekey as rekey_mod
from cep_desk.storage.rekey import OLD_SECRETS_NOTICE as OLD_SECRETS_NOTICE
from cep_desk.storage.rekey import RekeyReport as RekeyReport
from cep_desk.storage.workspace import (
    WORKSPACE_ID_SETTING,
    WorkspaceReadOnly,
    create_workspace,
    open_workspace,
)
from cep_desk.storage.workspace import Workspace as Workspace  # the handle the front ends hold
from cep_desk.storage.workspace import is_workspace as is_workspace
from cep_desk.storage.workspace import synced_folder_warning as synced_folder_warning

from . import common as c
from .records import AuditRecord, CounsellorRecord, DocumentRecord, to_record

COUNSELLOR_SPEC: c.Spec = kinds.COUNSELLOR.spec()

DEFAULT_SETTINGS: dict[str, Any] = {
    "retention_years": domain.DEFAULT_RETENTION_YEARS,
    "idle_lock_minutes": 5,
    "backup_reminder_days": 7,
    "last_backup_at": None,
}


def _kdf(params: Mapping[str, int] | None) -> dict[str, int] | None:
    """Argon2id parameters for a new slot (tests pass cheap ones), as the vault takes them."""
    return dict(params) if params is not None else None


def create(
    directory: Path,
    passphrase: str,
    counsellor: Mapping[str, object] | None = None,
    *,
    kdf: Mapping[str, int] | None = None,
) -> tuple[Workspace, str]:
    """Create the workspace and its counsellor; returns it open and the recovery key."""
    values = dict(counsellor or {})
    values.setdefault("name", "Conseiller·ère")
    values.setdefault("operator_kind", domain.OperatorKind.REGIONAL.value)
    clean = c.validate(values, COUNSELLOR_SPEC)
    ws, recovery = create_workspace(Path(directory), passphrase, kdf=_kdf(kdf))
    with contextlib.suppress(OSError):  # not every file system has modes
        Path(directory).chmod(0o700)
    with ws.session() as s:
        s.add(m.Counsellor(**clean))
        c.audit(s, AuditAction.CREATE, AuditEntity.WORKSPACE, None, None)
    return ws, recovery


def create_on_postgres(
    url: str, directory: Path, counsellor: Mapping[str, object] | None = None
) -> Workspace:
    """The same workspace in a PostgreSQL database (a team server's, or the tests'): the
    schema upgraded to the head and its counsellor, as :func:`create` makes them on the
    laptop; ``directory`` is the local folder for the files the use cases write."""
    from cep_desk.storage import postgres

    values = dict(counsellor or {})
    values.setdefault("name", "Conseiller·ère")
    values.setdefault("operator_kind", domain.OperatorKind.REGIONAL.value)
    clean = c.validate(values, COUNSELLOR_SPEC)
    ws = postgres.open_workspace(url, Path(directory))
    try:
        with ws.session() as s:
            if s.scalar(select(func.count()).select_from(m.Counsellor)) == 0:
                s.add(m.Counsellor(**clean))
                s.add(m.Setting(key=WORKSPACE_ID_SETTING, value=str(uuid.uuid4())))
                c.audit(s, AuditAction.CREATE, AuditEntity.WORKSPACE, None, None)
    except BaseException:
        ws.close()
        raise
    return ws


def open_(directory: Path, secret: str, kind: str | None = None) -> Workspace:
    """Unlock with the passphrase or the recovery key (``kind`` narrows which slot).

    On read-only media the workspace opens read-only (``ws.read_only``, with
    ``ws.read_only_reason``): no audit row, nothing written. A full disk is told as such
    (:class:`cep_desk.storage.errors.StorageFault`), never as damage."""
    ws = open_workspace(Path(directory), secret, kind=kind)
    try:
        if ws.read_only:
            if ws.schema_revision != migrate.head_revision():
                raise WorkspaceReadOnly(
                    f"{ws.read_only_reason} Or cet espace de travail doit d'abord être mis à "
                    "jour pour cette version de CEP Desk, ce qui demande d'écrire : copiez le "
                    "dossier entier sur un disque accessible en écriture et ouvrez-le là."
                )
            return ws
        with ws.session() as s:
            c.audit(s, AuditAction.UNLOCK, AuditEntity.WORKSPACE, None, None)
    except BaseException as exc:
        ws.close()
        found = errors.storage_fault(
            exc, directory=ws.path, action="L'ouverture de l'espace de travail"
        )
        if found is not None and not isinstance(exc, WorkspaceReadOnly):
            raise found from exc
        raise
    return ws


def open_for_check(directory: Path, secret: str, kind: str | None = None) -> Workspace:
    """Open read-only for :func:`check`: no audit row, no migration, nothing written."""
    return open_workspace(Path(directory), secret, kind=kind, read_only=True)


def lock(ws: Workspace) -> None:
    """Record the lock and close everything: pooled connections disposed, lock file released."""
    if ws.is_open:
        try:
            if not ws.read_only:
                with ws.session() as s:
                    c.audit(s, AuditAction.LOCK, AuditEntity.WORKSPACE, None, None)
        except Exception:  # a full disk must not keep the workspace from locking
            pass
        finally:
            ws.close()


def change_passphrase(
    directory: Path,
    current_secret: str,
    new_passphrase: str,
    *,
    kdf: Mapping[str, int] | None = None,
) -> None:
    """Rewrite only the passphrase slot of ``keys.json``; the database is untouched."""
    vault.change_passphrase(Path(directory), current_secret, new_passphrase, _kdf(kdf))


def rekey(
    ws: Workspace, current_secret: str, new_passphrase: str, *, kdf: Mapping[str, int] | None = None
) -> rekey_mod.RekeyReport:
    """A new database key, a new passphrase and a new recovery key (in the report, to show
    once): for when the passphrase may have been seen. Old backups keep the old secrets."""
    report = rekey_mod.rekey(ws, current_secret, new_passphrase, _kdf(kdf))
    with ws.session() as s:
        c.audit(
            s, AuditAction.PASSWD, AuditEntity.WORKSPACE, None, None, "clé de chiffrement changée"
        )
    return report


def get_counsellor(ws: Workspace) -> CounsellorRecord:
    with ws.read() as s:
        obj = s.scalar(select(m.Counsellor).order_by(m.Counsellor.id))
        if obj is None:
            return CounsellorRecord(0, "", "", domain.OperatorKind.REGIONAL.value, "", "", "", "")
        return to_record(CounsellorRecord, obj)


def update_counsellor(ws: Workspace, **changes: object) -> CounsellorRecord:
    clean = c.validate(changes, COUNSELLOR_SPEC)
    with ws.session() as s:
        obj = s.scalar(select(m.Counsellor).order_by(m.Counsellor.id))
        if obj is None:
            clean.setdefault("name", "Conseiller·ère")
            obj = m.Counsellor(**clean)
            s.add(obj)
        else:
            c.apply(obj, clean)
        s.flush()
        return to_record(CounsellorRecord, obj)


def get_setting(ws: Workspace, key: str) -> object:
    with ws.read() as s:
        row = s.get(m.Setting, key)
        return row.value if row is not None else DEFAULT_SETTINGS.get(key)


def int_setting(ws: Workspace, key: str, default: int) -> int:
    """A setting read as a whole number: ``default`` when it is missing or not a number."""
    value = get_setting(ws, key)
    if isinstance(value, int | float | str):
        try:
            return int(value)
        except ValueError:
            return default
    return default


def set_setting(ws: Workspace, key: str, value: object) -> None:
    with ws.session() as s:
        row = s.get(m.Setting, key)
        if row is None:
            s.add(m.Setting(key=key, value=value))
        else:
            row.value = value


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    schema_version: str
    head_version: str
    cipher_version: str
    problems: list[str]  # what SQLite's checks reported, as they said it (for IT support)
    people: int
    journeys: int
    sessions: int
    damaged: bool = False
    upgrade_pending: bool = False
    summary: str = ""  # in French: what is damaged (or not) and what to do

    def as_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "damaged": self.damaged,
            "schema_version": self.schema_version,
            "head_version": self.head_version,
            "upgrade_pending": self.upgrade_pending,
            "cipher_version": self.cipher_version,
            "problems": self.problems,
            "people": self.people,
            "journeys": self.journeys,
            "sessions": self.sessions,
            "summary": self.summary,
        }


_PAGE = re.compile(r"\bpage\s+(\d+)", re.IGNORECASE)


def _rows(conn: Any, sql: str) -> tuple[list[str], str | None]:
    """The rows of a check PRAGMA, or the error that stopped it."""
    try:
        return [str(r[0]) for r in conn.exec_driver_sql(sql)], None
    except Exception as exc:  # a damaged page can stop the check itself
        return [], str(exc)


def _count(conn: Any, table: str) -> int:
    try:
        return int(conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar() or 0)
    except Exception:
        return -1


def _pages(lines: list[str]) -> list[int]:
    return sorted({int(p) for line in lines for p in _PAGE.findall(line)})


def _damage_summary(
    cipher_lines: list[str], btree_lines: list[str], stopped: bool, copies: list[str]
) -> str:
    parts = []
    cipher_pages = _pages(cipher_lines)
    if cipher_lines:
        shown = ", ".join(str(p) for p in cipher_pages[:10]) + (
            "…" if len(cipher_pages) > 10 else ""
        )
        parts.append(
            f"{len(cipher_pages) or len(cipher_lines)} page(s) de la base échouent au contrôle "
            "d'authentification du chiffrement (contenu modifié ou abîmé sur le disque"
            + (f" : page(s) {shown}" if shown else "")
            + ")"
        )
    if btree_lines or stopped:
        parts.append(
            "la structure des tables ou des index est incohérente"
            + (f" ({len(btree_lines)} anomalie(s))" if btree_lines else "")
        )
    older = (
        f" Des copies faites avant une mise à jour existent aussi ({', '.join(copies)}), "
        "plus anciennes."
        if copies
        else ""
    )
    return (
        "La base de données est endommagée : " + " ; ".join(parts) + ". Ne continuez pas à "
        "travailler dans cet espace : restaurez votre dernière sauvegarde dans un nouveau "
        "dossier (cep-desk restore FICHIER.cepbak --to NOUVEAU_DOSSIER, ou Données › Restaurer une sauvegarde "
        "dans l'interface), vérifiez-la, puis travaillez dans ce dossier. Gardez le dossier "
        "endommagé tant que la restauration n'est pas vérifiée." + older
    )


def check(ws: Workspace) -> CheckReport:
    """Integrity (page HMACs and B-trees), schema version and counts; read-only.

    A damaged page does not stop the report: the checks' own failures are reported as damage.
    Only this report advises restoring a backup, and only when it found damage."""
    with ws.engine.connect() as conn:
        if ws.engine_name == "postgresql":  # no file of ours: the server checks its pages
            cipher, cipher_stop, btree_stop = "", None, None
            cipher_lines: list[str] = []
            btree_lines: list[str] = []
        else:
            cipher = conn.exec_driver_sql("PRAGMA cipher_version").scalar() or ""
            cipher_lines, cipher_stop = _rows(conn, "PRAGMA cipher_integrity_check")
            btree, btree_stop = _rows(conn, "PRAGMA integrity_check")
            btree_lines = [r for r in btree if r != "ok"]
        try:
            version = migrate.current_revision(conn) or ""
        except Exception:
            version = ""
        people = _count(conn, m.Beneficiary.__tablename__)
        journeys = _count(conn, m.Journey.__tablename__)
        sessions = _count(conn, m.Interview.__tablename__)
    problems = cipher_lines + btree_lines + [e for e in (cipher_stop, btree_stop) if e]
    damaged = bool(problems)
    head = migrate.head_revision()
    known = migrate.is_known(version)
    if damaged:
        copies = sorted(p.name for p in ws.path.glob("*.avant-*.bak") if p.is_file())
        summary = _damage_summary(
            cipher_lines, btree_lines, bool(cipher_stop or btree_stop), copies
        )
    elif not known:
        summary = (
            f"La base est intacte mais son schéma ({version or 'inconnu'}) n'est pas connu de "
            "cette version de CEP Desk : installez la version qui l'a créé ou une plus récente."
        )
    elif version != head:
        summary = (
            f"Espace de travail intact (schéma {version}, {people} personnes). Il sera mis à "
            f"jour vers le schéma {head} à sa prochaine ouverture, après une copie de sécurité."
        )
    else:
        summary = f"Espace de travail intact (schéma {version}, {people} personnes)."
    return CheckReport(
        ok=not damaged and known,
        schema_version=version,
        head_version=head,
        cipher_version=str(cipher),
        problems=problems,
        people=people,
        journeys=journeys,
        sessions=sessions,
        damaged=damaged,
        upgrade_pending=known and version != head,
        summary=summary,
    )


def record_document(
    ws: Workspace,
    beneficiary_id: int,
    journey_id: int | None,
    kind: domain.DocumentKind,
    sha256: str,
    channel: str = "export",
) -> DocumentRecord:
    """Trace a document handed over: its version number, date and SHA-256 (not the PDF)."""
    with ws.session() as s:
        c.get(s, m.Beneficiary, beneficiary_id, "Personne")
        version = _next_version(s, beneficiary_id, kind)
        doc = m.IssuedDocument(
            beneficiary_id=beneficiary_id,
            journey_id=journey_id,
            kind=kind.value,
            version=version,
            sha256=sha256,
            channel=channel,
        )
        s.add(doc)
        s.flush()
        action = AuditAction.PRINT if channel == "print" else AuditAction.EXPORT
        c.audit(s, action, kinds.DOCUMENT, doc.id, beneficiary_id, kind.value)
        return to_record(DocumentRecord, doc)


def next_document_version(ws: Workspace, beneficiary_id: int, kind: domain.DocumentKind) -> int:
    with ws.read() as s:
        return _next_version(s, beneficiary_id, kind)


def _next_version(s: Session, beneficiary_id: int, kind: domain.DocumentKind) -> int:
    issued = s.scalar(
        select(func.count(m.IssuedDocument.id)).where(
            m.IssuedDocument.beneficiary_id == beneficiary_id,
            m.IssuedDocument.kind == kind.value,
        )
    )
    return (issued or 0) + 1


def audit_trail(
    ws: Workspace, beneficiary_id: int | None = None, limit: int = 500
) -> list[AuditRecord]:
    stmt = select(m.AuditEvent).order_by(m.AuditEvent.at.desc(), m.AuditEvent.id.desc())
    if beneficiary_id is not None:
        stmt = stmt.where(m.AuditEvent.beneficiary_id == beneficiary_id)
    with ws.read() as s:
        return [to_record(AuditRecord, e) for e in s.scalars(stmt.limit(limit))]
