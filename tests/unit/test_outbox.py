"""Global ids, row versions and the outbox (issue 13, items 2 and 3): what a change writes,
how pending entries coalesce, tombstones and erasure, pruning without a server."""

from __future__ import annotations

import json
import uuid
from datetime import date, time

import pytest
from sqlalchemy import func, select, update

from cep_desk.storage import models as m
from cep_desk.storage import sync
from cep_desk.usecases import beneficiaries, journeys, plan
from cep_desk.usecases.lifecycle import exchange as X
from cep_desk.usecases.lifecycle import rights

# Every test here runs on SQLCipher and on PostgreSQL (tests/engines.py).
pytestmark = pytest.mark.both_engines


def _entries(ws, uid=None):
    t = m.OutboxEntry.__table__
    with ws.read() as s:
        stmt = select(t).order_by(t.c.id)
        if uid is not None:
            stmt = stmt.where(t.c.uid == uid)
        return list(s.execute(stmt))


def _row(ws, model, ident):
    """The synced columns of a record (read as plain values)."""
    with ws.read() as s:
        return s.execute(select(model.uid, model.row_version).where(model.id == ident)).one()


def test_a_new_record_has_a_uuid7_version_1_and_one_upsert_of_its_fields(ws):
    p = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Léa", town="Lyon")
    person = _row(ws, m.Beneficiary, p.id)
    assert uuid.UUID(person.uid).version == 7 and len(person.uid) == 36
    assert person.row_version == 1
    (entry,) = _entries(ws, person.uid)
    assert (entry.kind, entry.op, entry.base_version) == ("person", "upsert", 0)
    assert entry.file_uid == person.uid and uuid.UUID(entry.op_id)
    assert entry.fields["last_name"] == "Durand" and entry.fields["town"] == "Lyon"
    # local columns never travel
    assert not {"id", "uid", "row_version", "sort_key", "updated_at"} & set(entry.fields)


def test_edits_bump_the_version_and_coalesce_per_record_and_field(ws):
    p = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Léa")
    uid = _row(ws, m.Beneficiary, p.id).uid
    for town in ("Lyon", "Lyo", "Lyonne"):
        beneficiaries.update_beneficiary(ws, p.id, town=town)
    beneficiaries.update_beneficiary(ws, p.id, phone="0601020304")
    assert _row(ws, m.Beneficiary, p.id).row_version == 5
    (entry,) = _entries(ws, uid)  # one entry: created, then four edits
    assert entry.fields["town"] == "Lyonne" and entry.fields["phone"] == "0601020304"
    assert entry.base_version == 0
    # An edit that changes nothing bumps nothing.
    beneficiaries.update_beneficiary(ws, p.id, town="Lyonne")
    assert _row(ws, m.Beneficiary, p.id).row_version == 5


def test_an_entry_already_sent_is_not_merged_into(ws):
    p = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Léa")
    uid = _row(ws, m.Beneficiary, p.id).uid
    with ws.session() as s:
        s.execute(
            m.OutboxEntry.__table__.update().values(sent_at=m.utcnow())  # as a push would
        )
    beneficiaries.update_beneficiary(ws, p.id, town="Lyon")
    first, second = _entries(ws, uid)
    assert first.sent_at is not None and first.fields["town"] == ""  # as created
    assert second.fields == {"town": "Lyon"} and second.base_version == 1


def test_children_name_their_parent_and_file_by_uid(ws):
    p = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Léa")
    jr = journeys.start_journey(ws, p.id, request_date=date(2026, 1, 5))
    pr = plan.ensure_project(ws, jr.id, target_job_label="Boulanger")
    step = plan.add_step(ws, pr.id, title="Stage", due_on=date(2026, 3, 1))
    person_uid = _row(ws, m.Beneficiary, p.id).uid
    journey_uid = _row(ws, m.Journey, jr.id).uid
    project_uid = _row(ws, m.Project, pr.id).uid
    (entry,) = _entries(ws, _row(ws, m.ActionStep, step.id).uid)
    assert entry.kind == "step" and entry.file_uid == person_uid
    assert entry.fields["project_uid"] == project_uid and "project_id" not in entry.fields
    assert entry.fields["due_on"] == "2026-03-01"
    (jentry,) = _entries(ws, journey_uid)
    assert jentry.fields["beneficiary_uid"] == person_uid
    assert jentry.fields["request_date"] == "2026-01-05"


def test_a_delete_is_a_tombstone_that_replaces_pending_entries(ws):
    p = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Léa")
    jr = journeys.start_journey(ws, p.id, request_date=date(2026, 1, 5))
    sess = journeys.add_session(ws, jr.id, 1, held_on=date(2026, 1, 6))
    uid = _row(ws, m.Interview, sess.id).uid
    journeys.update_session(ws, sess.id, remarks="à revoir")
    journeys.delete_session(ws, sess.id)
    (entry,) = _entries(ws, uid)
    assert entry.op == "tombstone" and entry.fields == {} and entry.base_version == 0


