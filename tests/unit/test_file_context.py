"""What use cases changed (``usecases/changes.py``) and the file context that publishes it."""

from __future__ import annotations

from datetime import date

import pytest

from cep_desk.domain import ValidationError
from cep_desk.usecases import beneficiaries, journeys, plan
from cep_desk.usecases import changes as chg
from cep_desk.usecases.changes import Changes
from cep_desk.usecases.file_context import FileContext

# Every test here runs on SQLCipher and on PostgreSQL (tests/engines.py).
pytestmark = pytest.mark.both_engines


def _open(ws, **person) -> tuple[FileContext, list[Changes]]:
    record = beneficiaries.create_beneficiary(ws, last_name="Morel", first_name="Inès", **person)
    context = FileContext()
    context.set_workspace(ws)
    context.open(beneficiaries.load_file(ws, record.id, audit=False))
    heard: list[Changes] = []
    context.subscribe(heard.append)
    return context, heard


def test_a_use_case_says_what_it_changed(ws):
    person = beneficiaries.create_beneficiary(ws, last_name="Morel", first_name="Inès")
    record, changes = chg.run_recording(
        beneficiaries.update_beneficiary, ws, person.id, town="Lyon", postcode="69003"
    )
    (change,) = changes.of(chg.PERSON)
    assert (change.id, change.action) == (person.id, chg.UPDATED)
    assert {"town", "postcode", "department", "region"} <= change.fields
    assert change.record == record
    # Nothing changed, nothing said; and a plain call records nothing anywhere.
    _same, none = chg.run_recording(beneficiaries.update_beneficiary, ws, person.id, town="Lyon")
    assert not none
    assert beneficiaries.update_beneficiary(ws, person.id, town="Vienne").town == "Vienne"


def test_a_session_changes_the_journey_and_the_list_summary(ws):
    person = beneficiaries.create_beneficiary(ws, last_name="Morel", first_name="Inès")
    journey = journeys.start_journey(ws, person.id, request_date=date(2026, 3, 2))
    session, changes = chg.run_recording(
        journeys.add_session, ws, journey.id, 1, held_on=date(2026, 3, 9)
    )
    assert [c.record for c in changes.added(chg.SESSION)] == [session]
    assert changes.touches_fields(chg.JOURNEY, ["level_reached"])
    assert changes.fields_of(chg.PERSON) == chg.SUMMARY_FIELDS
    _none, deleted = chg.run_recording(journeys.delete_session, ws, session.id)
    assert deleted.deleted_ids(chg.SESSION) == {session.id}


def test_a_refused_use_case_reports_nothing_and_what_was_done_is_published(ws):
    context, heard = _open(ws)
    journey_id = context.ensure_journey()
    heard.clear()
    with pytest.raises(ValidationError), context.operation():
        context.run(journeys.add_contact, ws, journey_id, organisation="France Travail")
        context.run(journeys.update_journey, ws, journey_id, closed_on=date(2020, 1, 1))
    (changes,) = heard  # the contact was saved: it is shown; the refused closing is not
    assert changes.kinds == {chg.CONTACT}


def test_the_context_publishes_once_per_operation_with_fresh_records(ws):
    context, heard = _open(ws)
    with context.operation():
        journey_id = context.ensure_journey(date(2026, 1, 5))
        context.run(journeys.add_session, ws, journey_id, 1, held_on=date(2026, 1, 5))
        assert heard == []  # nothing before the operation ends
    (changes,) = heard
    assert changes.added(chg.JOURNEY) and changes.added(chg.SESSION)
    # The journey and the person were read again: the level and the last contact follow.
    assert context.journey is not None and context.journey.level_reached == 1
    assert context.journey.request_date == date(2026, 1, 5)
    assert context.journey_count == 1
    assert context.person is not None and context.person.last_contact_on == date(2026, 1, 5)
    assert context.person.current_level == 1


def test_ensure_project_starts_journey_and_project_once(ws):
    context, heard = _open(ws)
    project_id = context.ensure_project()
    assert context.project is not None and context.project.id == project_id
    assert context.ensure_project() == project_id
    assert len(heard) == 1
    assert heard[0].added(chg.JOURNEY) and heard[0].added(chg.PROJECT)
    line = context.run(plan.add_funding, ws, project_id, amount_requested_cents=80000)
    assert heard[-1].records(chg.FUNDING) == [line]


def test_every_kind_record_a_use_case_returns_is_given_to_its_change(ws):
    """The record class → kind table comes from the kinds and records.RECORD_OF: a plain kind
    saved through kind_records carries its record too (a new tab's table shows it)."""
    from cep_desk import kinds
    from cep_desk.usecases import kind_records, records

    person = beneficiaries.create_beneficiary(ws, last_name="Morel", first_name="Inès")
    journey = journeys.start_journey(ws, person.id, request_date=date(2026, 3, 2))
    contact, changes = chg.run_recording(
        kind_records.add, ws, kinds.CONTACT, records.ContactRecord, journey.id,
        contact_on=date(2026, 3, 4), organisation="AFPA",
    )  # fmt: skip
    assert changes.records(kinds.CONTACT.entity) == [contact]
    for kind in kinds.FILE_KINDS:
        assert chg.record_kind(object.__new__(records.RECORD_OF[kind.name])) == kind.entity
    # The file gives each kind's list by its record class, a field of its own or not.
    current = beneficiaries.load_file(ws, person.id, audit=False).current
    assert current is not None
    assert current.of(records.ContactRecord) == current.contacts == [contact]
    assert current.of(records.SatisfactionRecord) == current.satisfaction == []
    assert current.lists == {}


def test_a_plain_kinds_use_cases_keep_their_record_type_through_the_context(ws):
    """kind_records.Records: the add / update / delete of one kind, run through the context
    as a tab does, return that kind's record and tell the tabs."""
    from cep_desk import kinds
    from cep_desk.usecases import kind_records, records

    context, heard = _open(ws)
    contacts = kind_records.Records(kinds.CONTACT, records.ContactRecord)
    journey_id = context.ensure_journey()
    added = context.run(
        contacts.add, ws, journey_id, contact_on=date(2026, 3, 4), organisation="AFPA"
    )
    assert isinstance(added, records.ContactRecord) and added.organisation == "AFPA"
    changed = context.run(contacts.update, ws, added.id, organisation="Greta")
    assert changed.organisation == "Greta"
    context.run(contacts.delete, ws, added.id)
    assert [c.organisation for c in heard[-2].records(kinds.CONTACT.entity)] == ["Greta"]
    assert heard[-1].deleted_ids(kinds.CONTACT.entity) == {added.id}
    with pytest.raises(ValidationError):
        context.run(contacts.add, ws, journey_id, contact_on=date(2026, 3, 4), organisation="")
    current = beneficiaries.load_file(ws, context.person.id, audit=False).current
    assert current is not None and current.contacts == []
