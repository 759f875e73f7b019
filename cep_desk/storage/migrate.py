"""Programmatic Alembic: current revision, head, upgrade on the application's connection.

The same history runs on PostgreSQL (:mod:`cep_desk.storage.postgres`), in one transaction
too; the SQLite-only steps of the migrations are behind ``op.get_bind().dialect.name``.

An upgrade, from whatever revision to the head, is ONE SQLite transaction (the engine emits a
real ``BEGIN``, DDL included, see :mod:`cep_desk.storage.engine`): a process killed half-way
leaves the database at the revision it started from. Foreign keys are switched off for the
upgrade (outside the transaction, as SQLite requires) so that a batch "recreate" of a table
neither cascades nor fails; ``PRAGMA foreign_key_check`` runs before the commit, and a
violation rolls the whole upgrade back. Consequence for migration authors: ``ON DELETE
CASCADE`` does not fire inside a migration, delete the children explicitly.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from cep_desk.storage.engine import driver

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Connection, Engine

# Alembic is imported only to upgrade (or when the light reading below cannot decide): an open
# at the head revision, the common case, reads the revisions without it (issue 16.3).
VERSIONS_DIR = Path(__file__).resolve().parent / "migrations" / "versions"
_REVISION = re.compile(r"""^revision(?:\s*:\s*str)?\s*=\s*["']([^"']+)["']\s*$""", re.M)
_DOWN = re.compile(r"""^down_revision(?:\s*:[^=\n]+)?\s*=\s*(?:None|["']([^"']+)["'])\s*$""", re.M)


class MigrationFailed(Exception):
    """The upgrade could not complete; the database stays at its previous revision."""


# A file path, not Alembic's "package:folder" form: that form registers one more atexit
# callback (and keeps its objects alive) every time a script directory is read.
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@cache
def _linear_chain() -> tuple[str, ...] | None:
    """The revisions, oldest first, read from the migration files' ``revision`` and
    ``down_revision`` lines; ``None`` when that is not one plain chain (a merge, several
    heads, a file it cannot read): Alembic then decides, as it always did."""
    downs: dict[str, str | None] = {}
    try:
        files = sorted(VERSIONS_DIR.glob("*.py"))
        for path in files:
            text = path.read_text(encoding="utf-8")
            rev, down = _REVISION.findall(text), _DOWN.findall(text)
            if path.name == "__init__.py" and not rev:
                continue
            if len(rev) != 1 or len(down) != 1 or rev[0] in downs:
                return None
            downs[rev[0]] = down[0] or None
    except OSError:
        return None
    pointed = {d for d in downs.values() if d is not None}
    heads = [r for r in downs if r not in pointed]
    if len(heads) != 1:
        return None
    chain: list[str] = []
    current: str | None = heads[0]
    while current is not None and current in downs and len(chain) <= len(downs):
        chain.append(current)
        current = downs[current]
    if current is not None or len(chain) != len(downs):
        return None
    return tuple(reversed(chain))


@cache
def _script_directory() -> (
    ScriptDirectory
):  # read once per process: the scripts do not change while it runs
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    chain = _linear_chain()
    if chain:
        return chain[-1]
    return _script_directory().get_current_head() or ""


def all_revisions() -> list[str]:
    """Every revision of the script directory, oldest first."""
    chain = _linear_chain()
    if chain:
        return list(chain)
    return [s.revision for s in reversed(list(_script_directory().walk_revisions()))]


def is_known(revision: str | None) -> bool:
    return revision in all_revisions()


def current_revision(conn: Connection) -> str | None:
    """The database's revision (its ``alembic_version`` row), without importing Alembic."""
    if conn.dialect.name == "postgresql":
        table = conn.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar()
    else:
        table = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
    if table is None:
        return None
    rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    if len(rows) <= 1:
        return str(rows[0][0]) if rows else None
    from alembic.runtime.migration import MigrationContext  # several heads: Alembic says so

    return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Upgrade to ``target`` in one transaction (see the module docstring)."""
    from alembic import command

    cfg = _config()
    if engine.dialect.name == "postgresql":
        # PostgreSQL runs DDL in the transaction and checks foreign keys itself.
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
        return
    with engine.connect() as conn:
        raw = driver(conn.connection)
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
