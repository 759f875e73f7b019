"""The follow-up six months after a journey (issue #12, item 3).

When a journey is closed (the end of level 2, or of a journey that stops at level 1) a
follow-up is scheduled six calendar months later (:func:`add_months`: 31/08 → 28 or 29/02).
It appears in the due list (:func:`due_followups`); the counsellor then records the person's
situation, what became of the project and the two questions France compétences publishes
(« situation plus satisfaisante », « service utile »), or one more failed attempt to reach the
person; after ``followup_max_attempts`` attempts (a setting, 3 by default) the follow-up is
marked unreachable.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cep_desk import kinds
from cep_desk.domain import AuditAction, FollowupStatus, ValidationError
from cep_desk.formatting import format_date, full_name
from cep_desk.storage import models as m
from cep_desk.storage.workspace import Workspace

from . import common as c
from .records import FollowupRecord, to_record

FOLLOWUP_MONTHS = 6
MAX_ATTEMPTS_SETTING = "followup_max_attempts"
DEFAULT_MAX_ATTEMPTS = 3
SPEC: c.Spec = kinds.FOLLOWUP.spec()


def add_months(day: date, months: int) -> date:
    """``day`` plus whole calendar months, clamped to the month's last day (31/08 + 6 →
    28/02, or 29/02 in a leap year)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def max_attempts(ws: Workspace) -> int:
    from .workspaces import int_setting

    return max(1, int_setting(ws, MAX_ATTEMPTS_SETTING, DEFAULT_MAX_ATTEMPTS))


def schedule_in(s: Session, journey: m.Journey, end_on: date) -> m.Followup | None:
    """Within a use case's session: the journey's follow-up, created six months after
    ``end_on`` if it has none yet (a journey has one follow-up; reopening and closing again
    moves a pending one to the new date). None when nothing was created or moved."""
    existing = s.scalars(select(m.Followup).where(m.Followup.journey_id == journey.id)).first()
    due = add_months(end_on, FOLLOWUP_MONTHS)
    if existing is not None:
        if existing.status == FollowupStatus.PENDING and existing.due_on != due:
            existing.due_on = due
            c.audit(
                s, AuditAction.CHANGE, kinds.FOLLOWUP, existing.id,
                journey.beneficiary_id, "due_on",
            )  # fmt: skip
            return existing
        return None
    obj = m.Followup(
        beneficiary_id=journey.beneficiary_id,
        journey_id=journey.id,
        due_on=due,
        status=FollowupStatus.PENDING.value,
        attempts=0,
        note="",
    )
    s.add(obj)
    s.flush()
    c.audit(s, AuditAction.CREATE, kinds.FOLLOWUP, obj.id, journey.beneficiary_id)
    return obj


def schedule_followup(ws: Workspace, journey_id: int, end_on: date | None = None) -> FollowupRecord:
    """Schedule (or return) the journey's follow-up, six months after ``end_on`` (by default
    its closing date, else today)."""
    with ws.session() as s:
        journey = c.get(s, m.Journey, journey_id, "Parcours")
        schedule_in(s, journey, end_on or journey.closed_on or date.today())
        obj = s.scalars(select(m.Followup).where(m.Followup.journey_id == journey_id)).one()
        return to_record(FollowupRecord, obj)


def _pending(s: Session, followup_id: int) -> m.Followup:
    obj = c.get(s, m.Followup, followup_id, kinds.FOLLOWUP.label)
    if obj.status != FollowupStatus.PENDING:
        raise ValidationError(
            f"Ce suivi est déjà clos ({FollowupStatus.label_of(obj.status).lower()}).", "status"
        )
    return obj


def _check_day(obj: m.Followup, day: date, s: Session, name: str) -> None:
    journey = c.get(s, m.Journey, obj.journey_id, "Parcours")
    start = journey.closed_on or journey.request_date
    if day < start:
        raise ValidationError(
            f"La date ne peut pas précéder la fin du parcours ({format_date(start)}).", name
        )
    if day > date.today():
        raise ValidationError("La date est dans le futur.", name)


