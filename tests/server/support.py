"""A real PostgreSQL for the server tests (one per session, one database per test), a test
identity provider and plain Python laptops speaking the contract. Loaded by conftest.py only
when the server extra is installed."""

from __future__ import annotations

import itertools
import secrets
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from cep_server.app import create_app
from cep_server.db import migrate, seed_demo
from cep_server.devdb import DevPostgres, pg_bindir, start_dev_postgres
from cep_server.idp import TestIdentityProvider
from cep_server.settings import Settings

_count = itertools.count()


@pytest.fixture(scope="session")
def pg() -> Iterator[DevPostgres]:
    if pg_bindir() is None:
        pytest.skip(
            "PostgreSQL >= 15 binaries absent (/usr/lib/postgresql/*/bin): apt install postgresql"
        )
    server = start_dev_postgres()
    yield server
    server.stop()


class Laptop:
    """A plain Python client speaking docs/sync-protocol.md."""

    def __init__(self, client: TestClient, token: str) -> None:
        self.client, self.token, self.since = client, token, 0
        self.headers = {"Authorization": f"Bearer {token}"}
        r = client.post("/devices", json={"name": "laptop"}, headers=self.headers)
        assert r.status_code == 200, r.text
        self.device_id = r.json()["device_id"]
        self.headers["X-Device-Id"] = self.device_id

    def push(self, ops: list[dict[str, Any]]) -> Any:
        return self.client.post(
            "/sync/push", json={"device_id": self.device_id, "ops": ops}, headers=self.headers
        )

    def pull(self) -> dict[str, Any]:
        r = self.client.get(f"/sync/pull?since={self.since}&limit=1000", headers=self.headers)
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        self.since = body["next"]
        return body


def op(
    file_uid: str,
    uid: str,
    fields: dict[str, Any],
    base: int = 0,
    kind: str = "beneficiary",
    verb: str = "upsert",
) -> dict[str, Any]:
    return {
        "op_id": str(uuid.uuid4()),
        "kind": kind,
        "uid": uid,
        "file_uid": file_uid,
        "base_version": base,
        "op": verb,
        "fields": fields,
    }


class Env:
    def __init__(self, pg: DevPostgres, tmp: Path, **overrides: Any) -> None:
        self.db = f"t{next(_count)}_{secrets.token_hex(3)}"
        pg.create_db(self.db)
        self.admin_dsn = pg.dsn(db=self.db)
        self.password = secrets.token_urlsafe(12)
        migrate(self.admin_dsn, self.password)
        seed_demo(self.admin_dsn)
        self.api_dsn = pg.dsn(user="cep_api", db=self.db, password=self.password)
        self.idp = TestIdentityProvider("https://idp.test/realm", "cep-server")
        self.settings = Settings(
            database_url=self.api_dsn,
            issuer=self.idp.issuer,
            audience=self.idp.audience,
            jwks_file=str(self.idp.write_jwks(tmp / "jwks.json")),
            **overrides,
        )
        self.client = TestClient(create_app(self.settings))

    def laptop(self, sub: str) -> Laptop:
        return Laptop(self.client, self.idp.token(sub))


@pytest.fixture
def env(pg: DevPostgres, tmp_path: Path) -> Env:
    return Env(pg, tmp_path)
