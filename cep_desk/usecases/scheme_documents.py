"""The documents a scheme requires, drafted from the person's file, rendered and traced.

Like the plan: the snapshot is built on the caller's thread, the PDF is rendered (in a worker in
the GUI), and the issued document (version, date, SHA-256) is recorded only once the PDF was
really written or printed. The application never sends anything: the person hands the avis to
Transitions Pro and the request to the employer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from cep_desk import domain
from cep_desk.domain import DocumentKind, ValidationError
from cep_desk.formatting import format_date
from cep_desk.plan_document import CounsellorInfo, FeasibilityItem
from cep_desk.referentials import is_sample_certification_code, is_sample_text
from cep_desk.scheme_documents import (
    DOCUMENT_OF_SCHEME,
    AbsenceDeadline,
    AbsenceRequestDocument,
    CepOpinionDocument,
    PersonLine,
    SchemeDocument,
    TrainingInfo,
    ptp_legal_items,
)
from cep_desk.storage.workspace import Workspace

from . import beneficiaries, journeys, plan, workspaces
from .export import NoJourney, _counsellor_gender, document_number
from .records import DocumentRecord, JourneyFile, ProjectRecord

#: The kinds this module drafts, by their code (the CLI's ``--kind``).
KINDS: dict[str, DocumentKind] = {
    DocumentKind.CEP_OPINION.value: DocumentKind.CEP_OPINION,
    DocumentKind.PTP_ABSENCE_REQUEST.value: DocumentKind.PTP_ABSENCE_REQUEST,
}

#: Project fields the document dialogs let the counsellor complete before the preview.
DOCUMENT_FIELDS = (
    "training_start_on",
    "training_end_on",
    "training_hours",
    "training_provider",
    "training_part_time",
    "exam_title",
    "exam_on",
    "cep_opinion",
    "cep_conclusion",
)


def document_for_scheme(scheme_code: str) -> DocumentKind | None:
    """The document a financing line on ``scheme_code`` offers, if any."""
    return DOCUMENT_OF_SCHEME.get(scheme_code or "")


def kind_of(code: str) -> DocumentKind:
    try:
        return KINDS[code]
    except KeyError:
        raise ValidationError(
            "Document inconnu : choisissez « cep_opinion » (avis du CEP) ou "
            "« ptp_absence_request » (demande d'absence PTP).",
            "kind",
        ) from None


def absence_deadline(training: TrainingInfo, today: date) -> AbsenceDeadline:
    """R.6323-10 I: 120 days before the start for a continuous absence of 6 months or more,
    60 days for a shorter one or a part-time training (the catalogue's rule)."""
    from cep_desk.catalogue import ptp_absence_lead_days

    lead = ptp_absence_lead_days(training.absence_days, part_time=training.part_time)
    if training.part_time:
        reason = "formation à temps partiel : 60 jours avant le début"
    elif training.absence_days is None:
        reason = (
            "durée de l'absence inconnue : le délai le plus long s'applique, "
            "120 jours avant le début"
        )
    elif lead == 60:
        reason = "absence continue de moins de 6 mois : 60 jours avant le début"
    else:
        reason = "absence continue de 6 mois ou plus : 120 jours avant le début"
    due = training.start_on - timedelta(days=lead) if training.start_on else None
    return AbsenceDeadline(lead, due, due is not None and today > due, reason)


def deadline_warning(doc: AbsenceRequestDocument) -> str:
    """The French warning the GUI and the CLI show, or ``""``."""
    d = doc.deadline
    if d is None or d.due_on is None:
        return (
            "Date de début de la formation non renseignée : le délai de la demande "
            "(120 ou 60 jours avant le début) ne peut pas être calculé."
        )
    if d.late:
        return (
            f"Délai dépassé : la demande devait parvenir à l'employeur au plus tard le "
            f"{format_date(d.due_on)} ({d.reason}). L'employeur peut refuser une demande "
            "hors délai : envisagez un report de la date de début avec l'organisme."
        )
    return ""


def _current(ws: Workspace, beneficiary_id: int) -> tuple[Any, JourneyFile]:
    file = beneficiaries.load_file(ws, beneficiary_id, audit=False)
    if file.current is None:
        raise NoJourney(
            "Cette personne n'a pas encore de parcours : il n'y a pas de document à préparer.",
            "journey",
        )
    return file.beneficiary, file.current


def _training(project: ProjectRecord | None) -> TrainingInfo:
    if project is None:
        return TrainingInfo()
    certification = "" if is_sample_text(project.certification_label) else (
        project.certification_label
    )  # fmt: skip
    code = "" if is_sample_certification_code(project.certification_code) else (
        project.certification_code
    )  # fmt: skip
    return TrainingInfo(
        title=certification or project.target_job_label,
        certification_label=certification,
        certification_code=code,
        provider=project.training_provider,
        start_on=project.training_start_on,
        end_on=project.training_end_on,
        hours=project.training_hours,
        part_time=project.training_part_time,
        exam_title=project.exam_title or certification,
        exam_on=project.exam_on,
        cost_cents=project.declared_cost_cents,
    )


def _common(ws: Workspace, kind: DocumentKind, person: Any, current: JourneyFile, today: date,
            version: int | None) -> dict[str, Any]:  # fmt: skip
    c = workspaces.get_counsellor(ws)
    return {
        "kind": kind,
        "issued_on": today,
        "document_number": document_number(person.id, current.journey.id),
        "version": version or workspaces.next_document_version(ws, person.id, kind),
        "person": PersonLine(
            last_name=person.last_name,
            first_name=person.first_name,
            birth_date=person.birth_date,
            job_title=person.job_title,
            situation=" — ".join(x for x in (person.status_detail, person.sector) if x),
            postcode=person.postcode,
            town=person.town,
            email=person.email,
            phone=person.phone,
        ),
        "counsellor": CounsellorInfo(
            name=c.name,
            organisation=c.organisation,
            operator_label=domain.OperatorKind.label_of(c.operator_kind),
            region=c.region,
            email=c.email,
            phone=c.phone,
            address=c.address,
            gender=_counsellor_gender(ws),
        ),
        "training": _training(current.project),
    }


def build_document(
    ws: Workspace,
    beneficiary_id: int,
    kind: DocumentKind,
    *,
    today: date | None = None,
    version: int | None = None,
) -> SchemeDocument:
    """The snapshot of the document ``kind`` for the person's current journey."""
    today = today or date.today()
    person, current = _current(ws, beneficiary_id)
    base = _common(ws, kind, person, current, today, version)
    project = current.project
    if kind is DocumentKind.PTP_ABSENCE_REQUEST:
        training: TrainingInfo = base["training"]
        return AbsenceRequestDocument(
            **base,
            deadline=absence_deadline(training, today),
            missing=[label for label, given in ptp_legal_items(training) if not given],
        )
    if kind is DocumentKind.CEP_OPINION:
        return CepOpinionDocument(
            **base,
            cep_requested_on=current.journey.request_date,
            first_appointment_on=current.journey.first_appointment_on,
            session_dates=sorted(s.held_on for s in current.sessions),
            project_kind=domain.ProjectKind.label_of(project.kind) if project else "",
            target_job_label=project.target_job_label if project else "",
            rome_code=project.rome_code if project else "",
            project_description=project.description if project else "",
            steps_taken=[
                " — ".join(x for x in (s.title, s.partner_name) if x)
                + (f" ({domain.StepStatus.label_of(s.status).lower()})" if s.status else "")
                for s in current.steps
            ],
            feasibility=[
                FeasibilityItem(
                    aspect_label=domain.FeasibilityAspect.label_of(x.aspect),
                    status_label=domain.FeasibilityStatus.label_of(x.status),
                    note=x.note,
                )
                for x in current.checks
            ],
            opinion=project.cep_opinion if project else "",
            conclusion=project.cep_conclusion if project else "",
        )
    raise ValidationError("Ce document ne se prépare pas depuis le dossier.", "kind")


def save_document_fields(ws: Workspace, beneficiary_id: int, **values: Any) -> ProjectRecord:
    """Store what the counsellor completed in a document dialog on the journey's project
    (created when absent), so the next version starts from it."""
    unknown = set(values) - set(DOCUMENT_FIELDS)
    if unknown:
        raise ValidationError("Champ inconnu pour ce document.", sorted(unknown)[0])
    journey_id = journeys.current_journey_id(ws, beneficiary_id)
    if journey_id is None:
        raise NoJourney(
            "Cette personne n'a pas encore de parcours : il n'y a pas de document à préparer.",
            "journey",
        )
    project = plan.ensure_project(ws, journey_id)
    return plan.update_project(ws, project.id, **values)


def render_document_pdf(doc: SchemeDocument, progress: Callable[[int, int], None] | None = None
                        ) -> bytes:  # fmt: skip
    from cep_desk.plan_pdf.scheme_docs import render_scheme_document

    return render_scheme_document(doc, progress=progress)


def record_document(
    ws: Workspace, beneficiary_id: int, doc: SchemeDocument, pdf: bytes, channel: str
) -> DocumentRecord:
    """Trace a document handed over (version, date, SHA-256, audit): Documents tab."""
    return workspaces.record_document(
        ws,
        beneficiary_id,
        journeys.current_journey_id(ws, beneficiary_id),
        doc.kind,
        hashlib.sha256(pdf).hexdigest(),
        channel,
    )


@dataclass(frozen=True)
class IssuedSchemeDocument:
    pdf: bytes
    document: DocumentRecord
    filename: str
    warning: str


def issue_document(
    ws: Workspace,
    beneficiary_id: int,
    kind: DocumentKind,
    *,
    channel: str = "export",
    today: date | None = None,
    deliver: Callable[[bytes], None] | None = None,
) -> IssuedSchemeDocument:
    """Render, hand over with ``deliver`` (write the file), then trace. When ``deliver``
    raises, nothing is recorded."""
    doc = build_document(ws, beneficiary_id, kind, today=today)
    pdf = render_document_pdf(doc)
    if deliver is not None:
        deliver(pdf)
    record = record_document(ws, beneficiary_id, doc, pdf, channel)
    warning = deadline_warning(doc) if isinstance(doc, AbsenceRequestDocument) else ""
    return IssuedSchemeDocument(pdf, record, doc.default_file_name(), warning)
