"""The HTTP API (FastAPI): /sync/push, /sync/pull, /transfer, /stats, /devices, /backups."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime
from typing import Any, Literal

import psycopg
from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from psycopg.types.json import Jsonb
from pydantic import BaseModel, ConfigDict, Field
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cep_server.auth import TokenError, Verifier
from cep_server.db import claims_tx, connect
from cep_server.settings import Settings

PUSH_LOCK = 7_140_001  # advisory lock: writers in sequence order, so a pull never skips a seq


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Op(Strict):
    op_id: uuid.UUID
    kind: str = Field(min_length=1, max_length=64)
    uid: uuid.UUID
    file_uid: uuid.UUID
    base_version: int = Field(ge=0)
    op: Literal["upsert", "tombstone", "erase"]
    fields: dict[str, Any] = Field(default_factory=dict)
    site: str = Field(default="", max_length=200)


class PushBody(Strict):
    device_id: uuid.UUID
    ops: list[Op]


class TransferBody(Strict):
    file_uid: uuid.UUID
    to_counsellor: str | None = None
    to_team: str | None = None
    site: str | None = None


class DeviceBody(Strict):
    name: str = Field(min_length=1, max_length=200)


class BodyLimit:
    """Refuses (413) a request body over the cap, counted while it streams."""

    def __init__(self, app: ASGIApp, default_cap: int, backup_cap: int) -> None:
        self.app, self.default_cap, self.backup_cap = app, default_cap, backup_cap

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cap = self.backup_cap if scope["path"].startswith("/backups/") else self.default_cap
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > cap:
                await JSONResponse({"error": "body too large"}, status_code=413)(
                    scope, receive, send
                )
                return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            msg = await receive()
            seen += len(msg.get("body", b""))
            if seen > cap:
                raise HTTPException(413, "body too large")
            return msg

        await self.app(scope, limited, send)


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(title="cep-server")
    verifier = Verifier(settings)
    local = threading.local()

    def conn() -> psycopg.Connection[Any]:
        c = getattr(local, "conn", None)
        if c is None or c.closed:
            c = local.conn = connect(settings.database_url)
        return c

    def subject(authorization: str = Header(default="")) -> str:
        if not authorization.startswith("Bearer "):
            raise HTTPException(401, "missing bearer token")
        try:
            claims = verifier.verify(authorization.removeprefix("Bearer "))
        except TokenError as exc:
            raise HTTPException(401, "invalid token") from exc
        return str(claims["sub"])

    def check_device(c: psycopg.Connection[Any], device_id: uuid.UUID) -> None:
        row = c.execute(
            "SELECT revoked_at FROM devices WHERE device_id = %s", (device_id,)
        ).fetchone()
        if row is None or row["revoked_at"] is not None:
            raise HTTPException(403, "device not enrolled or revoked")

    @app.post("/devices")
    def enrol(body: DeviceBody, sub: str = Depends(subject)) -> dict[str, Any]:
        c = conn()
        device_id = uuid.uuid4()
        with claims_tx(c, sub):
            c.execute(
                "INSERT INTO devices (device_id, sub, name) VALUES (%s, %s, %s)",
                (device_id, sub, body.name),
            )
            audit(c, sub, "enrol", None, {"device": str(device_id)})
        return {"device_id": str(device_id)}

    @app.post("/devices/{device_id}/revoke")
    def revoke(device_id: uuid.UUID, sub: str = Depends(subject)) -> dict[str, Any]:
        c = conn()
        with claims_tx(c, sub):
            row = c.execute("SELECT revoke_device(%s) AS ok", (device_id,)).fetchone()
            if not row or not row["ok"]:
                raise HTTPException(404, "no such device")
            audit(c, sub, "revoke", None, {"device": str(device_id)})
        return {"revoked": str(device_id)}

    @app.post("/sync/push")
    def push(body: PushBody, sub: str = Depends(subject)) -> dict[str, Any]:
        if len(body.ops) > settings.max_batch_ops:
            raise HTTPException(413, "too many operations in one batch")
        c = conn()
        with claims_tx(c, sub) as who:
            check_device(c, body.device_id)
            c.execute("SELECT pg_advisory_xact_lock(%s)", (PUSH_LOCK,))
            results = [apply_op(c, who, body.device_id, op) for op in body.ops]
            audit(c, sub, "push", None, {"ops": len(body.ops)})
        return {"results": results}

    @app.get("/sync/pull")
    def pull(
        since: int = 0,
        limit: int = 1000,
        x_device_id: uuid.UUID = Header(),
        sub: str = Depends(subject),
    ) -> dict[str, Any]:
        if since < 0 or not 1 <= limit <= settings.max_pull_limit:
            raise HTTPException(422, "bad since or limit")
        c = conn()
        with claims_tx(c, sub):
            check_device(c, x_device_id)
            # shared with the writers' exclusive lock: no sequence number is still uncommitted
            c.execute("SELECT pg_advisory_xact_lock_shared(%s)", (PUSH_LOCK,))
            rows = c.execute(
                "SELECT seq, kind, uid, file_uid, version, last_op, fields, deleted, erased "
                "FROM sync_records WHERE seq > %s ORDER BY seq LIMIT %s",
                (since, limit),
            ).fetchall()
            if len(rows) == limit:
                upper = rows[-1]["seq"]
            else:
                last = c.execute("SELECT last_value FROM sync_seq").fetchone()
                upper = last["last_value"] if last else since
            left = c.execute(
                "SELECT DISTINCT t.file_uid FROM transfers t WHERE t.from_sub = %s "
                "AND t.seq > %s AND t.seq <= %s AND NOT EXISTS (SELECT 1 FROM files f "
                "WHERE f.file_uid = t.file_uid)",
                (sub, since, upper),
            ).fetchall()
        changes = [
            {
                "seq": r["seq"],
                "kind": r["kind"],
                "uid": str(r["uid"]),
                "file_uid": str(r["file_uid"]),
                "version": r["version"],
                "op": r["last_op"],
                "fields": r["fields"],
            }
            for r in rows
        ]
        return {"changes": changes, "left": [str(r["file_uid"]) for r in left], "next": upper}

    @app.post("/transfer")
    def transfer(body: TransferBody, sub: str = Depends(subject)) -> dict[str, Any]:
        if (body.to_counsellor is None) == (body.to_team is None):
            raise HTTPException(422, "give exactly one of to_counsellor, to_team")
        c = conn()
        with claims_tx(c, sub):
            c.execute("SELECT pg_advisory_xact_lock(%s)", (PUSH_LOCK,))
            row = c.execute(
                "SELECT transfer_file(%s, %s, %s, %s) AS r",
                (body.file_uid, body.to_counsellor, body.to_team, body.site),
            ).fetchone()
            outcome = row["r"] if row else "not_found"
        if outcome != "ok":
            raise HTTPException(404 if outcome == "not_found" else 403, outcome)
        return {"transferred": str(body.file_uid)}

    @app.get("/stats")
    def stats(sub: str = Depends(subject)) -> dict[str, Any]:
        c = conn()
        with claims_tx(c, sub) as who:
            if who["role"] != "team_lead":
                raise HTTPException(403, "team leads only")
            rows = c.execute("SELECT kind, n FROM team_counts()").fetchall()
        return {"team": who["team"], "counts": {r["kind"]: r["n"] for r in rows}, "k": 5}

    @app.put("/backups/{name}")
    async def put_backup(name: str, request: Request, sub: str = Depends(subject)) -> Any:
        if not name.replace("-", "").replace("_", "").replace(".", "").isalnum():
            raise HTTPException(422, "bad name")
        chunks = []
        async for chunk in request.stream():  # never opened: bytes in, bytes out
            chunks.append(chunk)
        data = b"".join(chunks)
        c = conn()
        with claims_tx(c, sub):
            c.execute(
                "INSERT INTO backups (sub, name, data, size) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (sub, name) DO UPDATE SET data = EXCLUDED.data, "
                "size = EXCLUDED.size, at = now()",
                (sub, name, data, len(data)),
            )
            audit(c, sub, "backup_put", None, {"name": name, "size": len(data)})
        return {"name": name, "size": len(data)}

    @app.get("/backups/{name}")
    def get_backup(name: str, sub: str = Depends(subject)) -> Response:
        c = conn()
        with claims_tx(c, sub):
            row = c.execute(
                "SELECT data FROM backups WHERE sub = %s AND name = %s", (sub, name)
            ).fetchone()
        if row is None:
            raise HTTPException(404, "no such backup")
        return Response(bytes(row["data"]), media_type="application/octet-stream")

    @app.exception_handler(PermissionError)
    def unknown_subject(_request: Request, _exc: PermissionError) -> JSONResponse:
        return JSONResponse({"detail": "unknown subject"}, status_code=403)

    return BodyLimit(app, settings.max_body_bytes, settings.max_backup_bytes)  # type: ignore[return-value]


def audit(
    c: psycopg.Connection[Any], sub: str, action: str, file_uid: Any, detail: dict[str, Any]
) -> None:
    c.execute(
        "INSERT INTO server_audit (sub, action, file_uid, detail) VALUES (%s, %s, %s, %s)",
        (sub, action, file_uid, Jsonb(detail)),
    )


def apply_op(
    c: psycopg.Connection[Any], who: dict[str, str], device_id: uuid.UUID, op: Op
) -> dict[str, Any]:
    sub = who["sub"]
    prior = c.execute("SELECT result FROM applied_ops WHERE op_id = %s", (op.op_id,)).fetchone()
    if prior is not None:
        return {**prior["result"], "status": "duplicate"}
    try:
        with c.transaction():  # a savepoint: a refused op leaves the batch intact
            result = merge(c, sub, op)
            c.execute(
                "INSERT INTO applied_ops (op_id, sub, device_id, result) VALUES (%s, %s, %s, %s)",
                (op.op_id, sub, device_id, Jsonb(result)),
            )
    except psycopg.errors.UniqueViolation:  # uid or op_id of another counsellor's file
        result = {"op_id": str(op.op_id), "status": "refused", "version": None, "conflicts": []}
    return result


def merge(c: psycopg.Connection[Any], sub: str, op: Op) -> dict[str, Any]:
    base: dict[str, Any] = {"op_id": str(op.op_id), "version": None, "conflicts": []}
    owned = c.execute("SELECT claim_file(%s, %s) AS ok", (op.file_uid, op.site)).fetchone()
    if not owned or not owned["ok"]:
        return {**base, "status": "refused", "reason": "not_owner"}
    now = datetime.now(UTC).isoformat()
    if op.op == "erase":  # wins over everything: no content kept, tombstones only
        c.execute(
            "UPDATE sync_records SET fields = '{}', field_versions = '{}', field_changes = '{}', "
            "deleted = true, erased = true, last_op = 'erase', version = version + 1, "
            "seq = nextval('sync_seq') WHERE file_uid = %s",
            (op.file_uid,),
        )
        c.execute(
            "INSERT INTO sync_records (uid, kind, file_uid, version, deleted, erased, last_op) "
            "VALUES (%s, %s, %s, 1, true, true, 'erase') ON CONFLICT (uid) DO NOTHING",
            (op.uid, op.kind, op.file_uid),
        )
        c.execute("DELETE FROM conflicts WHERE file_uid = %s", (op.file_uid,))
        c.execute("UPDATE files SET erased_at = now() WHERE file_uid = %s", (op.file_uid,))
        row = c.execute("SELECT version FROM sync_records WHERE uid = %s", (op.uid,)).fetchone()
        return {**base, "status": "applied", "version": row["version"] if row else 1}
    rec = c.execute("SELECT * FROM sync_records WHERE uid = %s FOR UPDATE", (op.uid,)).fetchone()
    if rec is not None and (rec["file_uid"] != op.file_uid or rec["kind"] != op.kind):
        return {**base, "status": "refused", "reason": "wrong_file"}
    if rec is not None and rec["erased"]:
        return {**base, "status": "refused", "reason": "erased", "version": rec["version"]}
    if rec is None:
        fields = dict(op.fields)
        c.execute(
            "INSERT INTO sync_records (uid, kind, file_uid, version, fields, field_versions, "
            "field_changes, deleted, last_op) VALUES (%s, %s, %s, 1, %s, %s, %s, %s, %s)",
            (
                op.uid,
                op.kind,
                op.file_uid,
                Jsonb(fields),
                Jsonb(dict.fromkeys(fields, 1)),
                Jsonb({f: {"by": sub, "at": now} for f in fields}),
                op.op == "tombstone",
                op.op,
            ),
        )
        return {**base, "status": "applied", "version": 1}
    fields, versions, changes = rec["fields"], rec["field_versions"], rec["field_changes"]
    new_version = rec["version"] + 1
    changed = False
    conflicts = []
    for name, value in op.fields.items():
        if fields.get(name) == value:
            continue
        if versions.get(name, 0) > op.base_version:  # changed on the server since: keep it
            who_when = changes.get(name, {})
            conflict = {
                "field": name,
                "server_value": fields.get(name),
                "server_changed_by": who_when.get("by"),
                "server_changed_at": who_when.get("at"),
            }
            conflicts.append(conflict)
            c.execute(
                "INSERT INTO conflicts (op_id, sub, uid, file_uid, field, op_value, server_value,"
                " server_changed_by, server_changed_at) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                (
                    op.op_id,
                    sub,
                    op.uid,
                    op.file_uid,
                    name,
                    Jsonb(value),
                    Jsonb(fields.get(name)),
                    who_when.get("by"),
                    who_when.get("at"),
                ),
            )
            continue
        fields[name], versions[name] = value, new_version
        changes[name] = {"by": sub, "at": now}
        changed = True
    deleted = rec["deleted"]
    if op.op == "tombstone" and not deleted:
        deleted, changed = True, True
    elif op.op == "upsert" and deleted and op.fields:
        deleted, changed = False, True
    version = rec["version"]
    if changed:
        version = new_version
        c.execute(
            "UPDATE sync_records SET fields = %s, field_versions = %s, field_changes = %s, "
            "deleted = %s, last_op = %s, version = %s, seq = nextval('sync_seq') WHERE uid = %s",
            (Jsonb(fields), Jsonb(versions), Jsonb(changes), deleted, op.op, version, op.uid),
        )
    status = "conflict" if conflicts else "applied"
    return {**base, "status": status, "version": version, "conflicts": conflicts}
