"""SQLAlchemy 2 typed ORM models of the workspace (DESIGN.md §4).

Money is integer cents, dates are ``date``, timestamps are timezone-aware UTC. Enumerations are
stored as their stable ASCII codes (see :mod:`cep_desk.domain`); French labels never reach the
database. Every table has ``id``, ``created_at`` and ``updated_at``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
    event,
    select,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, backref, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC on SQLite and ``timestamptz`` on PostgreSQL; returns aware UTC either
    way; refuses naive input (a bug, not a user error)."""

    impl = DateTime
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(DateTime(timezone=True))
        return dialect.type_descriptor(DateTime())

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        if dialect.name == "postgresql":
            return value.astimezone(UTC)
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        # A plain ``timestamp`` column (a table made by a later migration without the
        # variant) reads naive: the sessions run in UTC, so it is UTC.
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


#: JSON documents: JSON on SQLite, JSONB on PostgreSQL.
JSONDoc = JSON().with_variant(JSONB(), "postgresql")
#: The list's sort key compares as bytes on both engines (SQLite's BINARY, PostgreSQL's "C"),
#: never by the server's locale: the order of the list is the laptop's.
SortKey = String(420).with_variant(String(420, collation="C"), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Timestamped:
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


def new_uid() -> str:
    """A new global id: a UUIDv7 (time-ordered, RFC 9562) as its 36-character text."""
    import uuid6

    return str(uuid6.uuid7())


class Synced:
    """A record that syncs (TEAM.md): a global ``uid`` (the wire speaks uids, integer keys stay
    local) and a ``row_version`` bumped on every change of a synced field. Both are set by
    :mod:`cep_desk.storage.sync`: the uid when the object is made (or, for Core inserts, by the
    column default), the version at flush."""

    uid: Mapped[str] = mapped_column(
        String(36), default=new_uid, server_default="", index=True, unique=True
    )
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class Counsellor(Timestamped, Base):
    """The owner of the workspace, as printed on the plan."""

    __tablename__ = "counsellors"
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    operator_kind: Mapped[str] = mapped_column(String(40), default="regional")
    region: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(Text, default="")


class Beneficiary(Synced, Timestamped, Base):
    __tablename__ = "beneficiaries"
    # Covering index of the list: alphabetical order and the filters, without touching the
    # (large, encrypted) table pages until the 200 rows of a page are known.
    __table_args__ = (
        Index(
            "ix_beneficiaries_list",
            "sort_key",
            "id",
            "status",
            "current_level",
            "has_open_journey",
        ),
        # 0007_agenda: the names of the people an agenda or a due list shows, read from this
        # small index (a few MiB) rather than from the wide rows of the table.
        Index("ix_beneficiaries_names", "id", "last_name", "first_name"),
    )
    last_name: Mapped[str] = mapped_column(String(200))
    first_name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[date | None] = mapped_column(Date)
    sex: Mapped[str | None] = mapped_column(String(1))
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    town: Mapped[str] = mapped_column(String(200), default="")
    department: Mapped[str] = mapped_column(String(100), default="")
    region: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(40), default="other", index=True)
    status_detail: Mapped[str] = mapped_column(String(200), default="")
    sector: Mapped[str] = mapped_column(String(200), default="")
    job_title: Mapped[str] = mapped_column(String(200), default="")
    education_level: Mapped[str | None] = mapped_column(String(10))
    rqth: Mapped[bool | None] = mapped_column(Boolean)
    rqth_basis: Mapped[str] = mapped_column(String(200), default="")
    # Eligibility data (0005_catalog): what financing schemes depend on; None = not known.
    contract_type: Mapped[str | None] = mapped_column(String(30))
    seniority_months: Mapped[int | None] = mapped_column(Integer)
    activity_months: Mapped[int | None] = mapped_column(Integer)
    working_time: Mapped[str | None] = mapped_column(String(10))
    opco: Mapped[str | None] = mapped_column(String(30))
    branch: Mapped[str] = mapped_column(String(200), default="", server_default="")
    pcs_group: Mapped[str | None] = mapped_column(String(2))
    notice_given_on: Mapped[date | None] = mapped_column(Date)
    last_contact_on: Mapped[date | None] = mapped_column(Date, index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Denormalised summary of the journeys, kept by the use cases, for the list and its filters.
    current_level: Mapped[int] = mapped_column(Integer, default=0, index=True)
    has_open_journey: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    sort_key: Mapped[str] = mapped_column(SortKey, default="")

    journeys: Mapped[list[Journey]] = relationship(
        back_populates="beneficiary", cascade="all, delete-orphan", passive_deletes=True
    )


class Journey(Synced, Timestamped, Base):
    """A CEP journey (parcours); a person may come back years later for another one."""

    __tablename__ = "journeys"
    beneficiary_id: Mapped[int] = mapped_column(
        ForeignKey("beneficiaries.id", ondelete="CASCADE"), index=True
    )
    request_date: Mapped[date] = mapped_column(Date, index=True)  # 0009: the report
    first_appointment_on: Mapped[date | None] = mapped_column(Date)
    reasons: Mapped[list[str]] = mapped_column(JSONDoc, default=list)
    level_reached: Mapped[int] = mapped_column(Integer, default=0)
    level1_decision: Mapped[str | None] = mapped_column(String(20))
    redirect_to: Mapped[str] = mapped_column(String(200), default="")
    # Level-1 duty (cahier des charges of 29 March 2019, §2.1): the day the CEP's objectives
    # and ways of working were presented to the person.
    cep_presented_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date, index=True)  # 0009: the report
    outcome: Mapped[str | None] = mapped_column(String(40))
    outcome_note: Mapped[str] = mapped_column(Text, default="")

    beneficiary: Mapped[Beneficiary] = relationship(back_populates="journeys")
    sessions: Mapped[list[Interview]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Interview.held_on"
    )
    needs: Mapped[list[Need]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Need.rank"
    )
    projects: Mapped[list[Project]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    contacts: Mapped[list[Contact]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Contact.contact_on"
    )


class Interview(Synced, Timestamped, Base):
    """A session (entretien) of level 1 or 2."""

    __tablename__ = "interviews"
    # 0009_report_indexes: the activity report reads a period of sessions from this index
    # rather than from the wide rows with their notes.
    __table_args__ = (
        Index(
            "ix_interviews_held",
            "held_on",
            "journey_id",
            "level",
            "modality",
            "duration_min",
            "start_time",
        ),  # fmt: skip
        # a journey's sessions by date (it extends the index of journey_id alone)
        Index("ix_interviews_journey_held", "journey_id", "held_on"),
    )
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    level: Mapped[int] = mapped_column(Integer)
    held_on: Mapped[date] = mapped_column(Date)
    start_time: Mapped[str] = mapped_column(String(5), default="")  # "HH:MM", local
    duration_min: Mapped[int | None] = mapped_column(Integer)
    modality: Mapped[str] = mapped_column(String(20), default="face_to_face")
    on_working_time: Mapped[bool] = mapped_column(Boolean, default=False)
    agreement: Mapped[str] = mapped_column(String(200), default="")
    # Level 1
    request_expressed: Mapped[str] = mapped_column(Text, default="")
    first_analysis: Mapped[str] = mapped_column(Text, default="")
    environment_info: Mapped[str] = mapped_column(Text, default="")
    possible_steps: Mapped[str] = mapped_column(Text, default="")
    actors: Mapped[str] = mapped_column(Text, default="")
    # Level 2
    clarified_request: Mapped[str] = mapped_column(Text, default="")
    info_given: Mapped[str] = mapped_column(Text, default="")
    remarks: Mapped[str] = mapped_column(Text, default="")
    next_appointment_on: Mapped[date | None] = mapped_column(Date)


class Need(Synced, Timestamped, Base):
    __tablename__ = "needs"
    journey_id: Mapped[int] = mapped_column(
        ForeignKey("journeys.id", ondelete="CASCADE"), index=True
    )
    theme: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text, default="")
    rank: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="open")
    target_on: Mapped[date | None] = mapped_column(Date)


