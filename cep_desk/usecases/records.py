"""Plain records returned by the use cases: no ORM object ever leaves a use case.

Field names follow the ORM columns so that :func:`to_record` can copy them; enumerations are
kept as their stable codes (``str``), and ``domain.<Enum>(code).label`` gives the French label.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime, time
from typing import TypeVar

T = TypeVar("T")


def to_record(cls: type[T], obj: object, **extra: object) -> T:
    """Copy the attributes named by the dataclass ``cls`` from ``obj`` (an ORM instance)."""
    values = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name in extra:
            values[f.name] = extra[f.name]
        elif hasattr(obj, f.name):
            value = getattr(obj, f.name)
            values[f.name] = list(value) if isinstance(value, list) else value
    return cls(**values)


@dataclass(frozen=True)
class CounsellorRecord:
    id: int
    name: str
    organisation: str
    operator_kind: str
    region: str
    email: str
    phone: str
    address: str


@dataclass(frozen=True)
class BeneficiaryRow:
    """One line of the beneficiary list."""

    id: int
    last_name: str
    first_name: str
    town: str
    phone: str
    status: str
    current_level: int
    has_open_journey: bool
    last_contact_on: date | None


@dataclass(frozen=True)
class BeneficiaryRecord:
    id: int
    last_name: str
    first_name: str
    birth_date: date | None
    sex: str | None
    phone: str
    email: str
    postcode: str
    town: str
    department: str
    region: str
    status: str
    status_detail: str
    sector: str
    job_title: str
    education_level: str | None
    rqth: bool | None
    rqth_basis: str
    notice_given_on: date | None
    last_contact_on: date | None
    notes: str
    current_level: int
    has_open_journey: bool
    created_at: datetime
    updated_at: datetime
    # eligibility data (defaults: records built by hand in older code and tests stay valid)
    contract_type: str | None = None
    seniority_months: int | None = None
    activity_months: int | None = None
    working_time: str | None = None
    opco: str | None = None
    branch: str = ""
    pcs_group: str | None = None


@dataclass(frozen=True)
class JourneyRecord:
    id: int
    beneficiary_id: int
    request_date: date
    first_appointment_on: date | None
    reasons: list[str]
    level_reached: int
    level1_decision: str | None
    redirect_to: str
    closed_on: date | None
    outcome: str | None
    outcome_note: str
    cep_presented_on: date | None = None


@dataclass(frozen=True)
class SessionRecord:
    id: int
    journey_id: int
    level: int
    held_on: date
    start_time: str
    duration_min: int | None
    modality: str
    on_working_time: bool
    agreement: str
    request_expressed: str
    first_analysis: str
    environment_info: str
    possible_steps: str
    actors: str
    clarified_request: str
    info_given: str
    remarks: str
    next_appointment_on: date | None


@dataclass(frozen=True)
class NeedRecord:
    id: int
    journey_id: int
    theme: str
    description: str
    rank: int
    status: str
    target_on: date | None = None


@dataclass(frozen=True)
class FeasibilityRecord:
    id: int
    project_id: int
    aspect: str
    status: str
    note: str


@dataclass(frozen=True)
class SkillRecord:
    id: int
    project_id: int
    label: str
    state: str
    means: str | None


@dataclass(frozen=True)
class StepRecord:
    id: int
    project_id: int
    title: str
    detail: str
    owner: str
    partner_name: str
    start_on: date | None
    due_on: date | None
    status: str
    is_milestone: bool
    position: int
    scheme_code: str
    internal_service: bool = False


@dataclass(frozen=True)
class FundingRecord:
    id: int
    project_id: int
    scheme_code: str
    scheme_label: str
    funder: str
    covers: str
    amount_requested_cents: int | None
    amount_granted_cents: int | None
    status: str
    decision_on: date | None


@dataclass(frozen=True)
class ProjectRecord:
    id: int
    journey_id: int
    kind: str
    target_job_label: str
    rome_code: str
    rome_version: str
    certification_label: str
    certification_code: str
    description: str
    declared_cost_cents: int | None
    training_start_on: date | None
    training_end_on: date | None = None
    training_hours: int | None = None
    training_provider: str = ""
    training_part_time: bool = False
    exam_title: str = ""
    exam_on: date | None = None
    cep_opinion: str = ""
    cep_conclusion: str = ""


@dataclass(frozen=True)
class ContactRecord:
    id: int
    journey_id: int
    contact_on: date
    organisation: str
    person: str
    subject: str
    outcome: str
    consent_to_share: bool


@dataclass(frozen=True)
class DocumentRecord:
    id: int
    beneficiary_id: int
    journey_id: int | None
    kind: str
    issued_at: datetime
    version: int
    sha256: str
    channel: str


@dataclass(frozen=True)
class SatisfactionRecord:
    id: int
    beneficiary_id: int
    journey_id: int | None
    level: int
    answered_on: date
    channel: str
    satisfaction: int | None
    usefulness: int | None
    recommend: bool | None
    comment: str


@dataclass(frozen=True)
class FollowupRecord:
    id: int
    beneficiary_id: int
    journey_id: int
    due_on: date
    done_on: date | None
    attempts: int
    status: str
    situation: str | None
    project_status: str | None
    more_satisfying: bool | None
    service_useful: bool | None
    note: str


@dataclass(frozen=True)
class AppointmentRecord:
    id: int
    beneficiary_id: int
    journey_id: int | None
    day: date
    start: time
    duration_min: int
    modality: str
    place: str
    level: int
    status: str
    interview_id: int | None
    purpose: str
    is_followup: bool


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    action: str
    entity: str
    entity_id: int | None
    beneficiary_id: int | None
    detail: str


@dataclass(frozen=True)
class JourneyFile:
    """Everything of one journey, as one screen or one printed plan needs it."""

    journey: JourneyRecord
    sessions: list[SessionRecord] = field(default_factory=list)
    needs: list[NeedRecord] = field(default_factory=list)
    project: ProjectRecord | None = None
    checks: list[FeasibilityRecord] = field(default_factory=list)
    skills: list[SkillRecord] = field(default_factory=list)
    steps: list[StepRecord] = field(default_factory=list)
    funding: list[FundingRecord] = field(default_factory=list)
    contacts: list[ContactRecord] = field(default_factory=list)
    satisfaction: list[SatisfactionRecord] = field(default_factory=list)
    followups: list[FollowupRecord] = field(default_factory=list)


@dataclass(frozen=True)
class BeneficiaryFile:
    """A person with all their journeys (the newest first) and issued documents."""

    beneficiary: BeneficiaryRecord
    journeys: list[JourneyFile]
    documents: list[DocumentRecord]

    @property
    def current(self) -> JourneyFile | None:
        return self.journeys[0] if self.journeys else None


# The record class of each kind (cep_desk.kinds), for the code that handles kinds generically.
RECORD_OF: dict[str, type] = {
    "counsellor": CounsellorRecord,
    "person": BeneficiaryRecord,
    "journey": JourneyRecord,
    "session": SessionRecord,
    "need": NeedRecord,
    "project": ProjectRecord,
    "check": FeasibilityRecord,
    "skill": SkillRecord,
    "step": StepRecord,
    "funding": FundingRecord,
    "contact": ContactRecord,
    "document": DocumentRecord,
    "satisfaction": SatisfactionRecord,
    "followup": FollowupRecord,
    "appointment": AppointmentRecord,
}
