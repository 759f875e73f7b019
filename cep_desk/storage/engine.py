"""The SQLCipher engine: raw key through ``set_key()``, pragmas on connect, integrity checks."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.pool import PoolProxiedConnection, QueuePool

from cep_desk.files import create_private

SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"


class DatabaseUnreadable(Exception):
    """The key was right (the slot opened) but the database cannot be read: damaged file."""


def _raw_key(db_key: bytes) -> str:
    # SQLCipher's raw-key syntax skips its own PBKDF2: the key already comes from Argon2id slots.
    return "x'" + db_key.hex() + "'"


def connect_raw(
    path: Path, db_key: bytes, *, read_only: bool = False, immutable: bool = False
) -> sqlcipher3.dbapi2.Connection:
    """A bare DB-API connection with the key set (used by the engine, backups and tests).

    ``read_only`` opens the file with ``mode=ro`` (nothing can be written, not even the WAL
    index); ``immutable`` also tells SQLite that nobody else changes the file, which is what
    lets a WAL database be read on read-only media."""
    if read_only or immutable:
        uri = Path(path).absolute().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
        conn = sqlcipher3.dbapi2.connect(uri, uri=True, check_same_thread=False)
    else:
        conn = sqlcipher3.dbapi2.connect(str(path), check_same_thread=False)
    conn.set_key(_raw_key(db_key))
    return conn


def driver(raw: PoolProxiedConnection) -> Any:
    """The sqlcipher3 connection under a pooled one (untyped: sqlcipher3 has no stubs)."""
    conn = raw.driver_connection
    if conn is None:
        raise RuntimeError("pooled connection without a driver connection")
    return conn


def _on_connect(dbapi_conn: Any, _record: object) -> None:
    # SQLAlchemy's recipe for pysqlite-style drivers: the driver's own transaction handling is
    # switched off (in its legacy mode it sends no BEGIN before DDL, so each statement of a
    # migration committed alone) and _on_begin emits BEGIN for every SQLAlchemy transaction.
    # DDL, SAVEPOINTs and PRAGMAs then behave as SQLite documents them.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    try:
        cur.execute("PRAGMA cipher_log_level = NONE")
        # The key check: the first read fails here when the key or the file is wrong.
        cur.execute("SELECT count(*) FROM sqlite_master").fetchone()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL").fetchone()
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA secure_delete = ON")
        cur.execute("PRAGMA temp_store = MEMORY")
        cur.execute("PRAGMA busy_timeout = 5000")
        # 32 MiB of decrypted pages: the list index and the pages of recent searches stay in
        # memory, so a keystroke in the search field does not decrypt pages again.
        cur.execute("PRAGMA cache_size = -32768")
    finally:
        cur.close()


def _on_connect_read_only(dbapi_conn: Any, _record: object) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    try:
        cur.execute("PRAGMA cipher_log_level = NONE")
        cur.execute("SELECT count(*) FROM sqlite_master").fetchone()
        cur.execute("PRAGMA query_only = ON")
        cur.execute("PRAGMA temp_store = MEMORY")
        cur.execute("PRAGMA busy_timeout = 5000")
        cur.execute("PRAGMA cache_size = -32768")
    finally:
        cur.close()


def _on_begin(conn: Connection) -> None:
    # A connection asked for AUTOCOMMIT gets no BEGIN (prefer outside_transaction()).
    if conn.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
        conn.exec_driver_sql("BEGIN")


def _on_checkout(dbapi_conn: Any, _record: object, _proxy: object) -> None:
    # SQLAlchemy resets a connection that was used in AUTOCOMMIT to the driver's legacy mode
    # (isolation_level = ""): put the recipe back each time a connection leaves the pool.
    dbapi_conn.isolation_level = None


def outside_transaction(engine: Engine, sql: str) -> list[tuple[Any, ...]]:
    """Run one statement that SQLite refuses or ignores inside a transaction (``VACUUM``,
    ``PRAGMA foreign_keys``…) on a pooled connection, and return its rows."""
    raw = engine.raw_connection()
    try:
        return list(driver(raw).execute(sql).fetchall())
    finally:
        raw.close()


def make_engine(
    path: Path, db_key: bytes, *, read_only: bool = False, immutable: bool = False
) -> Engine:
    """An engine whose every connection is keyed before anything else runs on it.

    Every transaction is a real SQLite transaction (``BEGIN`` … ``COMMIT``), DDL included.
    ``read_only``/``immutable``: see :func:`connect_raw`; such an engine never writes."""
    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher3.dbapi2,
        creator=lambda: connect_raw(path, db_key, read_only=read_only, immutable=immutable),
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        pool_pre_ping=False,
        # the most recently used connection first: its page cache is the warm one
        pool_use_lifo=True,
    )
    event.listen(
        engine, "connect", _on_connect_read_only if read_only or immutable else _on_connect
    )
    event.listen(engine, "begin", _on_begin)
    event.listen(engine, "checkout", _on_checkout)
    return engine


def probe(engine: Engine) -> None:
    """Open one connection (keying, key check, pragmas) or raise :class:`DatabaseUnreadable`."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
            version = conn.exec_driver_sql("PRAGMA cipher_version").scalar()
            if not version:
                raise DatabaseUnreadable("SQLCipher absent : la base ne serait pas chiffrée.")
    except DatabaseUnreadable:
        raise
    except Exception as exc:  # sqlcipher raises DatabaseError("file is not a database")
        raise DatabaseUnreadable(str(exc)) from exc


def integrity_check(engine: Engine, *, cipher: bool = True) -> list[str]:
    """Problems found by ``cipher_integrity_check`` (page HMACs) and ``integrity_check``;
    an empty list when the database is sound."""
    problems: list[str] = []
    with engine.connect() as conn:
        if cipher:
            problems += [str(r[0]) for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]
        rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check")]
        problems += [r for r in rows if r != "ok"]
    return problems


def checkpoint(engine: Engine) -> None:
    """Fold the WAL into the main file and truncate it (after erasure, before a backup)."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def backup_to(engine: Engine, target: Path, db_key: bytes) -> None:
    """Copy the live database with SQLite's online backup API into an encrypted file keyed
    with the same key (never a file copy: the WAL holds recent commits)."""
    if not target.exists():
        os.close(create_private(target))  # 0600 before SQLite writes into it
    dest = connect_raw(target, db_key)
    try:
        raw = engine.raw_connection()
        try:
            driver(raw).backup(dest)
        finally:
            raw.close()
        dest.commit()
    finally:
        dest.close()
