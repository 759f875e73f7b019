"""Domain vocabulary and rules of the CEP, free of Qt and of the database.

Every enumeration stores a stable ASCII code in the database and carries its French label here,
in one place. Rules (level transitions, priority order, financing totals, retention, validation)
are plain functions so that the UI, the CLI, the PDF and the tests share them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Self


class ValidationError(ValueError):
    """Bad input, with a French message fit to show to the counsellor, and the field at fault."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class LabelledEnum(StrEnum):
    """A StrEnum whose members have a French label (``LABELS`` on the class)."""

    @property
    def label(self) -> str:
        return _LABELS[type(self).__name__][self.value]

    @classmethod
    def label_of(cls, code: object) -> str:
        """The French label of a stored code; an unknown code is shown as it is, and an
        empty one as ``""`` (older or imported data must still display)."""
        if code is None or code == "":
            return ""
        try:
            return cls(str(code)).label
        except ValueError:
            return str(code)

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]

    @classmethod
    def parse(cls, value: str | None, field: str | None = None) -> Self | None:
        if value is None or value == "":
            return None
        try:
            return cls(value)
        except ValueError:
            raise ValidationError(f"Valeur inconnue : « {value} ».", field) from None


_LABELS: dict[str, dict[str, str]] = {}


def _labels(cls_name: str, mapping: dict[str, str]) -> None:
    _LABELS[cls_name] = mapping


class Public(LabelledEnum):
    """The eight publics of the CEP (service-public.fr F32457), plus 'autre'."""

    PRIVATE_EMPLOYEE = "private_employee"
    PUBLIC_AGENT = "public_agent"
    SELF_EMPLOYED = "self_employed"
    JOB_SEEKER = "job_seeker"
    CRAFTSPERSON = "craftsperson"
    LIBERAL_PROFESSION = "liberal_profession"
    MICRO_ENTREPRENEUR = "micro_entrepreneur"
    YOUNG_UNQUALIFIED = "young_unqualified"
    OTHER = "other"


_labels(
    "Public",
    {
        "private_employee": "Salarié·e du secteur privé",
        "public_agent": "Agent du secteur public",
        "self_employed": "Travailleur·se indépendant·e",
        "job_seeker": "Personne en recherche d'emploi",
        "craftsperson": "Artisan·e",
        "liberal_profession": "Profession libérale",
        "micro_entrepreneur": "Auto-entrepreneur·e",
        "young_unqualified": "Jeune sorti·e du système scolaire sans qualification",
        "other": "Autre situation",
    },
)

# Short forms for the list of people, whose Public column is narrow (the full label is its
# tooltip and its accessible text).
PUBLIC_SHORT: dict[str, str] = {
    "private_employee": "Salarié·e privé",
    "public_agent": "Agent public",
    "self_employed": "Indépendant·e",
    "job_seeker": "Dem. d'emploi",
    "craftsperson": "Artisan·e",
    "liberal_profession": "Prof. libérale",
    "micro_entrepreneur": "Auto-entrepr.",
    "young_unqualified": "Jeune non qualifié·e",
    "other": "Autre",
}


class Sex(LabelledEnum):
    FEMALE = "F"
    MALE = "M"
    UNSPECIFIED = "X"


_labels("Sex", {"F": "Femme", "M": "Homme", "X": "Non précisé"})


class EducationLevel(LabelledEnum):
    """National certification framework (2019): infra-3, then levels 3 to 8."""

    INFRA_3 = "infra3"
    L3 = "3"
    L4 = "4"
    L5 = "5"
    L6 = "6"
    L7 = "7"
    L8 = "8"


_labels(
    "EducationLevel",
    {
        "infra3": "Sans diplôme (infra 3)",
        "3": "Niveau 3 (CAP, BEP)",
        "4": "Niveau 4 (baccalauréat)",
        "5": "Niveau 5 (bac + 2)",
        "6": "Niveau 6 (bac + 3, licence)",
        "7": "Niveau 7 (bac + 5, master)",
        "8": "Niveau 8 (doctorat)",
    },
)


# --- eligibility data (issue #17.4): what financing schemes depend on ------------------------


class ContractType(LabelledEnum):
    """The person's employment contract, as financing schemes read it (PTP, démission-
    reconversion, période de reconversion)."""

    CDI = "cdi"
    CDD = "cdd"
    INTERIM = "interim"
    APPRENTICESHIP = "apprenticeship"
    PROFESSIONALISATION = "professionalisation"
    INTERMITTENT = "intermittent"
    PUBLIC_TENURED = "public_tenured"
    PUBLIC_CONTRACT = "public_contract"
    NONE = "none"
    OTHER = "other"


