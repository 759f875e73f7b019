"""anonymised journeys: the statistics that survive purge and erasure

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

from cep_desk.storage.migrations.dialects import postgres_types

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "anonymised_journeys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_date", sa.Date(), nullable=False),
        sa.Column("first_appointment_on", sa.Date(), nullable=True),
        sa.Column("public", sa.String(length=40), nullable=False),
        sa.Column("age_band", sa.String(length=40), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=True),
        sa.Column("education_level", sa.String(length=10), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("level_reached", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=40), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("removed_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_anonymised_journeys")),
    )
    with op.batch_alter_table("anonymised_journeys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_anonymised_journeys_request_date"), ["request_date"], unique=False
        )
    postgres_types("anonymised_journeys")  # JSONB on PostgreSQL


def downgrade() -> None:
    with op.batch_alter_table("anonymised_journeys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_anonymised_journeys_request_date"))
    op.drop_table("anonymised_journeys")
