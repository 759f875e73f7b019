"""Workspace lifecycle use cases: create, open, lock, change passphrase, check, settings."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cep_desk import domain
from cep_desk.domain import AuditAction
from cep_desk.storage import engine as eng
from cep_desk.storage import migrate, vault
from cep_desk.storage import models as m
from cep_desk.storage import rekey as rekey_mod
from cep_desk.storage.workspace import (
    Workspace,
    create_workspace,
    open_workspace,
)

from . import common as c
from .records import AuditRecord, CounsellorRecord, DocumentRecord, to_record

COUNSELLOR_SPEC: c.Spec = {
    "name": c.required("Le nom du conseiller"),
    "organisation": c.text(200),
    "operator_kind": c.an_enum(domain.OperatorKind),
    "region": c.text(100),
    "email": c.text(200),
    "phone": c.text(40),
    "address": c.text(1000),
}

DEFAULT_SETTINGS: dict[str, Any] = {
    "retention_years": domain.DEFAULT_RETENTION_YEARS,
    "idle_lock_minutes": 5,
    "backup_reminder_days": 7,
    "last_backup_at": None,
}


def create(
    directory: Path,
    passphrase: str,
    counsellor: dict[str, Any] | None = None,
    *,
    kdf: dict[str, Any] | None = None,
) -> tuple[Workspace, str]:
    """Create the workspace and its counsellor; returns it open and the recovery key."""
    values = dict(counsellor or {})
    values.setdefault("name", "Conseiller·ère")
    values.setdefault("operator_kind", domain.OperatorKind.REGIONAL.value)
    clean = c.validate(values, COUNSELLOR_SPEC)
    ws, recovery = create_workspace(Path(directory), passphrase, kdf=kdf)
    with contextlib.suppress(OSError):  # not every file system has modes
        Path(directory).chmod(0o700)
    with ws.session() as s:
        s.add(m.Counsellor(**clean))
        c.audit(s, AuditAction.CREATE, "workspace", None, None)
    return ws, recovery


def open_(directory: Path, secret: str, kind: str | None = None) -> Workspace:
    """Unlock with the passphrase or the recovery key (``kind`` narrows which slot)."""
    ws = open_workspace(Path(directory), secret, kind=kind)
    with ws.session() as s:
        c.audit(s, AuditAction.UNLOCK, "workspace", None, None)
    return ws


def lock(ws: Workspace) -> None:
    """Record the lock and close everything: pooled connections disposed, lock file released."""
    if ws.is_open:
        with ws.session() as s:
            c.audit(s, AuditAction.LOCK, "workspace", None, None)
        ws.close()


def change_passphrase(
    directory: Path, current_secret: str, new_passphrase: str, *, kdf: dict[str, Any] | None = None
) -> None:
    """Rewrite only the passphrase slot of ``keys.json``; the database is untouched."""
    vault.change_passphrase(Path(directory), current_secret, new_passphrase, kdf)


def rekey(
    ws: Workspace, current_secret: str, new_passphrase: str, *, kdf: dict[str, Any] | None = None
) -> rekey_mod.RekeyReport:
    """A new database key, a new passphrase and a new recovery key (in the report, to show
    once): for when the passphrase may have been seen. Old backups keep the old secrets."""
    report = rekey_mod.rekey(ws, current_secret, new_passphrase, kdf)
    with ws.session() as s:
        c.audit(s, AuditAction.PASSWD, "workspace", None, None, "clé de chiffrement changée")
    return report


def get_counsellor(ws: Workspace) -> CounsellorRecord:
    with ws.read() as s:
        obj = s.scalar(select(m.Counsellor).order_by(m.Counsellor.id))
        if obj is None:
            return CounsellorRecord(0, "", "", domain.OperatorKind.REGIONAL.value, "", "", "", "")
        return to_record(CounsellorRecord, obj)


def update_counsellor(ws: Workspace, **changes: Any) -> CounsellorRecord:
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


def get_setting(ws: Workspace, key: str) -> Any:
    with ws.read() as s:
        row = s.get(m.Setting, key)
        return row.value if row is not None else DEFAULT_SETTINGS.get(key)


def set_setting(ws: Workspace, key: str, value: Any) -> None:
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
    problems: list[str]
    people: int
    journeys: int
    sessions: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "schema_version": self.schema_version,
            "head_version": self.head_version,
            "cipher_version": self.cipher_version,
            "problems": self.problems,
            "people": self.people,
            "journeys": self.journeys,
            "sessions": self.sessions,
        }


def check(ws: Workspace) -> CheckReport:
    """Integrity (page HMACs and B-trees), schema version and counts."""
    problems = eng.integrity_check(ws.engine)
    with ws.engine.connect() as conn:
        version = migrate.current_revision(conn) or ""
        cipher = conn.exec_driver_sql("PRAGMA cipher_version").scalar() or ""
    with ws.read() as s:
        people = s.scalar(select(func.count(m.Beneficiary.id))) or 0
        journeys = s.scalar(select(func.count(m.Journey.id))) or 0
        sessions = s.scalar(select(func.count(m.Interview.id))) or 0
    head = migrate.head_revision()
    return CheckReport(
        ok=not problems and version == head,
        schema_version=version,
        head_version=head,
        cipher_version=str(cipher),
        problems=problems,
        people=people,
        journeys=journeys,
        sessions=sessions,
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
        c.audit(s, action, "document", doc.id, beneficiary_id, kind.value)
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
