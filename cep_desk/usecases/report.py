"""The activity report of a period (issue #12, item 4): what a CEP operator is steered and
paid on, anonymised, for the team lead and for the operator's information system.

Sources of the figures (see ``docs/activity-report.md`` for every column):

- **appointments**: the agenda's appointments of the period (planned, held, cancelled,
  missed) and the sessions recorded without an appointment (a session is a held
  appointment); an appointment that became a session is counted once;
- **people**: everyone with at least one held appointment in the period, described at their
  first one (age band, public, sex, socio-professional category, education level, département
  and région read from the postcode);
- **new / returning**: new when nobody met the person before the period;
- **waiting time**: journeys whose request falls in the period, from the request to the first
  appointment held or planned (median, share within 10 days, the operators' promise);
- **decisions at the end of level 1**: journeys with a level-1 session in the period;
- **outcomes**: journeys closed in the period, anonymised ones included (the figures do not
  change when files are purged);
- **satisfaction** (:func:`cep_desk.usecases.satisfaction.counts`) and **six-month results**
  (follow-ups done or closed as unreachable in the period);
- **services prescribed**: the action-plan steps of the journeys met in the period, internal
  to the operator or external (impartiality, 2019 §3.1).

Every count under 5 is suppressed, and more cells are suppressed so that none can be
recomputed from a total (:func:`cep_desk.usecases.lifecycle.stats.protect`), départements
included against their région. No name, no birth date, no address and no free text ever
leaves this module, except the satisfaction comments the PDF prints alone (never with a name,
a date or a reference).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time
from operator import attrgetter
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Integer,
    and_,
    any_,
    bindparam,
    case,
    false,
    func,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.orm import Session

from cep_desk import domain, geography
from cep_desk.files import refuse_link, write_atomically
from cep_desk.formatting import NNBSP, format_date, format_decimal
from cep_desk.report_document import (
    AppointmentLine,
    Cell,
    Figure,
    Indicator,
    KeyFigure,
    Report,
    Table,
)
from cep_desk.storage import models as m
from cep_desk.storage.workspace import Workspace

from . import common, satisfaction
from .lifecycle.stats import (
    AGE_BANDS,
    NOT_GIVEN,
    SUPPRESSED,
    THRESHOLD,
    protect,
    service_kind,
)

ProgressCallback = Callable[[int, int], None]

WITHIN_DAYS = 10  # the operators' promise: a first appointment within about 10 days
DURATION_BANDS = (
    (0, 30, "30 min ou moins"),
    (31, 60, "31 à 60 min"),
    (61, 90, "61 à 90 min"),
    (91, 120, "91 à 120 min"),
    (121, None, "plus de 2 h"),
)
WAIT_BANDS = (
    (0, WITHIN_DAYS, f"{WITHIN_DAYS} jours ou moins"),
    (WITHIN_DAYS + 1, 20, f"{WITHIN_DAYS + 1} à 20 jours"),
    (21, 30, "21 à 30 jours"),
    (31, 60, "31 à 60 jours"),
    (61, None, "plus de 60 jours"),
)
SALT_SETTING = "report_person_key_salt"
NO_REGION = "Hors région (collectivité d'outre-mer)"


# ---------------------------------------------------------------------------------------------
# The report's shape
# ---------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------
# Tables with suppression
# ---------------------------------------------------------------------------------------------


def make_table(
    key: str,
    title: str,
    categories: Sequence[tuple[str, str]],
    counter: Counter[str],
    total: int | None = None,
    *,
    note: str = "",
    additive: bool = True,
) -> Table:
    """A table of ``categories`` counted in ``counter``; small cells suppressed, and more
    cells when they could be recomputed from the total (for additive tables)."""
    values = [counter.get(code, 0) for code, _l in categories]
    total = sum(values) if total is None else total
    values.append(total)
    n = len(categories)
    hidden = protect(values, [(n, range(n))] if additive and n > 1 else [])
    cells = [
        Cell(code, label, None if i in hidden else values[i])
        for i, (code, label) in enumerate(categories)
    ]
    return Table(key, title, cells, None if n in hidden else total, note)


def _with_unknown(enum: type[domain.LabelledEnum]) -> list[tuple[str, str]]:
    return [*enum.choices(), ("none", NOT_GIVEN)]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _band(value: int | None, bands: Sequence[tuple[int, int | None, str]]) -> str:
    if value is None:
        return "none"
    for lo, hi, label in bands:
        if value >= lo and (hi is None or value <= hi):
            return label
    return "none"


def _territory_tables(people: Sequence[_Person]) -> tuple[Table, Table]:
    """People by département and by région, suppressed together: a hidden département cannot
    be recovered from its région's count, nor a hidden région from its départements."""
    deps = Counter(p.department or "none" for p in people)
    dep_codes = sorted((c for c in deps if c != "none"), key=_dep_order)
    dep_cats = [(c, f"{geography.DEPARTMENTS[c]} ({c})") for c in dep_codes]
    if "none" in deps:
        dep_cats.append(("none", NOT_GIVEN))
    region_of = {c: geography.region_of_department(c) or NO_REGION for c in dep_codes}
    region_of["none"] = NOT_GIVEN
    regions = Counter(region_of[code] for code, _l in dep_cats for _ in range(deps[code]))
    reg_names = sorted(r for r in regions if r not in (NOT_GIVEN, NO_REGION))
    reg_names += [r for r in (NO_REGION, NOT_GIVEN) if r in regions]
    total = len(people)
    # one vector: départements, régions, the total
    values = [deps[c] for c, _l in dep_cats] + [regions[r] for r in reg_names] + [total]
    nd, nr = len(dep_cats), len(reg_names)
    relations: list[tuple[int, Sequence[int]]] = [
        (nd + nr, range(nd)),
        (nd + nr, range(nd, nd + nr)),
    ]
    for j, region in enumerate(reg_names):
        parts = [i for i, (c, _l) in enumerate(dep_cats) if region_of[c] == region]
        relations.append((nd + j, parts))
    hidden = protect(values, relations)
    shown_total = None if nd + nr in hidden else total
    dep_table = Table(
        "department",
        "Personnes par département (lu dans le code postal)",
        [
            Cell(c, label, None if i in hidden else values[i])
            for i, (c, label) in enumerate(dep_cats)
        ],
        shown_total,
        "Seuls les départements où habite au moins une personne sont listés.",
    )
    reg_table = Table(
        "region",
        "Personnes par région",
        [Cell(r, r, None if nd + j in hidden else values[nd + j]) for j, r in enumerate(reg_names)],
        shown_total,
    )
    return dep_table, reg_table


