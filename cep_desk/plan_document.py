"""The printed action plan as one plain snapshot: frozen dataclasses, no database, no Qt.

A use case builds a :class:`PlanDocument` from the database; the PDF renderer
(:mod:`cep_desk.plan_pdf`) and the JSON export read it. Every text is already a French label or
the counsellor's own words; money is integer cents; dates are :class:`datetime.date`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum
from typing import Any

from cep_desk.domain import (
    FeasibilityAspect,
    FeasibilityStatus,
    FundingCover,
    FundingLineAmounts,
    FundingStatus,
    FundingTotals,
    Level1Decision,
    NeedStatus,
    NeedTheme,
    ProjectKind,
    Public,
    SkillMeans,
    SkillState,
    StepOwner,
    StepStatus,
    funding_totals,
)
from cep_desk.formatting import full_name

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
        return _jsonable(self)


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


# --------------------------------------------------------------------------------------------
# Sample document (tests, benchmarks, demo)
# --------------------------------------------------------------------------------------------

_NEEDS = [
    (NeedTheme.TRAINING, "Suivre la formation d'aide-soignante (DEAS) en cursus complet."),
    (NeedTheme.FINANCING, "Financer la formation et maintenir un revenu pendant 12 mois."),
    (NeedTheme.INFORMATION, "Connaître le métier au quotidien : horaires, travail de nuit, "),
    (NeedTheme.CHILDCARE, "Trouver un mode de garde pour deux enfants les jours de stage."),
    (NeedTheme.MOBILITY, "Se rendre à l'institut de formation (40 km) sans voiture."),
    (NeedTheme.DIGITAL, "Utiliser l'espace en ligne « Mon compte formation »."),
    (NeedTheme.CERTIFICATION, "Faire reconnaître l'expérience d'aidante auprès d'un proche."),
    (NeedTheme.LANGUAGE, "Renforcer l'expression écrite pour les transmissions de soins."),
    (NeedTheme.HOUSING, "Étudier un rapprochement du lieu de formation."),
    (NeedTheme.OTHER, "Préparer l'entretien de sélection de l'institut."),
]
_NEED_STATUSES = [NeedStatus.IN_PROGRESS, NeedStatus.OPEN, NeedStatus.MET, NeedStatus.OPEN]

_STEPS = [
    ("Immersion professionnelle en EHPAD", StepOwner.BENEFICIARY, "", False),
    ("Rendez-vous de suivi CEP", StepOwner.COUNSELLOR, "", True),
    ("Dossier d'inscription à l'IFAS", StepOwner.BENEFICIARY, "IFAS du Val-de-Marne", False),
    ("Épreuve de sélection (entretien)", StepOwner.PARTNER, "IFAS du Val-de-Marne", True),
    ("Dépôt du dossier de projet de transition", StepOwner.BENEFICIARY, "Transitions Pro", False),
    ("Commission de Transitions Pro", StepOwner.PARTNER, "Transitions Pro Île-de-France", True),
    ("Demande d'aide régionale au transport", StepOwner.BENEFICIARY, "Région", False),
    (
        "Recherche d'une assistante maternelle",
        StepOwner.BENEFICIARY,
        "Relais petite enfance",
        False,
    ),
    ("Module 1 : accompagnement de la personne", StepOwner.PARTNER, "IFAS du Val-de-Marne", False),
    ("Stage en service de médecine", StepOwner.BENEFICIARY, "Centre hospitalier", False),
    ("Atelier CV et lettre de motivation", StepOwner.COUNSELLOR, "", False),
    ("Module 2 : repérage et prévention", StepOwner.PARTNER, "IFAS du Val-de-Marne", False),
    ("Stage en soins de suite", StepOwner.BENEFICIARY, "Clinique des Lilas", False),
    ("Bilan à mi-parcours", StepOwner.COUNSELLOR, "", True),
    ("Module 3 : évaluation de l'état clinique", StepOwner.PARTNER, "IFAS du Val-de-Marne", False),
    ("Stage en EHPAD", StepOwner.BENEFICIARY, "EHPAD Les Tilleuls", False),
    ("Préparation aux candidatures", StepOwner.COUNSELLOR, "", False),
    ("Jury final du diplôme d'État", StepOwner.PARTNER, "DREETS", True),
    ("Candidatures auprès des établissements", StepOwner.BENEFICIARY, "", False),
    ("Entretiens d'embauche", StepOwner.BENEFICIARY, "", False),
]
_STEP_STATUSES = [StepStatus.DONE, StepStatus.IN_PROGRESS, StepStatus.PLANNED, StepStatus.PLANNED]

_FUNDING = [
    ("PTP", "Projet de transition professionnelle", "Transitions Pro Île-de-France",
     FundingCover.TEACHING, FundingStatus.REQUESTED, 620_000, None,
     ["Déposer le dossier complet au moins 120 jours avant le début d'une formation de plus "
      "de 6 mois (60 jours sinon).",
      "Réponse de la commission paritaire en général sous 2 mois.",
      "Informer l'employeur de l'absence au moins 120 jours avant (sans motiver le projet)."]),
    ("PTP", "Projet de transition professionnelle", "Transitions Pro Île-de-France",
     FundingCover.PAY, FundingStatus.REQUESTED, 1_840_000, None, []),
    ("CPF", "Compte personnel de formation", "Caisse des dépôts (Mon compte formation)",
     FundingCover.TEACHING, FundingStatus.GRANTED, 125_000, 125_000,
     ["Valider la commande sur moncompteformation.gouv.fr au moins 11 jours ouvrés avant "
      "l'entrée en formation.",
      "Une participation forfaitaire peut rester à votre charge (montant fixé chaque année)."]),
    ("REGION-TRANSPORT", "Aide régionale au transport des stagiaires", "Région Île-de-France",
     FundingCover.EXPENSES, FundingStatus.CONSIDERED, 48_000, None,
     ["Demande en ligne dans le mois qui suit l'entrée en formation."]),
    ("CAF-GARDE", "Complément de libre choix du mode de garde", "Caisse d'allocations familiales",
     FundingCover.EXPENSES, FundingStatus.GRANTED, 96_000, 90_000, []),
    ("IFAS-BOURSE", "Bourse d'études sanitaires", "Région Île-de-France",
     FundingCover.PAY, FundingStatus.REFUSED, 150_000, 0,
     ["Pas de nouvelle demande possible cette année."]),
    ("ACTION-LOGEMENT", "Aide à la mobilité", "Action Logement",
     FundingCover.EXPENSES, FundingStatus.CONSIDERED, 100_000, None,
     ["Demande au plus tard 6 mois après l'entrée en formation."]),
    ("FONDS-IFAS", "Fonds de solidarité de l'institut", "IFAS du Val-de-Marne",
     FundingCover.TEACHING, FundingStatus.REQUESTED, 35_000, None, []),
]  # fmt: skip


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, min(d.day, 28))


def sample_plan_document(
    n_needs: int = 10,
    n_steps: int = 25,
    months: int = 18,
    n_funding: int = 8,
    today: date | None = None,
    *,
    large_print: bool = False,
    include_health: bool = False,
) -> PlanDocument:
    """A realistic, fictional plan: a retail employee retraining as a care assistant.

    Steps are spread over ``months`` months starting a month before ``today``; lists longer
    than the built-in examples cycle through them with a number appended.
    """
    today = today or date.today()
    start = _add_months(today.replace(day=1), -1)
    total_days = max(1, (_add_months(start, months) - start).days)

    needs = []
    for i in range(n_needs):
        theme, text = _NEEDS[i % len(_NEEDS)]
        suffix = "" if i < len(_NEEDS) else f" (suite {i // len(_NEEDS) + 1})"
        if theme is NeedTheme.INFORMATION:
            text += "rémunération, évolutions possibles."
        needs.append(
            NeedItem(
                rank=i + 1,
                theme_label=theme.label,
                description=text + suffix,
                status_label=_NEED_STATUSES[i % len(_NEED_STATUSES)].label,
            )
        )

    steps = []
    for i in range(n_steps):
        title, owner, partner, milestone = _STEPS[i % len(_STEPS)]
        if i >= len(_STEPS):
            title = f"{title} ({i // len(_STEPS) + 1})"
        begin = start + timedelta(days=(total_days * i) // max(1, n_steps))
        length = 0 if milestone else 14 + (i * 37) % max(15, total_days // 4)
        end = min(begin + timedelta(days=length), start + timedelta(days=total_days))
        if end <= today:
            status = StepStatus.DONE
        elif begin <= today:
            status = StepStatus.IN_PROGRESS
        else:
            status = _STEP_STATUSES[i % len(_STEP_STATUSES)]
            if status in (StepStatus.DONE, StepStatus.IN_PROGRESS):
                status = StepStatus.PLANNED
        steps.append(
            StepItem(
                title=title,
                detail=(
                    "Préparer les pièces : pièce d'identité, CV, attestation employeur."
                    if i % 3 == 0
                    else ""
                ),
                owner_label=owner.label,
                partner_name=partner,
                start_on=None if milestone else begin,
                due_on=end,
                status_label=status.label,
                is_milestone=milestone,
            )
        )

    funding = []
    for i in range(n_funding):
        code, label, funder, cover, status, req, granted, nexts = _FUNDING[i % len(_FUNDING)]
        funding.append(
            FundingItem(
                scheme_code=code,
                scheme_label=label,
                funder=funder,
                cover_label=cover.label,
                status=status,
                requested_cents=req,
                granted_cents=granted,
                decision_on=(
                    today - timedelta(days=10 + i)
                    if status in (FundingStatus.GRANTED, FundingStatus.REFUSED)
                    else None
                ),
                next_steps=list(nexts),
            )
        )
    declared_cost = 2_900_000 if n_funding else None

    project = ProjectInfo(
        kind_label=ProjectKind.RECONVERSION.label,
        target_job_label="Aide-soignant / Aide-soignante",
        rome_code="J1501",
        rome_version="ROME 4.0",
        certification_label="Diplôme d'État d'aide-soignant (DEAS)",
        certification_code="RNCP35830",
        description=(
            "Quitter la grande distribution pour devenir aide-soignante en établissement de "
            "santé, après une formation de 12 mois en institut (IFAS), avec un projet de "
            "transition professionnelle pour garder sa rémunération."
        ),
        feasibility=[
            FeasibilityItem(
                FeasibilityAspect.LABOUR_MARKET.label,
                FeasibilityStatus.FAVOURABLE.label,
                "Métier en tension dans le département : nombreuses offres en EHPAD et à "
                "l'hôpital.",
            ),
            FeasibilityItem(
                FeasibilityAspect.SKILLS_GAP.label,
                FeasibilityStatus.RESERVED.label,
                "Savoir-être relationnel acquis ; gestes de soin à apprendre en formation.",
            ),
            FeasibilityItem(
                FeasibilityAspect.FINANCING.label,
                FeasibilityStatus.TO_CHECK.label,
                "Dépend de la décision de Transitions Pro.",
            ),
            FeasibilityItem(
                FeasibilityAspect.CONSTRAINTS.label,
                FeasibilityStatus.RESERVED.label,
                "Garde des enfants pendant les stages à organiser.",
            ),
            FeasibilityItem(
                FeasibilityAspect.PREREQUISITES.label,
                FeasibilityStatus.FAVOURABLE.label,
                "Aucun diplôme exigé ; sélection sur dossier et entretien.",
            ),
        ],
        declared_cost_cents=declared_cost,
    )

    return PlanDocument(
        issued_on=today,
        today=today,
        document_number=f"PA-{today.year}-000142",
        version=2,
        large_print=large_print,
        include_health=include_health,
        counsellor=CounsellorInfo(
            name="Camille Lefèvre",
            organisation="Mon CEP Île-de-France",
            operator_label="Opérateur régional « Mon CEP »",
            region="Île-de-France",
            email="camille.lefevre@exemple-cep.fr",
            phone="01 23 45 67 89",
            address="12 rue de la République, 94000 Créteil",
        ),
        beneficiary=PersonInfo(
            last_name="Martin",
            first_name="Élodie",
            birth_date=date(1988, 5, 14),
            public_label=Public.PRIVATE_EMPLOYEE.label,
            situation="En CDI à temps plein depuis 2012, horaires décalés.",
            job_title="Employée de libre-service",
            town="Vitry-sur-Seine",
            education_label="Niveau 4 (baccalauréat)",
            rqth=True,
            rqth_basis="Reconnaissance MDPH jusqu'en 2029",
        ),
        request=RequestInfo(
            request_date=today - timedelta(days=75),
            reasons=["Changer de métier ou de secteur", "Se former"],
            level_reached=2,
            level1_decision_label=Level1Decision.CONTINUE.label,
            expressed_request=(
                "« Je veux un métier utile, auprès des personnes. » Mme Martin souhaite quitter "
                "le commerce après 14 ans et s'intéresse aux métiers du soin."
            ),
            first_analysis=(
                "Projet déjà mûri : expérience d'aidante auprès de sa mère, contacts avec des "
                "soignants. Contraintes : deux enfants, pas de permis de conduire."
            ),
            environment_info=(
                "Besoins de recrutement importants dans le soin en Île-de-France ; "
                "salaires de début de carrière présentés."
            ),
            possible_steps="Immersion professionnelle, formation DEAS, projet de transition.",
            actors="IFAS du Val-de-Marne, Transitions Pro, relais petite enfance.",
            clarified_request=(
                "Devenir aide-soignante d'ici deux ans en gardant un revenu pendant la formation."
            ),
            info_given=(
                "Conditions du projet de transition professionnelle, calendrier des sélections "
                "des IFAS, aides à la garde d'enfants et au transport."
            ),
            remarks="Mme Martin souhaite que son employeur ne soit informé qu'au dernier moment.",
        ),
        needs=needs,
        project=project,
        skills=[
            SkillItem(
                "Soins d'hygiène et de confort",
                SkillState.TO_ACQUIRE.label,
                SkillMeans.TRAINING.label,
            ),
            SkillItem(
                "Relation et communication avec le patient",
                SkillState.PARTLY.label,
                SkillMeans.EXPERIENCE.label,
            ),
            SkillItem(
                "Transmissions écrites et orales",
                SkillState.TO_ACQUIRE.label,
                SkillMeans.TRAINING.label,
            ),
            SkillItem(
                "Travail en équipe pluriprofessionnelle",
                SkillState.ACQUIRED.label,
                SkillMeans.EXPERIENCE.label,
            ),
            SkillItem(
                "Gestes d'urgence (AFGSU niveau 2)",
                SkillState.TO_ACQUIRE.label,
                SkillMeans.TRAINING.label,
            ),
        ],  # fmt: skip
        steps=steps,
        funding=funding,
        totals=compute_totals(funding, declared_cost),
        contacts=[
            ContactItem(
                today - timedelta(days=40),
                "IFAS du Val-de-Marne",
                "Mme Durand, secrétariat pédagogique",
                "Dates de sélection et places disponibles",
                "Dossier à envoyer avant la date limite ; réunion d'information proposée.",
            ),
            ContactItem(
                today - timedelta(days=21),
                "Transitions Pro Île-de-France",
                "Service instruction",
                "Recevabilité du projet de transition",
                "Conditions d'ancienneté remplies ; dossier à déposer en ligne.",
            ),
            ContactItem(
                today - timedelta(days=7),
                "Relais petite enfance de Vitry",
                "",
                "Garde des enfants pendant les stages",
                "Liste d'assistantes maternelles remise.",
            ),
        ],
    )
