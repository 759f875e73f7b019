"""The action plan: a plain snapshot of a journey, rendered to PDF and traced when handed over."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from cep_desk import domain
from cep_desk.domain import ValidationError
from cep_desk.plan_document import (
    ContactItem,
    CounsellorInfo,
    FeasibilityItem,
    FundingItem,
    NeedItem,
    PersonInfo,
    PlanDocument,
    ProjectInfo,
    RequestInfo,
    SkillItem,
    StepItem,
)
from cep_desk.storage.workspace import Workspace

from . import beneficiaries, journeys, workspaces
from .plan import totals_of
from .records import DocumentRecord, JourneyFile, SessionRecord


class NoJourney(ValidationError):
    """The person has no journey: there is no plan to print."""


def _joined(sessions: list[SessionRecord], level: int, attr: str) -> str:
    """The texts of one field over the sessions of a level, oldest first."""
    texts = [getattr(s, attr) for s in sessions if s.level == level and getattr(s, attr)]
    return "\n\n".join(texts)


def _scheme(code: str, catalogue=None):
    if not code:
        return None
    from cep_desk.catalogue import load_catalogue

    return (catalogue or load_catalogue()).scheme(code)


def _next_steps(code: str, catalogue=None) -> list[str]:
    from cep_desk.catalogue import next_steps_text

    scheme = _scheme(code, catalogue)
    return next_steps_text(scheme) if scheme else []


def _ended_notice(code: str, on: date, catalogue=None) -> str:
    if not code:
        return ""
    from cep_desk.catalogue import load_catalogue

    return (catalogue or load_catalogue()).ended_notice(code, on) or ""


def _figures(code: str, on: date, catalogue=None) -> list[str]:
    """The scheme's dated figures as they stood on ``on`` (a plan of 2025 prints 2025's)."""
    scheme = _scheme(code, catalogue)
    if scheme is None:
        return []
    lines = []
    for dated in scheme.dated_values:
        period = dated.value_on(on)
        if period is not None:
            lines.append(f"{dated.label} : {period.text}")
    return lines


def _scheme_label(label: str, code: str, catalogue=None) -> str:
    scheme = _scheme(code, catalogue)
    return label or (scheme.name if scheme else code)


def document_number(beneficiary_id: int, journey_id: int) -> str:
    return f"CEP-{beneficiary_id:06d}-{journey_id:04d}"


def build_plan_document(
    ws: Workspace,
    beneficiary_id: int,
    *,
    large_print: bool = False,
    include_health: bool = False,
    today: date | None = None,
    version: int | None = None,
) -> PlanDocument:
    """The snapshot of the person's current journey that the PDF and the JSON are made from."""
    today = today or date.today()
    file = beneficiaries.load_file(ws, beneficiary_id, audit=False)
    current: JourneyFile | None = file.current
    if current is None:
        raise NoJourney(
            "Cette personne n'a pas encore de parcours : il n'y a pas de plan d'action à imprimer.",
            "journey",
        )
    b = file.beneficiary
    j = current.journey
    counsellor = workspaces.get_counsellor(ws)
    sessions = list(current.sessions)
    situation = " — ".join(x for x in (b.status_detail, b.sector) if x)
    project = current.project
    from cep_desk.catalogue import catalogue_for

    catalogue = catalogue_for(ws.path)  # the workspace's catalogue (imported or shipped)
    return PlanDocument(
        issued_on=today,
        today=today,
        document_number=document_number(b.id, j.id),
        version=version
        or workspaces.next_document_version(ws, b.id, domain.DocumentKind.ACTION_PLAN),
        counsellor=CounsellorInfo(
            name=counsellor.name,
            organisation=counsellor.organisation,
            operator_label=domain.OperatorKind.label_of(counsellor.operator_kind),
            region=counsellor.region,
            email=counsellor.email,
            phone=counsellor.phone,
            address=counsellor.address,
        ),
        beneficiary=PersonInfo(
            last_name=b.last_name,
            first_name=b.first_name,
            birth_date=b.birth_date,
            public_label=domain.Public.label_of(b.status),
            situation=situation,
            job_title=b.job_title,
            town=b.town,
            education_label=domain.EducationLevel.label_of(b.education_level),
            rqth=b.rqth,
            rqth_basis=b.rqth_basis,
        ),
        request=RequestInfo(
            request_date=j.request_date,
            reasons=[domain.RequestReason.label_of(r) for r in j.reasons],
            level_reached=j.level_reached,
            level1_decision_label=domain.Level1Decision.label_of(j.level1_decision),
            expressed_request=_joined(sessions, 1, "request_expressed"),
            first_analysis=_joined(sessions, 1, "first_analysis"),
            environment_info=_joined(sessions, 1, "environment_info"),
            possible_steps=_joined(sessions, 1, "possible_steps"),
            actors=_joined(sessions, 1, "actors"),
            clarified_request=_joined(sessions, 2, "clarified_request"),
            info_given=_joined(sessions, 2, "info_given"),
            remarks=_joined(sessions, 2, "remarks"),
        ),
        needs=[
            NeedItem(
                rank=rank,
                theme_label=domain.NeedTheme.label_of(n.theme),
                description=n.description,
                status_label=domain.NeedStatus.label_of(n.status),
            )
            for rank, n in enumerate(
                # health-related needs are health data: printed only when asked, like the RQTH
                (n for n in current.needs if include_health or n.theme != "health"),
                start=1,
            )
        ],
        project=ProjectInfo(
            kind_label=domain.ProjectKind.label_of(project.kind),
            target_job_label=project.target_job_label,
            rome_code=project.rome_code,
            rome_version=project.rome_version,
            certification_label=project.certification_label,
            certification_code=project.certification_code,
            description=project.description,
            feasibility=[
                FeasibilityItem(
                    aspect_label=domain.FeasibilityAspect.label_of(c.aspect),
                    status_label=domain.FeasibilityStatus.label_of(c.status),
                    note=c.note,
                )
                for c in current.checks
            ],
            declared_cost_cents=project.declared_cost_cents,
        )
        if project
        else None,
        skills=[
            SkillItem(
                label=s.label,
                state_label=domain.SkillState.label_of(s.state),
                means_label=domain.SkillMeans.label_of(s.means),
            )
            for s in current.skills
        ],
        steps=[
            StepItem(
                title=s.title,
                detail=s.detail,
                owner_label=domain.StepOwner.label_of(s.owner),
                partner_name=s.partner_name,
                start_on=s.start_on,
                due_on=s.due_on,
                status_label=domain.StepStatus.label_of(s.status),
                is_milestone=s.is_milestone,
            )
            for s in current.steps
        ],
        funding=[
            FundingItem(
                scheme_code=f.scheme_code,
                scheme_label=_scheme_label(f.scheme_label, f.scheme_code, catalogue),
                funder=f.funder,
                cover_label=domain.FundingCover.label_of(f.covers),
                status=domain.FundingStatus(f.status),
                requested_cents=f.amount_requested_cents,
                granted_cents=f.amount_granted_cents,
                decision_on=f.decision_on,
                next_steps=_next_steps(f.scheme_code, catalogue) if f.status != "refused" else [],
                ended_notice=_ended_notice(f.scheme_code, today, catalogue),
                figures=_figures(f.scheme_code, today, catalogue) if f.status != "refused" else [],
            )
            for f in current.funding
        ],
        totals=totals_of(current.funding, project.declared_cost_cents if project else None),
        contacts=[
            ContactItem(
                on=c.contact_on,
                organisation=c.organisation,
                person=c.person,
                subject=c.subject,
                outcome=c.outcome,
            )
            for c in current.contacts
        ],
        large_print=large_print,
        include_health=include_health,
    )


