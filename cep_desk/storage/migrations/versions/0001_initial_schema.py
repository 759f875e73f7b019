"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-27 09:30:24.519822
"""

import sqlalchemy as sa
from alembic import op

from cep_desk.storage.migrations.dialects import is_postgres, postgres_types

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("beneficiary_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audit_events_beneficiary_id"), ["beneficiary_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_audit_events_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "beneficiaries",
        sa.Column("last_name", sa.String(length=200), nullable=False),
        sa.Column("first_name", sa.String(length=200), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("town", sa.String(length=200), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("status_detail", sa.String(length=200), nullable=False),
        sa.Column("sector", sa.String(length=200), nullable=False),
        sa.Column("job_title", sa.String(length=200), nullable=False),
        sa.Column("education_level", sa.String(length=10), nullable=True),
        sa.Column("rqth", sa.Boolean(), nullable=True),
        sa.Column("rqth_basis", sa.String(length=200), nullable=False),
        sa.Column("notice_given_on", sa.Date(), nullable=True),
        sa.Column("last_contact_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("current_level", sa.Integer(), nullable=False),
        sa.Column("has_open_journey", sa.Boolean(), nullable=False),
        sa.Column("sort_key", sa.String(length=420), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_beneficiaries")),
    )
    with op.batch_alter_table("beneficiaries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_beneficiaries_current_level"), ["current_level"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_beneficiaries_has_open_journey"), ["has_open_journey"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_beneficiaries_last_contact_on"), ["last_contact_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_beneficiaries_sort_key"), ["sort_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_beneficiaries_status"), ["status"], unique=False)

    op.create_table(
        "counsellors",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("operator_kind", sa.String(length=40), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counsellors")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "journeys",
        sa.Column("beneficiary_id", sa.Integer(), nullable=False),
        sa.Column("request_date", sa.Date(), nullable=False),
        sa.Column("first_appointment_on", sa.Date(), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("level_reached", sa.Integer(), nullable=False),
        sa.Column("level1_decision", sa.String(length=20), nullable=True),
        sa.Column("redirect_to", sa.String(length=200), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=40), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["beneficiary_id"],
            ["beneficiaries.id"],
            name=op.f("fk_journeys_beneficiary_id_beneficiaries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journeys")),
    )
    with op.batch_alter_table("journeys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_journeys_beneficiary_id"), ["beneficiary_id"], unique=False
        )

    op.create_table(
        "contacts",
        sa.Column("journey_id", sa.Integer(), nullable=False),
        sa.Column("contact_on", sa.Date(), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("person", sa.String(length=200), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("consent_to_share", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["journey_id"],
            ["journeys.id"],
            name=op.f("fk_contacts_journey_id_journeys"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contacts_journey_id"), ["journey_id"], unique=False)

    op.create_table(
        "interviews",
        sa.Column("journey_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("start_time", sa.String(length=5), nullable=False),
        sa.Column("duration_min", sa.Integer(), nullable=True),
        sa.Column("modality", sa.String(length=20), nullable=False),
        sa.Column("on_working_time", sa.Boolean(), nullable=False),
        sa.Column("agreement", sa.String(length=200), nullable=False),
        sa.Column("request_expressed", sa.Text(), nullable=False),
        sa.Column("first_analysis", sa.Text(), nullable=False),
        sa.Column("environment_info", sa.Text(), nullable=False),
        sa.Column("possible_steps", sa.Text(), nullable=False),
        sa.Column("actors", sa.Text(), nullable=False),
        sa.Column("clarified_request", sa.Text(), nullable=False),
        sa.Column("info_given", sa.Text(), nullable=False),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.Column("next_appointment_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["journey_id"],
            ["journeys.id"],
            name=op.f("fk_interviews_journey_id_journeys"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interviews")),
    )
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interviews_journey_id"), ["journey_id"], unique=False)

    op.create_table(
        "issued_documents",
        sa.Column("beneficiary_id", sa.Integer(), nullable=False),
        sa.Column("journey_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["beneficiary_id"],
            ["beneficiaries.id"],
            name=op.f("fk_issued_documents_beneficiary_id_beneficiaries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["journey_id"],
            ["journeys.id"],
            name=op.f("fk_issued_documents_journey_id_journeys"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_documents")),
    )
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_issued_documents_beneficiary_id"), ["beneficiary_id"], unique=False
        )

    op.create_table(
        "needs",
        sa.Column("journey_id", sa.Integer(), nullable=False),
        sa.Column("theme", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["journey_id"],
            ["journeys.id"],
            name=op.f("fk_needs_journey_id_journeys"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_needs")),
    )
    with op.batch_alter_table("needs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_needs_journey_id"), ["journey_id"], unique=False)

    op.create_table(
        "projects",
        sa.Column("journey_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("target_job_label", sa.String(length=300), nullable=False),
        sa.Column("rome_code", sa.String(length=5), nullable=False),
        sa.Column("rome_version", sa.String(length=20), nullable=False),
        sa.Column("certification_label", sa.String(length=300), nullable=False),
        sa.Column("certification_code", sa.String(length=20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("declared_cost_cents", sa.Integer(), nullable=True),
        sa.Column("training_start_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["journey_id"],
            ["journeys.id"],
            name=op.f("fk_projects_journey_id_journeys"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
    )
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_projects_journey_id"), ["journey_id"], unique=False)

    op.create_table(
        "action_steps",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=20), nullable=False),
        sa.Column("partner_name", sa.String(length=200), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("is_milestone", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("scheme_code", sa.String(length=40), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_action_steps_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_steps")),
    )
    with op.batch_alter_table("action_steps", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_steps_project_id"), ["project_id"], unique=False
        )

    op.create_table(
        "feasibility_checks",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("aspect", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_feasibility_checks_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feasibility_checks")),
        sa.UniqueConstraint("project_id", "aspect", name=op.f("uq_feasibility_checks_project_id")),
    )
    with op.batch_alter_table("feasibility_checks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_feasibility_checks_project_id"), ["project_id"], unique=False
        )

    op.create_table(
        "financing_lines",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("scheme_code", sa.String(length=40), nullable=False),
        sa.Column("scheme_label", sa.String(length=200), nullable=False),
        sa.Column("funder", sa.String(length=200), nullable=False),
        sa.Column("covers", sa.String(length=20), nullable=False),
        sa.Column("amount_requested_cents", sa.Integer(), nullable=True),
        sa.Column("amount_granted_cents", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("decision_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_financing_lines_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_financing_lines")),
    )
    with op.batch_alter_table("financing_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_financing_lines_project_id"), ["project_id"], unique=False
        )

    op.create_table(
        "skills",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("means", sa.String(length=20), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_skills_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skills")),
    )
    with op.batch_alter_table("skills", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_skills_project_id"), ["project_id"], unique=False)

    if is_postgres():
        _postgres_search()
        return
    # Full-text index of the beneficiary list (search as you type over name, town and phone),
    # contentless so it holds no second copy of the text, kept in step by triggers.
    op.execute(
        "CREATE VIRTUAL TABLE beneficiary_fts USING fts5("
        "last_name, first_name, town, phone, content='', contentless_delete=1, "
        "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
    )
    op.execute(f"""
        CREATE TRIGGER beneficiaries_fts_ai AFTER INSERT ON beneficiaries BEGIN
            INSERT INTO beneficiary_fts(rowid, last_name, first_name, town, phone)
            VALUES (new.id, new.last_name, new.first_name, new.town, {_digits("new.phone")});
        END""")
    op.execute("""
        CREATE TRIGGER beneficiaries_fts_ad AFTER DELETE ON beneficiaries BEGIN
            DELETE FROM beneficiary_fts WHERE rowid = old.id;
        END""")
    op.execute(f"""
        CREATE TRIGGER beneficiaries_fts_au AFTER UPDATE OF last_name, first_name, town, phone
        ON beneficiaries BEGIN
            DELETE FROM beneficiary_fts WHERE rowid = old.id;
            INSERT INTO beneficiary_fts(rowid, last_name, first_name, town, phone)
            VALUES (new.id, new.last_name, new.first_name, new.town, {_digits("new.phone")});
        END""")


_TABLES = (
    "audit_events",
    "beneficiaries",
    "counsellors",
    "settings",
    "journeys",
    "contacts",
    "interviews",
    "issued_documents",
    "needs",
    "projects",
    "action_steps",
    "feasibility_checks",
    "financing_lines",
    "skills",
)

# PostgreSQL's search (cep_desk/storage/search.py): accent-free words of the names, town and
# phone digits in a GIN tsvector index (prefix queries), trigrams of the names for typos, and
# the phone digits in a prefix index. The two stored columns exist on PostgreSQL only (not in
# the models: the ORM never reads or writes them). unaccent() is only STABLE (its dictionary
# could change), an index needs IMMUTABLE: the usual wrapper naming the dictionary.
_PG_SEARCH = (
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """CREATE FUNCTION public.cep_fold(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$""",
    """CREATE FUNCTION public.cep_digits(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT regexp_replace($1, '[^0-9]', '', 'g') $$""",
    """CREATE FUNCTION public.cep_search_doc(text, text, text, text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT to_tsvector('simple'::regconfig, public.cep_fold(
            coalesce($1, '') || ' ' || coalesce($2, '') || ' ' || coalesce($3, '') || ' '
            || public.cep_digits(coalesce($4, '')))) $$""",
    """CREATE FUNCTION public.cep_search_names(text, text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT public.cep_fold(coalesce($1, '') || ' ' || coalesce($2, '')) $$""",
    # Stored, so that checking a row against the query reads a value instead of folding the
    # text again (what the GIN index returns is rechecked row by row).
    "ALTER TABLE beneficiaries ADD COLUMN search_doc tsvector GENERATED ALWAYS AS "
    "(public.cep_search_doc(last_name, first_name, town, phone)) STORED",
    "ALTER TABLE beneficiaries ADD COLUMN search_names text GENERATED ALWAYS AS "
    "(public.cep_search_names(last_name, first_name)) STORED",
    "CREATE INDEX ix_beneficiaries_search ON beneficiaries USING gin (search_doc)",
    "CREATE INDEX ix_beneficiaries_names_trgm ON beneficiaries USING gin "
    "(search_names gin_trgm_ops)",
    "CREATE INDEX ix_beneficiaries_phone_digits ON beneficiaries "
    "(public.cep_digits(phone) text_pattern_ops)",
)
_PG_SEARCH_DROP = (
    "DROP INDEX IF EXISTS ix_beneficiaries_phone_digits",
    "DROP INDEX IF EXISTS ix_beneficiaries_names_trgm",
    "DROP INDEX IF EXISTS ix_beneficiaries_search",
    "ALTER TABLE beneficiaries DROP COLUMN IF EXISTS search_names",
    "ALTER TABLE beneficiaries DROP COLUMN IF EXISTS search_doc",
    "DROP FUNCTION IF EXISTS public.cep_search_names(text, text)",
    "DROP FUNCTION IF EXISTS public.cep_search_doc(text, text, text, text)",
    "DROP FUNCTION IF EXISTS public.cep_digits(text)",
    "DROP FUNCTION IF EXISTS public.cep_fold(text)",
)


def _postgres_search() -> None:
    """PostgreSQL only: its column types (timestamptz, JSONB, the sort key compared as bytes)
    and the search index in place of FTS5."""
    postgres_types(*_TABLES)
    op.execute('ALTER TABLE beneficiaries ALTER COLUMN sort_key TYPE varchar(420) COLLATE "C"')
    for statement in _PG_SEARCH:
        op.execute(statement)


def _digits(expr: str) -> str:
    """SQL that keeps the digits of a phone number (spaces, dots, dashes, + and brackets out)."""
    for ch in (" ", ".", "-", "+", "(", ")"):
        expr = f"replace({expr}, '{ch}', '')"
    return expr


def downgrade() -> None:
    if is_postgres():
        for statement in _PG_SEARCH_DROP:
            op.execute(statement)
    else:
        for name in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS beneficiaries_fts_{name}")
        op.execute("DROP TABLE IF EXISTS beneficiary_fts")
    with op.batch_alter_table("skills", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_skills_project_id"))

    op.drop_table("skills")
    with op.batch_alter_table("financing_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_financing_lines_project_id"))

    op.drop_table("financing_lines")
    with op.batch_alter_table("feasibility_checks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feasibility_checks_project_id"))

    op.drop_table("feasibility_checks")
    with op.batch_alter_table("action_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_steps_project_id"))

    op.drop_table("action_steps")
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_projects_journey_id"))

    op.drop_table("projects")
    with op.batch_alter_table("needs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_needs_journey_id"))

    op.drop_table("needs")
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_issued_documents_beneficiary_id"))

    op.drop_table("issued_documents")
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interviews_journey_id"))

    op.drop_table("interviews")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contacts_journey_id"))

    op.drop_table("contacts")
    with op.batch_alter_table("journeys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journeys_beneficiary_id"))

    op.drop_table("journeys")
    op.drop_table("settings")
    op.drop_table("counsellors")
    with op.batch_alter_table("beneficiaries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_beneficiaries_status"))
        batch_op.drop_index(batch_op.f("ix_beneficiaries_sort_key"))
        batch_op.drop_index(batch_op.f("ix_beneficiaries_last_contact_on"))
        batch_op.drop_index(batch_op.f("ix_beneficiaries_has_open_journey"))
        batch_op.drop_index(batch_op.f("ix_beneficiaries_current_level"))

    op.drop_table("beneficiaries")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_entity_id"))
        batch_op.drop_index(batch_op.f("ix_audit_events_beneficiary_id"))
        batch_op.drop_index(batch_op.f("ix_audit_events_at"))

    op.drop_table("audit_events")
