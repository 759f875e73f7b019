"""The action plan: a plain snapshot of a journey, rendered to PDF and traced when handed over."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from cep_desk import domain, kinds
from cep_desk.domain import ValidationError
from cep_desk.formatting import format_date
from cep_desk.plan_document import (
    COUNSELLOR_GENDER_SETTING,
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
from cep_desk.referentials import is_sample_certification_code, is_sample_text
from cep_desk.storage.workspace import Workspace

from . import beneficiaries, journeys, workspaces
from .plan import totals_of
from .records import DocumentRecord, JourneyFile, SessionRecord

if TYPE_CHECKING:  # imported when needed: the catalogue is read on first use
    from cep_desk.catalogue import Catalogue, Scheme

ProgressCallback = Callable[[int, int], None]


class NoJourney(ValidationError):
    """The person has no journey: there is no plan to print."""


# The need fields the plan lays out in its own columns; the need's other printed fields (its
# description says which) are printed under its description.
_NEED_COLUMNS = frozenset({"rank", "theme", "description", "status"})


def _details(
    kind: kinds.Kind, record: object, laid_out: frozenset[str]
) -> tuple[tuple[str, str], ...]:
    """(label, text) of the printed fields of ``record`` that the plan has no column for."""
    out = []
    for f in kind.printed():
        if f.name not in laid_out:
            text = f.display(getattr(record, f.name, None))
            if text:
                out.append((f.label, text))
    return tuple(out)


def _joined(sessions: list[SessionRecord], level: int, attr: str) -> str:
    """The texts of one field over the sessions of a level, oldest first."""
    texts = [getattr(s, attr) for s in sessions if s.level == level and getattr(s, attr)]
    return "\n\n".join(texts)


def _scheme(code: str, catalogue: Catalogue | None = None) -> Scheme | None:
    if not code:
        return None
    from cep_desk.catalogue import load_catalogue

    return (catalogue or load_catalogue()).scheme(code)


def _next_steps(
    code: str,
    training_start: date | None = None,
    today: date | None = None,
    catalogue: Catalogue | None = None,
) -> list[str]:
    """The catalogue's next steps of a scheme with their lead times; dated from the training's
    start when it is known (the catalogue's lead-time generator)."""
    from cep_desk.catalogue import next_steps_text, plan_steps

    scheme = _scheme(code, catalogue)
    if not scheme:
        return []
    lines = next_steps_text(scheme)
    if training_start is None:
        return lines
    planned = [p for p in plan_steps(scheme, training_start, today=today) if not p.is_milestone]
    dated: list[str] = []
    for step, line in zip(scheme.steps, lines, strict=True):
        match = next((p for p in planned if p.title == step.title), None)
        if match is None or match.indicative:
            dated.append(line)
            continue
        planned.remove(match)
        when = f"au plus tard le {format_date(match.due_on)}"
        if match.late:
            when += " (délai déjà dépassé : à faire au plus vite)"
        dated.append(f"{line} : {when}")
    return dated


def _ended_notice(code: str, on: date, catalogue: Catalogue | None = None) -> str:
    if not code:
        return ""
    from cep_desk.catalogue import load_catalogue

    return (catalogue or load_catalogue()).ended_notice(code, on) or ""


def _figures(code: str, on: date, catalogue: Catalogue | None = None) -> list[str]:
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


def _scheme_label(label: str, code: str, catalogue: Catalogue | None = None) -> str:
    scheme = _scheme(code, catalogue)
    return label or (scheme.name if scheme else code)


def _counsellor_gender(ws: Workspace) -> str:
    value = workspaces.get_setting(ws, COUNSELLOR_GENDER_SETTING)
    return value if value in ("f", "m") else ""


def _owner_label(owner: str, gender: str) -> str:
    """« Le conseiller » of a step follows the counsellor's identity, like « Votre … »."""
    if owner == domain.StepOwner.COUNSELLOR.value:
        return {"f": "La conseillère", "m": "Le conseiller"}.get(gender, "Le conseiller·ère")
    return domain.StepOwner.label_of(owner)


def _not_sample(text: str) -> str:
    """The shipped sample referential never reaches a plan (its fake codes, its « Extrait
    d'exemple » version), even from a file filled before the sample was taken out."""
    return "" if is_sample_text(text) else text


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
    gender = _counsellor_gender(ws)
    from cep_desk.catalogue_update import catalogue_for

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
            gender=gender,
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
                details=_details(kinds.NEED, n, _NEED_COLUMNS),
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
            rome_version=_not_sample(project.rome_version),
            certification_label=_not_sample(project.certification_label),
            certification_code=""
            if is_sample_certification_code(project.certification_code)
            else project.certification_code,
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
                owner_label=_owner_label(s.owner, gender),
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
                next_steps=_next_steps(
                    f.scheme_code,
                    project.training_start_on if project else None,
                    today,
                    catalogue,
                )
                # what is left to do: nothing once the funder has decided
                if f.status in ("considered", "requested")
                else [],
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


def render_plan_pdf(doc: PlanDocument, progress: ProgressCallback | None = None) -> bytes:
    """The PDF of ``doc``. ``progress(done, total)`` is called as the pages are laid out; it
    may raise (e.g. :class:`cep_desk.plan_pdf.RenderCancelled`) to stop the rendering."""
    from cep_desk.plan_pdf import render_plan

    return render_plan(doc, progress=progress)


def issue_plan(
    ws: Workspace,
    beneficiary_id: int,
    *,
    channel: str = "export",
    large_print: bool = False,
    include_health: bool = False,
    today: date | None = None,
    deliver: Callable[[bytes], None] | None = None,
    progress: ProgressCallback | None = None,
) -> ExportedPlan:
    """Render the plan, hand it over with ``deliver`` (write the file, send it to the printer),
    and only then trace it as handed over (version, date, SHA-256) in the Documents tab and the
    audit trail. ``channel`` is ``export`` or ``print``. When ``deliver`` raises, nothing is
    recorded and the exception goes to the caller: a plan that never reached the person has no
    version."""
    doc = build_plan_document(
        ws, beneficiary_id, large_print=large_print, include_health=include_health, today=today
    )
    pdf = render_plan_pdf(doc, progress=progress)
    if deliver is not None:
        deliver(pdf)
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
