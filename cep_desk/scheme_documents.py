"""The documents a financing scheme requires, as plain snapshots (no database, no Qt, no PDF).

- the **avis du CEP** for a démission-reconversion file: the counsellor's written opinion on the
  project, that the person joins to the request for the attestation of its « caractère réel et
  sérieux » examined by Transitions Pro (C. trav. L.5422-1; arrêté of 23 October 2019 on the
  content of that request);
- the **PTP absence request** the employee sends to the employer, with the legal content of
  C. trav. R.6323-10 II (start date, designation and duration of the training, the provider, the
  title and date of the exam) and its deadline (R.6323-10 I: 120 days, or 60 days for an absence
  under six months or a part-time training).

A use case (:mod:`cep_desk.usecases.scheme_documents`) builds them from the person's file; the
renderer (:mod:`cep_desk.plan_pdf.scheme_docs`) prints them. Nothing is ever sent anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cep_desk.domain import DocumentKind
from cep_desk.formatting import full_name
from cep_desk.plan_document import CounsellorInfo, FeasibilityItem

# The financing schemes whose line offers a document, and which one.
DOCUMENT_OF_SCHEME: dict[str, DocumentKind] = {
    "demission_reconversion": DocumentKind.CEP_OPINION,
    "ptp": DocumentKind.PTP_ABSENCE_REQUEST,
}

FILE_TITLES = {
    DocumentKind.CEP_OPINION: "Avis du CEP",
    DocumentKind.PTP_ABSENCE_REQUEST: "Demande d'absence PTP",
}


@dataclass(frozen=True)
class TrainingInfo:
    """The training of the project, as the documents state it."""

    title: str = ""  # designation of the training
    certification_label: str = ""
    certification_code: str = ""
    provider: str = ""
    start_on: date | None = None
    end_on: date | None = None
    hours: int | None = None
    part_time: bool = False
    exam_title: str = ""
    exam_on: date | None = None
    cost_cents: int | None = None

    @property
    def absence_days(self) -> int | None:
        """Calendar days from the start to the end of the training, both included."""
        if self.start_on is None or self.end_on is None or self.end_on < self.start_on:
            return None
        return (self.end_on - self.start_on).days + 1


@dataclass(frozen=True)
class AbsenceDeadline:
    """When the request must reach the employer (C. trav. R.6323-10 I)."""

    lead_days: int  # 120 or 60
    due_on: date | None  # None when the start of the training is not known
    late: bool  # the deadline is already past on the day the document is drafted
    reason: str  # why 120 or 60 days, in French


@dataclass(frozen=True)
class PersonLine:
    last_name: str
    first_name: str
    birth_date: date | None = None
    job_title: str = ""
    situation: str = ""
    postcode: str = ""
    town: str = ""
    email: str = ""
    phone: str = ""

    @property
    def name(self) -> str:
        return full_name(self.last_name, self.first_name)


@dataclass(frozen=True)
class SchemeDocument:
    """What every scheme document shares: who, when, which version."""

    kind: DocumentKind
    issued_on: date
    document_number: str
    version: int
    person: PersonLine
    counsellor: CounsellorInfo
    training: TrainingInfo

    def default_file_name(self) -> str:
        """``<Titre> - NOM Prénom - AAAA-MM-JJ.pdf`` (characters unsafe in names → ``_``)."""
        name = "".join("_" if (c in '/\\:*?"<>|' or ord(c) < 32) else c for c in self.person.name)
        title = FILE_TITLES[self.kind]
        return f"{title} - {name.strip() or 'sans nom'} - {self.issued_on.isoformat()}.pdf"


@dataclass(frozen=True)
class AbsenceRequestDocument(SchemeDocument):
    deadline: AbsenceDeadline | None = None
    employer_answer_days: int = 30
    #: The legal items (R.6323-10 II) the file does not give yet: printed as blanks to fill.
    missing: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CepOpinionDocument(SchemeDocument):
    cep_requested_on: date | None = None  # the day the CEP was asked for (saisine)
    first_appointment_on: date | None = None
    session_dates: list[date] = field(default_factory=list)
    project_kind: str = ""
    target_job_label: str = ""
    rome_code: str = ""
    project_description: str = ""
    steps_taken: list[str] = field(default_factory=list)  # démarches engagées (plan steps)
    feasibility: list[FeasibilityItem] = field(default_factory=list)
    opinion: str = ""  # typed by the counsellor
    conclusion: str = ""  # typed by the counsellor


def ptp_legal_items(training: TrainingInfo) -> list[tuple[str, bool]]:
    """The items R.6323-10 II requires in the request, and whether the file gives each."""
    return [
        ("Date de début de la formation", training.start_on is not None),
        ("Intitulé (désignation) de la formation", bool(training.title.strip())),
        ("Durée de la formation", training.hours is not None or training.absence_days is not None),
        ("Organisme responsable de la formation", bool(training.provider.strip())),
        ("Intitulé de l'examen", bool(training.exam_title.strip())),
        ("Date de l'examen", training.exam_on is not None),
    ]