def _dep_order(code: str) -> tuple[int, str]:
    digits = re.sub(r"\D", "", code)
    return (int(digits or 0) * 10 + (1 if code.endswith("B") else 0), code)


# ---------------------------------------------------------------------------------------------
# Reading the workspace
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Appt:
    key: str
    beneficiary_id: int
    journey_id: int | None
    day: date
    start: str  # "HH:MM" or ""
    duration_min: int | None
    level: int
    modality: str
    status: str
    is_followup: bool


@dataclass(slots=True)
class _Person:
    id: int
    public: str
    age_band: str
    sex: str
    pcs_group: str
    education_level: str
    department: str  # code or ""
    region: str
    new: bool


def _rows(s: Session, stmt: Any) -> Sequence[Any]:
    """Plain rows through the session's connection (Core): no ORM row processing, which
    costs more than the query itself on a year of a large workspace."""
    return s.connection().execute(stmt).all()


def _appointments(s: Session, start: date, end: date) -> list[_Appt]:
    a, iv, j = m.Appointment, m.Interview, m.Journey
    out: list[_Appt] = []
    clock: dict[time, str] = {}
    rows = _rows(
        s,
        select(a.id, a.beneficiary_id, a.journey_id, a.day, a.start, a.duration_min, a.level,
               a.modality, a.status, a.is_followup)
        .where(a.day >= start, a.day <= end),
    )  # fmt: skip
    for r in rows:
        at = r[4]
        if at is None:
            text = ""
        elif (text := clock.get(at, "")) == "":
            text = clock.setdefault(at, f"{at.hour:02d}:{at.minute:02d}")
        out.append(_Appt(f"R{r[0]}", r[1], r[2], r[3], text, r[5], r[6] or 1, r[7] or "",
                         r[8], bool(r[9])))  # fmt: skip
    # a session made from an appointment is that appointment (of this period or another)
    linked = {x for (x,) in _rows(s, select(a.interview_id).where(a.interview_id.is_not(None)))}
    sessions = _rows(
        s,
        select(iv.id, j.beneficiary_id, iv.journey_id, iv.held_on, iv.start_time,
               iv.duration_min, iv.level, iv.modality)
        .join(j, j.id == iv.journey_id)
        .where(iv.held_on >= start, iv.held_on <= end),
    )  # fmt: skip
    held = domain.AppointmentStatus.HELD.value
    for q in sessions:
        if q[0] in linked:
            continue
        at = q[4] or ""
        out.append(_Appt(f"E{q[0]}", q[1], q[2], q[3], at if _CLOCK.fullmatch(at) else "",
                         q[5], q[6] or 1, q[7] or "", held, False))  # fmt: skip
    return out


_CLOCK = re.compile(r"\d{2}:\d{2}")


def _department_of(postcode: str, department: str) -> str:
    code = geography.department_of_postcode(postcode or "")
    if code is None:
        found = re.search(r"\((\w{2,3})\)\s*$", department or "")
        if found and found.group(1).upper() in geography.DEPARTMENTS:
            code = found.group(1).upper()
    return code or ""


def _held(start: date, end: date) -> Any:
    """How the held appointments of the period went, as one SQL table (a CTE): the agenda's
    held appointments, and the sessions no appointment became (a session is a held
    appointment). Columns: level, modality, duration, read from the covering indexes."""
    a, iv = m.Appointment, m.Interview
    linked = select(a.interview_id).where(a.interview_id.is_not(None))
    agenda = select(a.level, a.modality, a.duration_min.label("duration")).where(
        a.status == "held", a.day >= start, a.day <= end
    )
    sessions = select(iv.level, iv.modality, iv.duration_min).where(
        iv.held_on >= start, iv.held_on <= end, iv.id.not_in(linked)
    )
    return union_all(agenda, sessions).cte("held")


def _duration_band(column: Any) -> Any:
    whens = [(column.is_(None), "none")]
    for _lo, hi, label in DURATION_BANDS:
        if hi is not None:
            whens.append((column <= hi, label))
    return case(*whens, else_=DURATION_BANDS[-1][2])


# the other statuses, by name: the range of each in the covering index ix_appointments_report
_NOT_HELD = tuple(x.value for x in domain.AppointmentStatus if x != domain.AppointmentStatus.HELD)


