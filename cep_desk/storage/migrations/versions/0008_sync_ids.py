"""global ids, row versions and the outbox (issue #13, items 2 and 3)

- ``uid`` (UUIDv7 as 36-character text, unique index) and ``row_version`` (integer, 1 for the
  rows already there) on every record kind that syncs; existing rows get their uid here;
- ``outbox``: the changes waiting for the team server (docs/sync-protocol.md).

Columns are added in place (ADD COLUMN) and indexes created after the backfill: never a batch
"recreate" of a table, which would drop ``beneficiaries``' full-text triggers. Portable DDL
(SQLite and PostgreSQL).

Revision ID: 0008_sync_ids
Revises: 0007_agenda
Create Date: 2026-12-03
"""

import sqlalchemy as sa
import uuid6
from alembic import op

from cep_desk.storage.migrations.dialects import postgres_types

revision = "0008_sync_ids"
down_revision = "0007_agenda"
branch_labels = None
depends_on = None

SYNCED_TABLES = (
    "beneficiaries",
    "journeys",
    "interviews",
    "needs",
    "projects",
    "feasibility_checks",
    "skills",
    "action_steps",
    "financing_lines",
    "contacts",
    "issued_documents",
    "satisfaction_answers",
    "followups",
    "appointments",
)
BACKFILL_BATCH = 5000


def _backfill(table: str) -> None:
    """A UUIDv7 for each existing row, in id order (so the ids stay time-ordered)."""
    conn = op.get_bind()
    t = sa.table(table, sa.column("id", sa.Integer()), sa.column("uid", sa.String(36)))
    last = 0
    while True:
        ids = list(
            conn.execute(
                sa.select(t.c.id).where(t.c.id > last).order_by(t.c.id).limit(BACKFILL_BATCH)
            ).scalars()
        )
        if not ids:
            return
        conn.execute(
            t.update().where(t.c.id == sa.bindparam("b_id")).values(uid=sa.bindparam("b_uid")),
            [{"b_id": i, "b_uid": str(uuid6.uuid7())} for i in ids],
        )
        last = ids[-1]


def upgrade() -> None:
    for table in SYNCED_TABLES:
        op.add_column(table, sa.Column("uid", sa.String(36), nullable=False, server_default=""))
        op.add_column(
            table, sa.Column("row_version", sa.Integer(), nullable=False, server_default="1")
        )
        _backfill(table)
        op.create_index(op.f(f"ix_{table}_uid"), table, ["uid"], unique=True)
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("op_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("file_uid", sa.String(36), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("op", sa.String(10), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
    )
    op.create_index(op.f("ix_outbox_op_id"), "outbox", ["op_id"], unique=True)
    op.create_index(op.f("ix_outbox_uid"), "outbox", ["uid"], unique=False)
    op.create_index(op.f("ix_outbox_file_uid"), "outbox", ["file_uid"], unique=False)
    postgres_types("outbox")  # timestamptz and JSONB on PostgreSQL


def downgrade() -> None:
    op.drop_table("outbox")
    for table in SYNCED_TABLES:
        op.drop_index(op.f(f"ix_{table}_uid"), table_name=table)
        # DROP COLUMN in place (SQLite ≥ 3.35): no table recreate, the triggers stay.
        op.drop_column(table, "row_version")
        op.drop_column(table, "uid")
