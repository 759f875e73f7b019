"""What is due (issue #12, item 1): the list the counsellor works through.

Three sources, oldest first: the six-month follow-ups due by the horizon
(:func:`cep_desk.usecases.followups.due_followups`), the plan steps of open journeys whose date
(the due date, else the start date) is reached by the horizon and that are neither done nor
cancelled, and the past appointments still « prévu »: held or missed, they are not yet
reported.

The list is read a page at a time (:func:`due_page`, like the list of people): SQLite finds,
names and sorts the items from its indexes and returns one page with the number of items and
of late ones; the labels are made for that page only. :func:`due_list` is every page at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

from sqlalchemy import text

from cep_desk.domain import AppointmentStatus, FollowupStatus, StepStatus
from cep_desk.formatting import format_clock, format_date, full_name
from cep_desk.storage.workspace import Workspace

from . import followups
from .beneficiaries import NAMES_INDEX

FOLLOWUP = "followup"
PLAN_STEP = "plan_step"
UNREPORTED = "unreported"
KINDS = (FOLLOWUP, PLAN_STEP, UNREPORTED)
# Steps still to do.
OPEN_STEPS = (StepStatus.PLANNED.value, StepStatus.IN_PROGRESS.value)
PAGE_SIZE = 200  # the items of one page, as in the list of people


@dataclass(frozen=True, slots=True)
class DueItem:
    kind: str  # "followup" | "plan_step" | "unreported"
    day: date  # the date it fell or falls due
    beneficiary_id: int
    person_name: str  # « NOM Prénom »
    label: str  # French
    ref_id: int  # the follow-up's, the step's or the appointment's id


@dataclass(frozen=True, slots=True)
class DuePage:
    """One page of the due list, and the whole list's size."""

    items: list[DueItem]
    offset: int
    total: int  # items in the whole list (0 on an empty page)
    late: int  # of which dated before today


# The three sources as one table (kind: its rank in KINDS; extra, flag: what the label needs),
# named from the small covering index of names, sorted and paged by SQLite. The steps are two
# ranges of the covering index ix_action_steps_due (status, due_on, start_on, project_id,
# title) rather than an OR it cannot range. The order is the one the list always had: date,
# then « NOM Prénom » (SQLite's upper() folds ASCII only: a lower-case accented letter of a
# last name still sorts after Z, as its capital does), then kind, then the record; the names
# shown are made by formatting.full_name, for the page only.
_DUE_SQL = """
WITH due(kind, day, bid, ref, extra, flag) AS (
    SELECT 0, f.due_on, f.beneficiary_id, f.id, CAST(f.attempts AS TEXT), NULL FROM followups AS f
    WHERE f.status = :pending AND f.due_on <= :until
  UNION ALL
    SELECT 1, st.due_on, j.beneficiary_id, st.id, st.title, 1 FROM action_steps AS st
    JOIN projects AS p ON p.id = st.project_id JOIN journeys AS j ON j.id = p.journey_id
    WHERE st.status IN (:planned_step, :started_step) AND j.closed_on IS NULL
      AND st.due_on <= :until
  UNION ALL
    SELECT 1, st.start_on, j.beneficiary_id, st.id, st.title, 0 FROM action_steps AS st
    JOIN projects AS p ON p.id = st.project_id JOIN journeys AS j ON j.id = p.journey_id
    WHERE st.status IN (:planned_step, :started_step) AND j.closed_on IS NULL
      AND st.due_on IS NULL AND st.start_on <= :until
  UNION ALL
    SELECT 2, a.day, a.beneficiary_id, a.id, CAST(a.start AS TEXT), NULL FROM appointments AS a
    WHERE a.status = :planned AND a.day < :today
)
SELECT due.kind, due.day, due.bid, due.ref, due.extra, due.flag, b.last_name, b.first_name,
       count(*) OVER () AS total,
       sum(CASE WHEN due.day < :today THEN 1 ELSE 0 END) OVER () AS late
FROM due LEFT JOIN beneficiaries AS b {names_index} ON b.id = due.bid
ORDER BY due.day,
  trim(upper(trim(coalesce(b.last_name, ''))) || ' ' || trim(coalesce(b.first_name, ''))),
  due.kind, due.ref
LIMIT :limit OFFSET :offset
"""


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _label(kind: int, day: date, extra: Any, flag: Any, today: date) -> str:
    if kind == 0:
        return followups.followup_label(day, int(extra or 0), today)
    if kind == 1:
        what = "échéance" if flag else "début prévu"
        late = ", en retard)" if day < today else ")"
        return f"Étape du plan : {extra} ({what} le {format_date(day)}{late}"
    start = extra if isinstance(extra, time) else time.fromisoformat(str(extra))
    return (
        f"Rendez-vous du {format_date(day)} à {format_clock(start)} à renseigner "
        "(honoré ou non honoré)"
    )


def due_page(
    ws: Workspace,
    today: date,
    offset: int = 0,
    limit: int | None = PAGE_SIZE,
    horizon_days: int = 14,
) -> DuePage:
    """The items from ``offset`` (``limit`` of them, all without a limit) of the follow-ups,
    plan steps and unreported appointments due by ``today + horizon_days`` (late ones
    included), by date, then person, then kind; with the size of the whole list."""
    until = today + timedelta(days=max(0, horizon_days))
    params = {
        "pending": FollowupStatus.PENDING.value,
        "planned_step": OPEN_STEPS[0],
        "started_step": OPEN_STEPS[1],
        "planned": AppointmentStatus.PLANNED.value,
        "until": until.isoformat(),
        "today": today.isoformat(),
        "limit": -1 if limit is None else max(0, limit),
        "offset": max(0, offset),
    }
    with ws.read() as s:
        conn = s.connection()
        sqlite = conn.dialect.name == "sqlite"
        if not sqlite:  # PostgreSQL: dates bound as dates, no limit as NULL, its own planner
            params.update(until=until, today=today, limit=None if limit is None else max(0, limit))
        sql = _DUE_SQL.format(names_index=f"INDEXED BY {NAMES_INDEX}" if sqlite else "")
        rows = conn.execute(text(sql), params).all()
    items = []
    for kind, day, bid, ref, extra, flag, last, first, _total, _late in rows:
        when = _day(day)
        label = _label(kind, when, extra, flag, today)
        items.append(DueItem(KINDS[kind], when, bid, full_name(last, first), label, ref))
    # a page past the end has no row to tell the size: the screen keeps its first page's
    total, late = (rows[0][8], int(rows[0][9] or 0)) if rows else (0, 0)
    return DuePage(items, max(0, offset), total, late)


def due_list(ws: Workspace, today: date, horizon_days: int = 14) -> list[DueItem]:
    """Every item of the due list (see :func:`due_page`)."""
    return due_page(ws, today, 0, None, horizon_days).items


__all__ = ["KINDS", "PAGE_SIZE", "DueItem", "DuePage", "due_list", "due_page"]