def _appointment_counts(
    s: Session, start: date, end: date
) -> tuple[Counter[str], Counter[str], Counter[str], Counter[str]]:
    """By status (the agenda's, plus the sessions as held), and the held ones by level,
    modality and duration band: counted by SQLite."""
    a = m.Appointment
    status: Counter[str] = Counter()
    for code, n in _rows(
        s,
        select(a.status, func.count())
        .where(a.status.in_(_NOT_HELD), a.day >= start, a.day <= end)
        .group_by(a.status),
    ):
        status[code] += n
    level: Counter[str] = Counter()
    modality: Counter[str] = Counter()
    duration: Counter[str] = Counter()
    held = _held(start, end)
    band = _duration_band(held.c.duration)
    for lv, mode, dur, n in _rows(
        s,
        select(held.c.level, held.c.modality, band, func.count()).group_by(
            held.c.level, held.c.modality, band
        ),
    ):
        status["held"] += n
        level[str(lv or 1)] += n
        modality[mode or "none"] += n
        duration[dur] += n
    return status, level, modality, duration


@dataclass(slots=True)
class _Met:
    """Who and which journeys the held appointments of the period concern, read once (each
    use of them was a scan of a year of sessions)."""

    firsts: dict[int, date]  # person → day of their first held appointment of the period
    journeys: set[int]  # the journeys met
    level1: set[int]  # the journeys met at level 1


def _met(s: Session, start: date, end: date) -> _Met:
    """The people and journeys of the held appointments of the period (those of ``_held``): the
    sessions grouped by journey and level from their index before their journeys are read
    (one lookup per journey rather than per session)."""
    a, iv, j = m.Appointment, m.Interview, m.Journey
    linked = select(a.interview_id).where(a.interview_id.is_not(None))
    agenda = (
        select(a.beneficiary_id, a.journey_id, a.level, func.min(a.day))
        .where(a.status == "held", a.day >= start, a.day <= end)
        .group_by(a.beneficiary_id, a.journey_id, a.level)
    )
    grouped = (
        select(iv.journey_id.label("jid"), iv.level.label("level"),
               func.min(iv.held_on).label("first"))
        .where(iv.held_on >= start, iv.held_on <= end, iv.id.not_in(linked))
        .group_by(iv.journey_id, iv.level)
        .subquery()
    )  # fmt: skip
    sessions = select(j.beneficiary_id, grouped.c.jid, grouped.c.level, grouped.c.first).join(
        j, j.id == grouped.c.jid
    )
    out = _Met({}, set(), set())
    firsts = out.firsts
    for bid, jid, level, first in _rows(s, union_all(agenda, sessions)):
        day = first if isinstance(first, date) else date.fromisoformat(str(first))
        known = firsts.get(bid)
        if known is None or day < known:
            firsts[bid] = day
        if jid is not None:
            out.journeys.add(jid)
            if level == 1:
                out.level1.add(jid)
    return out


def _among(s: Session, column: Any, ids: Iterable[int]) -> Any:
    """``column IN ids`` for thousands of ids as ONE bound parameter (a parameter per id would
    pass the engine's limit): a JSON array read by ``json_each`` on SQLite, an integer array
    (``= ANY``) on PostgreSQL."""
    wanted = sorted(ids)
    if not wanted:
        return false()
    if s.get_bind().dialect.name != "sqlite":
        from sqlalchemy.dialects.postgresql import ARRAY

        return column == any_(bindparam(None, wanted, type_=ARRAY(Integer)))
    table = func.json_each(json.dumps(wanted)).table_valued("value")
    return column.in_(select(table.c.value))


def _people_of(s: Session, start: date, firsts: dict[int, date]) -> dict[int, _Person]:
    """Everyone with a held appointment in the period, described at their first one."""
    b, iv, j, a = m.Beneficiary, m.Interview, m.Journey, m.Appointment
    before = {
        x
        for (x,) in _rows(
            s,
            select(j.beneficiary_id).join(iv, iv.journey_id == j.id)
            .where(iv.held_on < start).distinct(),
        )
    }  # fmt: skip
    before.update(
        x
        for (x,) in _rows(
            s, select(a.beneficiary_id).where(a.day < start, a.status == "held").distinct()
        )
    )
    people: dict[int, _Person] = {}
    places: dict[tuple[str, str], tuple[str, str]] = {}
    for r in _rows(
        s,
        select(b.id, b.status, b.birth_date, b.sex, b.pcs_group, b.education_level,
               b.postcode, b.department)
        .where(_among(s, b.id, firsts)),
    ):  # fmt: skip
        place = places.get((r[6], r[7]))
        if place is None:
            dep = _department_of(r[6], r[7])
            region = (geography.region_of_department(dep) or NO_REGION) if dep else NOT_GIVEN
            place = places.setdefault((r[6], r[7]), (dep, region))
        first = firsts[r[0]]
        people[r[0]] = _Person(
            id=r[0],
            public=r[1] or "other",
            age_band=domain.age_band(r[2], first),
            sex=r[3] or "none",
            pcs_group=r[4] or "none",
            education_level=r[5] or "none",
            department=place[0],
            region=place[1],
            new=r[0] not in before,
        )
    return people


# The first appointment of each journey requested in the period, as candidates (the recorded
# date, its sessions, its booked appointments, the person's appointments booked before any
# journey existed) on or after the request, grouped by SQLite: one row per waiting time.
_WAITS_SQL = """
WITH jp AS (
    SELECT id, beneficiary_id AS bid, request_date AS req, first_appointment_on AS recorded
    FROM journeys WHERE request_date >= :start AND request_date <= :end
),
candidates(jid, req, day) AS (
    SELECT id, req, recorded FROM jp WHERE recorded >= req
  UNION ALL
    SELECT jp.id, jp.req, iv.held_on FROM jp JOIN interviews AS iv ON iv.journey_id = jp.id
    WHERE iv.held_on >= jp.req
  UNION ALL
    SELECT jp.id, jp.req, a.day FROM jp JOIN appointments AS a ON a.journey_id = jp.id
    WHERE a.status IN (:planned, :held) AND a.day >= jp.req
  UNION ALL
    SELECT jp.id, jp.req, a.day FROM jp JOIN appointments AS a ON a.beneficiary_id = jp.bid
    WHERE a.journey_id IS NULL AND a.status IN (:planned, :held) AND a.day >= jp.req
),
firsts AS (SELECT jid, req, min(day) AS first FROM candidates GROUP BY jid, req)
SELECT {days}, count(*)
FROM firsts GROUP BY 1
"""
# Days between two dates: julianday on SQLite (dates stored as text), date subtraction on
# PostgreSQL.
_DAYS_SQLITE = "CAST(round(julianday(first) - julianday(req)) AS INTEGER)"
_DAYS_POSTGRES = "(first - req)"


