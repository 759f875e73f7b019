"""a need's wished target date (« Échéance souhaitée »)

Revision ID: 0005_kinds
Revises: 0004
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_kinds"
down_revision = "0005_catalog"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("needs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("target_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("needs", schema=None) as batch_op:
        batch_op.drop_column("target_on")