class Project(Synced, Timestamped, Base):
    __tablename__ = "projects"
    journey_id: Mapped[int] = mapped_column(
        ForeignKey("journeys.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(40), default="reconversion")
    target_job_label: Mapped[str] = mapped_column(String(300), default="")
    rome_code: Mapped[str] = mapped_column(String(5), default="")
    rome_version: Mapped[str] = mapped_column(String(20), default="")
    certification_label: Mapped[str] = mapped_column(String(300), default="")
    certification_code: Mapped[str] = mapped_column(String(20), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    declared_cost_cents: Mapped[int | None] = mapped_column(Integer)
    training_start_on: Mapped[date | None] = mapped_column(Date)
    # The facts the scheme documents need (PTP absence request, avis du CEP).
    training_end_on: Mapped[date | None] = mapped_column(Date)
    training_hours: Mapped[int | None] = mapped_column(Integer)
    training_provider: Mapped[str] = mapped_column(String(200), default="")
    training_part_time: Mapped[bool] = mapped_column(Boolean, default=False)
    exam_title: Mapped[str] = mapped_column(String(300), default="")
    exam_on: Mapped[date | None] = mapped_column(Date)
    cep_opinion: Mapped[str] = mapped_column(Text, default="")
    cep_conclusion: Mapped[str] = mapped_column(Text, default="")

    checks: Mapped[list[FeasibilityCheck]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    skills: Mapped[list[Skill]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Skill.id"
    )
    steps: Mapped[list[ActionStep]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ActionStep.position"
    )
    funding: Mapped[list[FinancingLine]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="FinancingLine.id"
    )


class FeasibilityCheck(Synced, Timestamped, Base):
    __tablename__ = "feasibility_checks"
    __table_args__ = (UniqueConstraint("project_id", "aspect"),)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    aspect: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="to_check")
    note: Mapped[str] = mapped_column(Text, default="")


class Skill(Synced, Timestamped, Base):
    __tablename__ = "skills"
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(300))
    state: Mapped[str] = mapped_column(String(20), default="to_acquire")
    means: Mapped[str | None] = mapped_column(String(20))


class ActionStep(Synced, Timestamped, Base):
    __tablename__ = "action_steps"
    # The due list's steps still to do whose date is reached, read from the index alone
    # (0009_report_indexes added the project and the title to 0007_agenda's index).
    __table_args__ = (
        Index("ix_action_steps_due", "status", "due_on", "start_on", "project_id", "title"),
        # a project's steps, with what the report counts of them (services internal or
        # external), read from the index alone (0009; it extends the index of project_id)
        Index("ix_action_steps_services", "project_id", "internal_service", "partner_name"),
    )
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(300))
    detail: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(20), default="beneficiary")
    partner_name: Mapped[str] = mapped_column(String(200), default="")
    start_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    is_milestone: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    scheme_code: Mapped[str] = mapped_column(String(40), default="")
    # A service delivered by the operator's own organisation (impartiality, 2019 §3.1).
    internal_service: Mapped[bool] = mapped_column(Boolean, default=False)


