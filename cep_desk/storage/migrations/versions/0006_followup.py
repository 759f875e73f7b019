"""satisfaction answers and six-month follow-ups (issue #12, items 2 and 3)

- ``satisfaction_answers``: the person's answers to the end-of-level questionnaire (level 1 or
  2, on screen or on paper; 4-level scales, would recommend, free comment);
- ``followups``: the follow-up six months after the end of a journey (due date, attempts,
  status, situation then, project, the two published questions, note).

Two new tables only: nothing existing is rewritten, portable DDL (SQLite and PostgreSQL).

Revision ID: 0006_followup
Revises: 0005_docs
Create Date: 2026-12-02
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

from cep_desk.storage.migrations.dialects import postgres_types

revision = "0006_followup"
down_revision = "0005_docs"
branch_labels = None
depends_on = None


def _timestamps() -> list[sa.Column[Any] | sa.ForeignKeyConstraint]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def _owners(table: str, journey_nullable: bool) -> list[sa.Column[Any] | sa.ForeignKeyConstraint]:
    return [
        sa.Column("beneficiary_id", sa.Integer(), nullable=False),
        sa.Column("journey_id", sa.Integer(), nullable=journey_nullable),
        sa.ForeignKeyConstraint(
            ["beneficiary_id"],
            ["beneficiaries.id"],
            name=op.f(f"fk_{table}_beneficiary_id_beneficiaries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["journey_id"],
            ["journeys.id"],
            name=op.f(f"fk_{table}_journey_id_journeys"),
            ondelete="CASCADE",
        ),
    ]


def upgrade() -> None:
    op.create_table(
        "satisfaction_answers",
        *_timestamps(),
        *_owners("satisfaction_answers", journey_nullable=True),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("satisfaction", sa.Integer(), nullable=True),
        sa.Column("usefulness", sa.Integer(), nullable=True),
        sa.Column("recommend", sa.Boolean(), nullable=True),
        sa.Column("comment", sa.String(2000), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_satisfaction_answers")),
    )
    op.create_index(
        op.f("ix_satisfaction_answers_beneficiary_id"), "satisfaction_answers", ["beneficiary_id"]
    )
    op.create_index(
        op.f("ix_satisfaction_answers_journey_id"), "satisfaction_answers", ["journey_id"]
    )
    op.create_table(
        "followups",
        *_timestamps(),
        *_owners("followups", journey_nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("situation", sa.String(20), nullable=True),
        sa.Column("project_status", sa.String(20), nullable=True),
        sa.Column("more_satisfying", sa.Boolean(), nullable=True),
        sa.Column("service_useful", sa.Boolean(), nullable=True),
        sa.Column("note", sa.String(2000), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followups")),
    )
    op.create_index(op.f("ix_followups_beneficiary_id"), "followups", ["beneficiary_id"])
    op.create_index(op.f("ix_followups_journey_id"), "followups", ["journey_id"])
    op.create_index(op.f("ix_followups_due_on"), "followups", ["due_on"])
    postgres_types("satisfaction_answers", "followups")  # timestamptz on PostgreSQL


def downgrade() -> None:
    op.drop_index(op.f("ix_followups_due_on"), table_name="followups")
    op.drop_index(op.f("ix_followups_journey_id"), table_name="followups")
    op.drop_index(op.f("ix_followups_beneficiary_id"), table_name="followups")
    op.drop_table("followups")
    op.drop_index(op.f("ix_satisfaction_answers_journey_id"), table_name="satisfaction_answers")
    op.drop_index(op.f("ix_satisfaction_answers_beneficiary_id"), table_name="satisfaction_answers")
    op.drop_table("satisfaction_answers")
