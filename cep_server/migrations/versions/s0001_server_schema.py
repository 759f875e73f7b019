"""Server schema: teams, counsellors, devices, files, sync records, ops, conflicts, transfers,
audit, backups; forced RLS on every table; the SECURITY DEFINER functions."""

from __future__ import annotations

from importlib.resources import files

from alembic import op

revision = "s0001_server_schema"
down_revision = None


def upgrade() -> None:
    sql = files("cep_server.migrations").joinpath("s0001_schema.sql").read_text(encoding="utf-8")
    # the driver's own connection, without parameters: the SQL holds format('%I') and '::'
    op.get_bind().connection.driver_connection.execute(sql)  # type: ignore[union-attr]


def downgrade() -> None:
    raise NotImplementedError("the server schema is not downgraded: restore a backup")
