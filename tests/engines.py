"""Both engines in the tests: SQLCipher files in tmp_path and a real PostgreSQL.

One PostgreSQL server per test session (per xdist worker), from Debian's packages through
``cep_server/devdb.py`` (initdb and pg_ctl in a temporary folder, Unix socket only, as the
``postgres`` user when the tests run as root). The schema is migrated once into a template
database; each test gets its own database cloned from it (``CREATE DATABASE … TEMPLATE``,
a file copy of a few MB: tens of milliseconds), dropped afterwards.

A test module runs on both engines with ``pytestmark = pytest.mark.both_engines``: its tests
that use the ``ws`` / ``new_workspace`` fixtures (or ``engine_kind``) run once per engine,
with ids ``[sqlcipher]`` and ``[postgresql]``. Without PostgreSQL's binaries the
``[postgresql]`` runs are skipped, and the pytest header says so.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
from pathlib import Path
from typing import Any

from cep_server import devdb

ENGINES = ("sqlcipher", "postgresql")
TEMPLATE = "cep_template"


#: Set to run the suite on SQLCipher only, even where PostgreSQL is installed.
SQLCIPHER_ONLY = "CEP_TESTS_SQLCIPHER_ONLY"


def pg_available() -> bool:
    if os.environ.get(SQLCIPHER_ONLY) or devdb.pg_bindir() is None:
        return False
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return False
    return True


def pg_missing_reason() -> str:
    if os.environ.get(SQLCIPHER_ONLY):
        return f"{SQLCIPHER_ONLY} is set: the [postgresql] tests are skipped"
    if devdb.pg_bindir() is None:
        return (
            "PostgreSQL >= 15 binaries not found under /usr/lib/postgresql "
            "(apt-get install postgresql): the [postgresql] tests are skipped"
        )
    return (
        "psycopg is not installed (pip install -e '.[server]'): the [postgresql] tests are skipped"
    )


class PgServer:
    """The session's server, its template database and the per-test databases."""

    def __init__(self) -> None:
        self.server = devdb.start_dev_postgres()
        self._names = itertools.count(1)
        self._template_ready = False

    def url(self, database: str) -> str:
        from cep_desk.storage.postgres import socket_url

        return socket_url(self.server.socket_dir, database, port=self.server.port)

    def _admin(self) -> Any:
        import psycopg

        return psycopg.connect(self.server.dsn(), autocommit=True)

    def _ensure_template(self) -> None:
        if self._template_ready:
            return
        from cep_desk.storage import migrate
        from cep_desk.storage.postgres import make_pg_engine

        with self._admin() as conn:
            conn.execute(f"CREATE DATABASE {TEMPLATE}")
        engine = make_pg_engine(self.url(TEMPLATE))
        try:
            migrate.upgrade(engine)
        finally:
            engine.dispose()
        self._template_ready = True

    def new_database(self, *, empty: bool = False) -> str:
        """A fresh database (at the head revision, or ``empty``); returns its URL."""
        name = f"t{os.getpid()}_{next(self._names)}"
        if not empty:
            self._ensure_template()
        with self._admin() as conn:
            if empty:
                conn.execute(f"CREATE DATABASE {name}")
            else:
                conn.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)

    def drop(self, url: str) -> None:
        name = url.rsplit("/", 1)[1].split("?", 1)[0]
        with contextlib.suppress(Exception), self._admin() as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.server.stop()


_SERVER: PgServer | None = None


def pg_server() -> PgServer:
    """The session's server, started at the first test that needs it."""
    global _SERVER
    if _SERVER is None:
        _SERVER = PgServer()
        atexit.register(_SERVER.stop)
    return _SERVER


def stop_pg_server() -> None:
    global _SERVER
    if _SERVER is not None:
        _SERVER.stop()
        _SERVER = None


def pg_workspace(directory: Path, counsellor: dict[str, object]) -> Any:
    """An open workspace on a new PostgreSQL database (its folder: ``directory``)."""
    from cep_desk.usecases import workspaces

    server = pg_server()
    url = server.new_database()
    ws = workspaces.create_on_postgres(url, directory, counsellor)
    ws.test_database_url = url  # type: ignore[attr-defined]
    return ws