_labels(
    "ContractType",
    {
        "cdi": "CDI",
        "cdd": "CDD",
        "interim": "Intérim (missions)",
        "apprenticeship": "Contrat d'apprentissage",
        "professionalisation": "Contrat de professionnalisation",
        "intermittent": "Intermittent·e du spectacle",
        "public_tenured": "Fonctionnaire titulaire",
        "public_contract": "Agent contractuel du secteur public",
        "none": "Sans contrat de travail",
        "other": "Autre contrat",
    },
)


class WorkingTime(LabelledEnum):
    FULL = "full"
    PART = "part"


_labels("WorkingTime", {"full": "Temps plein", "part": "Temps partiel"})


class Opco(LabelledEnum):
    """The eleven OPCO (opérateurs de compétences) approved since 2019."""

    AFDAS = "afdas"
    AKTO = "akto"
    ATLAS = "atlas"
    CONSTRUCTYS = "constructys"
    OCAPIAT = "ocapiat"
    OPCO_2I = "opco_2i"
    OPCO_EP = "opco_ep"
    OPCO_MOBILITES = "opco_mobilites"
    OPCO_SANTE = "opco_sante"
    OPCOMMERCE = "opcommerce"
    UNIFORMATION = "uniformation"


_labels(
    "Opco",
    {
        "afdas": "Afdas",
        "akto": "Akto",
        "atlas": "Atlas",
        "constructys": "Constructys",
        "ocapiat": "Ocapiat",
        "opco_2i": "OPCO 2i",
        "opco_ep": "OPCO EP",
        "opco_mobilites": "OPCO Mobilités",
        "opco_sante": "OPCO Santé",
        "opcommerce": "L'Opcommerce",
        "uniformation": "Uniformation",
    },
)


class PcsGroup(LabelledEnum):
    """Socio-professional category: the groups of the INSEE nomenclature PCS 2020."""

    FARMERS = "1"
    CRAFTS_TRADE_HEADS = "2"
    EXECUTIVES = "3"
    INTERMEDIATE = "4"
    EMPLOYEES = "5"
    WORKERS = "6"
    NO_ACTIVITY = "8"


_labels(
    "PcsGroup",
    {
        "1": "Agriculteur·rices exploitant·es",
        "2": "Artisan·es, commerçant·es, chef·fes d'entreprise",
        "3": "Cadres, professions intellectuelles supérieures",
        "4": "Professions intermédiaires",
        "5": "Employé·es",
        "6": "Ouvrier·ères",
        "8": "Sans activité professionnelle",
    },
)


class RequestReason(LabelledEnum):
    RECONVERSION = "reconversion"
    CREATION = "creation"
    EVOLUTION = "evolution"
    TRAINING = "training"
    VAE = "vae"
    RESIGNATION_RECONVERSION = "resignation_reconversion"
    RETURN_TO_WORK = "return_to_work"
    TAKE_STOCK = "take_stock"
    OTHER = "other"


_labels(
    "RequestReason",
    {
        "reconversion": "Changer de métier ou de secteur",
        "creation": "Créer ou reprendre une entreprise",
        "evolution": "Évoluer dans son emploi",
        "training": "Se former",
        "vae": "Faire une VAE",
        "resignation_reconversion": "Démission-reconversion",
        "return_to_work": "Retrouver un emploi",
        "take_stock": "Faire le point",
        "other": "Autre demande",
    },
)


class Level1Decision(LabelledEnum):
    CONTINUE = "continue"
    STOP = "stop"
    REDIRECT = "redirect"


_labels(
    "Level1Decision",
    {
        "continue": "Poursuivre en niveau 2",
        "stop": "S'arrêter au niveau 1",
        "redirect": "Réorienter vers un autre acteur",
    },
)


class Outcome(LabelledEnum):
    PROJECT_FORMALISED = "project_formalised"
    TRAINING_STARTED = "training_started"
    JOB_FOUND = "job_found"
    BUSINESS_CREATED = "business_created"
    REDIRECTED = "redirected"
    ABANDONED = "abandoned"
    OTHER = "other"


