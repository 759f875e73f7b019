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
from typing import Any

from sqlalchemy import select, union_all
from sqlalchemy.orm import Session

from cep_desk.domain import AppointmentStatus, StepStatus
from cep_desk.formatting import format_clock, format_date, full_name
from cep_desk.storage import models as m
from cep_desk.storage.workspace import Workspace

from . import followups
from .beneficiaries import names_of

FOLLOWUP = "followup"
PLAN_STEP = "plan_step"
UNREPORTED = "unreported"
KINDS = (FOLLOWUP, PLAN_STEP, UNREPORTED)
# Steps still to do.
OPEN_STEPS = (StepStatus.PLANNED.value, StepStatus.IN_PROGRESS.value)


@dataclass(frozen=True, slots=True)
class DueItem:
    kind: str  # "followup" | "plan_step" | "unreported"
    day: date  # the date it fell or falls due
    beneficiary_id: int
    person_name: str  # « NOM Prénom »
    label: str  # French
    ref_id: int  # the follow-up's, the step's or the appointment's id


def _steps(s: Session, today: date, until: date) -> list[_Due]:
    st, p, j = m.ActionStep, m.Project, m.Journey

    def still_to_do(*reached: Any) -> Any:
        return (
            select(st.id, st.title, st.due_on, st.start_on, j.beneficiary_id)
            .join(p, p.id == st.project_id)
            .join(j, j.id == p.journey_id)
            .where(st.status.in_(OPEN_STEPS), j.closed_on.is_(None), *reached)
        )

    # Two ranges of the covering index ix_action_steps_due (status, due_on, start_on,
    # project_id, title), rather than an OR it cannot range.
    by_due = still_to_do(st.due_on <= until)
    by_start = still_to_do(st.due_on.is_(None), st.start_on <= until)
    out: list[_Due] = []
    late, soon = ", en retard)", ")"
    for sid, title, due_on, start_on, bid in s.execute(union_all(by_due, by_start)):
        day: date = due_on if due_on is not None else start_on  # one is set (the query)
        what = "échéance" if due_on is not None else "début prévu"
        label = f"Étape du plan : {title} ({what} le {format_date(day)}"
        label += late if day < today else soon
        out.append((PLAN_STEP, day, bid, label, sid))
    return out


def _unreported(s: Session, today: date) -> list[_Due]:
    a = m.Appointment
    rows = s.execute(
        select(a.id, a.day, a.start, a.beneficiary_id).where(
            a.status == AppointmentStatus.PLANNED.value, a.day < today
        )
    )
    return [
        (
            UNREPORTED,
            day,
            bid,
            f"Rendez-vous du {format_date(day)} à {format_clock(start)} à renseigner "
            "(honoré ou non honoré)",
            aid,
        )
        for aid, day, start, bid in rows
    ]


# (kind, day, beneficiary_id, label, ref_id): an item before its person is named.
_Due = tuple[str, date, int, str, int]


def due_list(ws: Workspace, today: date, horizon_days: int = 14) -> list[DueItem]:
    """Follow-ups, plan steps and unreported appointments due by ``today + horizon_days``
    (late ones included), by date, then person, then kind."""
    until = today + timedelta(days=max(0, horizon_days))
    with ws.read() as s:
        found: list[_Due] = [
            (FOLLOWUP, day, bid, label, fid)
            for fid, day, bid, label in followups.due_followup_rows(s, today, horizon_days)
        ]
        found += _steps(s, today, until)
        found += _unreported(s, today)
        names = names_of(s, (x[2] for x in found))
    people: dict[int, str] = {}
    order = {k: i for i, k in enumerate(KINDS)}
    keyed = []
    for kind, day, bid, label, ref in found:
        person = people.get(bid)
        if person is None:
            person = people[bid] = full_name(*names.get(bid, ("", "")))
        keyed.append((day, person, order[kind], ref, kind, bid, label))
    keyed.sort()  # by date, then person, then kind (plain tuples: no key function)
    items = [DueItem(kind, day, bid, person, label, ref)
             for day, person, _o, ref, kind, bid, label in keyed]  # fmt: skip
    return items


__all__ = ["KINDS", "DueItem", "due_list"]
