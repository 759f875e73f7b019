"""What is due (issue #12, item 1): the list the counsellor works through.

Three sources, oldest first: the six-month follow-ups due by the horizon
(:func:`cep_desk.usecases.followups.due_followups`), the plan steps of open journeys whose date
(the due date, else the start date) is reached by the horizon and that are neither done nor
cancelled, and the past appointments still « prévu »: held or missed, they are not yet
reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, cast

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from cep_desk.domain import AppointmentStatus, StepStatus
from cep_desk.formatting import format_clock, format_date, full_name
from cep_desk.storage import models as m
from cep_desk.storage.workspace import Workspace

from . import followups

FOLLOWUP = "followup"
PLAN_STEP = "plan_step"
UNREPORTED = "unreported"
KINDS = (FOLLOWUP, PLAN_STEP, UNREPORTED)
# Steps still to do.
OPEN_STEPS = (StepStatus.PLANNED.value, StepStatus.IN_PROGRESS.value)


@dataclass(frozen=True)
class DueItem:
    kind: str  # "followup" | "plan_step" | "unreported"
    day: date  # the date it fell or falls due
    beneficiary_id: int
    person_name: str  # « NOM Prénom »
    label: str  # French
    ref_id: int  # the follow-up's, the step's or the appointment's id


def _steps(s: Session, today: date, until: date) -> list[DueItem]:
    st, p, j, b = m.ActionStep, m.Project, m.Journey, m.Beneficiary
    rows = s.execute(
        select(st.id, st.title, st.due_on, st.start_on, b.id, b.last_name, b.first_name)
        .join(p, p.id == st.project_id)
        .join(j, j.id == p.journey_id)
        .join(b, b.id == j.beneficiary_id)
        .where(
            or_(st.due_on <= until, and_(st.due_on.is_(None), st.start_on <= until)),
            st.status.in_(OPEN_STEPS),
            j.closed_on.is_(None),
        )
    ).all()
    out = []
    for sid, title, due_on, start_on, bid, last, first in cast(list[Any], rows):
        day: date = due_on if due_on is not None else start_on  # one is set (the query)
        what = "échéance" if due_on is not None else "début prévu"
        label = f"Étape du plan : {title} ({what} le {format_date(day)}"
        label += ", en retard)" if day < today else ")"
        out.append(DueItem(PLAN_STEP, day, bid, full_name(last, first), label, sid))
    return out


def _unreported(s: Session, today: date) -> list[DueItem]:
    a, b = m.Appointment, m.Beneficiary
    rows = s.execute(
        select(a.id, a.day, a.start, b.id, b.last_name, b.first_name)
        .join(b, b.id == a.beneficiary_id)
        .where(a.status == AppointmentStatus.PLANNED.value, a.day < today)
    ).all()
    return [
        DueItem(
            UNREPORTED,
            day,
            bid,
            full_name(last, first),
            f"Rendez-vous du {format_date(day)} à {format_clock(start)} à renseigner "
            "(honoré ou non honoré)",
            aid,
        )
        for aid, day, start, bid, last, first in rows
    ]


def due_list(ws: Workspace, today: date, horizon_days: int = 14) -> list[DueItem]:
    """Follow-ups, plan steps and unreported appointments due by ``today + horizon_days``
    (late ones included), by date, then person, then kind."""
    until = today + timedelta(days=max(0, horizon_days))
    with ws.read() as s:
        items = [
            DueItem(f.kind, f.day, f.beneficiary_id, f.person, f.label, f.ref_id)
            for f in followups.due_followups(s, today, horizon_days)
        ]
        items += _steps(s, today, until)
        items += _unreported(s, today)
    order = {k: i for i, k in enumerate(KINDS)}
    items.sort(key=lambda x: (x.day, x.person_name, order[x.kind], x.ref_id))
    return items


__all__ = ["KINDS", "DueItem", "due_list"]