_labels(
    "Outcome",
    {
        "project_formalised": "Projet formalisé",
        "training_started": "Entrée en formation",
        "job_found": "Emploi trouvé ou conservé",
        "business_created": "Entreprise créée ou reprise",
        "redirected": "Réorienté·e",
        "abandoned": "Abandon",
        "other": "Autre",
    },
)


# --------------------------------------------------------------------------------------------
# Satisfaction at the end of a level, six-month follow-up (issue #12, items 2 and 3).
# France compétences' questionnaire is not public: these questions and their scales are
# CEP Desk's own design. Only the two six-month questions (« situation plus satisfaisante »,
# « service utile ») are the published indicators (defi-metiers.fr 15/03/2022;
# francecompetences.fr, « enseignements du marché 2020-2023 »).
# --------------------------------------------------------------------------------------------


class AnswerChannel(LabelledEnum):
    SCREEN = "screen"
    PAPER = "paper"


_labels("AnswerChannel", {"screen": "À l'écran", "paper": "Sur papier"})

# The 4-level scales: 4 = the best answer … 1 = the worst; None = no answer.
SATISFACTION_SCALE: dict[int, str] = {
    4: "Très satisfait·e",
    3: "Plutôt satisfait·e",
    2: "Plutôt pas satisfait·e",
    1: "Pas du tout satisfait·e",
}
USEFULNESS_SCALE: dict[int, str] = {
    4: "Très utile",
    3: "Plutôt utile",
    2: "Peu utile",
    1: "Pas du tout utile",
}


# The questionnaire's wording, shared by the screen, the paper form and the typing dialog.
QUESTION_SATISFACTION = "Dans l'ensemble, êtes-vous satisfait·e de l'accompagnement reçu ?"
QUESTION_USEFULNESS = "Cet accompagnement vous a-t-il été utile pour votre projet ?"
QUESTION_RECOMMEND = "Recommanderiez-vous ce service à une personne de votre entourage ?"
QUESTION_COMMENT = "Souhaitez-vous ajouter un commentaire ? (facultatif)"
# The two six-month questions, as France compétences publishes the indicators.
QUESTION_MORE_SATISFYING = "Votre situation professionnelle est-elle plus satisfaisante ?"
QUESTION_SERVICE_USEFUL = "Le conseil en évolution professionnelle vous a-t-il été utile ?"


class FollowupStatus(LabelledEnum):
    PENDING = "pending"
    DONE = "done"
    UNREACHABLE = "unreachable"


_labels(
    "FollowupStatus",
    {"pending": "À faire", "done": "Fait", "unreachable": "Personne injoignable"},
)


class FollowupSituation(LabelledEnum):
    EMPLOYED_SAME = "employed_same"
    EMPLOYED_NEW = "employed_new"
    TRAINING = "training"
    JOB_SEEKER = "job_seeker"
    BUSINESS = "business"
    OTHER = "other"


_labels(
    "FollowupSituation",
    {
        "employed_same": "En emploi, même poste ou même employeur",
        "employed_new": "En emploi, nouveau poste ou nouvel employeur",
        "training": "En formation",
        "job_seeker": "En recherche d'emploi",
        "business": "Création ou reprise d'entreprise",
        "other": "Autre situation",
    },
)


class FollowupProject(LabelledEnum):
    CARRIED_OUT = "carried_out"
    IN_PROGRESS = "in_progress"
    CHANGED = "changed"
    ABANDONED = "abandoned"


_labels(
    "FollowupProject",
    {
        "carried_out": "Projet réalisé",
        "in_progress": "Projet en cours",
        "changed": "Projet modifié",
        "abandoned": "Projet abandonné",
    },
)


class Modality(LabelledEnum):
    FACE_TO_FACE = "face_to_face"
    PHONE = "phone"
    VIDEO = "video"


_labels(
    "Modality", {"face_to_face": "En présentiel", "phone": "Par téléphone", "video": "En visio"}
)


class AppointmentStatus(LabelledEnum):
    """The state of an appointment of the agenda (issue #12, item 1)."""

    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"
    MISSED = "missed"


_labels(
    "AppointmentStatus",
    {"planned": "Prévu", "held": "Honoré", "cancelled": "Annulé", "missed": "Non honoré"},
)


class NeedTheme(LabelledEnum):
    INFORMATION = "information"
    TRAINING = "training"
    CERTIFICATION = "certification"
    FINANCING = "financing"
    BUSINESS_CREATION = "business_creation"
    MOBILITY = "mobility"
    HEALTH = "health"
    CHILDCARE = "childcare"
    DIGITAL = "digital"
    LANGUAGE = "language"
    HOUSING = "housing"
    OTHER = "other"


