"""The printed action plan as one plain snapshot: frozen dataclasses, no database, no Qt.

A use case builds a :class:`PlanDocument` from the database; the PDF renderer
(:mod:`cep_desk.plan_pdf`) and the JSON export read it. Every text is already a French label or
the counsellor's own words; money is integer cents; dates are :class:`datetime.date`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from cep_desk.domain import (
    FundingLineAmounts,
    FundingStatus,
    FundingTotals,
    funding_totals,
)
from cep_desk.formatting import full_name


class RenderCancelled(Exception):
    """Raised by a progress callback to stop a rendering (nothing is produced): the contract
    between the renderer (:mod:`cep_desk.plan_pdf`) and its callers, who need not import it."""


# The workspace setting that says how the plan names the counsellor ("f", "m" or "").
COUNSELLOR_GENDER_SETTING = "counsellor_gender"
COUNSELLOR_TITLES = {"f": "conseillère", "m": "conseiller", "": "conseiller·ère"}


@dataclass(frozen=True)
class CounsellorInfo:
    name: str
    organisation: str = ""
    operator_label: str = ""
    region: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    gender: str = ""  # "f", "m" or "" (not given): only chooses the words of the plan

    @property
    def title(self) -> str:
        """« conseillère », « conseiller », or « conseiller·ère » when not given."""
        return COUNSELLOR_TITLES.get(self.gender, COUNSELLOR_TITLES[""])


@dataclass(frozen=True)
class PersonInfo:
    last_name: str
    first_name: str
    birth_date: date | None = None
    public_label: str = ""
    situation: str = ""
    job_title: str = ""
    town: str = ""
    education_label: str = ""
    rqth: bool | None = None  # health data: printed only when PlanDocument.include_health
    rqth_basis: str = ""


@dataclass(frozen=True)
class RequestInfo:
    request_date: date | None = None
    reasons: list[str] = field(default_factory=list)  # French labels
    level_reached: int = 1
    level1_decision_label: str = ""
    # level 1
    expressed_request: str = ""
    first_analysis: str = ""
    environment_info: str = ""
    possible_steps: str = ""
    actors: str = ""
    # level 2
    clarified_request: str = ""
    info_given: str = ""
    remarks: str = ""


@dataclass(frozen=True)
class NeedItem:
    rank: int  # 1 = first priority
    theme_label: str
    description: str = ""
    status_label: str = ""
    # The need's other printed fields (cep_desk.kinds.NEED), as (label, text), printed under
    # its description.
    details: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FeasibilityItem:
    aspect_label: str
    status_label: str
    note: str = ""


@dataclass(frozen=True)
class ProjectInfo:
    kind_label: str
    target_job_label: str = ""
    rome_code: str = ""
    rome_version: str = ""
    certification_label: str = ""
    certification_code: str = ""
    description: str = ""
    feasibility: list[FeasibilityItem] = field(default_factory=list)
    declared_cost_cents: int | None = None


@dataclass(frozen=True)
class SkillItem:
    label: str
    state_label: str = ""
    means_label: str = ""


@dataclass(frozen=True)
class StepItem:
    title: str
    detail: str = ""
    owner_label: str = ""
    partner_name: str = ""
    start_on: date | None = None
    due_on: date | None = None
    status_label: str = ""
    is_milestone: bool = False


@dataclass(frozen=True)
class FundingItem:
    scheme_code: str
    scheme_label: str
    funder: str = ""
    cover_label: str = ""
    status: FundingStatus = FundingStatus.CONSIDERED
    requested_cents: int | None = None
    granted_cents: int | None = None
    decision_on: date | None = None
    next_steps: list[str] = field(default_factory=list)  # catalogue steps with lead times
    #: « Dispositif remplacé par … depuis le … » when the scheme had ended on the plan's date.
    ended_notice: str = ""
    #: The scheme's dated figures on the plan's date (« Participation forfaitaire … : 103,20 € »).
    figures: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ContactItem:
    on: date | None
    organisation: str
    person: str = ""
    subject: str = ""
    outcome: str = ""


@dataclass(frozen=True)
class PlanDocument:
    issued_on: date
    today: date
    document_number: str
    version: int
    counsellor: CounsellorInfo
    beneficiary: PersonInfo
    request: RequestInfo
    needs: list[NeedItem] = field(default_factory=list)
    project: ProjectInfo | None = None
    skills: list[SkillItem] = field(default_factory=list)
    steps: list[StepItem] = field(default_factory=list)
    funding: list[FundingItem] = field(default_factory=list)
    totals: FundingTotals = field(default_factory=lambda: FundingTotals(0, 0, 0, 0))
    contacts: list[ContactItem] = field(default_factory=list)
    large_print: bool = False
    include_health: bool = False

    @property
    def beneficiary_name(self) -> str:
        """``NOM Prénom``."""
        return full_name(self.beneficiary.last_name, self.beneficiary.first_name)

    def default_file_name(self) -> str:
        """``Plan d'action - NOM Prénom - AAAA-MM-JJ.pdf`` (characters unsafe in file names
        replaced by ``_``)."""
        name = "".join(
            "_" if (c in '/\\:*?"<>|' or ord(c) < 32) else c for c in self.beneficiary_name
        )
        return f"Plan d'action - {name or 'sans nom'} - {self.issued_on.isoformat()}.pdf"

    def to_json_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict: dates as ISO strings, enums as their codes."""
        result: dict[str, Any] = _jsonable(self)
        return result


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def compute_totals(funding: list[FundingItem], declared_cost_cents: int | None) -> FundingTotals:
    """The domain's funding totals for the snapshot's lines."""
    return funding_totals(
        (FundingLineAmounts(f.status, f.requested_cents, f.granted_cents) for f in funding),
        declared_cost_cents,
    )