def test_deleting_a_parent_tombstones_what_the_database_cascades(ws):
    p = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Léa")
    jr = journeys.start_journey(ws, p.id, request_date=date(2026, 1, 5))
    pr = plan.ensure_project(ws, jr.id, target_job_label="Boulanger")
    step = plan.add_step(ws, pr.id, title="Stage")
    uids = {
        _row(ws, m.Journey, jr.id).uid,
        _row(ws, m.Project, pr.id).uid,
        _row(ws, m.ActionStep, step.id).uid,
    }
    with ws.session() as s:  # no use case deletes a journey today: the ORM path itself
        s.delete(s.get(m.Journey, jr.id))
    tombstones = {e.uid for e in _entries(ws) if e.op == "tombstone"}
    assert uids <= tombstones


def test_a_deleted_session_unlinks_its_appointment_with_an_upsert(ws):
    """The database empties an appointment's session link (ON DELETE SET NULL) behind the ORM:
    the delete does it itself, with a new row_version and an upsert the server will hear."""
    p = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Léa")
    jr = journeys.start_journey(ws, p.id, request_date=date(2026, 1, 5))
    sess = journeys.add_session(ws, jr.id, 1, held_on=date(2026, 1, 6))
    with ws.session() as s:
        ap = m.Appointment(beneficiary_id=p.id, journey_id=jr.id, day=date(2026, 1, 6),
                           start=time(9, 30), duration_min=60, status="held",
                           interview_id=sess.id)  # fmt: skip
        s.add(ap)
        s.flush()
        ap_id = ap.id
    before = _row(ws, m.Appointment, ap_id)
    journeys.delete_session(ws, sess.id)
    after = _row(ws, m.Appointment, ap_id)
    assert after.uid == before.uid and after.row_version == before.row_version + 1
    (entry,) = _entries(ws, after.uid)  # the insert's upsert, the unlink merged into it
    assert entry.op == "upsert" and entry.fields["interview_uid"] is None
    assert entry.fields["journey_uid"] == _row(ws, m.Journey, jr.id).uid
    with ws.read() as s:
        assert s.get(m.Appointment, ap_id).interview_id is None


def test_erasure_is_one_erase_that_supersedes_the_file(ws):
    keep = beneficiaries.create_beneficiary(ws, last_name="Martin", first_name="Paul")
    p = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Léa")
    jr = journeys.start_journey(ws, p.id, request_date=date(2026, 1, 5))
    plan.add_need(ws, jr.id, theme="training")
    uid = _row(ws, m.Beneficiary, p.id).uid
    keep_uid = _row(ws, m.Beneficiary, keep.id).uid
    rights.erase(ws, p.id)
    of_file = [e for e in _entries(ws) if e.file_uid == uid]
    assert [(e.op, e.uid, e.fields) for e in of_file] == [("erase", uid, {})]
    assert [e.op for e in _entries(ws) if e.file_uid == keep_uid] == ["upsert"]


@pytest.mark.no_outbox_guard  # pruning drops entries the guard would look for
def test_without_a_server_the_outbox_stays_small_over_10000_edits(ws):
    p = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Léa")
    jr = journeys.start_journey(ws, p.id, request_date=date(2026, 1, 5))
    with ws.session() as s:
        journey = s.get(m.Journey, jr.id)
        for i in range(0, 10_000, 10):
            # each a new record: nothing to coalesce with, the worst case for the size
            for k in range(i, i + 10):
                journey.needs.append(m.Need(theme="training", rank=k + 1, description=f"n{k}"))
            s.flush()
    with ws.read() as s:
        count = s.scalar(select(func.count()).select_from(m.OutboxEntry))
        newest = s.scalar(select(func.max(m.OutboxEntry.id)))
    assert count <= sync.KEEP_WITHOUT_SERVER + sync.PRUNE_EVERY
    assert newest >= 10_000  # all were written; the oldest were dropped


def test_with_a_server_configured_nothing_is_pruned(ws):
    with ws.session() as s:
        s.add(m.Setting(key=sync.SERVER_SETTING, value="https://cep.example.fr"))
    p = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Léa")
    jr = journeys.start_journey(ws, p.id, request_date=date(2026, 1, 5))
    with ws.session() as s:
        journey = s.get(m.Journey, jr.id)
        for i in range(1_200):
            journey.needs.append(m.Need(theme="training", rank=i + 1))
            s.flush()
    with ws.read() as s:
        assert s.scalar(select(func.count()).select_from(m.OutboxEntry)) == 1_202


# ---------------------------------------------------------------------------------------------
# The exchange format carries the uids (version 4); the bulk import writes the outbox
# ---------------------------------------------------------------------------------------------


def _all_uids(ws) -> dict[str, set[str]]:
    with ws.read() as s:
        return {
            table: set(s.scalars(select(m.Base.metadata.tables[table].c.uid)))
            for table in sync.synced_tables()
        }


def _filled(ws) -> int:
    p = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Léa", town="Lyon")
    jr = journeys.start_journey(ws, p.id, request_date=date(2026, 1, 5))
    journeys.add_session(ws, jr.id, 1, held_on=date(2026, 1, 6))
    plan.add_need(ws, jr.id, theme="training")
    pr = plan.ensure_project(ws, jr.id, target_job_label="Boulanger")
    plan.add_step(ws, pr.id, title="Stage")
    plan.add_funding(ws, pr.id, funder="OPCO", amount_requested_cents=50_000)
    return p.id


