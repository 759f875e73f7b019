"""Access copy, erasure (nothing lingers, even in free pages), retention and purge,
information notice."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from cep_desk.storage import models as m
from cep_desk.usecases import beneficiaries, journeys, plan, workspaces
from cep_desk.usecases.common import NotFound
from cep_desk.usecases.lifecycle import exchange as X
from cep_desk.usecases.lifecycle import notice, rights
from tests.unit.sqlcipher_pages import plaintext_of

# Every test here runs on SQLCipher and on PostgreSQL (tests/engines.py).
pytestmark = pytest.mark.both_engines

CANARY_LAST = "Qzxwcanari"
CANARY_FIRST = "Vbnmtemoin"
CANARY_NOTE = "Kplrsecretnote"


def _person(ws, last=CANARY_LAST, first=CANARY_FIRST, **values):
    p = beneficiaries.create_beneficiary(
        ws,
        last_name=last,
        first_name=first,
        town="Xylobourg",
        notes=CANARY_NOTE * 20,
        birth_date=date(1980, 5, 1),
        sex="F",
        status="job_seeker",
        education_level="4",
        **values,
    )
    j = journeys.start_journey(
        ws, p.id, request_date=date(2025, 3, 1), reasons=["reconversion", "vae"]
    )
    journeys.update_journey(ws, j.id, level1_decision="continue")
    journeys.add_session(ws, j.id, 1, held_on=date(2025, 3, 10), remarks=CANARY_NOTE)
    journeys.add_session(ws, j.id, 2, held_on=date(2025, 4, 2), info_given=CANARY_NOTE)
    plan.add_need(ws, j.id, theme="training", description=CANARY_NOTE)
    project = plan.ensure_project(ws, j.id, description=CANARY_NOTE)
    plan.add_step(ws, project.id, title=CANARY_NOTE)
    journeys.add_contact(ws, j.id, contact_on=date(2025, 4, 5), organisation=CANARY_NOTE)
    return p


def _text_of(pdf: bytes) -> str:
    import io

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_access_export_gives_pdf_and_json_and_is_traced(demo_ws):
    p = _person(demo_ws)
    pdf, data = rights.access_export(demo_ws, p.id)
    assert pdf.startswith(b"%PDF")
    text = _text_of(pdf)
    assert CANARY_LAST in text and "droit d'accès" in text
    assert data["people"][0]["last_name"] == CANARY_LAST
    X.validate(data)
    docs = beneficiaries.load_file(demo_ws, p.id, audit=False).documents
    assert [d.kind for d in docs] == ["access_export"]
    assert docs[0].sha256 == hashlib.sha256(pdf).hexdigest()
    with pytest.raises(NotFound):
        rights.access_export(demo_ws, 99999)


def test_access_pdf_survives_hostile_text(ws):
    hostile = '<b>x</para> 0.1 <A <0.9 <img src="/etc/hostname"/> & \x00\x07 ' + "mot" * 3000
    p = beneficiaries.create_beneficiary(ws, last_name="<SARL>", first_name="A&B", notes=hostile)
    j = journeys.start_journey(ws, p.id, request_date=date(2026, 1, 1))
    journeys.add_session(ws, j.id, 1, held_on=date(2026, 1, 2), remarks=hostile * 3)
    pdf, _ = rights.access_export(ws, p.id)
    assert "<SARL>" in _text_of(pdf)


@pytest.mark.sqlcipher_only  # the laptop's file, key slots, backups or CLI
def test_erasure_leaves_no_trace(demo_ws):
    p = _person(demo_ws)
    rights.access_export(demo_ws, p.id)  # a document and audit events referring to the person
    plain = plaintext_of(demo_ws.path, demo_ws.db_key)
    assert CANARY_NOTE.encode() in plain and CANARY_LAST.encode() in plain  # helper sees text
    report = rights.erase(demo_ws, p.id)
    assert report.anonymised_journeys == 1
    plain = plaintext_of(demo_ws.path, demo_ws.db_key)
    for needle in (CANARY_LAST, CANARY_FIRST, CANARY_NOTE, "Xylobourg"):
        assert needle.encode() not in plain, needle
        assert needle.lower().encode() not in plain, needle
    for path in demo_ws.path.iterdir():  # every file of the workspace, raw bytes
        if path.is_file():
            raw = path.read_bytes()
            assert CANARY_LAST.encode() not in raw and CANARY_NOTE.encode() not in raw
    wal = demo_ws.path / "cep.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    with demo_ws.read() as s:
        assert s.get(m.Beneficiary, p.id) is None
        assert not s.scalars(
            select(m.IssuedDocument).where(m.IssuedDocument.beneficiary_id == p.id)
        ).all()
        events = s.scalars(
            select(m.AuditEvent).where(
                (m.AuditEvent.beneficiary_id == p.id) | (m.AuditEvent.entity_id == p.id)
            )
        ).all()
        assert [(e.action, e.detail) for e in events] == [("erase", f"personne #{p.id} effacée")]
        anon = s.scalars(select(m.AnonymisedJourney)).all()
        assert len(anon) == 1
        a = anon[0]
        assert (a.public, a.age_band, a.sex, a.education_level, a.level_reached) == (
            "job_seeker",
            "35-44 ans",
            "F",
            "4",
            2,
        )
        assert a.reasons == ["reconversion", "vae"]
    assert workspaces.check(demo_ws).ok


def test_erasure_cascades_everything(demo_ws):
    p = _person(demo_ws)
    with demo_ws.read() as s:
        before = {t: s.scalar(select(func.count()).select_from(t)) for t in (m.Interview, m.Need)}
    rights.erase(demo_ws, p.id)
    with demo_ws.read() as s:
        after = {t: s.scalar(select(func.count()).select_from(t)) for t in (m.Interview, m.Need)}
        orphans = s.scalar(
            select(func.count(m.Interview.id)).where(
                ~m.Interview.journey_id.in_(select(m.Journey.id))
            )
        )
    assert after[m.Interview] == before[m.Interview] - 2 and after[m.Need] == before[m.Need] - 1
    assert orphans == 0
    assert beneficiaries.search_beneficiaries(demo_ws, beneficiaries.ListFilter(CANARY_LAST)) == []


def test_erasing_an_unknown_person_changes_nothing(demo_ws):
    before = X.export_json(demo_ws)
    with pytest.raises(NotFound):
        rights.erase(demo_ws, 424242)
    after = X.export_json(demo_ws)
    before.pop("exported_at"), after.pop("exported_at")
    assert before == after


def test_erased_then_reimported_person_comes_back_once(ws, tmp_path):
    p = _person(ws)
    data = X.export_json(ws, p.id)
    rights.erase(ws, p.id)
    first = X.import_json(ws, data)
    second = X.import_json(ws, data)
    assert (first.created, second.created, second.skipped) == (1, 0, 1)
    rights.erase(ws, first.people_ids[0])
    with ws.read() as s:
        assert not s.scalars(select(m.Setting).where(m.Setting.key.like("exchange:%"))).all()


# ---------------------------------------------------------------------------------------------
# Retention
# ---------------------------------------------------------------------------------------------


def _with_last_contact(ws, name, last):
    p = beneficiaries.create_beneficiary(ws, last_name=name, first_name="Test")
    beneficiaries.update_beneficiary(ws, p.id, last_contact_on=last)
    return p.id


def test_purge_selects_exactly_the_people_past_retention(ws):
    today = date(2026, 11, 27)
    limit = _with_last_contact(ws, "Limite", date(2024, 11, 27))  # deadline today: kept
    just_past = _with_last_contact(ws, "Passé", date(2024, 11, 26))  # deadline yesterday
    old = _with_last_contact(ws, "Ancien", date(2019, 1, 1))
    recent = _with_last_contact(ws, "Récent", date(2026, 6, 1))
    leap = _with_last_contact(ws, "Bissextile", date(2024, 2, 29))  # deadline 2026-03-01
    assert rights.purge_candidates(ws, today) == [
        (old, date(2019, 1, 1)),
        (leap, date(2024, 2, 29)),
        (just_past, date(2024, 11, 26)),
    ]
    assert rights.purge_candidates(ws, date(2026, 3, 1)) == [(old, date(2019, 1, 1))]
    assert set(rights.purge(ws, today, dry_run=True)) == {old, leap, just_past}
    assert beneficiaries.count_beneficiaries(ws) == 5  # dry run erased nothing
    workspaces.set_setting(ws, "retention_years", 5)
    assert rights.purge_candidates(ws, today) == [(old, date(2019, 1, 1))]
    workspaces.set_setting(ws, "retention_years", 2)
    assert sorted(rights.purge(ws, today)) == sorted([old, leap, just_past])
    remaining = {r.id for r in beneficiaries.search_beneficiaries(ws)}
    assert remaining == {limit, recent}
    assert rights.purge_candidates(ws, today) == []


def test_person_never_contacted_counts_from_creation(ws):
    p = beneficiaries.create_beneficiary(ws, last_name="Jamais", first_name="Vu")
    assert rights.purge_candidates(ws, date.today()) == []
    assert [i for i, _d in rights.purge_candidates(ws, date(date.today().year + 3, 1, 1))] == [p.id]


# ---------------------------------------------------------------------------------------------
# Information notice
# ---------------------------------------------------------------------------------------------


def test_notice_pdf_is_filled_with_the_organisation(ws):
    workspaces.set_setting(ws, notice.SETTING_DPO, "dpo@cibc-test.fr")
    workspaces.set_setting(ws, "retention_years", 3)
    text = _text_of(notice.notice_pdf(ws, date(2026, 11, 27)))
    assert "CIBC Test" in text and "dpo@cibc-test.fr" in text and "3 ans" in text
    assert "CNIL" in text


def test_notice_given_is_recorded_and_reminders_follow(ws):
    a = beneficiaries.create_beneficiary(ws, last_name="Avec", first_name="Notice")
    b = beneficiaries.create_beneficiary(ws, last_name="Sans", first_name="Notice")
    assert {p.id for p in notice.people_without_notice(ws)} == {a.id, b.id}
    assert notice.needs_notice(ws, a.id)
    pdf = notice.notice_pdf(ws)
    record = notice.mark_notice_given(ws, a.id, date(2026, 11, 27), pdf=pdf)
    assert record.notice_given_on == date(2026, 11, 27)
    assert not notice.needs_notice(ws, a.id)
    assert [p.id for p in notice.people_without_notice(ws)] == [b.id]
    docs = beneficiaries.load_file(ws, a.id, audit=False).documents
    assert docs[0].kind == "information_notice" and docs[0].channel == "print"