def _wait_days(s: Session, start: date, end: date) -> Counter[int | None]:
    """How many journeys (whose request falls in the period) waited so many days from the
    request to their first appointment, held or planned (None: none yet). The first
    appointment is the earliest of the journey's recorded first-appointment date, its first
    session, its first booked appointment, and an appointment booked for the person before the
    journey existed; only days on or after the request count. (Grouped by SQLite from one
    union of the candidates: correlated subqueries let it scan the appointments once per
    journey, and joining in Python cost a transfer of every candidate.)"""
    j = m.Journey
    params: dict[str, object] = {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "planned": domain.AppointmentStatus.PLANNED.value,
        "held": domain.AppointmentStatus.HELD.value,
    }
    out: Counter[int | None] = Counter()
    conn = s.connection()
    sqlite = conn.dialect.name == "sqlite"
    if not sqlite:  # dates bound as dates
        params.update(start=start, end=end)
    sql = _WAITS_SQL.format(days=_DAYS_SQLITE if sqlite else _DAYS_POSTGRES)
    for days, n in conn.execute(text(sql), params):
        out[int(days)] += n
    in_period = and_(j.request_date >= start, j.request_date <= end)
    asked = _rows(s, select(func.count()).select_from(j).where(in_period))[0][0]
    if asked > sum(out.values()):  # journeys with no first appointment yet
        out[None] += asked - sum(out.values())
    # journeys anonymised after erasure or purge keep their request and first appointment
    x = m.AnonymisedJourney
    for requested, first_on in _rows(
        s,
        select(x.request_date, x.first_appointment_on).where(
            x.request_date >= start, x.request_date <= end
        ),
    ):
        ok = first_on is not None and first_on >= requested
        out[(first_on - requested).days if ok else None] += 1
    return out


# ---------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------


def _percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def _decimal(value: float | None) -> str:
    """For the CSV: a decimal comma and no thousands separator (Excel reads it as a number)."""
    return SUPPRESSED if value is None else format_decimal(value).replace(NNBSP, "")


def _salt(ws: Workspace) -> bytes:
    """The secret behind the pseudonymous keys, kept in the encrypted workspace (made on
    first use). A read-only workspace that has none yet gets a secret for this report only:
    its keys are then consistent within the file, not from one report to the next."""
    with ws.read() as s:
        row = s.get(m.Setting, SALT_SETTING)
        if row is not None and isinstance(row.value, str) and len(row.value) == 64:
            return bytes.fromhex(row.value)
    salt = secrets.token_hex(32)
    if ws.read_only:
        return bytes.fromhex(salt)
    with ws.session() as s:
        row = s.get(m.Setting, SALT_SETTING)
        if row is None:
            s.add(m.Setting(key=SALT_SETTING, value=salt))
        else:
            row.value = salt
    return bytes.fromhex(salt)


def _pseudonym(salt: bytes, prefix: str, text: str) -> str:
    """``prefix`` + 15 hex digits of keyed BLAKE2b (a MAC: without the secret, the key tells
    nothing and cannot be recomputed from the id)."""
    digest = hashlib.blake2b(text.encode(), key=salt, digest_size=8).hexdigest()
    return prefix + digest[:15].upper()