_labels(
    "NeedTheme",
    {
        "information": "Information",
        "training": "Formation",
        "certification": "Certification, VAE",
        "financing": "Financement",
        "business_creation": "Création d'entreprise",
        "mobility": "Mobilité",
        "health": "Santé, handicap",
        "childcare": "Garde d'enfants",
        "digital": "Numérique",
        "language": "Langue française",
        "housing": "Logement",
        "other": "Autre",
    },
)


class NeedStatus(LabelledEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    MET = "met"
    DROPPED = "dropped"


_labels(
    "NeedStatus",
    {"open": "À traiter", "in_progress": "En cours", "met": "Satisfait", "dropped": "Abandonné"},
)


class ProjectKind(LabelledEnum):
    RECONVERSION = "reconversion"
    RETURN_TO_WORK = "return_to_work"
    CREATION = "creation"
    TAKEOVER = "takeover"
    EVOLUTION = "evolution"
    TRAINING = "training"
    VAE = "vae"
    OTHER = "other"


_labels(
    "ProjectKind",
    {
        "reconversion": "Reconversion professionnelle",
        "return_to_work": "Retour à l'emploi",
        "creation": "Création d'entreprise",
        "takeover": "Reprise d'entreprise",
        "evolution": "Évolution dans l'emploi",
        "training": "Formation qualifiante",
        "vae": "Validation des acquis de l'expérience",
        "other": "Autre projet",
    },
)


class FeasibilityAspect(LabelledEnum):
    LABOUR_MARKET = "labour_market"
    SKILLS_GAP = "skills_gap"
    FINANCING = "financing"
    CONSTRAINTS = "constraints"
    PREREQUISITES = "prerequisites"


_labels(
    "FeasibilityAspect",
    {
        "labour_market": "Marché du travail",
        "skills_gap": "Écart de compétences",
        "financing": "Financement",
        "constraints": "Contraintes personnelles",
        "prerequisites": "Prérequis",
    },
)


class FeasibilityStatus(LabelledEnum):
    TO_CHECK = "to_check"
    FAVOURABLE = "favourable"
    RESERVED = "reserved"
    BLOCKING = "blocking"


_labels(
    "FeasibilityStatus",
    {
        "to_check": "À vérifier",
        "favourable": "Favorable",
        "reserved": "Avec réserves",
        "blocking": "Point bloquant",
    },
)


class SkillState(LabelledEnum):
    ACQUIRED = "acquired"
    PARTLY = "partly"
    TO_ACQUIRE = "to_acquire"


_labels(
    "SkillState",
    {"acquired": "Acquise", "partly": "En partie acquise", "to_acquire": "À acquérir"},
)


class SkillMeans(LabelledEnum):
    TRAINING = "training"
    VAE = "vae"
    EXPERIENCE = "experience"


_labels(
    "SkillMeans",
    {"training": "Formation", "vae": "VAE", "experience": "Expérience"},
)


class StepOwner(LabelledEnum):
    BENEFICIARY = "beneficiary"
    COUNSELLOR = "counsellor"
    PARTNER = "partner"


_labels(
    "StepOwner",
    {"beneficiary": "La personne", "counsellor": "Le conseiller", "partner": "Un partenaire"},
)


class StepStatus(LabelledEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


_labels(
    "StepStatus",
    {"planned": "Prévue", "in_progress": "En cours", "done": "Faite", "cancelled": "Annulée"},
)


class FundingCover(LabelledEnum):
    TEACHING = "teaching"
    PAY = "pay"
    EXPENSES = "expenses"
    CAPITAL = "capital"
    OTHER = "other"


_labels(
    "FundingCover",
    {
        "teaching": "Frais pédagogiques",
        "pay": "Rémunération",
        "expenses": "Frais annexes",
        "capital": "Aide à la création",
        "other": "Autre",
    },
)


class FundingStatus(LabelledEnum):
    CONSIDERED = "considered"
    REQUESTED = "requested"
    GRANTED = "granted"
    REFUSED = "refused"


_labels(
    "FundingStatus",
    {
        "considered": "Envisagé",
        "requested": "Demandé",
        "granted": "Accordé",
        "refused": "Refusé",
    },
)


class DocumentKind(LabelledEnum):
    ACTION_PLAN = "action_plan"
    INFORMATION_NOTICE = "information_notice"
    ACCESS_EXPORT = "access_export"
    CEP_OPINION = "cep_opinion"
    PTP_ABSENCE_REQUEST = "ptp_absence_request"


_labels(
    "DocumentKind",
    {
        "action_plan": "Plan d'action",
        "information_notice": "Notice d'information",
        "access_export": "Copie du dossier (droit d'accès)",
        "cep_opinion": "Avis du CEP (démission-reconversion)",
        "ptp_absence_request": "Demande d'absence à l'employeur (PTP)",
    },
)


class OperatorKind(LabelledEnum):
    REGIONAL = "regional"
    FRANCE_TRAVAIL = "france_travail"
    APEC = "apec"
    MISSION_LOCALE = "mission_locale"
    CAP_EMPLOI = "cap_emploi"
    PUBLIC_EMPLOYER = "public_employer"
    OTHER = "other"


_labels(
    "OperatorKind",
    {
        "regional": "Opérateur régional « Mon CEP »",
        "france_travail": "France Travail",
        "apec": "Apec",
        "mission_locale": "Mission locale",
        "cap_emploi": "Cap emploi",
        "public_employer": "Employeur public",
        "other": "Autre",
    },
)


class AuditAction(LabelledEnum):
    OPEN = "open"
    CREATE = "create"
    CHANGE = "change"
    DELETE = "delete"
    EXPORT = "export"
    PRINT = "print"
    ERASE = "erase"
    BACKUP = "backup"
    RESTORE = "restore"
    IMPORT = "import"
    UNLOCK = "unlock"
    LOCK = "lock"
    PASSWD = "passwd"


_labels(
    "AuditAction",
    {
        "open": "Consultation",
        "create": "Création",
        "change": "Modification",
        "delete": "Suppression",
        "export": "Export",
        "print": "Impression",
        "erase": "Effacement",
        "backup": "Sauvegarde",
        "restore": "Restauration",
        "import": "Import",
        "unlock": "Déverrouillage",
        "lock": "Verrouillage",
        "passwd": "Changement de phrase de passe",
    },
)


class AuditEntity(StrEnum):
    """What an audit event is about: the stored ``entity`` of the trail, in one place (the
    history tab gives each its French label)."""

    WORKSPACE = "workspace"
    BENEFICIARY = "beneficiary"
    JOURNEY = "journey"
    SESSION = "session"
    NEED = "need"
    PROJECT = "project"
    FEASIBILITY = "feasibility"
    SKILL = "skill"
    STEP = "step"
    FUNDING = "funding"
    CONTACT = "contact"
    DOCUMENT = "document"
    SATISFACTION = "satisfaction"
    FOLLOWUP = "followup"
    APPOINTMENT = "appointment"


# --------------------------------------------------------------------------------------------
# Validation helpers
# --------------------------------------------------------------------------------------------

MAX_TEXT = 100_000  # characters in one free-text field
MAX_NAME = 200


def clean_text(value: str | None, *, field: str, max_len: int = MAX_TEXT) -> str:
    """Normalise a free text (NFC, strip, no NUL); refuse an oversized one."""
    text = unicodedata.normalize("NFC", value or "").replace("\x00", "").strip()
    if len(text) > max_len:
        raise ValidationError(
            f"Texte trop long ({len(text)} caractères, {max_len} au plus).", field
        )
    return text


def require_name(value: str | None, *, field: str, label: str) -> str:
    text = clean_text(value, field=field, max_len=MAX_NAME)
    if not text:
        raise ValidationError(f"{label} est obligatoire.", field)
    return text


def check_period(start: date | None, end: date | None, *, field: str = "due_on") -> None:
    if start and end and end < start:
        raise ValidationError("La date de fin ne peut pas précéder la date de début.", field)


def check_amount(cents: int | None, *, field: str) -> int | None:
    if cents is None:
        return None
    if not isinstance(cents, int) or isinstance(cents, bool):
        raise ValidationError("Montant invalide.", field)
    if cents < 0:
        raise ValidationError("Le montant ne peut pas être négatif.", field)
    if cents > 10**12:
        raise ValidationError("Le montant est trop élevé.", field)
    return cents


def check_plausible_date(value: date | None, *, field: str) -> date | None:
    if value is None:
        return None
    if not (date(1900, 1, 1) <= value <= date(2100, 12, 31)):
        raise ValidationError("Date hors des limites plausibles (1900-2100).", field)
    return value


def check_birth_date(value: date | None, today: date | None = None) -> date | None:
    if value is None:
        return None
    today = today or date.today()
    if value > today:
        raise ValidationError("La date de naissance est dans le futur.", "birth_date")
    if value < date(today.year - 110, 1, 1):
        raise ValidationError("Date de naissance invraisemblable.", "birth_date")
    return value


def check_level(level: int) -> int:
    if level not in (1, 2):
        raise ValidationError("Le niveau d'un entretien est 1 ou 2.", "level")
    return level


# --------------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------------


def level_after_session(current: int, session_level: int) -> int:
    """The level a journey has reached once a session of ``session_level`` took place."""
    return max(current or 0, check_level(session_level))


def can_open_level2(decision: Level1Decision | None) -> bool:
    """Level 2 follows a level-1 decision to go on (the levels are not strictly successive:
    a person may also start directly at level 2, so ``None`` allows it too)."""
    return decision in (None, Level1Decision.CONTINUE)


def move_in_order(order: Sequence[int], item: int, delta: int) -> list[int]:
    """Move ``item`` by ``delta`` places (clamped); the result is a permutation of ``order``."""
    result = list(order)
    i = result.index(item)
    j = max(0, min(len(result) - 1, i + delta))
    result.insert(j, result.pop(i))
    return result


def move_to(order: Sequence[int], item: int, index: int) -> list[int]:
    """Move ``item`` to position ``index`` (clamped), as a drag and drop does."""
    result = list(order)
    result.remove(item)
    index = max(0, min(len(result), index))
    result.insert(index, item)
    return result


@dataclass(frozen=True)
class FundingTotals:
    """Financing plan totals, all in integer cents, never negative."""

    cost: int
    funded: int
    pending: int
    left_to_pay: int


@dataclass(frozen=True)
class FundingLineAmounts:
    status: FundingStatus
    requested: int | None
    granted: int | None


def funding_totals(
    lines: Iterable[FundingLineAmounts], declared_cost: int | None = None
) -> FundingTotals:
    """Cost, funded amount, amount still pending, and what is left to the person.

    - cost: the project's declared cost when given, else the sum requested over lines not refused;
    - funded: what has been granted (lines with status *accordé*: the granted amount, or the
      requested amount when the grant was not typed);
    - pending: what is awaiting a decision: lines requested from the funder (*demandé*);
      lines only considered (*envisagé*) are not asked for yet and do not count;
    - left to pay: cost minus funded, never below zero.
    """
    requested_total = funded = pending = 0
    for line in lines:
        req = line.requested or 0
        if line.status is FundingStatus.REFUSED:
            continue
        requested_total += req
        if line.status is FundingStatus.GRANTED:
            funded += line.granted if line.granted is not None else req
        elif line.status is FundingStatus.REQUESTED:
            pending += req
    cost = declared_cost if declared_cost is not None else requested_total
    return FundingTotals(
        cost=cost, funded=funded, pending=pending, left_to_pay=max(0, cost - funded)
    )


def age_on(birth_date: date | None, on: date) -> int | None:
    """Full years of age on ``on`` (a birthday on 29 February counts from 1 March in other
    years); ``None`` when the birth date is unknown or after ``on``."""
    if birth_date is None or birth_date > on:
        return None
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


DEFAULT_RETENTION_YEARS = 2


def retention_deadline(last_contact: date, years: int = DEFAULT_RETENTION_YEARS) -> date:
    """The day after which a file without contact is proposed for purge (CNIL: 2 years)."""
    try:
        return last_contact.replace(year=last_contact.year + years)
    except ValueError:  # 29 February
        return last_contact.replace(year=last_contact.year + years, day=28) + timedelta(days=1)


def is_past_retention(
    last_contact: date | None, today: date, years: int = DEFAULT_RETENTION_YEARS
) -> bool:
    return last_contact is not None and today > retention_deadline(last_contact, years)


def age_band(birth_date: date | None, on: date) -> str:
    """Age band used in anonymised statistics."""
    if birth_date is None:
        return "non renseigné"
    age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    if age < 26:
        return "moins de 26 ans"
    if age < 35:
        return "26-34 ans"
    if age < 45:
        return "35-44 ans"
    if age < 55:
        return "45-54 ans"
    return "55 ans et plus"
