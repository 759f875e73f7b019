"""The iCalendar export, parsed back with the icalendar library: initials only by default,
never the purpose or a health datum, stable UIDs, Europe/Paris local times (summer and
winter), cancelled appointments flagged, the export audited."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from sqlalchemy import select

from cep_desk.domain import ValidationError
from cep_desk.storage import models as m
from cep_desk.usecases import agenda, beneficiaries, journeys

# Every test here runs on SQLCipher and on PostgreSQL (tests/engines.py).
pytestmark = pytest.mark.both_engines

TODAY = date(2027, 3, 26)  # the Friday before the change to summer time (28/03/2027)
PARIS = ZoneInfo("Europe/Paris")


def _setup(ws):
    p = beneficiaries.create_beneficiary(
        ws, last_name="Durand", first_name="Alice", rqth=True, rqth_basis="Diabète",
        notes="Note privée",
    )  # fmt: skip
    journeys.start_journey(ws, p.id, request_date=date(2027, 3, 1))
    winter = agenda.book(
        ws, beneficiary_id=p.id, day=TODAY, start="09:30", duration_min=60,
        modality="face_to_face", level=1, place="Salle 2, 3 rue des Lilas",
        purpose="Parler de son arrêt maladie", today=TODAY,
    )  # fmt: skip
    summer = agenda.book(
        ws, beneficiary_id=p.id, day=TODAY + timedelta(days=4), start="14:00",
        duration_min=90, modality="video", level=1, place="https://visio.example/abc",
        today=TODAY,
    )  # fmt: skip
    return p, winter, summer


def _events(data: bytes) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    assert cal["version"] == "2.0" and "CEP Desk" in str(cal["prodid"])
    return list(cal.walk("VEVENT"))


def test_events_read_back_with_initials_local_times_and_no_content(ws):
    p, winter, summer = _setup(ws)
    data = agenda.ics(ws, TODAY, TODAY + timedelta(days=7))
    text = data.decode("utf-8")
    for secret in ("Durand", "DURAND", "Alice", "arrêt maladie", "Diabète", "Note privée"):
        assert secret not in text
    assert "TZID=Europe/Paris" in text and "BEGIN:VTIMEZONE" in text
    first, second = _events(data)
    assert str(first["summary"]) == "RDV CEP niveau 1 — A. D."
    start, end = first.decoded("dtstart"), first.decoded("dtend")
    assert start == datetime(2027, 3, 26, 9, 30, tzinfo=PARIS)
    assert start.utcoffset() == timedelta(hours=1)  # winter time
    assert end - start == timedelta(minutes=60)
    assert str(first["location"]) == "Salle 2, 3 rue des Lilas"
    assert str(first["status"]) == "CONFIRMED"
    assert "En présentiel" in str(first["description"])
    summer_start = second.decoded("dtstart")
    assert summer_start.utcoffset() == timedelta(hours=2)  # summer time from 28/03
    assert summer_start.astimezone(ZoneInfo("UTC")).time() == time(12, 0)
    assert str(second["location"]) == "https://visio.example/abc"


def test_uids_are_stable_and_a_cancellation_travels(ws):
    p, winter, summer = _setup(ws)
    before = {str(e["uid"]) for e in _events(agenda.ics(ws, TODAY, TODAY + timedelta(days=7)))}
    agenda.cancel(ws, winter.id)
    agenda.update(ws, summer.id, {"start": "15:00"}, today=TODAY)
    events = _events(agenda.ics(ws, TODAY, TODAY + timedelta(days=7)))
    assert {str(e["uid"]) for e in events} == before
    assert all(uid.endswith("@cep-desk") for uid in before)
    by_uid = {str(e["uid"]): e for e in events}
    cancelled = by_uid[next(u for u in before if u.startswith(f"{winter.id}."))]
    assert str(cancelled["status"]) == "CANCELLED"
    moved = by_uid[next(u for u in before if u.startswith(f"{summer.id}."))]
    assert moved.decoded("dtstart").time() == time(15, 0)


def test_full_names_on_request_only_and_the_export_is_audited(ws):
    _setup(ws)
    events = _events(agenda.ics(ws, TODAY, TODAY, full_names=True))
    assert [str(e["summary"]) for e in events] == ["RDV CEP niveau 1 — DURAND Alice"]
    assert _events(agenda.ics(ws, TODAY + timedelta(days=30), TODAY + timedelta(days=31))) == []
    with ws.read() as s:
        details = s.scalars(
            select(m.AuditEvent.detail).where(m.AuditEvent.action == "export")
        ).all()
    assert details == ["ics 1 noms", "ics 0"]


def test_the_period_is_checked(ws):
    with pytest.raises(ValidationError, match="ne peut pas précéder"):
        agenda.ics(ws, TODAY, TODAY - timedelta(days=1))
    with pytest.raises(ValidationError, match="trois ans"):
        agenda.ics(ws, TODAY, TODAY + timedelta(days=4 * 366))


def test_the_vtimezone_agrees_with_the_tz_database_for_decades(ws):
    _setup(ws)
    cal = icalendar.Calendar.from_ical(agenda.ics(ws, TODAY, TODAY))
    (component,) = cal.walk("VTIMEZONE")
    assert str(component["tzid"]) == "Europe/Paris"
    written = component.to_tz()
    for year in range(2026, 2050, 3):
        for month, day in ((1, 15), (3, 25), (3, 31), (7, 1), (10, 24), (10, 31), (11, 2)):
            moment = datetime(year, month, day, 12, 0)
            assert moment.replace(tzinfo=written).utcoffset() == (
                moment.replace(tzinfo=PARIS).utcoffset()
            ), moment
