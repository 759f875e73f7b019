"""The record-kind descriptions agree with the ORM models (the storage truth), the use cases'
records, and everything derived from them."""

from __future__ import annotations

import dataclasses
import typing
from datetime import date, datetime

import pytest
from sqlalchemy import JSON, Boolean, Date, Integer, String, Text, Time

from cep_desk import kinds
from cep_desk.kinds import Access, FieldType
from cep_desk.storage import models as m
from cep_desk.usecases import records
from cep_desk.usecases.lifecycle import schema

# Every test here runs on SQLCipher and on PostgreSQL (tests/engines.py).
pytestmark = pytest.mark.both_engines

# Kept by the storage for itself on every table (uid and row_version: on the synced ones).
COMMON = {"id", "created_at", "updated_at", "uid", "row_version"}
MODELS = {
    kinds.COUNSELLOR: m.Counsellor,
    kinds.PERSON: m.Beneficiary,
    kinds.JOURNEY: m.Journey,
    kinds.SESSION: m.Interview,
    kinds.NEED: m.Need,
    kinds.PROJECT: m.Project,
    kinds.CHECK: m.FeasibilityCheck,
    kinds.SKILL: m.Skill,
    kinds.STEP: m.ActionStep,
    kinds.FUNDING: m.FinancingLine,
    kinds.CONTACT: m.Contact,
    kinds.DOCUMENT: m.IssuedDocument,
    kinds.SATISFACTION: m.SatisfactionAnswer,
    kinds.FOLLOWUP: m.Followup,
    kinds.APPOINTMENT: m.Appointment,
}
RECORDS = {
    kinds.COUNSELLOR: records.CounsellorRecord,
    kinds.PERSON: records.BeneficiaryRecord,
    kinds.JOURNEY: records.JourneyRecord,
    kinds.SESSION: records.SessionRecord,
    kinds.NEED: records.NeedRecord,
    kinds.PROJECT: records.ProjectRecord,
    kinds.CHECK: records.FeasibilityRecord,
    kinds.SKILL: records.SkillRecord,
    kinds.STEP: records.StepRecord,
    kinds.FUNDING: records.FundingRecord,
    kinds.CONTACT: records.ContactRecord,
    kinds.DOCUMENT: records.DocumentRecord,
    kinds.SATISFACTION: records.SatisfactionRecord,
    kinds.FOLLOWUP: records.FollowupRecord,
    kinds.APPOINTMENT: records.AppointmentRecord,
}
SQL_TYPES: dict[FieldType, tuple[type, ...]] = {
    FieldType.TEXT: (String, Text),
    FieldType.TIME: (String,),
    FieldType.CLOCK: (Time,),
    FieldType.DATE: (Date,),
    FieldType.DATETIME: (m.UTCDateTime,),
    FieldType.CODE: (String,),
    FieldType.CODES: (JSON,),
    FieldType.BOOL: (Boolean,),
    FieldType.INT: (Integer,),
    FieldType.AMOUNT: (Integer,),
    FieldType.LINK: (Integer,),
}


def test_every_kind_has_its_record_class() -> None:
    assert {name: cls for name, cls in records.RECORD_OF.items()} == {
        k.name: cls for k, cls in RECORDS.items()
    }


def test_every_table_is_described_or_listed_as_internal() -> None:
    described = {k.table for k in kinds.ALL_KINDS}
    tables = set(m.Base.metadata.tables)
    assert described | kinds.UNDESCRIBED_TABLES == tables
    assert not described & kinds.UNDESCRIBED_TABLES
    assert set(MODELS) == set(kinds.ALL_KINDS)
    for kind, model in MODELS.items():
        assert model.__tablename__ == kind.table


@pytest.mark.parametrize("kind", kinds.ALL_KINDS, ids=lambda k: k.name)
def test_description_matches_the_model(kind: kinds.Kind) -> None:
    columns = MODELS[kind].__table__.columns
    stored = [c.name for c in columns if c.name not in COMMON]
    # every column described (or kept by the storage for itself), in the column order
    assert [n for n in stored if n not in kind.derived_columns] == list(kind.names())
    for f in kind:
        col = columns[f.name]
        assert isinstance(col.type, SQL_TYPES[f.type]), f"{kind.name}.{f.name}: {col.type!r}"
        if f.type is FieldType.CODE:
            assert f.enum is not None
            assert max(len(x.value) for x in f.enum) <= col.type.length, f"{kind.name}.{f.name}"
        elif f.type in (FieldType.TEXT, FieldType.TIME) and not isinstance(col.type, Text):
            assert f.max_len == col.type.length, f"{kind.name}.{f.name} length"
        if f.type is FieldType.TEXT:
            assert f.max_len is not None, f"{kind.name}.{f.name}: a text needs a length"
        if f.type is FieldType.LINK:
            assert col.foreign_keys, f"{kind.name}.{f.name} is no link"
        assert bool(col.nullable) == f.nullable, f"{kind.name}.{f.name} nullability"


@pytest.mark.parametrize("kind", kinds.ALL_KINDS, ids=lambda k: k.name)
def test_description_matches_the_record(kind: kinds.Kind) -> None:
    record = RECORDS[kind]
    hints = typing.get_type_hints(record)
    names = [f.name for f in dataclasses.fields(record)]
    for f in kind:
        assert f.name in names, f"{record.__name__} lacks {f.name}"
        hint = hints[f.name]
        allowed = {f.python_type} | ({f.python_type | None} if f.nullable else set())
        if f.type is FieldType.CODES:
            allowed = {list[str]}
        if f.type is FieldType.CODE and f.nullable:
            allowed = {str | None}
        assert hint in allowed, f"{record.__name__}.{f.name}: {hint}"
    extra = set(names) - set(kind.names()) - COMMON - set(kind.derived_columns)
    assert not extra, f"{record.__name__} has fields no description names: {extra}"


