"""The agenda: appointments booked, held, cancelled or missed (issue #12, item 1).

One workspace is one counsellor's, so appointments that are planned or held may not overlap.
Times are local wall-clock times (Europe/Paris), as the counsellor reads them; an appointment
lies within one day, between 07:00 and 21:00, and lasts 5 minutes to 8 hours.

A held appointment becomes a session (:func:`session_from`): its day, start, duration,
modality and level are carried over, its journey is opened if the person had none, and the
appointment keeps the session's id. The waiting time (:func:`waiting_days`) runs from the
journey's request date to its first appointment held or planned.

Every write is audited (entity ``appointment``), with the names of the fields changed, never
their content.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cep_desk import domain, kinds
from cep_desk.domain import (
    AppointmentStatus,
    AuditAction,
    AuditEntity,
    Modality,
    ValidationError,
)
from cep_desk.formatting import format_clock, format_date, full_name, initials
from cep_desk.storage import models as m
from cep_desk.storage.workspace import Workspace

from . import changes as chg
from . import common as c
from .beneficiaries import names_of, refresh_summary

SPEC: c.Spec = kinds.APPOINTMENT.spec()
DAY_START = time(7, 0)
DAY_END = time(21, 0)
MIN_DURATION = 5
MAX_DURATION = 8 * 60
# The statuses that take a slot of the counsellor's day (an overlap is refused between them).
BUSY = (AppointmentStatus.PLANNED.value, AppointmentStatus.HELD.value)
# The fields :func:`update` changes (the status has its own use cases).
EDITABLE = (
    "day",
    "start",
    "duration_min",
    "modality",
    "level",
    "place",
    "purpose",
    "journey_id",
    "is_followup",
)
WHAT = kinds.APPOINTMENT.label


@dataclass(frozen=True, slots=True)
class AppointmentRow:
    """One appointment as the agenda, the CLI and the iCalendar export show it. The person's
    name is formatted when it is read (a week of a team's agenda holds thousands of rows, of
    which the screen shows a few dozen)."""

    id: int
    beneficiary_id: int
    journey_id: int | None
    last_name: str
    first_name: str
    day: date
    start: time
    end: time
    duration_min: int
    modality: str
    modality_label: str
    place: str
    level: int
    status: str
    status_label: str
    purpose: str
    is_followup: bool
    interview_id: int | None

    @property
    def person_name(self) -> str:
        """« NOM Prénom »."""
        return full_name(self.last_name, self.first_name)

    @property
    def initials(self) -> str:
        """« A. D. »."""
        return initials(self.last_name, self.first_name)


def end_of(start: time, duration_min: int) -> time:
    """The end time of an appointment (within its day: at most 21:00 once validated)."""
    end = datetime.combine(date(2000, 1, 1), start) + timedelta(minutes=duration_min)
    return end.time() if end.date() == date(2000, 1, 1) else time(23, 59)


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------

_A = m.Appointment
_B = m.Beneficiary
_COLUMNS = (
    _A.id,
    _A.beneficiary_id,
    _A.journey_id,
    _A.day,
    _A.start,
    _A.duration_min,
    _A.modality,
    _A.place,
    _A.level,
    _A.status,
    _A.purpose,
    _A.is_followup,
    _A.interview_id,
)
_MODALITY_LABELS = {x.value: x.label for x in Modality}
_STATUS_LABELS = {x.value: x.label for x in AppointmentStatus}


def _query() -> Any:
    """The columns of :class:`AppointmentRow` (a ``Select``); the names come apart."""
    return select(*_COLUMNS)


_NO_NAME = ("", "")


def _row(r: Any, names: Mapping[int, tuple[str, str]]) -> AppointmentRow:
    (ident, bid, jid, day, start, duration, modality, place, level, status, purpose, followup,
     interview) = r  # fmt: skip
    last, first = names.get(bid, _NO_NAME)
    ends = start.hour * 60 + start.minute + duration
    return AppointmentRow(
        ident, bid, jid, last, first, day, start,
        time(ends // 60, ends % 60) if ends < 24 * 60 else time(23, 59),
        duration, modality,
        _MODALITY_LABELS.get(modality) or Modality.label_of(modality),
        place, level, status,
        _STATUS_LABELS.get(status) or AppointmentStatus.label_of(status),
        purpose, bool(followup), interview,
    )  # fmt: skip


def _rows(s: Session, stmt: Any) -> list[AppointmentRow]:
    # plain rows through the session's connection (Core): the ORM's row processing costs
    # about as much as the query for a week of a team's agenda
    result = s.connection().execute(stmt.order_by(_A.day, _A.start, _A.id)).all()
    names = names_of(s, (r[1] for r in result))
    return [_row(r, names) for r in result]


def _one(s: Session, appointment_id: int) -> AppointmentRow:
    row = s.execute(_query().where(_A.id == appointment_id)).first()
    if row is None:
        raise c.NotFound(WHAT, appointment_id)
    return _row(row, names_of(s, [row[1]]))


def get(ws: Workspace, appointment_id: int) -> AppointmentRow:
    with ws.read() as s:
        return _one(s, appointment_id)


def between(ws: Workspace, date_from: date, date_to: date) -> list[AppointmentRow]:
    """Every appointment from ``date_from`` to ``date_to`` included, in time order."""
    if date_to < date_from:
        raise ValidationError("La date de fin ne peut pas précéder la date de début.", "to")
    with ws.read() as s:
        return _rows(s, _query().where(_A.day >= date_from, _A.day <= date_to))


def day_view(ws: Workspace, day: date) -> list[AppointmentRow]:
    return between(ws, day, day)


def week_view(ws: Workspace, monday: date) -> list[AppointmentRow]:
    """The seven days from ``monday`` (any day is taken back to its week's Monday)."""
    first = monday - timedelta(days=monday.weekday())
    return between(ws, first, first + timedelta(days=6))


def of_person(ws: Workspace, beneficiary_id: int) -> list[AppointmentRow]:
    """A person's appointments, oldest first."""
    with ws.read() as s:
        c.get(s, m.Beneficiary, beneficiary_id, "Personne")
        return _rows(s, _query().where(_A.beneficiary_id == beneficiary_id))


# ---------------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------------


def _check_slot(s: Session, obj: m.Appointment, *, new: bool, today: date) -> None:
    """The rules of a planned or held appointment: a plausible day (not past for a new
    booking), a duration of 5 minutes to 8 hours, within 07:00–21:00, no overlap."""
    day, start, duration = obj.day, obj.start, obj.duration_min
    if new and day < today:
        raise ValidationError(
            f"La date du rendez-vous ({format_date(day)}) est passée : un nouveau rendez-vous "
            f"se prend à partir d'aujourd'hui ({format_date(today)}).",
            "day",
        )
    if not isinstance(duration, int) or not MIN_DURATION <= duration <= MAX_DURATION:
        raise ValidationError(
            "La durée d'un rendez-vous va de 5 minutes à 8 heures (480 minutes).",
            "duration_min",
        )
    end = _minutes(start) + duration
    if start < DAY_START or end > _minutes(DAY_END):
        raise ValidationError(
            f"Un rendez-vous se tient entre {format_clock(DAY_START)} et "
            f"{format_clock(DAY_END)} : celui-ci commencerait à {format_clock(start)} et "
            f"finirait à {_clock_of(end)}.",
            "start",
        )
    if obj.status not in BUSY:
        return
    others = s.execute(
        select(_A.id, _A.start, _A.duration_min, _A.beneficiary_id)
        .where(_A.day == day, _A.status.in_(BUSY), _A.id != (obj.id or 0))
        .order_by(_A.start)
    ).all()
    for _ident, other_start, other_duration, other_person in others:
        lo = _minutes(other_start)
        if lo < end and _minutes(start) < lo + other_duration:
            last, first = names_of(s, [other_person]).get(other_person, ("", ""))
            raise ValidationError(
                f"Ce créneau chevauche le rendez-vous de {format_clock(other_start)} à "
                f"{_clock_of(lo + other_duration)} avec {initials(last, first)} "
                f"le {format_date(day)}.",
                "start",
            )


def _clock_of(minutes: int) -> str:
    if minutes >= 24 * 60:
        return "minuit passé"
    return format_clock(time(minutes // 60, minutes % 60))


def _check_journey(s: Session, beneficiary_id: int, journey_id: object) -> int | None:
    if journey_id is None:
        return None
    if not isinstance(journey_id, int) or isinstance(journey_id, bool):
        raise ValidationError("Parcours inconnu.", "journey_id")
    journey = s.get(m.Journey, journey_id)
    if journey is None or journey.beneficiary_id != beneficiary_id:
        raise ValidationError("Ce parcours n'est pas celui de cette personne.", "journey_id")
    return journey_id


def _open_journey(s: Session, beneficiary_id: int) -> int | None:
    return s.scalar(
        select(m.Journey.id)
        .where(m.Journey.beneficiary_id == beneficiary_id, m.Journey.closed_on.is_(None))
        .order_by(m.Journey.request_date.desc(), m.Journey.id.desc())
        .limit(1)
    )


def _clean(values: Mapping[str, object]) -> dict[str, object]:
    clean = c.validate(values, SPEC)
    if "day" in clean and clean["day"] is None:
        raise ValidationError("La date du rendez-vous est obligatoire.", "day")
    if "level" in clean:
        domain.check_level(clean["level"])  # type: ignore[arg-type]
    return clean


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


def book(
    ws: Workspace,
    *,
    beneficiary_id: int,
    day: date,
    start: time | str,
    duration_min: int,
    modality: str,
    level: int,
    place: str = "",
    purpose: str = "",
    journey_id: int | None = None,
    is_followup: bool = False,
    today: date | None = None,
) -> AppointmentRow:
    """Book a planned appointment. Without ``journey_id`` it goes with the person's open
    journey, if any (none yet: a first appointment booked before the journey exists)."""
    today = today or date.today()
    if not isinstance(duration_min, int) or isinstance(duration_min, bool):
        raise ValidationError("La durée se donne en minutes (un nombre entier).", "duration_min")
    clean = _clean(
        {
            "day": day,
            "start": start,
            "modality": modality,
            "level": level,
            "place": place,
            "purpose": purpose,
            "is_followup": is_followup,
        }
    )
    with ws.session() as s:
        c.get(s, m.Beneficiary, beneficiary_id, "Personne")
        jid = _check_journey(s, beneficiary_id, journey_id)
        if jid is None:
            jid = _open_journey(s, beneficiary_id)
        obj = m.Appointment(
            beneficiary_id=beneficiary_id,
            journey_id=jid,
            duration_min=duration_min,
            status=AppointmentStatus.PLANNED.value,
            **clean,
        )
        _check_slot(s, obj, new=True, today=today)
        s.add(obj)
        s.flush()
        c.audit(s, AuditAction.CREATE, kinds.APPOINTMENT, obj.id, beneficiary_id)
        return _one(s, obj.id)


def update(
    ws: Workspace,
    appointment_id: int,
    changes: Mapping[str, object],
    *,
    today: date | None = None,
) -> AppointmentRow:
    """Change an appointment's day, time, duration, modality, level, place, purpose, journey
    or follow-up mark, with the checks of :func:`book` (a planned one is not moved into the
    past)."""
    today = today or date.today()
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        name = sorted(unknown)[0]
        raise ValidationError(f"Champ inconnu ou non modifiable : {name}.", name)
    values = dict(changes)
    journey_value = values.pop("journey_id", ...)
    duration = values.pop("duration_min", ...)
    if duration is not ... and (not isinstance(duration, int) or isinstance(duration, bool)):
        raise ValidationError("La durée se donne en minutes (un nombre entier).", "duration_min")
    clean = _clean(values)
    if duration is not ...:
        clean["duration_min"] = duration
    with ws.session() as s:
        obj = c.get(s, m.Appointment, appointment_id, WHAT)
        if journey_value is not ...:
            clean["journey_id"] = _check_journey(s, obj.beneficiary_id, journey_value)
        old_day = obj.day
        changed = c.apply(obj, clean)
        if changed:
            moved_to_past = (
                "day" in changed
                and obj.day < today
                and obj.day != old_day
                and obj.status == AppointmentStatus.PLANNED.value
            )
            _check_slot(s, obj, new=moved_to_past, today=today)
            s.flush()
            c.audit(
                s, AuditAction.CHANGE, kinds.APPOINTMENT, obj.id, obj.beneficiary_id,
                ",".join(changed),
            )  # fmt: skip
        return _one(s, obj.id)


def set_status(
    ws: Workspace, appointment_id: int, status: str, *, today: date | None = None
) -> AppointmentRow:
    """Mark an appointment planned, held, cancelled or missed. Held or missed only once its
    day has come; back to planned only if its slot is still free; a held appointment that
    became a session stays held."""
    today = today or date.today()
    parsed = AppointmentStatus.parse(status, "status")
    if parsed is None:
        raise ValidationError("Choisissez l'état du rendez-vous.", "status")
    with ws.session() as s:
        obj = c.get(s, m.Appointment, appointment_id, WHAT)
        _set_status(s, obj, parsed, today)
        return _one(s, obj.id)


def _set_status(s: Session, obj: m.Appointment, status: AppointmentStatus, today: date) -> None:
    if obj.status == status.value:
        return
    if status in (AppointmentStatus.HELD, AppointmentStatus.MISSED) and obj.day > today:
        raise ValidationError(
            f"Ce rendez-vous est prévu le {format_date(obj.day)} : il ne peut pas encore être "
            f"marqué « {status.label.lower()} ».",
            "status",
        )
    if obj.interview_id is not None and status is not AppointmentStatus.HELD:
        raise ValidationError(
            "Un entretien a été créé depuis ce rendez-vous : supprimez l'entretien avant de "
            "changer l'état du rendez-vous.",
            "status",
        )
    obj.status = status.value
    if status in (AppointmentStatus.PLANNED, AppointmentStatus.HELD):
        _check_slot(s, obj, new=False, today=today)
    s.flush()
    c.audit(s, AuditAction.CHANGE, kinds.APPOINTMENT, obj.id, obj.beneficiary_id, "status")


def cancel(ws: Workspace, appointment_id: int) -> AppointmentRow:
    return set_status(ws, appointment_id, AppointmentStatus.CANCELLED.value)


def delete(ws: Workspace, appointment_id: int) -> None:
    """Remove an appointment (booked by mistake); a session made from it is kept."""
    with ws.session() as s:
        obj = c.get(s, m.Appointment, appointment_id, WHAT)
        bid = obj.beneficiary_id
        s.delete(obj)
        c.audit(s, AuditAction.DELETE, kinds.APPOINTMENT, appointment_id, bid)


def session_from(ws: Workspace, appointment_id: int, *, today: date | None = None) -> int:
    """The session (entretien) of a held appointment: created with the appointment's day,
    start, duration, modality and level (its journey opened if the person had none, requested
    the day the appointment was booked); the appointment is marked held and keeps the
    session's id. A session already made is returned as it is. Returns the session's id."""
    today = today or date.today()
    with ws.session() as s:
        obj = c.get(s, m.Appointment, appointment_id, WHAT)
        if obj.interview_id is not None:
            return obj.interview_id
        if obj.status in (AppointmentStatus.CANCELLED.value, AppointmentStatus.MISSED.value):
            raise ValidationError(
                f"Ce rendez-vous est « {AppointmentStatus.label_of(obj.status).lower()} » : "
                "aucun entretien ne peut en être tiré.",
                "status",
            )
        if obj.day > today:
            raise ValidationError(
                f"Ce rendez-vous est prévu le {format_date(obj.day)} : l'entretien se crée une "
                "fois le rendez-vous tenu.",
                "status",
            )
        journey = _journey_for_session(s, obj)
        if obj.level == 2 and not domain.can_open_level2(
            domain.Level1Decision.parse(journey.level1_decision)
        ):
            raise ValidationError(
                "La décision de niveau 1 n'est pas de poursuivre : changez-la avant de créer "
                "un entretien de niveau 2.",
                "level",
            )
        interview = m.Interview(
            journey_id=journey.id,
            level=obj.level,
            held_on=obj.day,
            start_time=format_clock(obj.start),
            duration_min=obj.duration_min,
            modality=obj.modality,
        )
        s.add(interview)
        journey.level_reached = domain.level_after_session(journey.level_reached, obj.level)
        if journey.first_appointment_on is None or obj.day < journey.first_appointment_on:
            journey.first_appointment_on = max(obj.day, journey.request_date)
        s.flush()
        c.audit(s, AuditAction.CREATE, kinds.SESSION, interview.id, obj.beneficiary_id)
        chg.note(chg.JOURNEY, journey.id, fields=chg.JOURNEY_SESSION_FIELDS)
        obj.interview_id = interview.id
        obj.journey_id = journey.id
        fields = ["interview_id", "journey_id"]
        if obj.status != AppointmentStatus.HELD.value:
            obj.status = AppointmentStatus.HELD.value
            _check_slot(s, obj, new=False, today=today)
            fields.append("status")
        c.audit(
            s, AuditAction.CHANGE, kinds.APPOINTMENT, obj.id, obj.beneficiary_id,
            ",".join(fields),
        )  # fmt: skip
        refresh_summary(s, obj.beneficiary_id)
        return interview.id


def _journey_for_session(s: Session, obj: m.Appointment) -> m.Journey:
    if obj.journey_id is not None:
        journey = c.get(s, m.Journey, obj.journey_id, "Parcours")
        if journey.closed_on is not None:
            raise ValidationError(
                "Le parcours de ce rendez-vous est clôturé : rouvrez-le d'abord.", "journey"
            )
        return journey
    jid = _open_journey(s, obj.beneficiary_id)
    if jid is not None:
        return c.get(s, m.Journey, jid, "Parcours")
    booked = obj.created_at.date() if obj.created_at else obj.day
    journey = m.Journey(
        beneficiary_id=obj.beneficiary_id, request_date=min(booked, obj.day), reasons=[]
    )
    s.add(journey)
    s.flush()
    c.audit(s, AuditAction.CREATE, kinds.JOURNEY, journey.id, obj.beneficiary_id)
    return journey


def waiting_days(ws: Workspace, journey_id: int) -> int | None:
    """Days from the journey's request to its first appointment held or planned (or its
    first session, for journeys recorded before the agenda); None when there is none yet."""
    with ws.read() as s:
        journey = c.get(s, m.Journey, journey_id, "Parcours")
        first = s.scalar(
            select(_A.day)
            .where(
                _A.beneficiary_id == journey.beneficiary_id,
                _A.status.in_(BUSY),
                (_A.journey_id == journey_id)
                | (_A.journey_id.is_(None) & (_A.day >= journey.request_date)),
            )
            .order_by(_A.day)
            .limit(1)
        )
        candidates = [d for d in (first, journey.first_appointment_on) if d is not None]
        if not candidates:
            return None
        return max(0, (min(candidates) - journey.request_date).days)


# ---------------------------------------------------------------------------------------------
# iCalendar export (the counsellor's own calendar)
# ---------------------------------------------------------------------------------------------

TZID = "Europe/Paris"
PRODID = "-//CEP Desk//Agenda//FR"
ICS_MAX_DAYS = 3 * 366
# The iCalendar status of each appointment status: a cancelled one stays in the file so that
# a calendar that imported it earlier takes it off.
ICS_STATUS = {
    AppointmentStatus.PLANNED.value: "CONFIRMED",
    AppointmentStatus.HELD.value: "CONFIRMED",
    AppointmentStatus.MISSED.value: "CONFIRMED",
    AppointmentStatus.CANCELLED.value: "CANCELLED",
}


def _paris_vtimezone(icalendar: Any) -> Any:
    """Europe/Paris as calendar applications write it: the EU rule in force since 1996
    (summer time from the last Sunday of March, 02:00, to the last Sunday of October, 03:00),
    two rules rather than a list of dates that would end in 2038."""
    tz = icalendar.Timezone()
    tz.add("tzid", TZID)
    tz.add("x-lic-location", TZID)
    summer = icalendar.TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("dtstart", datetime(1970, 3, 29, 2, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1SU"})
    summer.add("tzoffsetfrom", timedelta(hours=1))
    summer.add("tzoffsetto", timedelta(hours=2))
    winter = icalendar.TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("dtstart", datetime(1970, 10, 25, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1SU"})
    winter.add("tzoffsetfrom", timedelta(hours=2))
    winter.add("tzoffsetto", timedelta(hours=1))
    tz.add_component(summer)
    tz.add_component(winter)
    return tz


def ics_summary(row: AppointmentRow, *, full_names: bool = False) -> str:
    """The event's title: « RDV CEP niveau 1 — A. D. » (the full name only when asked)."""
    who = row.person_name if full_names else row.initials
    title = "Suivi à six mois" if row.is_followup else f"RDV CEP niveau {row.level}"
    return f"{title} — {who}" if who else title


def ics(
    ws: Workspace,
    date_from: date,
    date_to: date,
    *,
    full_names: bool = False,
    now: datetime | None = None,
) -> bytes:
    """The appointments from ``date_from`` to ``date_to`` as an iCalendar file (RFC 5545) for
    the counsellor's own calendar application.

    Each event carries the person's initials (their full name only with ``full_names``), the
    level, the modality, the place or link and the status; never the purpose, a note, a
    health datum or any other content of the file. Times are local (``TZID=Europe/Paris``,
    with its VTIMEZONE). The UID of an appointment is stable across exports
    (``<id>.<workspace id>@cep-desk``), so importing a newer file updates the events; a
    cancelled appointment is exported with ``STATUS:CANCELLED``. Audited as an export.
    """
    from zoneinfo import ZoneInfo

    import icalendar

    from cep_desk.formatting import format_duration_minutes

    from .lifecycle.exchange import workspace_id_of

    if (date_to - date_from).days > ICS_MAX_DAYS:
        raise ValidationError("La période exportée dépasse trois ans : réduisez-la.", "to")
    rows = between(ws, date_from, date_to)
    with ws.read() as s:
        stamps = dict(
            s.execute(
                select(_A.id, _A.updated_at).where(_A.day >= date_from, _A.day <= date_to)
            ).all()
        )
    wid = workspace_id_of(ws)
    zone = ZoneInfo(TZID)
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "CEP Desk — rendez-vous")
    cal.add("x-wr-timezone", TZID)
    cal.add_component(_paris_vtimezone(icalendar))
    for row in rows:
        event = icalendar.Event()
        event.add("uid", f"{row.id}.{wid}@cep-desk")
        event.add("dtstamp", stamp)
        event.add("dtstart", datetime.combine(row.day, row.start, tzinfo=zone))
        event.add("dtend", datetime.combine(row.day, row.end, tzinfo=zone))
        event.add("summary", ics_summary(row, full_names=full_names))
        if row.place:
            event.add("location", row.place)
        event.add(
            "description",
            f"{row.modality_label}, {format_duration_minutes(row.duration_min)}. "
            f"Niveau {row.level}. État : {row.status_label}.",
        )
        event.add("status", ICS_STATUS.get(row.status, "CONFIRMED"))
        event.add("transp", "TRANSPARENT" if row.status == "cancelled" else "OPAQUE")
        event.add("categories", ["CEP"])
        changed = stamps.get(row.id)
        if changed is not None:
            event.add("last-modified", changed.astimezone(UTC).replace(microsecond=0))
        cal.add_component(event)
    with ws.session() as s:
        c.audit(
            s, AuditAction.EXPORT, AuditEntity.WORKSPACE, None, None,
            f"ics {len(rows)}" + (" noms" if full_names else ""),
        )  # fmt: skip
    return bytes(cal.to_ical())


__all__ = [
    "AppointmentRow",
    "between",
    "book",
    "cancel",
    "day_view",
    "delete",
    "end_of",
    "get",
    "ics",
    "of_person",
    "session_from",
    "set_status",
    "update",
    "waiting_days",
    "week_view",
]