def build_report(
    ws: Workspace,
    start: date,
    end: date,
    *,
    with_appointments: bool = True,
    progress: ProgressCallback | None = None,
) -> Report:
    """The activity report of the period from ``start`` to ``end`` (inclusive)."""
    if end < start:
        raise domain.ValidationError("La fin de la période précède son début.", "end")
    steps = 7

    def step(done: int) -> None:
        if progress is not None:
            progress(done, steps)

    step(0)
    with ws.read() as s:
        counsellor = s.scalars(select(m.Counsellor)).first()
        organisation = counsellor.organisation if counsellor is not None else ""
        counts = _appointment_counts(s, start, end)
        step(1)
        met = _met(s, start, end)
        people = _people_of(s, start, met.firsts)
        step(2)
        waits = _wait_days(s, start, end)
        step(3)
        decisions: Counter[str] = Counter()
        for decision, n in _rows(
            s,
            select(m.Journey.level1_decision, func.count())
            .where(_among(s, m.Journey.id, met.level1))
            .group_by(m.Journey.level1_decision),
        ):
            decisions[decision or "none"] += n
        outcomes: Counter[str] = Counter()
        for journey in (m.Journey, m.AnonymisedJourney):  # outcomes counted by SQLite
            for outcome, n in _rows(
                s,
                select(journey.outcome, func.count())
                .where(journey.closed_on >= start, journey.closed_on <= end)
                .group_by(journey.outcome),
            ):
                outcomes[outcome or "none"] += n
        step(4)
        # the same rule as stats.services_of_journeys (service_kind), grouped by SQLite
        journeys_met = len(met.journeys)
        st, p = m.ActionStep, m.Project
        named = func.trim(func.coalesce(st.partner_name, "")) != ""
        journey_services: Counter[str] = Counter()
        steps_kind: Counter[str] = Counter()
        per_journey = (
            select(
                func.sum(case((st.internal_service.is_(True), 1), else_=0)).label("internal"),
                func.sum(case((and_(st.internal_service.is_not(True), named), 1), else_=0))
                .label("external"),
            )
            .join(p, p.id == st.project_id)
            .where(_among(s, p.journey_id, met.journeys), or_(st.internal_service.is_(True), named))
            .group_by(p.journey_id)
            .subquery()
        )  # fmt: skip
        has_internal, has_external = per_journey.c.internal > 0, per_journey.c.external > 0
        for internal, external, journeys_n, internal_n, external_n in _rows(
            s,
            select(has_internal, has_external, func.count(), func.sum(per_journey.c.internal),
                   func.sum(per_journey.c.external))
            .group_by(has_internal, has_external),
        ):  # fmt: skip
            kind = service_kind("none", bool(internal), "x" if external else "")
            journey_services[kind] += journeys_n
            steps_kind["internal"] += int(internal_n or 0)
            steps_kind["external"] += int(external_n or 0)
        journey_services["none"] = journeys_met - sum(journey_services.values())
        f = m.Followup
        followups = _rows(
            s,
            select(f.status, f.situation, f.project_status, f.more_satisfying, f.service_useful)
            .where(f.done_on >= start, f.done_on <= end, f.status.in_(("done", "unreachable"))),
        )  # fmt: skip
        sa = m.SatisfactionAnswer
        comments = sorted(
            (lv, text.strip())
            for lv, text in _rows(
                s,
                select(sa.level, sa.comment).where(
                    and_(sa.answered_on >= start, sa.answered_on <= end, sa.comment != "")
                ),
            )
            if text and text.strip()
        )
    step(5)
    answers = satisfaction.counts(ws, start, end)

    indicators = _indicators(
        counts, people, waits, decisions, outcomes, journey_services, steps_kind, answers,
        followups,
    )  # fmt: skip
    lines: list[AppointmentLine] = []
    if with_appointments:
        with ws.read() as s:
            appts = _appointments(s, start, end)
        lines = _lines(ws, appts, people)
    step(6)
    report = Report(
        start=start,
        end=end,
        organisation=organisation,
        indicators=indicators,
        key_figures=_key_figures(indicators, answers),
        comments=comments if sum(a.answered for a in answers) >= THRESHOLD else [],
        appointments=lines,
    )
    step(7)
    return report


def _lines(
    ws: Workspace, appts: Sequence[_Appt], people: dict[int, _Person]
) -> list[AppointmentLine]:
    """The anonymised lines, in day and time order, with their pseudonymous keys."""
    salt = _salt(ws)
    keys: dict[int, str] = {}
    out = []
    for x in sorted(appts, key=lambda x: (x.day, x.start, x.key)):
        person = keys.get(x.beneficiary_id)
        if person is None:
            person = keys.setdefault(
                x.beneficiary_id, _pseudonym(salt, "P", f"person:{x.beneficiary_id}")
            )
        p = people.get(x.beneficiary_id)
        out.append(
            AppointmentLine(
                _pseudonym(salt, "R", f"appointment:{x.key}"),
                person,
                x.day,
                x.start,
                x.duration_min,
                x.level,
                x.modality,
                x.status,
                x.is_followup,
                p.public if p else "",
                p.age_band if p else "",
                p.sex if p and p.sex != "none" else "",
                p.pcs_group if p and p.pcs_group != "none" else "",
                p.education_level if p and p.education_level != "none" else "",
                p.department if p else "",
                p.region if p and p.region != NOT_GIVEN else "",
                p.new if p else False,
            )
        )
    return out


