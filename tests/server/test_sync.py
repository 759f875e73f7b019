"""The sync contract against a real PostgreSQL: push, pull, merge, replay, transfer, RLS."""

from __future__ import annotations

import uuid

import psycopg

from cep_server.db import TABLES, migrate
from tests.server.support import Env, op


def new() -> str:
    return str(uuid.uuid4())


def count(env: Env, sql: str) -> int:
    with psycopg.connect(env.admin_dsn) as conn:
        row = conn.execute(sql).fetchone()
        assert row is not None
        return int(row[0])


def test_round_trip_two_laptops_same_owner(env: Env) -> None:
    a1, a2 = env.laptop("alice"), env.laptop("alice")
    f, r = new(), new()
    res = a1.push([op(f, r, {"last_name": "Lefèvre", "city": "Lyon"})]).json()["results"]
    assert res[0]["status"] == "applied" and res[0]["version"] == 1
    body = a2.pull()
    assert [c["fields"] for c in body["changes"]] == [{"last_name": "Lefèvre", "city": "Lyon"}]
    assert a2.pull()["changes"] == []  # by sequence: nothing twice


def test_replayed_batch_applies_nothing_twice(env: Env) -> None:
    a = env.laptop("alice")
    f, r = new(), new()
    batch = [op(f, r, {"n": 1}), op(f, new(), {"n": 2})]
    first = a.push(batch).json()["results"]
    before = count(env, "SELECT last_value FROM sync_seq")
    again = a.push(batch).json()["results"]  # the answer was lost: the laptop retries
    assert [x["status"] for x in again] == ["duplicate", "duplicate"]
    assert [x["version"] for x in again] == [x["version"] for x in first]
    assert count(env, "SELECT last_value FROM sync_seq") == before
    assert count(env, "SELECT count(*) FROM sync_records") == 2


def test_same_field_conflict_keeps_both_values(env: Env) -> None:
    a1, a2 = env.laptop("alice"), env.laptop("alice")
    f, r = new(), new()
    a1.push([op(f, r, {"city": "Lyon", "phone": "1"})])
    a2.pull()
    a1.push([op(f, r, {"city": "Vienne"}, base=1)])
    res = a2.push([op(f, r, {"city": "Givors", "phone": "2"}, base=1)]).json()["results"][0]
    assert res["status"] == "conflict"
    assert res["conflicts"] == [
        {
            "field": "city",
            "server_value": "Vienne",
            "server_changed_by": "alice",
            "server_changed_at": res["conflicts"][0]["server_changed_at"],
        }
    ]
    fields = a1.pull()["changes"][-1]["fields"]
    assert fields == {"city": "Vienne", "phone": "2"}  # other field merged
    assert count(env, "SELECT count(*) FROM conflicts WHERE op_value = '\"Givors\"'") == 1


def test_refused_when_file_is_not_callers(env: Env) -> None:
    a, b = env.laptop("alice"), env.laptop("bruno")
    f, r = new(), new()
    a.push([op(f, r, {"city": "Lyon"})])
    res = b.push([op(f, r, {"city": "Paris"}), op(new(), new(), {"x": 1})]).json()["results"]
    assert [x["status"] for x in res] == ["refused", "applied"]
    assert b.pull()["changes"][0]["fields"] == {"x": 1}
    assert count(env, "SELECT count(*) FROM sync_records WHERE fields->>'city' = 'Lyon'") == 1


def test_erase_wins_and_keeps_no_content(env: Env) -> None:
    a = env.laptop("alice")
    f, r, s = new(), new(), new()
    a.push([op(f, r, {"name": "X"}), op(f, s, {"note": "secret"}, kind="session")])
    a.push([op(f, r, {}, verb="erase", base=1)])
    res = a.push([op(f, s, {"note": "again"}, base=1, kind="session")]).json()["results"][0]
    assert res["status"] == "refused"
    assert count(env, "SELECT count(*) FROM sync_records WHERE fields <> '{}'") == 0
    assert count(env, "SELECT count(*) FROM sync_records WHERE erased") == 2


