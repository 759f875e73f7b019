"""Load on loopback: N simulated counsellors pushing and pulling against one cep-server.

Prints one JSON line: ops/s, p95 push latency, server RSS (kB). Run:
    .venv/bin/python -m benchmarks.bench_server [counsellors] [batches] [ops_per_batch]
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx
import psycopg

from cep_server.db import migrate
from cep_server.devdb import start_dev_postgres
from cep_server.idp import TestIdentityProvider


def main() -> None:
    n, batches, per = (int(a) for a in (sys.argv[1:] + ["20", "30", "10"][len(sys.argv) - 1 :]))
    pg = start_dev_postgres()
    proc = None
    try:
        pg.create_db("bench")
        password = secrets.token_urlsafe(12)
        migrate(pg.dsn(db="bench"), password)
        with psycopg.connect(pg.dsn(db="bench")) as conn:
            conn.execute("INSERT INTO teams VALUES ('t1', 'bench')")
            for i in range(n):
                conn.execute(
                    "INSERT INTO counsellors VALUES (%s, 't1', 'counsellor', '')", (f"c{i}",)
                )
        idp = TestIdentityProvider("https://idp.bench", "cep-server")
        jwks = idp.write_jwks(Path(tempfile.mkdtemp()) / "jwks.json")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = dict(
            os.environ,
            CEP_SERVER_DATABASE_URL=pg.dsn(user="cep_api", db="bench", password=password),
            CEP_SERVER_ISSUER=idp.issuer,
            CEP_SERVER_AUDIENCE=idp.audience,
            CEP_SERVER_JWKS_FILE=str(jwks),
        )
        proc = subprocess.Popen(
            [sys.executable, "-m", "cep_server", "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                httpx.get(base + "/docs", timeout=0.5)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        latencies: list[float] = []
        lock = threading.Lock()

        def counsellor(i: int) -> None:
            with httpx.Client(base_url=base, timeout=60) as c:
                h = {"Authorization": f"Bearer {idp.token(f'c{i}')}"}
                dev = c.post("/devices", json={"name": "b"}, headers=h).json()["device_id"]
                h["X-Device-Id"] = dev
                files = [str(uuid.uuid4()) for _ in range(5)]
                since = 0
                for b in range(batches):
                    ops = [
                        {
                            "op_id": str(uuid.uuid4()),
                            "kind": "session",
                            "uid": str(uuid.uuid4()),
                            "file_uid": files[k % 5],
                            "base_version": 0,
                            "op": "upsert",
                            "fields": {"note": f"{b}-{k}", "minutes": 45},
                        }
                        for k in range(per)
                    ]
                    t0 = time.perf_counter()
                    r = c.post("/sync/push", json={"device_id": dev, "ops": ops}, headers=h)
                    dt = time.perf_counter() - t0
                    assert r.status_code == 200, r.text
                    with lock:
                        latencies.append(dt)
                    since = c.get(f"/sync/pull?since={since}&limit=1000", headers=h).json()["next"]

        t0 = time.perf_counter()
        threads = [threading.Thread(target=counsellor, args=(i,)) for i in range(n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        latencies.sort()
        rss = int(Path(f"/proc/{proc.pid}/status").read_text().split("VmRSS:")[1].split()[0])
        print(
            json.dumps(
                {
                    "counsellors": n,
                    "ops": n * batches * per,
                    "wall_s": round(wall, 2),
                    "ops_per_s": round(n * batches * per / wall),
                    "p95_push_ms": round(latencies[int(0.95 * len(latencies))] * 1000, 1),
                    "server_rss_kb": rss,
                    "loadavg": os.getloadavg()[0],
                }
            )
        )
    finally:
        if proc is not None:
            proc.kill()
            proc.wait()
        pg.stop()


if __name__ == "__main__":
    main()
