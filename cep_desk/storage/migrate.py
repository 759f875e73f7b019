"""Programmatic Alembic: current revision, head, upgrade on the application's connection.

An upgrade, from whatever revision to the head, is ONE SQLite transaction (the engine emits a
real ``BEGIN``, DDL included, see :mod:`cep_desk.storage.engine`): a process killed half-way
leaves the database at the revision it started from. Foreign keys are switched off for the
upgrade (outside the transaction, as SQLite requires) so that a batch "recreate" of a table
neither cascades nor fails; ``PRAGMA foreign_key_check`` runs before the commit, and a
violation rolls the whole upgrade back. Consequence for migration authors: ``ON DELETE
CASCADE`` does not fire inside a migration, delete the children explicitly.
"""

from __future__ import annotations

import functools
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine


class MigrationFailed(Exception):
    """The upgrade could not complete; the database stays at its previous revision."""


# A file path, not Alembic's "package:folder" form: that form registers one more atexit
# callback (and keeps its objects alive) every time a script directory is read.
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@functools.cache
def _script() -> ScriptDirectory:
    """The migration scripts, read once per process (they do not change while it runs)."""
    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    return _script().get_current_head() or ""


def all_revisions() -> list[str]:
    """Every revision of the script directory, oldest first."""
    return [s.revision for s in reversed(list(_script().walk_revisions()))]


def is_known(revision: str | None) -> bool:
    return revision in all_revisions()


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Upgrade to ``target`` in one transaction (see the module docstring)."""
    cfg = _config()
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target)
                violations = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if violations:
                    tables = sorted({str(v[0]) for v in violations})
                    raise MigrationFailed(
                        "foreign key violations after the upgrade in " + ", ".join(tables)
                    )
        finally:
            if not conn.invalidated:
                raw.execute("PRAGMA foreign_keys = ON")


def pending(engine: Engine) -> bool:
    with engine.connect() as conn:
        return current_revision(conn) != head_revision()