class FinancingLine(Synced, Timestamped, Base):
    __tablename__ = "financing_lines"
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    scheme_code: Mapped[str] = mapped_column(String(40), default="")
    scheme_label: Mapped[str] = mapped_column(String(200), default="")
    funder: Mapped[str] = mapped_column(String(200), default="")
    covers: Mapped[str] = mapped_column(String(20), default="teaching")
    amount_requested_cents: Mapped[int | None] = mapped_column(Integer)
    amount_granted_cents: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="considered")
    decision_on: Mapped[date | None] = mapped_column(Date)


class Contact(Synced, Timestamped, Base):
    """A go-between contact with a provider or a funder."""

    __tablename__ = "contacts"
    journey_id: Mapped[int] = mapped_column(
        ForeignKey("journeys.id", ondelete="CASCADE"), index=True
    )
    contact_on: Mapped[date] = mapped_column(Date)
    organisation: Mapped[str] = mapped_column(String(200))
    person: Mapped[str] = mapped_column(String(200), default="")
    subject: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    consent_to_share: Mapped[bool] = mapped_column(Boolean, default=False)


class IssuedDocument(Synced, Timestamped, Base):
    __tablename__ = "issued_documents"
    beneficiary_id: Mapped[int] = mapped_column(
        ForeignKey("beneficiaries.id", ondelete="CASCADE"), index=True
    )
    journey_id: Mapped[int | None] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    sha256: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(20), default="export")  # export | print


