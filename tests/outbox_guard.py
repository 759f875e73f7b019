"""A guard, armed over the whole test suite (tests/conftest.py), that fails a test when a synced
record changes in the database without its outbox entry (issue 13, item 3).

It watches the SQL, not the ORM: temporary triggers on every synced table (per connection, in
SQLite's ``temp`` schema, so the workspace file never holds them) log each INSERT, DELETE and
each UPDATE of a synced column into a temporary table; when a session commits, every logged row
must have its entry in ``outbox``, written in that same transaction:

- an insert: a pending ``upsert`` of the record whose fields are the record's values now;
- an update: ``row_version`` bumped, and a pending ``upsert`` holding each changed column with
  its value now (links by uid);
- a delete: a ``tombstone`` of the record, or the ``erase`` of a person deleted in the same
  transaction (the erasure's cascade).

Core statements (bulk import, erasure, demo) are seen exactly like the ORM's, so no use case
can slip past it: every use case the suite runs is walked. A failure is raised at commit (the
transaction is then rolled back) and also remembered, so that a use case catching exceptions
broadly cannot hide it: the fixture fails the test at teardown.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import Session

from cep_desk.storage import sync

LOG = "_outbox_guard_log"
DETAILED = 300  # rows per transaction checked value by value (all are checked for an entry)

failures: list[str] = []


def _ddl(table: str) -> list[str]:
    columns = sync.synced_columns(table)
    changed = " OR ".join(f'old."{c}" IS NOT new."{c}"' for c in columns)
    names = " || ".join(f"(CASE WHEN old.\"{c}\" IS NOT new.\"{c}\" THEN '{c},' ELSE '' END)"
                        for c in columns)  # fmt: skip
    return [
        f"CREATE TEMP TRIGGER IF NOT EXISTS {LOG}_{table}_i AFTER INSERT ON main.{table} "
        f"BEGIN INSERT INTO {LOG} VALUES ('{table}', new.uid, 'insert', '', NULL, "
        "new.row_version); END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS {LOG}_{table}_u AFTER UPDATE ON main.{table} "
        f"WHEN {changed} BEGIN INSERT INTO {LOG} VALUES ('{table}', new.uid, 'update', "
        f"{names}, old.row_version, new.row_version); END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS {LOG}_{table}_d AFTER DELETE ON main.{table} "
        f"BEGIN INSERT INTO {LOG} VALUES ('{table}', old.uid, 'delete', '', old.row_version, "
        "NULL); END",
    ]


def _arm(session: Session, transaction: Any, connection: Any) -> None:
    if connection.dialect.name != "sqlite":
        return
    if _armed(connection):
        return
    has_outbox = connection.exec_driver_sql(
        "SELECT count(*) FROM main.sqlite_master WHERE type = 'table' AND name = 'outbox'"
    ).scalar()
    if not has_outbox:
        return  # an older schema (migration tests): nothing to watch yet
    connection.exec_driver_sql(
        f"CREATE TEMP TABLE IF NOT EXISTS {LOG} (tbl TEXT, uid TEXT, op TEXT, cols TEXT, "
        "old_version INTEGER, new_version INTEGER)"
    )
    for table in sync.synced_tables():
        for ddl in _ddl(table):
            connection.exec_driver_sql(ddl)


def _armed(connection: Any) -> bool:
    """Whether this connection has the log (temporary DDL is transactional in SQLite: a
    rolled-back transaction takes it away, so it is looked up, not remembered)."""
    return bool(
        connection.exec_driver_sql(
            f"SELECT count(*) FROM sqlite_temp_master WHERE type = 'table' AND name = '{LOG}'"
        ).scalar()
    )


def _problems(conn: Any) -> list[str]:
    rows = conn.execute(text(f"SELECT tbl, uid, op, cols, old_version, new_version FROM {LOG}"))
    rows = rows.all()
    if not rows:
        return []
    out: list[str] = []
    pending = "o.uid = g.uid AND o.sent_at IS NULL"
    for tbl, uid, op in conn.execute(
        text(
            f"SELECT g.tbl, g.uid, g.op FROM {LOG} g WHERE "
            f"(g.op != 'delete' AND NOT EXISTS (SELECT 1 FROM main.outbox o WHERE {pending} "
            "AND o.op = 'upsert')"
            f" AND g.uid NOT IN (SELECT uid FROM {LOG} WHERE op = 'delete')) OR "
            f"(g.op = 'delete' AND NOT EXISTS (SELECT 1 FROM main.outbox o WHERE {pending} "
            "AND o.op = 'tombstone') AND NOT EXISTS (SELECT 1 FROM main.outbox o WHERE "
            f"o.op = 'erase' AND o.sent_at IS NULL AND o.uid IN (SELECT uid FROM {LOG} "
            "WHERE op = 'delete' AND tbl = 'beneficiaries')))"
        )
    ):
        out.append(f"{op} of {tbl} {uid} without its outbox entry")
    deleted = {r.uid for r in rows if r.op == "delete"}
    resolver = sync.resolver(conn)
    checked = 0
    for r in rows:
        if r.op == "delete" or r.uid in deleted or checked >= DETAILED:
            continue
        checked += 1
        t = sync._table(r.tbl)
        row = conn.execute(t.select().where(t.c.uid == r.uid)).mappings().one_or_none()
        entry = conn.execute(
            text(
                "SELECT fields FROM main.outbox WHERE uid = :u AND sent_at IS NULL AND op = "
                "'upsert' ORDER BY id DESC LIMIT 1"
            ),
            {"u": r.uid},
        ).scalar()
        if row is None or entry is None:
            continue  # reported above
        fields = json.loads(entry) if isinstance(entry, str) else entry
        names = sync.synced_columns(r.tbl) if r.op == "insert" else r.cols.split(",")[:-1]
        expected = resolver.fields(r.tbl, row, names)
        for name, value in expected.items():
            if name not in fields or fields[name] != value:
                got = fields.get(name, "<absent>")
                out.append(f"{r.op} of {r.tbl}.{name} ({r.uid}): outbox has {got!r}, not {value!r}")
        if r.op == "update" and not (r.new_version or 0) > (r.old_version or 0):
            out.append(f"update of {r.tbl} {r.uid} without a new row_version")
    return out


def _check(session: Session) -> None:
    if not session.in_transaction():
        return
    conn = session.connection()
    if conn.dialect.name != "sqlite" or not _armed(conn):
        return
    found = _problems(conn)
    conn.exec_driver_sql(f"DELETE FROM {LOG}")
    if found:
        failures.extend(found)
        raise AssertionError("outbox guard: " + "; ".join(found[:5]))


def install() -> None:
    event.listen(Session, "after_begin", _arm)
    event.listen(Session, "before_commit", _check)


def uninstall() -> None:
    event.remove(Session, "after_begin", _arm)
    event.remove(Session, "before_commit", _check)
