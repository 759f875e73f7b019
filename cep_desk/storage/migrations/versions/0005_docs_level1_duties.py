"""scheme documents and level-1 duties

- ``journeys.cep_presented_on``: the day the CEP's objectives and ways of working were
  presented to the person (cahier des charges of 29 March 2019, §2.1);
- ``action_steps.internal_service``: a service delivered by the operator's own organisation
  (impartiality of prescriptions);
- ``projects``: the training facts the PTP absence request must state (end date, hours,
  provider, part time, exam title and date) and the counsellor's written opinion (avis du CEP)
  for a démission-reconversion file;
- ``anonymised_journeys``: the two level-1 figures, so the statistics survive erasure.

Revision ID: 0005_docs
Revises: 0004
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_docs"
down_revision = "0005_kinds"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("journeys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cep_presented_on", sa.Date(), nullable=True))
    with op.batch_alter_table("action_steps", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("internal_service", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.add_column(sa.Column("training_end_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("training_hours", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("training_provider", sa.String(200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("training_part_time", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("exam_title", sa.String(300), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("exam_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("cep_opinion", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("cep_conclusion", sa.Text(), nullable=False, server_default="")
        )
    with op.batch_alter_table("anonymised_journeys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cep_presented", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("services", sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("anonymised_journeys", schema=None) as batch_op:
        batch_op.drop_column("services")
        batch_op.drop_column("cep_presented")
    with op.batch_alter_table("projects", schema=None) as batch_op:
        for name in (
            "cep_conclusion",
            "cep_opinion",
            "exam_on",
            "exam_title",
            "training_part_time",
            "training_provider",
            "training_hours",
            "training_end_on",
        ):
            batch_op.drop_column(name)
    with op.batch_alter_table("action_steps", schema=None) as batch_op:
        batch_op.drop_column("internal_service")
    with op.batch_alter_table("journeys", schema=None) as batch_op:
        batch_op.drop_column("cep_presented_on")
