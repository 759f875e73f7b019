"""Global ids, row versions and the outbox of the synced records (TEAM.md, sync-protocol.md).

Every record kind that syncs (:class:`cep_desk.storage.models.Synced`) has a ``uid`` (UUIDv7,
the id the wire speaks; integer keys stay local) and a ``row_version``. Every change of such a
record reaches :func:`record_change`, which writes an outbox entry in the transaction of the
change itself:

- the ORM's own events (below, on every mapped class of :class:`~models.Synced`): an INSERT is
  an ``upsert`` of every synced field, an UPDATE an ``upsert`` of the fields that changed (and
  bumps ``row_version``), a DELETE a ``tombstone`` of the record and of everything under it
  (the database's cascade removes those rows without the ORM seeing them). Use cases that set
  attributes directly are covered as well as those going through ``common.apply()``;
- the bulk paths that write with Core statements call it themselves: the exchange import
  (:func:`record_inserted`, one executemany) and the erasure (:func:`record_erasure`, an
  ``erase`` that supersedes every other entry of the person's file).

Pending entries coalesce per record and field: one entry per record, its changed fields merged
(the last value wins), so autosave never becomes one request per keystroke. Without a server
(no ``sync_server`` setting) the outbox is pruned to its last :data:`KEEP_WITHOUT_SERVER`
entries: a laptop that never syncs never grows it without bound (a laptop enrolled later
starts with a full upload, not from the outbox).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, delete, event, func, insert, inspect, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapper

from . import models as m

if TYPE_CHECKING:
    from cep_desk.kinds import Kind

UPSERT = "upsert"
TOMBSTONE = "tombstone"
ERASE = "erase"

SERVER_SETTING = "sync_server"  # set when the workspace is enrolled with a team server
KEEP_WITHOUT_SERVER = 1000  # entries kept when no server is configured
PRUNE_EVERY = 100  # prune once every that many new entries (amortised)

# Columns that never travel: local keys and versions, and what the laptop recomputes itself
# (the list summary of a person, its sort key, the modification stamp).
LOCAL_FIELDS = frozenset(
    {"id", "uid", "row_version", "updated_at", "sort_key", "current_level", "has_open_journey"}
)

_OUTBOX = cast(Table, m.OutboxEntry.__table__)


@dataclass(frozen=True)
class Change:
    """One change of one synced record, as the outbox keeps it."""

    kind: str  # the record kind's name (cep_desk.kinds): "person", "need"…
    uid: str
    file_uid: str  # the uid of the person whose file holds the record
    base_version: int  # the record's row_version before the change (0: a new record)
    op: str = UPSERT
    fields: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# The synced tables, from the record kinds
# ---------------------------------------------------------------------------------------------


@functools.cache
def _kinds() -> dict[str, Kind]:
    """table → kind, for the tables that sync."""
    from cep_desk import kinds

    synced = {cast(Table, mapper.local_table).name for mapper in m.Base.registry.mappers
              if issubclass(mapper.class_, m.Synced)}  # fmt: skip
    return {k.table: k for k in kinds.FILE_KINDS if k.table in synced}


@functools.cache
def _by_name() -> dict[str, Kind]:
    return {k.name: k for k in _kinds().values()}


def synced_tables() -> tuple[str, ...]:
    return tuple(_kinds())


def kind_of_table(table: str) -> str:
    return _kinds()[table].name


@functools.cache
def _table(name: str) -> Any:
    return m.Base.metadata.tables[name]


@functools.cache
def links(table: str) -> dict[str, str]:
    """The foreign-key columns of a synced table → the table they point to."""
    return {
        col.name: next(iter(col.foreign_keys)).column.table.name
        for col in _table(table).columns
        if col.foreign_keys
    }


def wire_name(table: str, column: str) -> str:
    """A column's name on the wire: links speak uids (``journey_id`` → ``journey_uid``)."""
    return column[: -len("_id")] + "_uid" if column in links(table) else column


