"""eligibility data on the person (issue #17.4)

Adds to ``beneficiaries`` the structured facts financing schemes depend on: contract type,
seniority in the current firm and total salaried activity (months), full or part time, OPCO and
branch, socio-professional group (PCS 2020). Every new column is empty (NULL, or '' for the
branch) on existing people: « not known », which the eligibility marks read as « à vérifier ».
Nothing existing changes.

Revision ID: 0005_catalog
Revises: 0004
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_catalog"
down_revision = "0004"
branch_labels = None
depends_on = None

_NULLABLE = (
    ("contract_type", sa.String(length=30)),
    ("seniority_months", sa.Integer()),
    ("activity_months", sa.Integer()),
    ("working_time", sa.String(length=10)),
    ("opco", sa.String(length=30)),
    ("pcs_group", sa.String(length=2)),
)


def upgrade() -> None:
    # Plain ADD COLUMN (no table copy): SQLite allows it for a NULL column and for a NOT NULL
    # one with a constant default, and the FTS triggers on the table stay as they are.
    for name, type_ in _NULLABLE:
        op.add_column("beneficiaries", sa.Column(name, type_, nullable=True))
    op.add_column(
        "beneficiaries",
        sa.Column("branch", sa.String(length=200), nullable=False, server_default=""),
    )


def downgrade() -> None:
    # SQLite 3.35+ drops a column in place (none of these is indexed or used by a trigger).
    for name in ("branch", *(n for n, _t in reversed(_NULLABLE))):
        op.execute(f"ALTER TABLE beneficiaries DROP COLUMN {name}")
