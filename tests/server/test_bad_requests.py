"""Malformed, oversized, forged, expired and revoked requests are refused with no change."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import psycopg
import pytest

from cep_server.devdb import DevPostgres
from cep_server.idp import TestIdentityProvider
from tests.server.support import Env, op


def records(env: Env) -> int:
    with psycopg.connect(env.admin_dsn) as conn:
        row = conn.execute("SELECT count(*) FROM sync_records").fetchone()
        assert row is not None
        return int(row[0])


def push_raw(env: Env, headers: dict[str, str], **kw: object) -> int:
    return env.client.post("/sync/push", headers=headers, **kw).status_code  # type: ignore[arg-type]


@pytest.fixture
def small(pg: DevPostgres, tmp_path: Path) -> Env:
    return Env(pg, tmp_path, max_body_bytes=20_000, max_batch_ops=10)


def test_malformed_and_oversized(small: Env) -> None:
    a = small.laptop("alice")
    f = str(uuid.uuid4())
    good = op(f, str(uuid.uuid4()), {"x": 1})
    assert push_raw(small, a.headers, content=b"{not json") == 422
    bad = dict(good, op="merge")
    assert push_raw(small, a.headers, json={"device_id": a.device_id, "ops": [bad]}) == 422
    extra = dict(good, sneaky=1)
    assert push_raw(small, a.headers, json={"device_id": a.device_id, "ops": [extra]}) == 422
    big = op(f, str(uuid.uuid4()), {"note": "x" * 30_000})
    assert push_raw(small, a.headers, json={"device_id": a.device_id, "ops": [big]}) == 413
    many = [op(f, str(uuid.uuid4()), {"x": i}) for i in range(11)]
    assert push_raw(small, a.headers, json={"device_id": a.device_id, "ops": many}) == 413
    assert records(small) == 0


def test_expired_forged_and_wrong_audience_tokens(env: Env) -> None:
    a = env.laptop("alice")
    body = {"device_id": a.device_id, "ops": [op(str(uuid.uuid4()), str(uuid.uuid4()), {"x": 1})]}
    dev = {"X-Device-Id": a.device_id}
    expired = env.idp.token("alice", exp=int(time.time()) - 3600)
    forger = TestIdentityProvider(env.idp.issuer, env.idp.audience)  # same kid, other key
    bad_aud = env.idp.token("alice", aud="other")
    bad_iss = env.idp.token("alice", iss="https://evil.test")
    for token in (expired, forger.token("alice"), bad_aud, bad_iss, "garbage"):
        assert push_raw(env, {"Authorization": f"Bearer {token}", **dev}, json=body) == 401
    assert push_raw(env, dev, json=body) == 401
    unknown = env.idp.token("mallory")
    assert push_raw(env, {"Authorization": f"Bearer {unknown}", **dev}, json=body) == 403
    assert records(env) == 0


def test_revoked_device_refused(env: Env) -> None:
    a = env.laptop("alice")
    r = env.client.post(f"/devices/{a.device_id}/revoke", headers=a.headers)
    assert r.status_code == 200
    assert a.push([op(str(uuid.uuid4()), str(uuid.uuid4()), {"x": 1})]).status_code == 403
    r = env.client.get("/sync/pull?since=0", headers=a.headers)
    assert r.status_code == 403
    assert records(env) == 0