def test_export_speaks_uids_and_an_import_keeps_them_with_their_outbox(ws, tmp_path):
    from cep_desk.usecases import workspaces

    _filled(ws)
    data = X.export_json(ws)
    assert data["version"] == 4
    person = data["people"][0]
    journey = person["journeys"][0]
    assert uuid.UUID(person["uid"]).version == 7 and uuid.UUID(journey["uid"]).version == 7
    sent = _all_uids(ws)
    other, _ = workspaces.create(
        tmp_path / "autre", "Une autre phrase de passe 42 !", {"name": "B"}
    )
    try:
        with other.session() as s:  # a configured server: every entry is kept
            s.add(m.Setting(key=sync.SERVER_SETTING, value="https://cep.example.fr"))
        report = X.import_json(other, X.dumps(data))
        assert report.created == 1
        assert _all_uids(other) == sent  # the same global ids, every kind
        entries = _entries(other)
        assert {e.uid for e in entries} == set().union(*sent.values())
        assert all(e.op == "upsert" and e.base_version == 0 for e in entries)
        by_uid = {e.uid: e for e in entries}
        assert by_uid[person["uid"]].fields["town"] == "Lyon"
        assert by_uid[journey["uid"]].fields["beneficiary_uid"] == person["uid"]
        step = journey["projects"][0]["steps"][0]
        assert by_uid[step["uid"]].file_uid == person["uid"]
        # the same file again: the person is here (by its uid), skipped
        again = X.import_json(other, X.dumps(data))
        assert (again.created, again.skipped) == (0, 1)
    finally:
        other.close()


def test_older_files_still_import_and_their_records_get_new_uids(ws):
    pid = _filled(ws)
    data = X.export_json(ws)
    old = json.loads(X.dumps(data))
    old["version"] = 2
    counter = iter(range(1, 10_000))

    def old_uids(value, table="beneficiaries"):
        if isinstance(value, dict):
            if "uid" in value:
                value["uid"] = f"ancien-espace:{table}:{next(counter)}"
            if value.get("journey_uid"):
                value["journey_uid"] = None
            for k, v in value.items():
                old_uids(v, k)
        elif isinstance(value, list):
            for v in value:
                old_uids(v, table)

    old_uids(old["people"])
    X.validate(old)
    mine = _all_uids(ws)
    report = X.import_json(ws, old)
    assert report.created == 1
    after = _all_uids(ws)
    for table, uids in after.items():
        new = uids - mine[table]
        assert len(new) == len(mine[table]), table  # one more of each, with a new uid
        assert all(uuid.UUID(u).version == 7 for u in new)
    # re-importing the old file is still recognised (by the remembered old uid)
    assert X.import_json(ws, old).skipped == 1
    assert pid in {r.id for r in beneficiaries.search_beneficiaries(ws)}


def test_an_imported_uid_already_used_here_gets_a_new_one(ws):
    _filled(ws)
    data = json.loads(X.dumps(X.export_json(ws)))
    data["people"][0]["uid"] = str(uuid.UUID(int=7 << 76 | 1))  # another person…
    journey = data["people"][0]["journeys"][0]  # …whose journey has a uid used here
    used = journey["uid"]
    report = X.import_json(ws, data)
    assert report.created == 1
    with ws.read() as s:
        journeys_now = list(s.scalars(select(m.Journey.uid)))
    assert journeys_now.count(used) == 1 and len(set(journeys_now)) == 2


# ---------------------------------------------------------------------------------------------
# The guard the whole suite runs under (tests/outbox_guard.py) can fail
# ---------------------------------------------------------------------------------------------


@pytest.mark.no_outbox_guard
@pytest.mark.sqlcipher_only  # the guard's temporary triggers are SQLite's
def test_the_guard_catches_a_change_that_bypasses_the_outbox(ws):
    from tests import outbox_guard

    p = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Léa")
    outbox_guard.install()
    try:
        with pytest.raises(AssertionError, match="outbox guard"), ws.session() as s:
            # a Core UPDATE: no ORM event, no record_change
            s.execute(update(m.Beneficiary).where(m.Beneficiary.id == p.id).values(town="Nîmes"))
        with pytest.raises(AssertionError, match="town"), ws.session() as s:
            s.execute(update(m.Beneficiary).where(m.Beneficiary.id == p.id).values(town="Nîmes"))
            # an entry for the record, but not of that field: still caught
            sync.record_change(
                s.connection(),
                sync.Change("person", _row(ws, m.Beneficiary, p.id).uid, "x", 1, fields={}),
            )
        caught = len(outbox_guard.failures)
        beneficiaries.update_beneficiary(ws, p.id, town="Nîmes")  # the use case: fine
        assert len(outbox_guard.failures) == caught >= 2
    finally:
        outbox_guard.uninstall()
        outbox_guard.failures.clear()
