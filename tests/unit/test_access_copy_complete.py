"""The RGPD access copy is complete: every personal field of every record kind appears in the
PDF (read back) and in the JSON handed over with it. Fields are filled from the descriptions
themselves, so a field added to a kind is checked without touching this test."""

from __future__ import annotations

import io
import string
from datetime import date, time, timedelta

import pytest
from pypdf import PdfReader

from cep_desk import domain, kinds
from cep_desk.kinds import Access, FieldType
from cep_desk.usecases import (
    agenda,
    beneficiaries,
    journeys,
    kind_records,
    plan,
    records,
    workspaces,
)
from cep_desk.usecases.lifecycle import rights

# Every test here runs on SQLCipher and on PostgreSQL (tests/engines.py).
pytestmark = pytest.mark.both_engines

# Values that the checks of a field need (format rules, order of dates).
OVERRIDES: dict[str, dict[str, object]] = {
    "person": {
        "phone": "06 12 34 56 78",
        "email": "zoe.canari@exemple.fr",
        "postcode": "69003",
        "birth_date": date(1981, 7, 14),
        "rqth": True,
    },
    "journey": {
        "request_date": date(2025, 2, 3),
        "first_appointment_on": date(2025, 2, 17),
        "closed_on": date(2026, 6, 30),
    },
    "session": {"start_time": "09:45", "on_working_time": True},
    "step": {"start_on": date(2026, 1, 5), "due_on": date(2026, 3, 27)},
    "satisfaction": {"level": 2, "satisfaction": 3, "usefulness": 2},
    "followup": {"attempts": 2, "status": "done"},
    "appointment": {"start": time(10, 35), "level": 2, "is_followup": True},
}


class Canaries:
    """Distinct words, one per text field, that nothing else in the copy contains."""

    def __init__(self) -> None:
        self.n = 0

    def next(self, max_len: int) -> str:
        self.n += 1
        n, letters = self.n, ""
        while n:
            n, r = divmod(n, 26)
            letters += string.ascii_lowercase[r]
        return ("Qz" + letters + "wk")[:max_len]


def _values(kind: kinds.Kind, canaries: Canaries, day: list[date]) -> dict[str, object]:
    values: dict[str, object] = {}
    for f in kind:
        if not f.editable:
            continue
        if f.type is FieldType.TEXT:
            values[f.name] = canaries.next(f.max_len or 100)
        elif f.type is FieldType.DATE:
            day[0] += timedelta(days=3)
            values[f.name] = day[0]
        elif f.type is FieldType.CODE:
            assert f.enum is not None
            values[f.name] = list(f.enum)[-1].value
        elif f.type is FieldType.CODES:
            assert f.enum is not None
            values[f.name] = [x.value for x in list(f.enum)[-2:]]
        elif f.type is FieldType.BOOL:
            values[f.name] = True
        elif f.type is FieldType.INT:
            assert f.bounds is not None
            values[f.name] = f.bounds[0] + 76
        elif f.type is FieldType.AMOUNT:
            values[f.name] = 123_456 + canaries.n
        elif f.type is FieldType.TIME:
            values[f.name] = "10:35"
        elif f.type is FieldType.CLOCK:
            values[f.name] = time(9, 5)
    values.update(OVERRIDES.get(kind.name, {}))
    return values


def _fill(ws) -> tuple[int, dict[str, dict[str, object]]]:
    canaries, day = Canaries(), [date(2025, 3, 1)]
    given: dict[str, dict[str, object]] = {}

    def values(kind: kinds.Kind) -> dict[str, object]:
        given[kind.name] = _values(kind, canaries, day)
        return dict(given[kind.name])

    p = beneficiaries.create_beneficiary(ws, **values(kinds.PERSON))
    journey_values = values(kinds.JOURNEY)
    closed_on = journey_values.pop("closed_on")  # closed at the end: a closed journey is frozen
    j = journeys.start_journey(ws, p.id, **journey_values)
    journeys.add_session(ws, j.id, 1, **values(kinds.SESSION))
    plan.add_need(ws, j.id, **values(kinds.NEED))
    project = plan.ensure_project(ws, j.id, **values(kinds.PROJECT))
    for check_id in _check_ids(ws, p.id):  # one per aspect, made with the project
        plan.update_check(ws, check_id, **values(kinds.CHECK))
    plan.add_skill(ws, project.id, **values(kinds.SKILL))
    plan.add_step(ws, project.id, **values(kinds.STEP))
    plan.add_funding(ws, project.id, **values(kinds.FUNDING))
    journeys.add_contact(ws, j.id, **values(kinds.CONTACT))
    workspaces.record_document(ws, p.id, j.id, domain.DocumentKind.ACTION_PLAN, "ab" * 32)
    # the plain kinds under a journey (satisfaction, follow-ups, any kind added later)
    for kind in kinds.children_of(kinds.JOURNEY):
        if kind.name not in _ADDED_BY_HAND:
            kind_records.add(ws, kind, records.RECORD_OF[kind.name], j.id, **values(kind))
    booked = values(kinds.APPOINTMENT)
    status = booked.pop("status")
    row = agenda.book(ws, beneficiary_id=p.id, journey_id=j.id, today=booked["day"], **booked)
    agenda.set_status(ws, row.id, str(status), today=booked["day"])
    journeys.update_journey(ws, j.id, closed_on=closed_on)
    return p.id, given


# The kinds under a journey that _fill adds through their own use cases.
_ADDED_BY_HAND = frozenset({"session", "need", "project", "contact"})


def _check_ids(ws, person_id: int) -> list[int]:
    current = beneficiaries.load_file(ws, person_id, audit=False).current
    assert current is not None and current.checks
    return [c.id for c in current.checks]


def _flat(text: str) -> str:
    return "".join(text.split()).casefold()


def _records(person: dict) -> dict[str, list[dict]]:
    """Kind name → its records in the copy, found under their parents by the kinds' keys."""
    out: dict[str, list[dict]] = {"person": [person]}

    def walk(kind: kinds.Kind, record: dict) -> None:
        for child in kinds.children_of(kind):
            for row in record[child.key]:
                out.setdefault(child.name, []).append(row)
                walk(child, row)

    walk(kinds.PERSON, person)
    return out


def test_every_personal_field_is_in_the_pdf_and_the_json(ws) -> None:
    person_id, given = _fill(ws)
    pdf, data = rights.access_export(ws, person_id)
    text = _flat("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    records = _records(data["people"][0])
    missing = []
    for kind in kinds.FILE_KINDS:
        assert records.get(kind.name), f"no {kind.name} in the copy"
        for record in records[kind.name]:
            for f in kind.personal():
                if f.exported and f.name not in record:
                    missing.append(f"JSON {kind.name}.{f.name}")
                shown = f.display(record.get(f.name))
                if not shown:
                    missing.append(f"{kind.name}.{f.name} empty: fill it in this test")
                elif _flat(shown) not in text:
                    missing.append(f"PDF {kind.name}.{f.name} = {shown!r}")
                host = kind[f.access_with] if f.access is Access.COMBINED else f
                if host.access is Access.ROW and _flat(host.shown_label) not in text:
                    missing.append(f"PDF label of {kind.name}.{f.name}")
    assert not missing, "\n".join(missing)
    # what this test typed is what the copy holds
    by_name = {k.name: k for k in kinds.FILE_KINDS}
    for name, values in given.items():
        for field_name, value in values.items():
            personal = by_name[name][field_name].personal
            if personal and isinstance(value, str) and value.startswith("Qz"):
                assert _flat(value) in text, f"{name}.{field_name}"