def wire_value(value: Any) -> Any:
    """A value as JSON: dates, times of day (« HH:MM ») and UTC timestamps in ISO 8601, lists
    copied."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, list):
        return list(value)
    return value


def synced_columns(table: str) -> tuple[str, ...]:
    """The columns of a synced table that travel (in table order)."""
    return tuple(c.name for c in _table(table).columns if c.name not in LOCAL_FIELDS)


class _Resolver:
    """uid and file uid of records by their local id (Core reads, remembered per call)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        # (table, id) → the few columns that name it: uid and the links up to the person
        self._known: dict[tuple[str, int], Any] = {}  # row mappings

    def _columns(self, table: str) -> list[Any]:
        t = _table(table)
        return [t.c.id, t.c.uid, *(t.c[name] for name in links(table))]

    def prefetch(self, table: str, ids: Iterable[int]) -> None:
        """Read many records' uids and links at once (the bulk paths)."""
        t = _table(table)
        todo = sorted({i for i in ids if i is not None and (table, i) not in self._known})
        for start in range(0, len(todo), 500):
            chunk = todo[start : start + 500]
            for row in self.conn.execute(
                select(*self._columns(table)).where(t.c.id.in_(chunk))
            ).mappings():
                self._known[(table, row["id"])] = row

    def _row(self, table: str, ident: int) -> Any:
        key = (table, ident)
        if key not in self._known:
            t = _table(table)
            self._known[key] = (
                self.conn.execute(select(*self._columns(table)).where(t.c.id == ident))
                .mappings()
                .one()
            )
        return self._known[key]

    def uid(self, table: str, ident: int | None) -> str | None:
        return None if ident is None else str(self._row(table, ident)["uid"])

    def file_uid(self, table: str, values: Mapping[str, Any]) -> str:
        """The uid of the person whose file holds a row (by its person or parent link)."""
        if table == "beneficiaries":
            return str(values["uid"])
        if values.get("beneficiary_id") is not None:
            return str(self.uid("beneficiaries", values["beneficiary_id"]))
        kind = _kinds()[table]
        parent = _by_name()[kind.parent_kind].table
        return self.file_uid(parent, self._row(parent, values[kind.parent]))

    def fields(self, table: str, values: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        targets = links(table)
        for name in names:
            if name in LOCAL_FIELDS:
                continue
            if name in targets:
                out[wire_name(table, name)] = self.uid(targets[name], values.get(name))
            else:
                out[name] = wire_value(values.get(name))
        return out

    def change(
        self,
        table: str,
        values: Any,
        names: Iterable[str],
        base_version: int,
        op: str = UPSERT,
    ) -> Change:
        return Change(
            kind_of_table(table),
            str(values["uid"]),
            self.file_uid(table, values),
            base_version,
            op,
            self.fields(table, values, names) if op == UPSERT else {},
        )


# ---------------------------------------------------------------------------------------------
# The one writer of the outbox
# ---------------------------------------------------------------------------------------------


def record_change(conn: Connection, change: Change) -> None:
    """Write one change to the outbox, in the caller's transaction, coalesced with the pending
    (unsent) entries of the same record: an upsert merges its fields into the record's pending
    upsert; a tombstone replaces the record's pending entries; an erase replaces every pending
    entry of the file and wins over everything."""
    now = datetime.now(UTC)
    o = _OUTBOX.c
    unsent = o.sent_at.is_(None)
    if change.op == ERASE:
        conn.execute(delete(_OUTBOX).where(o.file_uid == change.file_uid, unsent))
        _insert(conn, [change], now)
        return
    pending = conn.execute(
        select(o.id, o.op, o.fields, o.base_version)
        .where(o.uid == change.uid, unsent)
        .order_by(o.id.desc())
    ).all()
    if change.op == TOMBSTONE:
        base = min([change.base_version, *(p.base_version for p in pending)])
        if pending:
            conn.execute(delete(_OUTBOX).where(o.id.in_([p.id for p in pending])))
        _insert(conn, [Change(change.kind, change.uid, change.file_uid, base, TOMBSTONE)], now)
        return
    if pending and pending[0].op == UPSERT:
        merged = {**(pending[0].fields or {}), **change.fields}
        conn.execute(
            update(_OUTBOX).where(o.id == pending[0].id).values(fields=merged, updated_at=now)
        )
        return
    _insert(conn, [change], now)


def record_changes(conn: Connection, changes: Iterable[Change]) -> None:
    for change in changes:
        record_change(conn, change)


def record_inserted(conn: Connection, inserted: Iterable[tuple[str, str]]) -> None:
    """Upserts of records inserted in bulk with Core statements (the exchange import), given
    as ``(table, uid)`` in insertion order: read back once (so that the columns the INSERT
    left to their defaults travel too), written in one executemany. New uids have no pending
    entry to coalesce with. Without a server only the entries pruning would keep are written."""
    todo = list(inserted)
    if not server_configured(conn):
        todo = todo[-KEEP_WITHOUT_SERVER:]
    if not todo:
        return
    by_table: dict[str, list[str]] = {}
    for table, uid in todo:
        by_table.setdefault(table, []).append(uid)
    resolver = _Resolver(conn)
    rows: dict[str, Any] = {}  # uid → row mapping
    for table, uids in by_table.items():
        t = _table(table)
        for start in range(0, len(uids), 500):
            for row in conn.execute(select(t).where(t.c.uid.in_(uids[start : start + 500]))):
                rows[row.uid] = row._mapping
    # parents first, so that each file uid is one cached read
    order = {k.table: i for i, k in enumerate(_kinds().values())}
    for table in sorted(by_table, key=order.__getitem__):
        found = [rows[u] for u in by_table[table] if u in rows]
        resolver.prefetch(table, (r["id"] for r in found))
        for column, target in links(table).items():
            resolver.prefetch(target, (r[column] for r in found))
    names = {table: synced_columns(table) for table in by_table}
    changes = [resolver.change(table, rows[u], names[table], 0) for table, u in todo if u in rows]
    _insert(conn, changes, datetime.now(UTC))
    prune(conn)


def record_erasure(conn: Connection, person_uid: str) -> None:
    """The person's file is erased (right to erasure, end of retention)."""
    record_change(conn, Change("person", person_uid, person_uid, 0, ERASE))
    prune(conn)


def _insert(conn: Connection, changes: list[Change], now: datetime) -> None:
    if not changes:
        return
    rows = [
        {
            "op_id": m.new_uid(),
            "kind": c.kind,
            "uid": c.uid,
            "file_uid": c.file_uid,
            "base_version": c.base_version,
            "op": c.op,
            "fields": c.fields,
            "created_at": now,
            "updated_at": now,
        }
        for c in changes
    ]
    if len(rows) == 1:
        new_id = conn.execute(insert(_OUTBOX).returning(_OUTBOX.c.id), rows[0]).scalar_one()
        if new_id % PRUNE_EVERY == 0:
            prune(conn)
    else:
        conn.execute(insert(_OUTBOX), rows)


def server_configured(conn: Connection) -> bool:
    s = m.Setting.__table__
    return bool(conn.execute(select(s.c.value).where(s.c.key == SERVER_SETTING)).scalar())


def prune(conn: Connection) -> int:
    """Without a server, keep only the newest :data:`KEEP_WITHOUT_SERVER` entries; returns how
    many were dropped."""
    if server_configured(conn):
        return 0
    o = _OUTBOX.c
    cutoff = conn.execute(
        select(o.id).order_by(o.id.desc()).offset(KEEP_WITHOUT_SERVER - 1).limit(1)
    ).scalar()
    if cutoff is None:
        return 0
    return conn.execute(delete(_OUTBOX).where(o.id < cutoff)).rowcount or 0


def pending_count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(_OUTBOX)).scalar_one())