class AuditEvent(Base):
    """Who did what to which record, never the content itself."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer, index=True)
    beneficiary_id: Mapped[int | None] = mapped_column(Integer, index=True)
    detail: Mapped[str] = mapped_column(String(200), default="")


class OutboxEntry(Base):
    """One change waiting to be pushed to the team server (docs/sync-protocol.md): written by
    :func:`cep_desk.storage.sync.record_change` in the transaction of the change itself.
    Pending upserts of a record coalesce (one entry per record, its changed fields merged)."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    op_id: Mapped[str] = mapped_column(
        String(36), index=True, unique=True
    )  # the push's idempotency key
    kind: Mapped[str] = mapped_column(String(40))  # the record kind's name ("person", "need")
    uid: Mapped[str] = mapped_column(String(36), index=True)
    file_uid: Mapped[str] = mapped_column(String(36), index=True)  # the person's uid
    base_version: Mapped[int] = mapped_column(Integer)  # the row_version the change was made on
    op: Mapped[str] = mapped_column(String(10))  # upsert | tombstone | erase
    fields: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Set by the sync worker when the entry left in a push (then it no longer coalesces).
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Setting(Base):
    """Workspace-level settings (retention years, last backup…), as JSON values."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[object] = mapped_column(JSONDoc)


class AnonymisedJourney(Base):
    """What survives of a journey once its person is purged or erased: the anonymised
    figures the activity statistics need, with no name, no id of the person, no free text."""

    __tablename__ = "anonymised_journeys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_date: Mapped[date] = mapped_column(Date, index=True)
    first_appointment_on: Mapped[date | None] = mapped_column(Date)
    public: Mapped[str] = mapped_column(String(40))
    age_band: Mapped[str] = mapped_column(String(40))
    sex: Mapped[str | None] = mapped_column(String(1))
    education_level: Mapped[str | None] = mapped_column(String(10))
    reasons: Mapped[list[str]] = mapped_column(JSONDoc, default=list)
    level_reached: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str | None] = mapped_column(String(40))
    closed_on: Mapped[date | None] = mapped_column(Date)
    # Level-1 duties (None for journeys anonymised before revision 0005_docs).
    cep_presented: Mapped[bool | None] = mapped_column(Boolean)
    services: Mapped[str | None] = mapped_column(String(20))  # internal | external | none
    removed_on: Mapped[date] = mapped_column(Date)


# ---------------------------------------------------------------------------------------------
# Issue #12: satisfaction at the end of a level, six-month follow-up (followup12)
# ---------------------------------------------------------------------------------------------


class SatisfactionAnswer(Synced, Timestamped, Base):
    """The person's answers to the end-of-level questionnaire (on screen or on paper). The
    scales are 4 = best … 1 = worst; None is « pas de réponse »."""

    __tablename__ = "satisfaction_answers"
    beneficiary_id: Mapped[int] = mapped_column(
        ForeignKey("beneficiaries.id", ondelete="CASCADE"), index=True
    )
    journey_id: Mapped[int | None] = mapped_column(
        ForeignKey("journeys.id", ondelete="CASCADE"), index=True
    )
    level: Mapped[int] = mapped_column(Integer)
    answered_on: Mapped[date] = mapped_column(Date, index=True)  # 0009: the report
    channel: Mapped[str] = mapped_column(String(10), default="screen")
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    usefulness: Mapped[int | None] = mapped_column(Integer)
    recommend: Mapped[bool | None] = mapped_column(Boolean)
    comment: Mapped[str] = mapped_column(String(2000), default="")

    journey: Mapped[Journey | None] = relationship(
        backref=backref(
            "satisfaction",
            cascade="all, delete-orphan",
            passive_deletes=True,
            order_by="SatisfactionAnswer.answered_on",
        )
    )


class Followup(Synced, Timestamped, Base):
    """The six-month follow-up of a journey: scheduled at its end, then done or unreachable."""

    __tablename__ = "followups"
    # 0007_agenda: the pending follow-ups of the due list.
    __table_args__ = (Index("ix_followups_status_due_on", "status", "due_on"),)
    beneficiary_id: Mapped[int] = mapped_column(
        ForeignKey("beneficiaries.id", ondelete="CASCADE"), index=True
    )
    journey_id: Mapped[int] = mapped_column(
        ForeignKey("journeys.id", ondelete="CASCADE"), index=True
    )
    due_on: Mapped[date] = mapped_column(Date, index=True)
    done_on: Mapped[date | None] = mapped_column(Date, index=True)  # 0009: the report
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    situation: Mapped[str | None] = mapped_column(String(20))
    project_status: Mapped[str | None] = mapped_column(String(20))
    more_satisfying: Mapped[bool | None] = mapped_column(Boolean)
    service_useful: Mapped[bool | None] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(2000), default="")

    journey: Mapped[Journey] = relationship(
        backref=backref(
            "followups",
            cascade="all, delete-orphan",
            passive_deletes=True,
            order_by="Followup.due_on",
        )
    )


class Appointment(Synced, Timestamped, Base):
    """An appointment of the agenda (issue #12, item 1): planned, then held (a session is made
    from it), cancelled or missed. ``journey_id`` is None for a first appointment booked before
    any journey exists; ``start`` is local (Europe/Paris) wall-clock time."""

    __tablename__ = "appointments"
    # The due list's « not yet reported » (planned appointments of past days) and the
    # report's held appointments of a period, read from this covering index (0009_report_
    # indexes; it extends 0007_agenda's ix_appointments_status_day).
    __table_args__ = (
        Index(
            "ix_appointments_report",
            "status",
            "day",
            "beneficiary_id",
            "journey_id",
            "level",
            "modality",
            "duration_min",
        ),  # fmt: skip
    )
    beneficiary_id: Mapped[int] = mapped_column(
        ForeignKey("beneficiaries.id", ondelete="CASCADE"), index=True
    )
    journey_id: Mapped[int | None] = mapped_column(
        ForeignKey("journeys.id", ondelete="CASCADE"), index=True
    )
    day: Mapped[date] = mapped_column(Date, index=True)
    start: Mapped[time] = mapped_column(Time)
    duration_min: Mapped[int] = mapped_column(Integer)
    modality: Mapped[str] = mapped_column(String(20), default="face_to_face")
    place: Mapped[str] = mapped_column(String(200), default="")
    level: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    interview_id: Mapped[int | None] = mapped_column(
        ForeignKey("interviews.id", ondelete="SET NULL"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(500), default="")
    is_followup: Mapped[bool] = mapped_column(Boolean, default=False)

    beneficiary: Mapped[Beneficiary] = relationship(
        backref=backref(
            "appointments",
            cascade="all, delete-orphan",
            passive_deletes=True,
            order_by="[Appointment.day, Appointment.start]",
        )
    )


@event.listens_for(SatisfactionAnswer, "before_insert")
@event.listens_for(Followup, "before_insert")
def _owner_from_journey(mapper: object, connection: Connection, target: Any) -> None:
    """A record added through its journey (the exchange import, the generic use cases) gets
    the journey's person: ``beneficiary_id`` is denormalised for the cascade and the queries."""
    if target.beneficiary_id is None and target.journey_id is not None:
        journeys = Journey.__table__
        target.beneficiary_id = connection.execute(
            select(journeys.c.beneficiary_id).where(journeys.c.id == target.journey_id)
        ).scalar_one()
