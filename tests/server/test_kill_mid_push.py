"""The server process killed in the middle of a push, then restarted: nothing half-applied."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import httpx
import psycopg
import pytest

from cep_server.devdb import DevPostgres
from tests.server.support import Env, op

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(env: Env, port: int) -> subprocess.Popen[bytes]:
    e = dict(
        os.environ,
        CEP_SERVER_DATABASE_URL=env.api_dsn,
        CEP_SERVER_ISSUER=env.idp.issuer,
        CEP_SERVER_AUDIENCE=env.idp.audience,
        CEP_SERVER_JWKS_FILE=env.settings.jwks_file,
        CEP_SERVER_MAX_BATCH_OPS="5000",
        CEP_SERVER_MAX_BODY_BYTES="5000000",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "cep_server", "serve", "--port", str(port)],
        env=e,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(200):
        try:
            httpx.get(f"http://127.0.0.1:{port}/docs", timeout=0.5)
            return proc
        except httpx.TransportError:
            time.sleep(0.05)
    proc.kill()
    raise AssertionError("server did not start")


def test_killed_mid_push_then_retried(pg: DevPostgres, tmp_path: Path) -> None:
    env = Env(pg, tmp_path)
    token = env.idp.token("alice")
    headers = {"Authorization": f"Bearer {token}"}
    device = env.client.post("/devices", json={"name": "l"}, headers=headers).json()["device_id"]
    f = str(uuid.uuid4())
    batch = [op(f, str(uuid.uuid4()), {"n": i, "pad": "x" * 50}) for i in range(3000)]
    body = {"device_id": device, "ops": batch}
    port = free_port()
    url = f"http://127.0.0.1:{port}/sync/push"
    proc = start_server(env, port)
    outcome: list[object] = []

    def send() -> None:
        try:
            outcome.append(httpx.post(url, json=body, headers=headers, timeout=60).status_code)
        except httpx.TransportError as exc:
            outcome.append(exc)

    t = threading.Thread(target=send)
    t.start()
    # kill once the batch's transaction is open on the server
    with psycopg.connect(env.admin_dsn, autocommit=True) as admin:
        for _ in range(400):
            row = admin.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = 'cep_api'"
                " AND state IN ('active', 'idle in transaction')"
            ).fetchone()
            if row and row[0]:
                break
            time.sleep(0.005)
        time.sleep(0.2)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        t.join()
        assert isinstance(outcome[0], Exception), "the push finished before the kill"
        time.sleep(0.5)  # PostgreSQL notices the dead client and rolls back
        n = admin.execute("SELECT count(*) FROM sync_records").fetchone()
        assert n == (0,)  # nothing half-applied
        proc = start_server(env, port)
        try:
            r = httpx.post(url, json=body, headers=headers, timeout=60)
            assert r.status_code == 200
            assert {x["status"] for x in r.json()["results"]} == {"applied"}
            r = httpx.post(url, json=body, headers=headers, timeout=60)
            assert {x["status"] for x in r.json()["results"]} == {"duplicate"}
        finally:
            proc.kill()
            proc.wait()
        assert admin.execute("SELECT count(*) FROM sync_records").fetchone() == (3000,)
