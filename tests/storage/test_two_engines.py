"""One schema on two engines: the Alembic history from every earlier revision, the models
against the migrations, and what PostgreSQL does differently (its search index, column types,
sequences, the erasure's clean-up). SQLCipher files in tmp_path, a real PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
import uuid6
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select, text

from cep_desk import demo
from cep_desk.storage import migrate, postgres
from cep_desk.storage import models as m
from cep_desk.storage.models import Base
from cep_desk.usecases import agenda, workspaces
from cep_desk.usecases import beneficiaries as B
from cep_desk.usecases.lifecycle import rights

from .migration_support import make_old_workspace

# Every test here runs on SQLCipher and on PostgreSQL (tests/engines.py).
pytestmark = pytest.mark.both_engines

EARLIER = migrate.all_revisions()[:-1]

_PERSON = text(
    "INSERT INTO beneficiaries (last_name, first_name, phone, email, postcode, town, "
    "department, region, status, status_detail, sector, job_title, rqth_basis, notes, "
    "current_level, has_open_journey, sort_key, created_at, updated_at) VALUES "
    "(:last, :first, :phone, '', '', :town, '', '', 'job_seeker', '', '', '', '', '', "
    "0, :open, :key, '2020-01-01 00:00:00', '2020-01-01 00:00:00')"
)


@pytest.fixture
def pg_database(engine_kind):
    """An empty PostgreSQL database (no schema) for the upgrade tests; its URL."""
    from tests import engines

    if engine_kind != "postgresql":
        pytest.skip("PostgreSQL only")
    server = engines.pg_server()
    url = server.new_database(empty=True)
    yield url
    server.drop(url)


def _old_postgres(url: str, revision: str) -> None:
    engine = postgres.make_pg_engine(url)
    try:
        migrate.upgrade(engine, revision)
        with engine.begin() as conn:
            conn.execute(
                _PERSON,
                {
                    "last": "Ancien",
                    "first": "Paul",
                    "phone": "06 11 22 33 44",
                    "town": "Nantes",
                    "open": False,
                    "key": B.sort_key("Ancien", "Paul"),
                },
            )
            if "uid" in {c["name"] for c in inspect(conn).get_columns("beneficiaries")}:
                # from 0008_sync_ids on, each record has its global id
                conn.execute(
                    text("UPDATE beneficiaries SET uid = :uid"), {"uid": str(uuid6.uuid7())}
                )
            assert migrate.current_revision(conn) == revision
    finally:
        engine.dispose()


@pytest.mark.parametrize("revision", EARLIER)
def test_every_earlier_revision_upgrades(revision, engine_kind, tmp_path, passphrase):
    """A database at each earlier revision, with a person, reaches the head: the person is
    found by the search (the index kept in step since 0001), a new one gets a fresh id."""
    if engine_kind == "postgresql":
        from tests import engines

        server = engines.pg_server()
        url = server.new_database(empty=True)
        _old_postgres(url, revision)
        ws = workspaces.create_on_postgres(url, tmp_path / "dossier")
    else:
        make_old_workspace(tmp_path / "espace", passphrase, revision)
        ws = workspaces.open_(tmp_path / "espace", passphrase)
        assert ws.migrated_from == revision
    try:
        assert ws.schema_revision == migrate.head_revision()
        found = B.search_beneficiaries(ws, B.ListFilter("nantes"))
        assert [r.last_name for r in found] == ["Ancien"]
        new = B.create_beneficiary(ws, last_name="Nouvelle", first_name="Anne")
        assert new.id == found[0].id + 1
        assert [r["last_name"] for r in B.list_all(ws)] == ["Ancien", "Nouvelle"]
        with ws.read() as s:  # 0008: the old row got a UUIDv7 and version 1; the new one too
            people = s.execute(
                select(m.Beneficiary.id, m.Beneficiary.uid, m.Beneficiary.row_version)
            ).all()
            kinds = set(
                s.scalars(select(m.OutboxEntry.kind).where(m.OutboxEntry.uid == people[1][1]))
            )
        assert [uuid.UUID(u).version for _, u, _ in people] == [7, 7]
        assert [v for _, _, v in people] == [1, 1] and kinds == {"person"}
        # 0007: the agenda works on the upgraded schema (a first appointment, no journey yet)
        row = agenda.book(
            ws, beneficiary_id=found[0].id, day=date(2030, 1, 7), start="10:00",
            duration_min=60, modality="face_to_face", level=1, today=date(2030, 1, 2),
        )  # fmt: skip
        assert [a.id for a in agenda.of_person(ws, found[0].id)] == [row.id]
    finally:
        ws.close()
        if engine_kind == "postgresql":
            server.drop(url)


def test_models_match_the_migrations_on_postgresql(pg_database):
    engine = postgres.make_pg_engine(pg_database)
    try:
        migrate.upgrade(engine)
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(ctx, Base.metadata)
    finally:
        engine.dispose()
    # The search's expression indexes are made by hand in 0001 and are not in the models.
    search_indexes = {"ix_beneficiaries_search", "ix_beneficiaries_names_trgm"}
    search_indexes.add("ix_beneficiaries_phone_digits")
    diff = [d for d in diff if not (d[0] == "remove_index" and d[1].name in search_indexes)]
    # Nor are its two stored columns (generated by PostgreSQL, never read by the ORM).
    diff = [
        d
        for d in diff
        if not (d[0] == "remove_column" and d[3].name in ("search_doc", "search_names"))
    ]
    assert diff == []


def test_postgresql_column_types(pg_database):
    """timestamptz, JSONB and the byte-wise sort key: what the models' variants declare."""
    engine = postgres.make_pg_engine(pg_database)
    try:
        migrate.upgrade(engine)
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT table_name, column_name, data_type, collation_name "
                    "FROM information_schema.columns WHERE table_schema = 'public'"
                )
            ).all()
    finally:
        engine.dispose()
    types = {(t, c): (d, coll) for t, c, d, coll in rows}
    stamps = [k for k, v in types.items() if k[1] in ("created_at", "updated_at", "at")]
    assert stamps and all(types[k][0] == "timestamp with time zone" for k in stamps)
    assert types[("settings", "value")][0] == "jsonb"
    assert types[("journeys", "reasons")][0] == "jsonb"
    assert types[("anonymised_journeys", "reasons")][0] == "jsonb"
    assert types[("outbox", "fields")][0] == "jsonb"
    assert types[("outbox", "sent_at")][0] == "timestamp with time zone"
    assert types[("appointments", "created_at")][0] == "timestamp with time zone"
    assert types[("appointments", "is_followup")][0] == "boolean"
    assert types[("beneficiaries", "sort_key")][1] == "C"
    assert types[("beneficiaries", "has_open_journey")][0] == "boolean"