@dataclass(frozen=True)
class ExportedPlan:
    pdf: bytes
    document: DocumentRecord
    filename: str


def render_plan_pdf(doc: PlanDocument) -> bytes:
    from cep_desk.plan_pdf import render_plan

    return render_plan(doc)


def issue_plan(
    ws: Workspace,
    beneficiary_id: int,
    *,
    channel: str = "export",
    large_print: bool = False,
    include_health: bool = False,
    today: date | None = None,
) -> ExportedPlan:
    """Render the plan and trace it as handed over (version, date, SHA-256) in the Documents
    tab and the audit trail. ``channel`` is ``export`` or ``print``."""
    doc = build_plan_document(
        ws, beneficiary_id, large_print=large_print, include_health=include_health, today=today
    )
    pdf = render_plan_pdf(doc)
    record = record_plan(ws, beneficiary_id, doc, pdf, channel)
    return ExportedPlan(
        pdf=pdf,
        document=record,
        filename=doc.default_file_name(),
    )


def record_plan(
    ws: Workspace, beneficiary_id: int, doc: PlanDocument, pdf: bytes, channel: str
) -> DocumentRecord:
    """Trace a plan rendered elsewhere (a GUI worker renders, the UI thread records)."""
    return workspaces.record_document(
        ws,
        beneficiary_id,
        journeys.current_journey_id(ws, beneficiary_id),
        domain.DocumentKind.ACTION_PLAN,
        hashlib.sha256(pdf).hexdigest(),
        channel,
    )
