"""Journeys (parcours), level 1 and level 2 sessions, and go-between contacts."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cep_desk import domain, kinds
from cep_desk.domain import AuditAction, ValidationError
from cep_desk.storage import models as m
from cep_desk.storage.workspace import Workspace

from . import changes as chg
from . import common as c
from . import followups
from .beneficiaries import refresh_summary
from .records import ContactRecord, JourneyRecord, SessionRecord, to_record

JOURNEY_SPEC: c.Spec = kinds.JOURNEY.spec()

SESSION_SPEC: c.Spec = kinds.SESSION.spec()

CONTACT_SPEC: c.Spec = kinds.CONTACT.spec()


def current_journey_id(ws: Workspace, beneficiary_id: int) -> int | None:
    """The person's newest journey (the one the screens and the plan show), or None."""
    with ws.read() as s:
        return s.scalar(
            select(m.Journey.id)
            .where(m.Journey.beneficiary_id == beneficiary_id)
            .order_by(m.Journey.request_date.desc(), m.Journey.id.desc())
            .limit(1)
        )


def get_journey(ws: Workspace, journey_id: int) -> JourneyRecord:
    with ws.read() as s:
        return to_record(JourneyRecord, c.get(s, m.Journey, journey_id, "Parcours"))


def _check_journey_dates(j: m.Journey) -> None:
    if j.first_appointment_on and j.first_appointment_on < j.request_date:
        raise ValidationError(
            "Le premier rendez-vous ne peut pas précéder la demande.", "first_appointment_on"
        )
    if j.closed_on and j.closed_on < j.request_date:
        raise ValidationError("La clôture ne peut pas précéder la demande.", "closed_on")


def start_journey(ws: Workspace, beneficiary_id: int, **values: object) -> JourneyRecord:
    """Open a new journey (``request_date`` defaults to today)."""
    values.setdefault("request_date", date.today())
    clean = c.validate(values, JOURNEY_SPEC)
    with ws.session() as s:
        c.get(s, m.Beneficiary, beneficiary_id, "Personne")
        journey = m.Journey(beneficiary_id=beneficiary_id, **clean)
        _check_journey_dates(journey)
        s.add(journey)
        s.flush()
        c.audit(s, AuditAction.CREATE, kinds.JOURNEY, journey.id, beneficiary_id)
        refresh_summary(s, beneficiary_id)
        return to_record(JourneyRecord, journey)


def update_journey(ws: Workspace, journey_id: int, **changes: object) -> JourneyRecord:
    clean = c.validate(changes, JOURNEY_SPEC)
    with ws.session() as s:
        journey = c.get(s, m.Journey, journey_id, "Parcours")
        changed = c.apply(journey, clean)
        _check_journey_dates(journey)
        if changed:
            c.audit(
                s,
                AuditAction.CHANGE,
                kinds.JOURNEY,
                journey.id,
                journey.beneficiary_id,
                ",".join(changed),
            )
            refresh_summary(s, journey.beneficiary_id)
            if "closed_on" in changed and journey.closed_on is not None:
                # the six-month follow-up (issue #12): scheduled at closing
                followups.schedule_in(s, journey, journey.closed_on)
        return to_record(JourneyRecord, journey)


def _journey_of_session(s: Session, session_id: int) -> tuple[m.Interview, m.Journey]:
    interview = c.get(s, m.Interview, session_id, "Entretien")
    return interview, c.get(s, m.Journey, interview.journey_id, "Parcours")


def add_session(ws: Workspace, journey_id: int, level: int, **values: object) -> SessionRecord:
    """Record a level 1 or level 2 session; the journey's level and last contact follow."""
    domain.check_level(level)
    values.setdefault("held_on", date.today())
    clean = c.validate(values, SESSION_SPEC)
    with ws.session() as s:
        journey = c.get(s, m.Journey, journey_id, "Parcours")
        if level == 2 and not domain.can_open_level2(
            domain.Level1Decision.parse(journey.level1_decision)
        ):
            raise ValidationError(
                "La décision de niveau 1 n'est pas de poursuivre : changez-la avant d'ouvrir "
                "un entretien de niveau 2.",
                "level",
            )
        if journey.closed_on is not None:
            raise ValidationError("Ce parcours est clôturé : rouvrez-le d'abord.", "journey")
        interview = m.Interview(journey_id=journey_id, level=level, **clean)
        s.add(interview)
        journey.level_reached = domain.level_after_session(journey.level_reached, level)
        if journey.first_appointment_on is None:
            journey.first_appointment_on = interview.held_on
        _check_journey_dates(journey)
        s.flush()
        c.audit(s, AuditAction.CREATE, kinds.SESSION, interview.id, journey.beneficiary_id)
        chg.note(chg.JOURNEY, journey.id, fields=chg.JOURNEY_SESSION_FIELDS)
        refresh_summary(s, journey.beneficiary_id)
        return to_record(SessionRecord, interview)


def update_session(ws: Workspace, session_id: int, **changes: object) -> SessionRecord:
    clean = c.validate(changes, SESSION_SPEC)
    with ws.session() as s:
        interview, journey = _journey_of_session(s, session_id)
        changed = c.apply(interview, clean)
        if changed:
            c.audit(
                s,
                AuditAction.CHANGE,
                kinds.SESSION,
                interview.id,
                journey.beneficiary_id,
                ",".join(changed),
            )
            if "held_on" in changed:
                refresh_summary(s, journey.beneficiary_id)
        return to_record(SessionRecord, interview)


def delete_session(ws: Workspace, session_id: int) -> None:
    with ws.session() as s:
        interview, journey = _journey_of_session(s, session_id)
        s.delete(interview)
        s.flush()
        s.expire(journey)
        journey.level_reached = max((x.level for x in journey.sessions), default=0)
        c.audit(s, AuditAction.DELETE, kinds.SESSION, session_id, journey.beneficiary_id)
        chg.note(chg.JOURNEY, journey.id, fields=chg.JOURNEY_SESSION_FIELDS)
        refresh_summary(s, journey.beneficiary_id)


def add_contact(ws: Workspace, journey_id: int, **values: object) -> ContactRecord:
    values.setdefault("contact_on", date.today())
    clean = c.validate(values, CONTACT_SPEC)
    with ws.session() as s:
        journey = c.get(s, m.Journey, journey_id, "Parcours")
        contact = m.Contact(journey_id=journey_id, **clean)
        s.add(contact)
        s.flush()
        c.audit(s, AuditAction.CREATE, kinds.CONTACT, contact.id, journey.beneficiary_id)
        return to_record(ContactRecord, contact)


def update_contact(ws: Workspace, contact_id: int, **changes: object) -> ContactRecord:
    clean = c.validate(changes, CONTACT_SPEC)
    with ws.session() as s:
        contact = c.get(s, m.Contact, contact_id, "Contact")
        changed = c.apply(contact, clean)
        if changed:
            owner = c.get(s, m.Journey, contact.journey_id, "Parcours").beneficiary_id
            c.audit(s, AuditAction.CHANGE, kinds.CONTACT, contact.id, owner, ",".join(changed))
        return to_record(ContactRecord, contact)


def delete_contact(ws: Workspace, contact_id: int) -> None:
    with ws.session() as s:
        contact = c.get(s, m.Contact, contact_id, "Contact")
        owner = c.get(s, m.Journey, contact.journey_id, "Parcours").beneficiary_id
        s.delete(contact)
        c.audit(s, AuditAction.DELETE, kinds.CONTACT, contact_id, owner)
