"""Schema installation and the per-request transaction with the token's claims."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.rows import dict_row

API_ROLE = "cep_api"
TABLES = [
    "teams",
    "counsellors",
    "devices",
    "files",
    "sync_records",
    "applied_ops",
    "conflicts",
    "transfers",
    "server_audit",
    "backups",
]


def upgrade_schema(admin_dsn: str) -> None:
    """The server's Alembic history (cep_server/migrations) to its head, as the schema owner."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    engine = create_engine(
        "postgresql+psycopg://", creator=lambda: psycopg.connect(admin_dsn), poolclass=NullPool
    )
    config = Config()
    config.set_main_option("script_location", "cep_server:migrations")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    engine.dispose()


def migrate(admin_dsn: str, api_password: str) -> None:
    """Install the schema as its owner and (re)create the API role, which owns nothing."""
    upgrade_schema(admin_dsn)
    with psycopg.connect(admin_dsn, autocommit=False) as conn:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (API_ROLE,)).fetchone()
        if not exists:
            conn.execute(f"CREATE ROLE {API_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS")
        conn.execute(
            psycopg.sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                psycopg.sql.Identifier(API_ROLE), psycopg.sql.Literal(api_password)
            )
        )
        conn.execute(f"GRANT USAGE ON SCHEMA public TO {API_ROLE}")
        conn.execute(f"GRANT SELECT ON teams, counsellors, files, transfers TO {API_ROLE}")
        conn.execute(f"GRANT UPDATE ON files TO {API_ROLE}")
        conn.execute(
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON devices, sync_records, backups TO {API_ROLE}"
        )
        conn.execute(f"GRANT SELECT, INSERT ON applied_ops TO {API_ROLE}")
        conn.execute(f"GRANT SELECT, INSERT, DELETE ON conflicts TO {API_ROLE}")  # erase
        conn.execute(f"GRANT INSERT ON server_audit TO {API_ROLE}")  # append-only
        conn.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {API_ROLE}")
        for fn in (
            "app_sub()",
            "app_team()",
            "app_role()",
            "claim_file(uuid, text)",
            "transfer_file(uuid, text, text, text)",
            "team_counts()",
            "revoke_device(uuid)",
        ):
            conn.execute(f"GRANT EXECUTE ON FUNCTION {fn} TO {API_ROLE}")
        conn.commit()


def seed_demo(admin_dsn: str) -> dict[str, str]:
    """One team with two counsellors and a team lead; returns sub -> role."""
    users = {"alice": "counsellor", "bruno": "counsellor", "chloe": "team_lead"}
    with psycopg.connect(admin_dsn) as conn:
        conn.execute("INSERT INTO teams VALUES ('t1', 'Équipe démo') ON CONFLICT DO NOTHING")
        for sub, role in users.items():
            conn.execute(
                "INSERT INTO counsellors (sub, team_id, role, display_name) "
                "VALUES (%s, 't1', %s, %s) ON CONFLICT DO NOTHING",
                (sub, role, sub.capitalize()),
            )
    return users


@contextmanager
def claims_tx(conn: psycopg.Connection[Any], sub: str) -> Iterator[dict[str, str]]:
    """A transaction whose app.sub/team/role come from the counsellors row of the token's sub."""
    with conn.transaction():
        conn.execute("SELECT set_config('app.sub', %s, true)", (sub,))
        row = conn.execute(
            "SELECT team_id, role FROM counsellors WHERE sub = %s", (sub,)
        ).fetchone()
        row = None if row is None else tuple(row.values()) if isinstance(row, dict) else row
        if row is None:
            raise PermissionError("unknown subject")
        conn.execute(
            "SELECT set_config('app.team', %s, true), set_config('app.role', %s, true)",
            (row[0], row[1]),
        )
        yield {"sub": sub, "team": row[0], "role": row[1]}


def connect(dsn: str) -> psycopg.Connection[Any]:
    return psycopg.connect(dsn, autocommit=True, row_factory=dict_row)