def test_validation_respects_the_stored_length() -> None:
    from cep_desk.domain import ValidationError

    for kind in kinds.ALL_KINDS:
        spec = kind.spec()
        for f in kind:
            if f.type is not FieldType.TEXT or f.name not in spec or f.max_len is None:
                continue
            if f.choices:
                continue
            with pytest.raises(ValidationError):
                spec[f.name]("x" * (f.max_len + 1), f.name)


def test_every_field_says_how_it_appears_in_the_access_copy() -> None:
    for kind in kinds.FILE_KINDS:
        for f in kind:
            if f.access is Access.OMITTED:
                assert not f.personal, f"{kind.name}.{f.name} is personal but omitted"
            if f.access is Access.COMBINED:
                assert f.access_with in kind.names(), f"{kind.name}.{f.name}"
            if f.personal:
                assert f.exported, f"{kind.name}.{f.name} personal but not in the JSON copy"
            if f.health:
                assert f.personal


def test_the_history_labels_are_the_ones_shown_before() -> None:
    assert kinds.history_labels() == {
        "last_name": "nom",
        "first_name": "prénom",
        "birth_date": "date de naissance",
        "phone": "téléphone",
        "email": "e-mail",
        "town": "commune",
        "status": "statut",
        "notes": "notes",
        "rank": "ordre des priorités",
    }
    assert kinds.entity_labels()["need"] == "Besoin"
    assert kinds.entity_labels()["feasibility"] == "Faisabilité"


def test_the_generated_schema_follows_the_descriptions() -> None:
    defs = schema.SCHEMA["$defs"]
    names = {
        "person": kinds.PERSON,
        "journey": kinds.JOURNEY,
        "session": kinds.SESSION,
        "need": kinds.NEED,
        "project": kinds.PROJECT,
        "check": kinds.CHECK,
        "skill": kinds.SKILL,
        "step": kinds.STEP,
        "funding": kinds.FUNDING,
        "contact": kinds.CONTACT,
        "document": kinds.DOCUMENT,
        "satisfaction": kinds.SATISFACTION,
        "followup": kinds.FOLLOWUP,
        "appointment": kinds.APPOINTMENT,
    }
    for key, kind in names.items():
        props = defs[key]["properties"]
        for name in kind.exported():
            assert name in props, f"{key}.{name} not in the schema"
            f = kind[name]
            if f.type is FieldType.TEXT and f.schema is None and not f.choices:
                assert props[name]["maxLength"] == f.max_len


def test_display_speaks_french() -> None:
    assert kinds.NEED["theme"].display("health") == "Santé, handicap"
    assert kinds.STEP["start_on"].display(date(2027, 3, 1)) == "01/03/2027"
    assert kinds.STEP["start_on"].display("2027-03-01") == "01/03/2027"
    assert kinds.DOCUMENT["issued_at"].display(datetime(2027, 3, 1, 10)) == "01/03/2027"
    assert kinds.CONTACT["consent_to_share"].display(False) == "non"
    assert kinds.NEED["description"].display(None) == ""


def test_a_plain_kind_needs_no_use_case_of_its_own(ws) -> None:
    """The generic use cases, on contacts (a list under a journey) and skills (under a
    project): validated, stored, audited under the person, refused in French."""
    from cep_desk.domain import ValidationError
    from cep_desk.usecases import beneficiaries, journeys, plan, workspaces
    from cep_desk.usecases import kind_records as kr
    from cep_desk.usecases.common import NotFound

    p = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Léa")
    j = journeys.start_journey(ws, p.id, request_date=date(2026, 9, 1))
    contact = kr.add(
        ws, kinds.CONTACT, records.ContactRecord, j.id, contact_on=date(2026, 9, 3),
        organisation="  GRETA  ",
    )  # fmt: skip
    assert contact.organisation == "GRETA" and contact.journey_id == j.id
    contact = kr.update(ws, kinds.CONTACT, records.ContactRecord, contact.id, person="M. Roux")
    assert beneficiaries.load_file(ws, p.id, audit=False).current.contacts == [contact]
    with pytest.raises(ValidationError, match="L'organisme est obligatoire"):
        kr.update(ws, kinds.CONTACT, records.ContactRecord, contact.id, organisation=" ")
    project = plan.ensure_project(ws, j.id)
    skill = kr.add(ws, kinds.SKILL, records.SkillRecord, project.id, label="Hygiène")
    kr.delete(ws, kinds.SKILL, skill.id)
    kr.delete(ws, kinds.CONTACT, contact.id)
    with pytest.raises(NotFound, match="Contact n° "):
        kr.delete(ws, kinds.CONTACT, contact.id)
    trail = [
        (a.action, a.entity, a.beneficiary_id, a.detail)
        for a in workspaces.audit_trail(ws, p.id)
        if a.entity in ("contact", "skill")
    ]
    assert sorted(trail) == sorted(
        [
            ("create", "contact", p.id, ""),
            ("change", "contact", p.id, "person"),
            ("create", "skill", p.id, ""),
            ("delete", "skill", p.id, ""),
            ("delete", "contact", p.id, ""),
        ]
    )


def test_every_described_kind_is_listed_and_reachable_from_the_package() -> None:
    """A kind written in descriptions.py is ``kinds.X`` without a line in kinds/__init__.py,
    and is in ALL_KINDS (so the exchange, the access copy, the history see it)."""
    from cep_desk.kinds import descriptions

    described = {n: k for n, k in vars(descriptions).items() if isinstance(k, kinds.Kind)}
    assert set(described.values()) == set(kinds.ALL_KINDS)
    for name, kind in described.items():
        assert getattr(kinds, name) is kind
