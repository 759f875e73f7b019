"""The PostgreSQL engine: the same models, migrations and use cases as the SQLCipher workspace.

The laptop keeps its encrypted SQLite file (:mod:`cep_desk.storage.engine`); a team server keeps
the same schema in PostgreSQL >= 15 (TEAM.md, « One schema, two engines »). Only the storage
layer knows which engine it holds: :func:`is_postgres` is what the few dialect branches ask
(search, erasure's clean-up, the migrations' SQLite-only statements).

Every session runs in UTC (``timezone=UTC``), so that a ``timestamptz`` column reads back the
instant it was given and ``date`` arithmetic does not depend on the server's settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url

if TYPE_CHECKING:
    from .workspace import Workspace

DIALECT = "postgresql"
#: The extensions the search index needs (both ship with PostgreSQL's contrib).
EXTENSIONS = ("unaccent", "pg_trgm")
#: How close a typed word must be to a name to find it despite a typo (pg_trgm's word
#: similarity; its default, 0.6, misses « lefebvre » for « Lefèvre », 0.55).
TYPO = 0.5


def is_postgres(bind: Engine | Connection | Any) -> bool:
    """True when ``bind`` (an engine, a connection or a session's bind) speaks PostgreSQL."""
    dialect = getattr(bind, "dialect", None)
    if dialect is None and hasattr(bind, "get_bind"):
        dialect = bind.get_bind().dialect
    return getattr(dialect, "name", "") == DIALECT


def make_pg_engine(url: str, *, pool_size: int = 5) -> Engine:
    """An engine on a PostgreSQL URL (``postgresql://user@host/db`` or a ``host=/socket``
    query), always through psycopg 3."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ValueError("not a PostgreSQL URL")
    parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(
        parsed,
        pool_size=pool_size,
        max_overflow=4,
        pool_pre_ping=True,
        connect_args={"options": f"-c timezone=UTC -c pg_trgm.word_similarity_threshold={TYPO}"},
    )


def socket_url(
    socket_dir: str | Path, database: str, *, port: int = 5432, user: str = "postgres"
) -> str:
    """The URL of a database reached over a Unix socket (the test server, `make bench`)."""
    return f"postgresql+psycopg://{user}@/{database}?host={socket_dir}&port={port}"


def probe(engine: Engine) -> str:
    """Connect once and return the server's version (``server_version_num``, e.g. 150010);
    refuses a server older than 15."""
    with engine.connect() as conn:
        version = int(conn.execute(text("SHOW server_version_num")).scalar_one())
    if version < 150000:
        raise RuntimeError("PostgreSQL 15 or newer is needed")
    return str(version)


def vacuum(engine: Engine, tables: tuple[str, ...]) -> None:
    """``VACUUM`` the given tables (outside any transaction, as PostgreSQL requires): the dead
    row versions an erasure left behind are freed, and the indexes forget them."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for table in tables:
            conn.exec_driver_sql(f'VACUUM "{table}"')


def open_workspace(url: str, directory: Path, *, upgrade: bool = True) -> Workspace:
    """A :class:`~cep_desk.storage.workspace.Workspace` whose records live in the PostgreSQL
    database at ``url`` (its schema upgraded to the head first, unless ``upgrade`` is false).

    ``directory`` is the local folder the use cases write their files into (exports, plans,
    the erasure register); it is locked like a laptop's. There is no key: the server's own
    disk and backup encryption protect its data (TEAM.md, « Encryption »)."""
    from . import migrate
    from .lock import WorkspaceLock
    from .workspace import Workspace

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    engine = make_pg_engine(url)
    lock = WorkspaceLock(directory)
    lock.acquire()
    try:
        probe(engine)
        if upgrade:
            migrate.upgrade(engine)
        ws = Workspace(path=directory, engine=engine, db_key=b"", lock=lock)
        with engine.connect() as conn:
            ws.schema_revision = migrate.current_revision(conn)
    except BaseException:
        engine.dispose()
        lock.release()
        raise
    return ws


def reset_sequences(conn: Connection, tables: tuple[str, ...] | None = None) -> None:
    """After rows were written with explicit ids (the demo's bulk fill, a copy): the ``id``
    sequence of each table (every table by default) moves past its largest id, so that the
    next insert does not collide with them."""
    if tables is None:
        tables = tuple(
            conn.execute(
                text(
                    "SELECT c.relname FROM pg_class c JOIN pg_attribute a "
                    "ON a.attrelid = c.oid AND a.attname = 'id' "
                    "WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace"
                )
            ).scalars()
        )
    for table in tables:
        sequence = conn.execute(
            text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": f'"{table}"'}
        ).scalar()
        if sequence is None:
            continue
        conn.execute(
            text(f'SELECT setval(:seq, coalesce((SELECT max(id) FROM "{table}"), 0) + 1, false)'),
            {"seq": sequence},
        )
