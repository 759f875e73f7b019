"""Rights of the person: access (a PDF and the JSON), erasure, retention and purge.

Erasure deletes the person and everything attached (foreign-key cascades), after writing one
:class:`~cep_desk.storage.models.AnonymisedJourney` per journey so that the activity statistics
survive; the audit keeps only "personne #id effacée". Then the full-text index is merged and the
WAL checkpointed (TRUNCATE): with ``secure_delete`` the freed pages are zeroed, so the text does
not linger in the database, its WAL or free pages.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from cep_desk import domain, kinds
from cep_desk.domain import AppointmentStatus, AuditAction
from cep_desk.storage import engine as eng
from cep_desk.storage import models as m
from cep_desk.storage import search, sync
from cep_desk.storage.workspace import Workspace
from cep_desk.usecases import common as c
from cep_desk.usecases import workspaces

from . import erasures, exchange

Progress = Callable[[int, int], None]
PURGE_BATCH = 200


@dataclass(frozen=True)
class AccessExport:
    pdf: bytes
    data: exchange.ExchangeDocument
    sha256: str
    version: int


@dataclass(frozen=True)
class EraseReport:
    beneficiary_ids: list[int]
    anonymised_journeys: int
    # Files of the workspace folder that may still hold the erased data (copies made before a
    # schema migration): the counsellor or IT staff decide whether to delete them.
    lingering_copies: list[Path]


# ---------------------------------------------------------------------------------------------
# Access
# ---------------------------------------------------------------------------------------------


def access_export(
    ws: Workspace, beneficiary_id: int, *, include_sensitive: bool = True
) -> tuple[bytes, exchange.ExchangeDocument]:
    """The person's whole file: a PDF summary and the JSON exchange document.

    Recorded as an issued document (kind ``access_export``, SHA-256 of the PDF) and audited.
    Raises :class:`cep_desk.usecases.common.NotFound`.
    """
    return access_export_full(ws, beneficiary_id, include_sensitive=include_sensitive)[:2]


def access_export_full(
    ws: Workspace, beneficiary_id: int, *, include_sensitive: bool = True
) -> tuple[bytes, exchange.ExchangeDocument, AccessExport]:
    from cep_desk.plan_pdf.access import render_access_summary

    data = exchange.export_json(ws, beneficiary_id, include_sensitive=include_sensitive)
    counsellor = workspaces.get_counsellor(ws)
    pdf = render_access_summary(
        data["people"][0], organisation=counsellor.organisation, counsellor=counsellor.name
    )
    sha = hashlib.sha256(pdf).hexdigest()
    doc = workspaces.record_document(
        ws, beneficiary_id, None, domain.DocumentKind.ACCESS_EXPORT, sha
    )
    return pdf, data, AccessExport(pdf=pdf, data=data, sha256=sha, version=doc.version)


# ---------------------------------------------------------------------------------------------
# Erasure
# ---------------------------------------------------------------------------------------------


def _anonymise(s: Session, person: m.Beneficiary, today: date) -> int:
    rows = s.execute(
        select(
            m.Journey.request_date,
            m.Journey.first_appointment_on,
            m.Journey.reasons,
            m.Journey.level_reached,
            m.Journey.outcome,
            m.Journey.closed_on,
            m.Journey.cep_presented_on,
            m.Journey.id,
        ).where(m.Journey.beneficiary_id == person.id)
    ).all()
    from .stats import services_of_journeys

    services = services_of_journeys(s, [r.id for r in rows])
    for r in rows:
        s.add(
            m.AnonymisedJourney(
                request_date=r.request_date,
                first_appointment_on=r.first_appointment_on,
                public=person.status,
                age_band=domain.age_band(person.birth_date, r.request_date),
                sex=person.sex,
                education_level=person.education_level,
                reasons=list(r.reasons or []),
                level_reached=r.level_reached or 0,
                outcome=r.outcome,
                closed_on=r.closed_on,
                cep_presented=r.cep_presented_on is not None,
                services=services.get(r.id, "none"),
                removed_on=today,
            )
        )
    return len(rows)


def _erase_in(s: Session, beneficiary_id: int, today: date, reason: str = "") -> int:
    person = c.get(s, m.Beneficiary, beneficiary_id, "Personne")
    count = _anonymise(s, person, today)
    s.execute(delete(m.AuditEvent).where(m.AuditEvent.beneficiary_id == beneficiary_id))
    exchange.forget_mappings(s, beneficiary_id)
    # Core DELETE: the database cascades to journeys, sessions, needs, projects… and documents;
    # the outbox gets one « erase » of the file, which supersedes its other entries.
    sync.record_erasure(s.connection(), person.uid)
    s.execute(delete(m.Beneficiary).where(m.Beneficiary.id == beneficiary_id))
    s.expunge(person)
    detail = f"personne #{beneficiary_id} effacée" + (f" ({reason})" if reason else "")
    c.audit(s, AuditAction.ERASE, kinds.PERSON, beneficiary_id, None, detail)
    return count


def _scrub(ws: Workspace) -> list[Path]:
    """Merge the full-text index (its old segments still hold deleted words) and fold the WAL
    into the database, truncating it; secure_delete zeroes every page freed on the way. On
    PostgreSQL: a VACUUM of the erased rows (see :func:`cep_desk.storage.search.scrub`)."""
    search.scrub(ws.engine)
    if ws.engine.dialect.name != "postgresql":
        eng.checkpoint(ws.engine)
    return sorted(p for p in ws.path.glob("*.bak") if p.is_file())


class ScrubIncomplete(Exception):
    """The erasure is committed, but the clean-up that removes its last traces from the file
    (full-text segments, WAL) could not run, e.g. on a full disk. ``message`` is French."""

    def __init__(self, message: str, erased: list[int]) -> None:
        super().__init__(message)
        self.message = message
        self.erased = erased


def _scrub_or_tell(ws: Workspace, done: str, erased: list[int]) -> list[Path]:
    from cep_desk.storage import errors

    try:
        return _scrub(ws)
    except Exception as exc:
        reason = errors.user_message(exc, directory=ws.path, action="Le nettoyage final") or ""
        raise ScrubIncomplete(
            f"{done}, mais le nettoyage qui retire ses dernières traces du fichier (index de "
            f"recherche, journal) n'a pas pu se faire. {reason} Le nettoyage sera refait au "
            "prochain effacement ; fermer l'espace de travail vide aussi le journal.",
            erased,
        ) from exc


def _register(ws: Workspace, ids: list[int]) -> None:
    """Write the erasure register entries (ids and record creation times) before erasing,
    so that a restore of an older backup can erase these people again."""
    created: dict[int, object] = {}
    with ws.read() as s:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            stmt = select(m.Beneficiary.id, m.Beneficiary.created_at)
            created.update((r[0], r[1]) for r in s.execute(stmt.where(m.Beneficiary.id.in_(chunk))))
    present = [(ident, created[ident]) for ident in ids if ident in created]
    if present:
        workspace_id = ws.workspace_id
        try:
            erasures.record(ws.path, workspace_id, present)  # type: ignore[arg-type]
        except erasures.RegisterDamaged as exc:
            raise erasures.RegisterDamaged(
                f"{exc.message} Rien n'a été effacé : faites vérifier ce fichier par votre "
                "support informatique (ou déplacez-le hors du dossier pour en commencer un "
                "nouveau), puis recommencez."
            ) from exc


def erase(ws: Workspace, beneficiary_id: int, today: date | None = None) -> EraseReport:
    """Erase one person and everything attached; keep anonymised statistics.

    Raises :class:`cep_desk.usecases.common.NotFound` for an unknown id (nothing changed).
    """
    today = today or date.today()
    _register(ws, [beneficiary_id])
    with ws.session() as s:
        count = _erase_in(s, beneficiary_id, today)
    copies = _scrub_or_tell(ws, f"La personne n° {beneficiary_id} est effacée", [beneficiary_id])
    return EraseReport([beneficiary_id], count, copies)


# ---------------------------------------------------------------------------------------------
# Retention
# ---------------------------------------------------------------------------------------------


def retention_years(ws: Workspace) -> int:
    return max(1, workspaces.int_setting(ws, "retention_years", domain.DEFAULT_RETENTION_YEARS))


def purge_candidates(ws: Workspace, today: date | None = None) -> list[tuple[int, date]]:
    """People whose last contact is older than the retention period (``retention_years``,
    2 by default), as ``(id, last contact)``, oldest first. A person never contacted counts
    from the day their file was created; an appointment planned or held counts as a contact
    (a person who booked one is not purged before it)."""
    today = today or date.today()
    years = retention_years(ws)
    a = m.Appointment
    with ws.read() as s:
        rows = s.execute(
            select(m.Beneficiary.id, m.Beneficiary.last_contact_on, m.Beneficiary.created_at)
        ).all()
        booked = dict(
            s.execute(
                select(a.beneficiary_id, func.max(a.day))
                .where(
                    a.status.in_((AppointmentStatus.PLANNED.value, AppointmentStatus.HELD.value))
                )
                .group_by(a.beneficiary_id)
            ).all()
        )
    out = []
    for ident, last, created in rows:
        reference = last or (created.date() if created else None)
        appointment = booked.get(ident)
        if appointment is not None and (reference is None or appointment > reference):
            reference = appointment
        if reference is not None and domain.is_past_retention(reference, today, years):
            out.append((ident, reference))
    out.sort(key=lambda pair: (pair[1], pair[0]))
    return out


@dataclass(frozen=True)
class PurgeCandidate:
    id: int
    last_name: str
    first_name: str
    last_contact_on: date


def purge_candidate_rows(ws: Workspace, today: date | None = None) -> list[PurgeCandidate]:
    """The purge candidates with their names, for the confirmation list of the GUI."""
    candidates = purge_candidates(ws, today)
    wanted = dict(candidates)
    names: dict[int, tuple[str, str]] = {}
    ids = list(wanted)
    with ws.read() as s:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            stmt = select(m.Beneficiary.id, m.Beneficiary.last_name, m.Beneficiary.first_name)
            for ident, last, first in s.execute(stmt.where(m.Beneficiary.id.in_(chunk))):
                names[ident] = (last, first)
    return [PurgeCandidate(ident, *names.get(ident, ("", "")), last) for ident, last in candidates]


def purge(
    ws: Workspace,
    today: date | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> list[int]:
    """Erase every person past retention (or, with ``dry_run``, only list them). Returns the
    ids concerned. Anonymised statistics survive."""
    today = today or date.today()
    ids = [ident for ident, _last in purge_candidates(ws, today)]
    if dry_run or not ids:
        return ids
    _register(ws, ids)
    for start in range(0, len(ids), PURGE_BATCH):
        batch = ids[start : start + PURGE_BATCH]
        with ws.session() as s:
            for ident in batch:
                _erase_in(s, ident, today, "durée de conservation dépassée")
        if progress:
            progress(min(start + PURGE_BATCH, len(ids)), len(ids))
    _scrub_or_tell(ws, f"{len(ids)} personne(s) effacée(s)", ids)
    return ids


# ---------------------------------------------------------------------------------------------
# Erasures re-applied after a restore
# ---------------------------------------------------------------------------------------------


def reapply(ws: Workspace, register: erasures.Register) -> list[int]:
    """Erase again, in a restored workspace, every person of ``register`` still present (same
    id AND same record creation time: an id given again to someone else is left alone); keep
    their anonymised statistics, dated from the original erasure. Returns the ids erased."""
    wanted = {e.id: e for e in register.entries}
    if not wanted:
        return []
    ids = list(wanted)
    found: dict[int, object] = {}
    with ws.read() as s:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            stmt = select(m.Beneficiary.id, m.Beneficiary.created_at)
            found.update((r[0], r[1]) for r in s.execute(stmt.where(m.Beneficiary.id.in_(chunk))))
    todo = [
        ident
        for ident, created in found.items()
        if erasures.same_record(wanted[ident], created)  # type: ignore[arg-type]
    ]
    for start in range(0, len(todo), PURGE_BATCH):
        with ws.session() as s:
            for ident in todo[start : start + PURGE_BATCH]:
                when = _erased_on(wanted[ident].erased_at)
                _erase_in(s, ident, when, "effacement réappliqué après une restauration")
    if todo:
        _scrub(ws)
    return sorted(todo)


def _erased_on(stamp: str) -> date:
    from datetime import datetime

    try:
        return datetime.fromisoformat(stamp).date()
    except ValueError:
        return date.today()