def record_followup(
    ws: Workspace,
    followup_id: int,
    *,
    done_on: date,
    situation: str | None,
    project_status: str | None = None,
    more_satisfying: bool | None = None,
    service_useful: bool | None = None,
    note: str = "",
) -> FollowupRecord:
    """The person was reached: their situation then and the two published questions."""
    if situation in (None, ""):
        raise ValidationError("Indiquez la situation de la personne.", "situation")
    clean = c.validate(
        {
            "done_on": done_on,
            "situation": situation,
            "project_status": project_status,
            "more_satisfying": more_satisfying,
            "service_useful": service_useful,
            "note": note,
        },
        SPEC,
    )
    if clean["done_on"] is None:
        raise ValidationError("La date du suivi est obligatoire.", "done_on")
    with ws.session() as s:
        obj = _pending(s, followup_id)
        _check_day(obj, done_on, s, "done_on")
        changed = c.apply(obj, clean)
        obj.status = FollowupStatus.DONE.value
        c.audit(
            s, AuditAction.CHANGE, kinds.FOLLOWUP, obj.id, obj.beneficiary_id,
            ",".join([*changed, "status"]),
        )  # fmt: skip
        return to_record(FollowupRecord, obj)


def record_attempt(ws: Workspace, followup_id: int, on: date, note: str = "") -> FollowupRecord:
    """One more try to reach the person failed; the last allowed one makes the follow-up
    « personne injoignable » (dated that day)."""
    clean = c.validate({"note": note}, {"note": SPEC["note"]})
    limit = max_attempts(ws)
    with ws.session() as s:
        obj = _pending(s, followup_id)
        _check_day(obj, on, s, "done_on")
        obj.attempts += 1
        fields = ["attempts"]
        if clean["note"]:
            obj.note = (obj.note + "\n" if obj.note else "") + str(clean["note"])
            obj.note = obj.note[-2000:]
            fields.append("note")
        if obj.attempts >= limit:
            obj.status = FollowupStatus.UNREACHABLE.value
            obj.done_on = on
            fields += ["status", "done_on"]
        c.audit(
            s, AuditAction.CHANGE, kinds.FOLLOWUP, obj.id, obj.beneficiary_id,
            ",".join(fields),
        )  # fmt: skip
        return to_record(FollowupRecord, obj)


def get_followup(ws: Workspace, followup_id: int) -> FollowupRecord:
    with ws.read() as s:
        return to_record(FollowupRecord, c.get(s, m.Followup, followup_id, "Suivi à six mois"))


@dataclass(frozen=True)
class DueFollowup:
    """A pending follow-up in the due list, shaped as ``cep_desk.usecases.due.DueItem``."""

    kind: str
    day: date
    beneficiary_id: int
    person: str
    label: str
    ref_id: int


def due_followup_rows(
    session: Session, today: date, horizon_days: int = 14
) -> list[tuple[int, date, int, str]]:
    """``(id, due_on, beneficiary_id, label)`` of the pending follow-ups due by ``today +
    horizon_days`` (late ones included), oldest first, without the names (the due list reads
    them for all its items at once)."""
    until = today + timedelta(days=horizon_days)
    f = m.Followup
    rows = session.execute(
        select(f.id, f.due_on, f.attempts, f.beneficiary_id)
        .where(f.status == FollowupStatus.PENDING.value, f.due_on <= until)
        .order_by(f.due_on, f.id)
    ).all()
    return [(fid, due_on, bid, followup_label(due_on, attempts, today))
            for fid, due_on, attempts, bid in rows]  # fmt: skip


def followup_label(due_on: date, attempts: int, today: date) -> str:
    """How the due list names a pending follow-up."""
    label = "Suivi à six mois"
    if due_on < today:
        label += " (en retard)"
    if attempts:
        label += f", {attempts} tentative(s) sans réponse"
    return label


def due_followups(session: Session, today: date, horizon_days: int = 14) -> list[DueFollowup]:
    """Pending follow-ups due by ``today + horizon_days`` (late ones included), oldest first."""
    from .beneficiaries import names_of

    rows = due_followup_rows(session, today, horizon_days)
    names = names_of(session, (bid for _fid, _day, bid, _label in rows))
    return [
        DueFollowup("followup", day, bid, full_name(*names.get(bid, ("", ""))), label, fid)
        for fid, day, bid, label in rows
    ]