# ---------------------------------------------------------------------------------------------
# The ORM's events: every flush of a synced record reaches record_change
# ---------------------------------------------------------------------------------------------


def _values(target: Any, mapper: Mapper[Any]) -> dict[str, Any]:
    return {attr.key: getattr(target, attr.key) for attr in mapper.column_attrs}


@event.listens_for(m.Synced, "init", propagate=True)
def _give_uid(target: Any, args: Any, kwargs: dict[str, Any]) -> None:
    """A new record has its uid as soon as it exists (before any flush)."""
    if kwargs.get("uid") is None:
        kwargs["uid"] = m.new_uid()


@event.listens_for(m.Synced, "after_insert", propagate=True)
def _inserted(mapper: Mapper[Any], conn: Connection, target: Any) -> None:
    table = mapper.local_table.name  # type: ignore[attr-defined]
    resolver = _Resolver(conn)
    record_change(conn, resolver.change(table, _values(target, mapper), synced_columns(table), 0))


@event.listens_for(m.Synced, "before_update", propagate=True)
def _updating(mapper: Mapper[Any], conn: Connection, target: Any) -> None:
    state = inspect(target)
    changed = [
        attr.key
        for attr in mapper.column_attrs
        if attr.key not in LOCAL_FIELDS and state.attrs[attr.key].history.has_changes()
    ]
    if not changed:
        return
    base = target.row_version or 0
    target.row_version = base + 1  # part of this same UPDATE
    table = mapper.local_table.name  # type: ignore[attr-defined]
    record_change(conn, _Resolver(conn).change(table, _values(target, mapper), changed, base))