def test_search_ignores_accents_and_case_and_finds_phone_digits(ws):
    lef = B.create_beneficiary(
        ws, last_name="Lefèvre", first_name="Élodie", town="Orléans", phone="06 12 34 56 78"
    )
    B.create_beneficiary(
        ws, last_name="Martin", first_name="Zoé", town="Tours", phone="07 99 00 00 00"
    )
    for typed in ("lefe", "LEFÈ", "elodie", "orleans", "lef élo", "0612", "06 12 34", "56 78"):
        rows = B.search_beneficiaries(ws, B.ListFilter(typed))
        want = [] if typed == "56 78" else [lef.id]  # digits are a prefix of the number
        assert [r.id for r in rows] == want, typed
        assert B.count_beneficiaries(ws, B.ListFilter(typed)) == len(want)
    assert B.search_beneficiaries(ws, B.ListFilter("zzz")) == []
    flt = B.ListFilter("martin", open_journey=False)
    assert [r.last_name for r in B.search_beneficiaries(ws, flt)] == ["Martin"]
    assert B.position_in_list(ws, B.ListFilter(""), lef.id) == 0


def test_a_typo_finds_the_name_on_postgresql(ws, engine_kind):
    """pg_trgm on the server (« lefebvre » finds « Lefèvre »); FTS5 on the laptop stays a
    prefix search, as before."""
    lef = B.create_beneficiary(ws, last_name="Lefèvre", first_name="Élodie")
    B.create_beneficiary(ws, last_name="Dupont", first_name="Jean")
    rows = B.search_beneficiaries(ws, B.ListFilter("lefebvre"))
    if engine_kind == "postgresql":
        assert [r.id for r in rows] == [lef.id]
        assert [r.last_name for r in B.search_beneficiaries(ws, B.ListFilter("dupond"))] == [
            "Dupont"
        ]
    else:
        assert rows == []