def test_transfer_new_owner_pulls_old_owner_told_left(env: Env) -> None:
    a, b = env.laptop("alice"), env.laptop("bruno")
    f, r = new(), new()
    a.push([op(f, r, {"name": "X"})])
    a.pull()
    b.pull()
    t = env.client.post(
        "/transfer", json={"file_uid": f, "to_counsellor": "bruno"}, headers=b.headers
    )
    assert t.status_code == 403  # not the owner
    t = env.client.post(
        "/transfer",
        json={"file_uid": f, "to_counsellor": "bruno", "site": "Vienne"},
        headers=a.headers,
    )
    assert t.status_code == 200, t.text
    assert a.pull()["left"] == [f]
    got = b.pull()
    assert [c["uid"] for c in got["changes"]] == [r] and got["left"] == []
    assert count(env, "SELECT count(*) FROM server_audit WHERE action = 'transfer'") == 1
    # a team lead can move it on to the team queue
    lead = env.idp.token("chloe")
    t = env.client.post(
        "/transfer",
        json={"file_uid": f, "to_team": "t1"},
        headers={"Authorization": f"Bearer {lead}"},
    )
    assert t.status_code == 200, t.text
    assert b.pull()["left"] == [f]


def test_rls_in_sql_as_each_role(env: Env) -> None:
    a = env.laptop("alice")
    for _ in range(6):
        a.push([op(new(), new(), {"name": "X"})])
    with psycopg.connect(env.api_dsn) as conn:
        for sub, team, role, expected in [
            ("alice", "t1", "counsellor", 6),
            ("bruno", "t1", "counsellor", 0),
            ("chloe", "t1", "team_lead", 0),
        ]:
            with conn.transaction():
                conn.execute(
                    "SELECT set_config('app.sub', %s, true), set_config('app.team', %s,"
                    " true), set_config('app.role', %s, true)",
                    (sub, team, role),
                )
                for table in ("sync_records", "files"):
                    n = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
                    assert n is not None and n[0] == expected, (sub, table)
                if role == "team_lead":
                    counts = dict(conn.execute("SELECT kind, n FROM team_counts()").fetchall())
                    assert counts == {"files": 6, "beneficiary": 6}
        # the API role owns nothing and cannot rewrite the audit
        owned = conn.execute("SELECT count(*) FROM pg_tables WHERE tableowner = 'cep_api'")
        assert owned.fetchone() == (0,)
        try:
            conn.execute("DELETE FROM server_audit")
            raise AssertionError("audit deletable")
        except psycopg.errors.InsufficientPrivilege:
            conn.rollback()


def test_stats_suppresses_small_cells(env: Env) -> None:
    a = env.laptop("alice")
    a.push([op(new(), new(), {"name": "X"}) for _ in range(2)])
    lead = {"Authorization": f"Bearer {env.idp.token('chloe')}"}
    body = env.client.get("/stats", headers=lead).json()
    assert body["counts"] == {"files": None, "beneficiary": None}
    assert env.client.get("/stats", headers=a.headers).status_code == 403


def test_backup_round_trip_opaque(env: Env) -> None:
    a = env.laptop("alice")
    blob = bytes(range(256)) * 1000
    assert env.client.put("/backups/w.cepbak", content=blob, headers=a.headers).status_code == 200
    assert env.client.get("/backups/w.cepbak", headers=a.headers).content == blob
    b = env.laptop("bruno")
    assert env.client.get("/backups/w.cepbak", headers=b.headers).status_code == 404


def test_migrate_is_idempotent_and_versioned(env: Env) -> None:
    migrate(env.admin_dsn, env.password)  # a second run: no error, nothing doubled
    with psycopg.connect(env.admin_dsn) as conn:
        assert conn.execute("SELECT version_num FROM cep_server_alembic_version").fetchall() == [
            ("s0001_server_schema",)
        ]
        forced = conn.execute(
            "SELECT count(*) FROM pg_class WHERE relkind = 'r' AND relforcerowsecurity "
            "AND relname = ANY(%s)",
            (TABLES,),
        ).fetchone()
        assert forced == (len(TABLES),)