@event.listens_for(m.Synced, "before_delete", propagate=True)
def _deleting(mapper: Mapper[Any], conn: Connection, target: Any) -> None:
    table = mapper.local_table.name  # type: ignore[attr-defined]
    resolver = _Resolver(conn)
    deleted: dict[str, set[int]] = {table: {target.id}}
    tombstones = [
        resolver.change(table, _values(target, mapper), (), target.row_version or 0, TOMBSTONE)
    ] + tombstones_under(resolver, table, [target.id], deleted)
    record_changes(conn, tombstones + unlinked_by(resolver, deleted))


def tombstones_under(
    resolver: _Resolver,
    table: str,
    ids: list[int],
    deleted: dict[str, set[int]] | None = None,
) -> list[Change]:
    """Tombstones of every record under the rows ``ids`` of ``table`` (the database's cascade
    deletes them without the ORM: each must still tell the server). ``deleted`` gathers the
    ids of the rows deleted, per table."""
    out: list[Change] = []
    kind = _kinds()[table]
    for child in _kinds().values():
        if child.parent_kind != kind.name or not ids:
            continue
        t = _table(child.table)
        rows = resolver.conn.execute(select(t).where(t.c[child.parent].in_(ids))).mappings().all()
        for row in rows:
            out.append(resolver.change(child.table, row, (), row["row_version"], TOMBSTONE))
        if deleted is not None:
            deleted.setdefault(child.table, set()).update(r["id"] for r in rows)
        out += tombstones_under(resolver, child.table, [r["id"] for r in rows], deleted)
    return out


@functools.cache
def _set_null_links() -> tuple[tuple[str, str, str], ...]:
    """(table, column, table pointed to) of the synced links the database empties when the
    record they point to is deleted (``ON DELETE SET NULL``: an appointment's session)."""
    return tuple(
        (table, col.name, fk.column.table.name)
        for table in synced_tables()
        for col in _table(table).columns
        for fk in col.foreign_keys
        if (fk.ondelete or "").upper() == "SET NULL"
    )


def unlinked_by(resolver: _Resolver, deleted: Mapping[str, set[int]]) -> list[Change]:
    """The records a delete unlinks without deleting them: the link is emptied here (with a new
    ``row_version``) rather than by the database behind the ORM's back, and each becomes an
    upsert of that link, so the server hears of it too. Rows deleted themselves are left."""
    out: list[Change] = []
    conn = resolver.conn
    for table, column, target in _set_null_links():
        ids = sorted(deleted.get(target, ()))
        if not ids:
            continue
        t = _table(table)
        gone = deleted.get(table, set())
        rows = [
            r
            for r in conn.execute(select(t).where(t.c[column].in_(ids))).mappings()
            if r["id"] not in gone
        ]
        if not rows:
            continue
        conn.execute(
            update(t)
            .where(t.c.id.in_([r["id"] for r in rows]))
            .values({column: None, "row_version": t.c.row_version + 1})
        )
        for row in rows:
            out.append(resolver.change(table, {**row, column: None}, (column,), row["row_version"]))
    return out


def resolver(conn: Connection) -> _Resolver:
    return _Resolver(conn)


__all__ = [
    "ERASE",
    "KEEP_WITHOUT_SERVER",
    "SERVER_SETTING",
    "TOMBSTONE",
    "UPSERT",
    "Change",
    "prune",
    "record_change",
    "record_changes",
    "record_erasure",
    "record_inserted",
    "server_configured",
    "synced_tables",
]