def test_the_list_order_is_the_same_on_both_engines(ws):
    names = ["dupont", "Dupont-Aignan", "Du Pont", "Émile", "emile", "Zoé", "Éric", "d'Arc", "Ça"]
    for i, last in enumerate(names):
        B.create_beneficiary(ws, last_name=last, first_name=f"P{i}")
    got = [r.last_name for r in B.search_beneficiaries(ws, B.ListFilter(), limit=None)]
    want = sorted(names, key=lambda n: (B.sort_key(n, f"P{names.index(n)}"), names.index(n)))
    assert got == want


def test_bulk_ids_leave_no_sequence_behind(ws):
    """The demo writes explicit ids in bulk: the next person still gets a free one."""
    demo.fill(ws, 5)
    top = max(r["id"] for r in B.list_all(ws))
    assert B.create_beneficiary(ws, last_name="Après", first_name="Lui").id == top + 1


def test_erasure_leaves_nothing_to_find(ws, engine_kind):
    p = B.create_beneficiary(
        ws, last_name="Xylophage", first_name="Zébulon", phone="06 55 00 00 00"
    )
    rights.erase(ws, p.id)
    for typed in ("xylo", "zebulon", "0655", "xylofage"):
        assert B.search_beneficiaries(ws, B.ListFilter(typed)) == []
    if engine_kind == "postgresql":  # the VACUUM of the scrub freed the dead row versions
        with ws.engine.connect() as conn:
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pgstattuple")
            dead = conn.exec_driver_sql(
                "SELECT dead_tuple_count FROM pgstattuple('beneficiaries')"
            ).scalar()
        assert dead == 0


def test_timestamps_read_back_as_utc(ws):
    p = B.create_beneficiary(
        ws, last_name="Horodaté", first_name="Léa", birth_date=date(1990, 1, 2)
    )
    got = B.get_beneficiary(ws, p.id)
    assert (
        got.created_at.utcoffset() is not None and got.created_at.utcoffset().total_seconds() == 0
    )
    assert got.birth_date == date(1990, 1, 2)


def test_check_reports_the_schema_and_counts(ws, engine_kind):
    B.create_beneficiary(ws, last_name="Compté", first_name="Un")
    report = workspaces.check(ws)
    assert report.ok and not report.damaged
    assert report.schema_version == migrate.head_revision() and report.people == 1
    assert bool(report.cipher_version) == (engine_kind == "sqlcipher")


def test_an_exchange_file_travels_between_the_engines(ws, engine_kind, tmp_path, passphrase):
    """The demo's people (with appointments and uids) exported from one engine import into the
    other with the same uids; after the bulk insert a new person still gets a free id."""
    from cep_desk.usecases.lifecycle import exchange as X
    from tests import engines
    from tests.conftest import COUNSELLOR

    demo.fill(ws, 8, today=date(2026, 12, 3))
    data = X.export_json(ws)
    if engine_kind == "postgresql":  # PostgreSQL → SQLCipher
        other, _ = workspaces.create(tmp_path / "autre", passphrase, dict(COUNSELLOR))
    else:  # SQLCipher → PostgreSQL
        if not engines.pg_available():
            pytest.skip(engines.pg_missing_reason())
        other = engines.pg_workspace(tmp_path / "autre", dict(COUNSELLOR))
    try:
        got = X.import_json(other, data)
        assert got.created == 8 and got.skipped == 0
        uids = []
        for side in (ws, other):
            with side.read() as s:
                people = set(s.scalars(select(m.Beneficiary.uid)))
                uids.append((people, set(s.scalars(select(m.Appointment.uid)))))
        assert uids[0] == uids[1] and uids[0][1]
        top = max(got.people_ids)
        assert B.create_beneficiary(other, last_name="Après", first_name="Lui").id == top + 1
        assert X.import_json(other, data).skipped == 8  # the same file again: nothing twice
    finally:
        other.close()
        if engine_kind != "postgresql":
            engines.pg_server().drop(other.test_database_url)
