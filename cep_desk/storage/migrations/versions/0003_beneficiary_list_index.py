"""beneficiary list: one covering index for the alphabetical order and the filters

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


# Plain index operations, not batch mode: a batch "recreate" of the table would drop the
# triggers that keep the full-text index in step.
def upgrade() -> None:
    op.drop_index("ix_beneficiaries_sort_key", table_name="beneficiaries")
    op.create_index(
        "ix_beneficiaries_list",
        "beneficiaries",
        ["sort_key", "id", "status", "current_level", "has_open_journey"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_beneficiaries_list", table_name="beneficiaries")
    op.create_index("ix_beneficiaries_sort_key", "beneficiaries", ["sort_key"], unique=False)
