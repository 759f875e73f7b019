"""the indexes of the activity report and of the due list at 50 000 people (issue #12)

The report of a year read the sessions' wide rows (their notes) several times and, for an
empty period, scanned whole tables. Now the sessions of a period are read from a covering
index (``ix_interviews_held``), a journey's sessions by date from ``ix_interviews_journey_held``
(it replaces ``ix_interviews_journey_id``), the appointments of a period by status from the
covering ``ix_appointments_report`` (it replaces 0007_agenda's ``ix_appointments_status_day``,
for the due list too), and the journeys, answers and follow-ups of a period by their date.
A project's steps come with what the report counts of them (``ix_action_steps_services``
replaces ``ix_action_steps_project_id``). The due list's steps are read from the index alone (``ix_action_steps_due`` replaces
0007_agenda's ``ix_action_steps_open``, which it extends). Indexes only: no table is
rewritten; portable DDL (SQLite and PostgreSQL).

Revision ID: 0009_report_indexes
Revises: 0008_sync_ids
Create Date: 2026-12-03
"""

from alembic import op

revision = "0009_report_indexes"
down_revision = "0008_sync_ids"
branch_labels = None
depends_on = None

SESSION_COLUMNS = ["held_on", "journey_id", "level", "modality", "duration_min", "start_time"]
APPOINTMENT_COLUMNS = [
    "status", "day", "beneficiary_id", "journey_id", "level", "modality", "duration_min",
]  # fmt: skip
SERVICE_COLUMNS = ["project_id", "internal_service", "partner_name"]
STEP_COLUMNS = ["status", "due_on", "start_on", "project_id", "title"]
SINGLE = (
    ("appointments", "interview_id"),
    ("journeys", "request_date"),
    ("journeys", "closed_on"),
    ("satisfaction_answers", "answered_on"),
    ("followups", "done_on"),
)


def upgrade() -> None:
    op.create_index("ix_interviews_held", "interviews", SESSION_COLUMNS)
    op.create_index("ix_appointments_report", "appointments", APPOINTMENT_COLUMNS)
    for table, column in SINGLE:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column])
    op.create_index("ix_action_steps_due", "action_steps", STEP_COLUMNS)
    op.drop_index("ix_action_steps_open", table_name="action_steps")
    op.drop_index("ix_appointments_status_day", table_name="appointments")
    op.create_index("ix_interviews_journey_held", "interviews", ["journey_id", "held_on"])
    op.drop_index(op.f("ix_interviews_journey_id"), table_name="interviews")
    op.create_index("ix_action_steps_services", "action_steps", SERVICE_COLUMNS)
    op.drop_index(op.f("ix_action_steps_project_id"), table_name="action_steps")


def downgrade() -> None:
    op.create_index(op.f("ix_action_steps_project_id"), "action_steps", ["project_id"])
    op.drop_index("ix_action_steps_services", table_name="action_steps")
    op.create_index(op.f("ix_interviews_journey_id"), "interviews", ["journey_id"])
    op.drop_index("ix_interviews_journey_held", table_name="interviews")
    op.create_index("ix_appointments_status_day", "appointments", ["status", "day"])
    op.create_index("ix_action_steps_open", "action_steps", ["status", "due_on", "start_on"])
    op.drop_index("ix_action_steps_due", table_name="action_steps")
    for table, column in reversed(SINGLE):
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
    op.drop_index("ix_appointments_report", table_name="appointments")
    op.drop_index("ix_interviews_held", table_name="interviews")