def _indicators(
    counts: tuple[Counter[str], Counter[str], Counter[str], Counter[str]],
    people: dict[int, _Person],
    waits: Counter[int | None],
    decisions: Counter[str],
    outcomes: Counter[str],
    journey_services: Counter[str],
    steps_kind: Counter[str],
    answers: Sequence[satisfaction.LevelCounts],
    followups: Sequence[Sequence[object]],
) -> list[Indicator]:
    everyone = list(people.values())
    status, level, modality, duration = counts
    levels = [("1", "Niveau 1"), ("2", "Niveau 2")]
    out = [
        Indicator(
            "rendez_vous",
            "Rendez-vous de la période",
            [
                make_table(
                    "status",
                    "Rendez-vous par suite donnée",
                    domain.AppointmentStatus.choices(),
                    status,
                ),
                make_table(
                    "level",
                    "Rendez-vous honorés par niveau",
                    levels,
                    level,
                ),
                make_table(
                    "modality",
                    "Rendez-vous honorés par modalité",
                    _with_unknown(domain.Modality),
                    modality,
                ),
                make_table(
                    "duration",
                    "Rendez-vous honorés par durée",
                    [(label, label) for _lo, _hi, label in DURATION_BANDS]
                    + [("none", "Durée non renseignée")],
                    duration,
                ),
            ],
            note=(
                "Un entretien saisi sans rendez-vous compte comme un rendez-vous honoré ; un "
                "rendez-vous devenu entretien n'est compté qu'une fois."
            ),
        ),
        Indicator(
            "personnes",
            "Personnes reçues (au moins un rendez-vous honoré)",
            [
                make_table(
                    "public",
                    "Personnes par public",
                    domain.Public.choices(),
                    Counter(map(attrgetter("public"), everyone)),
                ),  # fmt: skip
                make_table(
                    "age_band",
                    "Personnes par tranche d'âge (au premier rendez-vous de la période)",
                    [(b, _capital(b)) for b in AGE_BANDS],
                    Counter(map(attrgetter("age_band"), everyone)),
                ),
                make_table(
                    "sex",
                    "Personnes par sexe",
                    _with_unknown(domain.Sex),
                    Counter(map(attrgetter("sex"), everyone)),
                ),  # fmt: skip
                make_table(
                    "pcs_group",
                    "Personnes par catégorie socioprofessionnelle (PCS 2020)",
                    _with_unknown(domain.PcsGroup),
                    Counter(map(attrgetter("pcs_group"), everyone)),
                ),
                make_table(
                    "education_level",
                    "Personnes par niveau de formation",
                    _with_unknown(domain.EducationLevel),
                    Counter(map(attrgetter("education_level"), everyone)),
                ),
            ],
        ),
        Indicator(
            "territoires",
            "Personnes par territoire",
            list(_territory_tables(everyone)),
            note="Le département est lu dans le code postal (à défaut, dans le champ saisi).",
        ),
        Indicator(
            "nouvelles_personnes",
            "Nouvelles personnes et personnes déjà reçues",
            [
                make_table(
                    "new",
                    "Personnes reçues",
                    [("new", "Nouvelles personnes"), ("returning", "Déjà reçues avant la période")],
                    Counter("new" if p.new else "returning" for p in everyone),
                )
            ],  # fmt: skip
        ),
        _waiting(waits),
        Indicator(
            "decisions_niveau1",
            "Décisions à la fin du niveau 1",
            [
                make_table(
                    "decision",
                    "Parcours reçus en niveau 1 dans la période",
                    [*domain.Level1Decision.choices(), ("none", "Décision pas encore prise")],
                    decisions,
                )
            ],
        ),
        Indicator(
            "resultats",
            "Résultats des parcours clos dans la période",
            [
                make_table(
                    "outcome",
                    "Parcours clos par résultat",
                    _with_unknown(domain.Outcome),
                    outcomes,
                )
            ],
            note="Les parcours anonymisés après effacement ou purge restent comptés.",
        ),
        _satisfaction(answers),
        _followups(followups),
        Indicator(
            "prestations",
            "Prestations prescrites",
            [
                make_table(
                    "journeys",
                    "Parcours reçus dans la période selon les prestations prescrites",
                    [
                        ("internal", "Au moins une prestation interne"),
                        ("external", "Prestations externes uniquement"),
                        ("none", "Aucune prestation prescrite"),
                    ],
                    journey_services,
                ),
                make_table(
                    "steps",
                    "Prestations prescrites (étapes du plan d'action)",
                    [
                        ("internal", "Internes (organisme de l'opérateur)"),
                        ("external", "Externes (partenaire nommé)"),
                    ],
                    steps_kind,
                ),  # fmt: skip
            ],
            note=(
                "Une étape du plan est une prestation quand elle est marquée interne ou nomme "
                "le partenaire qui la délivre (impartialité de l'opérateur, cahier des charges "
                "de 2019, §3.1)."
            ),
        ),
    ]
    return out


def _median_of(histogram: dict[int, int]) -> float:
    """The median of values given as value → how many."""
    total = sum(histogram.values())
    ordered = sorted(histogram.items())

    def nth(k: int) -> int:  # the k-th value, from 0
        seen = 0
        for value, n in ordered:
            seen += n
            if k < seen:
                return value
        raise IndexError(k)

    mid = total // 2
    return float(nth(mid)) if total % 2 else (nth(mid - 1) + nth(mid)) / 2


def _waiting(waits: Counter[int | None]) -> Indicator:
    measured = {d: n for d, n in waits.items() if d is not None}
    count = sum(measured.values())
    bands: Counter[str] = Counter()
    for d, n in waits.items():
        bands[_band(d, WAIT_BANDS)] += n
    table = make_table(
        "wait",
        "Délai entre la demande et le premier rendez-vous",
        [(label, label) for _lo, _hi, label in WAIT_BANDS]
        + [("none", "Pas encore de rendez-vous")],
        bands,
    )
    enough = count >= THRESHOLD
    within = sum(n for d, n in measured.items() if d <= WITHIN_DAYS)
    median = _median_of(measured) if enough else None
    share = _percent(within, count) if enough else None
    return Indicator(
        "delai_premier_rdv",
        "Délai du premier rendez-vous",
        [table],
        note=(
            "Parcours dont la demande tombe dans la période ; premier rendez-vous honoré ou "
            "prévu. Les opérateurs s'engagent sur un premier rendez-vous sous 10 jours environ."
        ),
        figures=[
            Figure("measured", "Parcours mesurés", count if enough else None),
            Figure("median_days", "Délai médian (jours)", median, "days"),
            Figure(
                f"within_{WITHIN_DAYS}_days",
                f"Part reçue sous {WITHIN_DAYS} jours",
                share,
                "percent",
            ),
        ],  # fmt: skip
    )


def _satisfaction(answers: Sequence[satisfaction.LevelCounts]) -> Indicator:
    tables: list[Table] = []
    figures: list[Figure] = []
    sat_cats = [(str(k), v) for k, v in domain.SATISFACTION_SCALE.items()] + [("0", "Sans réponse")]
    use_cats = [(str(k), v) for k, v in domain.USEFULNESS_SCALE.items()] + [("0", "Sans réponse")]
    rec_cats = [("oui", "Oui"), ("non", "Non"), ("sans réponse", "Sans réponse")]
    for lc in answers:
        lv = lc.level
        tables.append(make_table(f"satisfaction_n{lv}", f"Satisfaction, fin du niveau {lv}",
                                 sat_cats, Counter({str(k): v for k, v in lc.satisfaction.items()}),
                                 lc.answered))  # fmt: skip
        tables.append(make_table(f"usefulness_n{lv}", f"Utilité, fin du niveau {lv}",
                                 use_cats, Counter({str(k): v for k, v in lc.usefulness.items()}),
                                 lc.answered))  # fmt: skip
        tables.append(make_table(f"recommend_n{lv}", f"Recommanderait le service, niveau {lv}",
                                 rec_cats, Counter(lc.recommend), lc.answered))  # fmt: skip
        given = lc.answered - lc.satisfaction.get(0, 0)
        share = _percent(lc.satisfied, given) if given >= THRESHOLD else None
        figures.append(Figure(f"satisfied_n{lv}", f"Personnes satisfaites, niveau {lv}", share,
                              "percent"))  # fmt: skip
    return Indicator(
        "satisfaction",
        "Satisfaction à la fin du niveau 1 et du niveau 2",
        tables,
        note=(
            "Réponses au questionnaire datées de la période, comptées sans nom ; « satisfaites » "
            "= très ou plutôt satisfaites, parmi les personnes qui ont répondu à la question."
        ),
        figures=figures,
    )


