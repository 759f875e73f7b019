"""appointments of the agenda (issue #12, item 1)

- ``appointments``: a person's appointment (day, local start time, duration, modality, place
  or link, level, status planned/held/cancelled/missed, the session made from it, purpose,
  whether it is the six-month follow-up). ``journey_id`` is NULL for a first appointment
  booked before any journey exists.

And the indexes the agenda and the due list need at 50 000 people: ``appointments (status,
day)`` for the past appointments not yet reported, ``action_steps (status, due_on, start_on)``
for the plan steps still to do whose date is reached, ``followups (status, due_on)`` for the
pending follow-ups, and ``beneficiaries (id, last_name, first_name)``: the names of the people
listed, read from a small index rather than from the table's wide rows. One new table and new
indexes: nothing existing is rewritten, portable DDL (SQLite and PostgreSQL).

Revision ID: 0007_agenda
Revises: 0006_followup
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

from cep_desk.storage.migrations.dialects import postgres_types

revision = "0007_agenda"
down_revision = "0006_followup"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "appointments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("beneficiary_id", sa.Integer(), nullable=False),
        sa.Column("journey_id", sa.Integer(), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start", sa.Time(), nullable=False),
        sa.Column("duration_min", sa.Integer(), nullable=False),
        sa.Column("modality", sa.String(20), nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=True),
        sa.Column("purpose", sa.String(500), nullable=False),
        sa.Column("is_followup", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["beneficiary_id"],
            ["beneficiaries.id"],
            name=op.f("fk_appointments_beneficiary_id_beneficiaries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["journey_id"],
            ["journeys.id"],
            name=op.f("fk_appointments_journey_id_journeys"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_appointments_interview_id_interviews"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
    )
    op.create_index(op.f("ix_appointments_beneficiary_id"), "appointments", ["beneficiary_id"])
    op.create_index(op.f("ix_appointments_journey_id"), "appointments", ["journey_id"])
    op.create_index(op.f("ix_appointments_day"), "appointments", ["day"])
    op.create_index("ix_appointments_status_day", "appointments", ["status", "day"])
    op.create_index("ix_action_steps_open", "action_steps", ["status", "due_on", "start_on"])
    op.create_index("ix_followups_status_due_on", "followups", ["status", "due_on"])
    op.create_index("ix_beneficiaries_names", "beneficiaries", ["id", "last_name", "first_name"])
    postgres_types("appointments")  # timestamptz on PostgreSQL


def downgrade() -> None:
    op.drop_index("ix_beneficiaries_names", table_name="beneficiaries")
    op.drop_index("ix_followups_status_due_on", table_name="followups")
    op.drop_index("ix_action_steps_open", table_name="action_steps")
    op.drop_index("ix_appointments_status_day", table_name="appointments")
    op.drop_index(op.f("ix_appointments_day"), table_name="appointments")
    op.drop_index(op.f("ix_appointments_journey_id"), table_name="appointments")
    op.drop_index(op.f("ix_appointments_beneficiary_id"), table_name="appointments")
    op.drop_table("appointments")
