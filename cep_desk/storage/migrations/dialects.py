"""What the migrations need to run on both engines (SQLite on the laptop, PostgreSQL on a team
server): which engine they run on, and the PostgreSQL column types of a table just made.

The migrations create their tables with portable types (``sa.DateTime()``, ``sa.JSON()``); on
PostgreSQL :func:`postgres_types` then turns those columns into ``timestamptz`` and ``JSONB``,
the types the models' variants declare (cep_desk/storage/models.py). Nothing here runs on SQLite.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql


def is_postgres() -> bool:
    return bool(op.get_bind().dialect.name == "postgresql")


def postgres_types(*tables: str) -> None:
    """On PostgreSQL: the ``timestamp`` columns of ``tables`` become ``timestamptz`` (the
    values were UTC) and the ``json`` ones ``jsonb``. Nothing on SQLite."""
    if not is_postgres():
        return
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    for table in tables:
        for column in inspector.get_columns(table):
            kind = column["type"]
            name = column["name"]
            if isinstance(kind, sa.DateTime) and not kind.timezone:
                op.execute(
                    f'ALTER TABLE "{table}" ALTER COLUMN "{name}" TYPE timestamptz '
                    f"USING \"{name}\" AT TIME ZONE 'UTC'"
                )
            elif isinstance(kind, sa.JSON) and not isinstance(kind, postgresql.JSONB):
                op.execute(
                    f'ALTER TABLE "{table}" ALTER COLUMN "{name}" TYPE jsonb USING "{name}"::jsonb'
                )