def _followups(rows: Sequence[Sequence[object]]) -> Indicator:
    done = [r for r in rows if r[0] == "done"]
    yes_no = [("yes", "Oui"), ("no", "Non"), ("none", "Sans réponse")]

    def answer(value: object) -> str:
        return "none" if value is None else ("yes" if value else "no")

    tables = [
        make_table(
            "status",
            "Suivis à six mois de la période",
            [("done", "Personne jointe"), ("unreachable", "Personne injoignable")],
            Counter(str(r[0]) for r in rows),
        ),  # fmt: skip
        make_table(
            "situation",
            "Situation à six mois (personnes jointes)",
            _with_unknown(domain.FollowupSituation),
            Counter(str(r[1] or "none") for r in done),
        ),  # fmt: skip
        make_table(
            "project",
            "Le projet à six mois (personnes jointes)",
            _with_unknown(domain.FollowupProject),
            Counter(str(r[2] or "none") for r in done),
        ),  # fmt: skip
        make_table(
            "more_satisfying",
            domain.QUESTION_MORE_SATISFYING,
            yes_no,
            Counter(answer(r[3]) for r in done),
        ),  # fmt: skip
        make_table(
            "service_useful",
            domain.QUESTION_SERVICE_USEFUL,
            yes_no,
            Counter(answer(r[4]) for r in done),
        ),  # fmt: skip
    ]
    figures = []
    for code, label, idx in (
        ("more_satisfying_pct", "Situation plus satisfaisante à six mois", 3),
        ("service_useful_pct", "Service jugé utile à six mois", 4),
    ):
        given = [r[idx] for r in done if r[idx] is not None]
        share = (
            _percent(sum(1 for v in given if v), len(given)) if len(given) >= THRESHOLD else None
        )
        figures.append(Figure(code, label, share, "percent"))
    return Indicator(
        "suivi_six_mois",
        "Résultats à six mois",
        tables,
        note="Suivis faits (ou clos, personne injoignable) dans la période.",
        figures=figures,
    )


def _cell(value: float | None) -> str:
    return SUPPRESSED if value is None else str(int(value))


def figure_csv(value: float | None, unit: str) -> str:
    """A figure as the CSV writes it: a whole count, or a decimal with a comma."""
    return _cell(value) if unit == "count" else _decimal(value)


def _key_figures(
    indicators: Sequence[Indicator], answers: Sequence[satisfaction.LevelCounts]
) -> list[KeyFigure]:
    by_key = {i.key: i for i in indicators}
    appts = by_key["rendez_vous"]
    status = appts.table("status")
    level = appts.table("level")
    people = by_key["personnes"].table("public")
    new = by_key["nouvelles_personnes"].table("new")
    wait = {f.code: f.value for f in by_key["delai_premier_rdv"].figures}
    sat = {f.code: f.value for f in by_key["satisfaction"].figures}
    six = {f.code: f.value for f in by_key["suivi_six_mois"].figures}
    answered = sum(a.answered for a in answers)
    return [
        KeyFigure("Rendez-vous honorés", (status.count("held"),)),
        KeyFigure("dont niveau 1 / niveau 2", (level.count("1"), level.count("2"))),
        KeyFigure("Rendez-vous non honorés", (status.count("missed"),)),
        KeyFigure("Personnes reçues", (people.total,)),
        KeyFigure("dont nouvelles personnes", (new.count("new"),)),
        KeyFigure("Délai médian du premier rendez-vous", (wait["median_days"],), "days"),
        KeyFigure(
            f"Premier rendez-vous sous {WITHIN_DAYS} jours",
            (wait[f"within_{WITHIN_DAYS}_days"],),
            "percent",
        ),  # fmt: skip
        KeyFigure(
            "Satisfaits, fin de niveau 1 / niveau 2",
            (sat["satisfied_n1"], sat["satisfied_n2"]),
            "percent",
        ),  # fmt: skip
        KeyFigure(
            "Situation plus satisfaisante à six mois", (six["more_satisfying_pct"],), "percent"
        ),  # fmt: skip
        KeyFigure("Questionnaires de satisfaction reçus", (_at_least(answered),)),
    ]


def _at_least(n: int) -> int | None:
    return n if n >= THRESHOLD else None


# ---------------------------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------------------------

INDICATOR_COLUMNS = ("Début", "Fin", "Indicateur", "Tableau", "Code", "Catégorie", "Nombre",
                     "Part (%)")  # fmt: skip
APPOINTMENT_COLUMNS = (
    "cle_rdv", "cle_personne", "date", "heure", "duree_min", "niveau", "modalite", "statut",
    "suivi_six_mois", "public", "tranche_age", "sexe", "pcs", "niveau_formation",
    "departement", "region", "nouvelle_personne",
)  # fmt: skip
APPOINTMENTS_FILE = "rendez-vous-anonymises.csv"


def _csv_text(rows: Iterable[Sequence[str]]) -> str:
    """Semicolon-separated, CRLF, UTF-8 with a BOM: what French Excel opens (as ``stats``).
    Encode the result with ``"utf-8"``: the BOM is its first character."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerows(rows)
    return "\ufeff" + buf.getvalue()


def _indicator_rows(report: Report, indicator: Indicator) -> list[list[str]]:
    head = [format_date(report.start), format_date(report.end), indicator.title]
    rows: list[list[str]] = []
    for t in indicator.tables:
        for c in t.cells:
            share = (
                _decimal(_percent(c.count, t.total))
                if c.count is not None and t.total
                else (SUPPRESSED if c.count is None else "")
            )
            rows.append([*head, t.title, c.code, c.label, _cell(c.count), share])
        rows.append([*head, t.title, "total", "Total", _cell(t.total),
                     "100,0" if t.total else ""])  # fmt: skip
    for f in indicator.figures:
        rows.append([*head, "Chiffres clés", f.code, f.label, figure_csv(f.value, f.unit), ""])
    return rows


def indicator_csv(report: Report, key: str) -> str:
    """One indicator as CSV: columns :data:`INDICATOR_COLUMNS`."""
    return _csv_text([list(INDICATOR_COLUMNS), *_indicator_rows(report, report.indicator(key))])


def all_indicators_csv(report: Report) -> str:
    """Every indicator in one file, the same columns as :func:`indicator_csv`."""
    rows: list[list[str]] = [list(INDICATOR_COLUMNS)]
    for ind in report.indicators:
        rows += _indicator_rows(report, ind)
    return _csv_text(rows)


def appointments_csv(report: Report) -> str:
    """The anonymised per-appointment file: columns :data:`APPOINTMENT_COLUMNS` (codes, not
    labels, for the operator's information system; dates ISO 8601)."""
    rows: list[list[str]] = [list(APPOINTMENT_COLUMNS)]
    for x in report.appointments:
        rows.append(
            [
                x.appointment_key,
                x.person_key,
                x.day.isoformat(),
                x.start,
                "" if x.duration_min is None else str(x.duration_min),
                str(x.level),
                x.modality,
                x.status,
                "1" if x.is_followup else "0",
                x.public,
                x.age_band,
                x.sex,
                x.pcs_group,
                x.education_level,
                x.department,
                x.region,
                "1" if x.new_person else "0",
            ]
        )
    return _csv_text(rows)


def csv_files(report: Report) -> dict[str, str]:
    """File name → CSV text: one file per indicator, and the anonymised appointments."""
    files = {f"{ind.key}.csv": indicator_csv(report, ind.key) for ind in report.indicators}
    files[APPOINTMENTS_FILE] = appointments_csv(report)
    return files


def report_pdf(report: Report, progress: ProgressCallback | None = None) -> bytes:
    from cep_desk.plan_pdf.activity_report import render_activity_report

    return render_activity_report(report, progress)


# ---------------------------------------------------------------------------------------------
# Writing the files
# ---------------------------------------------------------------------------------------------

KIND_PDF, KIND_CSV, KIND_DIR = "pdf", "csv", "dir"


def output_kind(target: Path) -> str:
    """``pdf`` for ``*.pdf``, ``csv`` for ``*.csv`` (every indicator in one file), ``dir`` for
    a folder (one CSV per indicator and the anonymised appointments)."""
    suffix = target.suffix.lower()
    if suffix == ".pdf":
        return KIND_PDF
    if suffix == ".csv":
        return KIND_CSV
    if target.is_dir() or not suffix:
        return KIND_DIR
    raise domain.ValidationError(
        f"« {target.name} » : donnez un fichier .pdf, un fichier .csv ou un dossier.", "output"
    )


@dataclass(frozen=True)
class Written:
    kind: str
    paths: list[Path]
    report: Report


def export(
    ws: Workspace,
    start: date,
    end: date,
    target: Path,
    *,
    progress: ProgressCallback | None = None,
) -> Written:
    """Build the report of the period and write it to ``target`` (see :func:`output_kind`).
    Every file is written atomically (a temporary file renamed), private to the user."""
    kind = output_kind(target)
    if kind != KIND_DIR and target.is_dir():
        raise domain.ValidationError(
            f"{target} est un dossier : donnez un nom de fichier.", "output"
        )

    def part(lo: int, hi: int) -> ProgressCallback | None:
        if progress is None:
            return None
        report_progress = progress

        def scaled(done: int, total: int) -> None:
            report_progress(lo + (hi - lo) * done // max(total, 1), 100)

        return scaled

    report = build_report(ws, start, end, with_appointments=kind == KIND_DIR, progress=part(0, 50))
    paths: list[Path] = []
    if kind == KIND_PDF:
        write_atomically(target, report_pdf(report, part(50, 100)))
        paths.append(target)
    elif kind == KIND_CSV:
        write_atomically(target, all_indicators_csv(report).encode("utf-8"))
        paths.append(target)
    else:
        refuse_link(target)
        target.mkdir(mode=0o700, exist_ok=True)
        for name, text in csv_files(report).items():
            write_atomically(target / name, text.encode("utf-8"))
            paths.append(target / name)
    if not ws.read_only:  # who exported what: the kind and the period, never a figure
        with ws.session() as s:
            common.audit(s, domain.AuditAction.EXPORT, domain.AuditEntity.WORKSPACE, None, None,
                         f"activity_report {kind} {start.isoformat()} {end.isoformat()}")  # fmt: skip
    if progress is not None:
        progress(100, 100)
    return Written(kind, paths, report)
