"""Eligibility marks: does the person meet a financing scheme's conditions? (issue #17.4)

Each scheme of the catalogue gets one of three marks, with the reasons in French:

- « conditions remplies »: the person's recorded data meet every condition of the scheme that
  bears on the person (as the catalogue states them, with their sources);
- « à vérifier »: a condition depends on data not recorded (unknown contract, seniority…), on
  facts the application does not hold (a France Travail registration, hours worked), or the
  catalogue itself flags it as uncertain;
- « non remplies »: recorded data contradict a condition (wrong public, contract or seniority).

The rules read the person's structured fields (contract type, seniority, full/part time, OPCO
and branch, PCS group, RQTH) and the conditions of ``schemes.json``; unknown data always give
« à vérifier », never « non remplies ». A rule only judges the person: the training's own
eligibility (certification, provider, duration) is never marked « remplie ». No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from cep_desk.catalogue import Scheme
from cep_desk.domain import ContractType, EducationLevel, Opco, Public, WorkingTime


class Mark(StrEnum):
    MET = "met"
    TO_CHECK = "to_check"
    NOT_MET = "not_met"

    @property
    def label(self) -> str:
        return _MARK_LABELS[self]


_MARK_LABELS = {
    Mark.MET: "conditions remplies",
    Mark.TO_CHECK: "à vérifier",
    Mark.NOT_MET: "non remplies",
}
_ORDER = {Mark.MET: 0, Mark.TO_CHECK: 1, Mark.NOT_MET: 2}

#: Contracts of employees under private law (a PTP, a période de reconversion…).
EMPLOYEE_CONTRACTS = frozenset(
    {
        ContractType.CDI,
        ContractType.CDD,
        ContractType.INTERIM,
        ContractType.APPRENTICESHIP,
        ContractType.PROFESSIONALISATION,
        ContractType.INTERMITTENT,
    }
)
PUBLIC_CONTRACTS = frozenset({ContractType.PUBLIC_TENURED, ContractType.PUBLIC_CONTRACT})

# Thresholds, each as schemes.json states it (the sources are in the catalogue entry).
#: PTP in a CDI: 24 months of salaried activity, 12 of them in the current firm.
PTP_CDI_ACTIVITY_MONTHS = 24
PTP_CDI_SENIORITY_MONTHS = 12
#: PTP in a CDD: 24 months of activity within the last 5 years (4 in CDD in the last 12).
PTP_CDD_ACTIVITY_MONTHS = 24
#: Démission-reconversion: 1 300 days worked in the 60 months before the end of the contract,
#: that is 5 years of continuous salaried activity (France Travail): with less than 60 months of
#: salaried activity in all the condition cannot be met; with more, only the payslips tell.
DEMISSION_MIN_MONTHS = 60
#: Pro-A: a qualification below the licence (level 6).
PRO_A_LEVELS_BELOW_LICENCE = frozenset(
    {EducationLevel.INFRA_3, EducationLevel.L3, EducationLevel.L4, EducationLevel.L5}
)


@dataclass(frozen=True)
class PersonFacts:
    """What the rules read about the person (codes as stored; ``None``: not recorded)."""

    status: str = Public.OTHER.value
    contract_type: str | None = None
    seniority_months: int | None = None
    activity_months: int | None = None
    working_time: str | None = None
    opco: str | None = None
    branch: str = ""
    pcs_group: str | None = None
    rqth: bool | None = None
    education_level: str | None = None

    @classmethod
    def of(cls, person: Any) -> PersonFacts:
        """From a ``BeneficiaryRecord`` (or anything with the same attributes)."""
        if person is None:
            return cls()
        names = cls.__dataclass_fields__
        return cls(**{n: getattr(person, n) for n in names if getattr(person, n, None) is not None})

    @property
    def public(self) -> Public:
        try:
            return Public(self.status)
        except ValueError:
            return Public.OTHER

    @property
    def contract(self) -> ContractType | None:
        try:
            return ContractType(self.contract_type) if self.contract_type else None
        except ValueError:
            return None


@dataclass(frozen=True)
class Assessment:
    """A scheme's mark for the person, and why (French sentences, most decisive first)."""

    scheme_code: str
    mark: Mark
    reasons: tuple[str, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def label(self) -> str:
        return self.mark.label

    @property
    def text(self) -> str:
        """One line: « Conditions remplies : … » / « À vérifier : … » / « Non remplies : … »."""
        head = self.label[0].upper() + self.label[1:]
        return f"{head} : {' '.join(self.reasons)}" if self.reasons else head


# --------------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------------

Check = tuple[Mark, str]


def _combine(code: str, checks: Iterable[Check], notes: Iterable[str] = ()) -> Assessment:
    """The worst mark wins. Not met: only the failed conditions are given; otherwise what is
    left to check comes first, then what is met."""
    items = list(checks) or [(Mark.TO_CHECK, "Conditions propres au dispositif, à vérifier.")]
    worst = max((m for m, _r in items), key=_ORDER.__getitem__)
    if worst is Mark.NOT_MET:
        reasons = [r for m, r in items if m is Mark.NOT_MET]
    else:
        reasons = [r for m, r in items if m is Mark.TO_CHECK]
        reasons += [r for m, r in items if m is Mark.MET]
    return Assessment(code, worst, tuple(reasons), tuple(notes))


def _unknown(what: str) -> Check:
    return (Mark.TO_CHECK, f"{what} non renseigné·e (onglet Identité).")


def _months(n: int) -> str:
    return f"{n} mois"


# --------------------------------------------------------------------------------------------
# One rule per scheme (schemes.json « conditions »); schemes without one get the generic rule
# --------------------------------------------------------------------------------------------

Rule = Callable[[Scheme, PersonFacts], list[Check]]


def _ptp(scheme: Scheme, p: PersonFacts) -> list[Check]:
    contract = p.contract
    if contract is None:
        return [_unknown("Type de contrat")]
    if contract in PUBLIC_CONTRACTS:
        return [(Mark.NOT_MET, "Le PTP est réservé aux salarié·es de droit privé.")]
    if contract is ContractType.NONE:
        return [
            (
                Mark.TO_CHECK,
                "Sans contrat en cours : seul un CDD terminé depuis 6 mois au plus ouvre le PTP "
                "(la formation commence au plus tard 6 mois après la fin du CDD).",
            )
        ]
    if p.rqth is True and contract in (ContractType.CDI, ContractType.CDD):
        return [
            (
                Mark.MET,
                "Bénéficiaire de l'obligation d'emploi (RQTH) : pas de condition d'ancienneté.",
            )
        ]
    if contract is ContractType.CDI:
        checks: list[Check] = []
        if p.activity_months is None:
            checks.append(_unknown("Durée d'activité salariée (24 mois requis)"))
        elif p.activity_months < PTP_CDI_ACTIVITY_MONTHS:
            checks.append(
                (
                    Mark.NOT_MET,
                    f"En CDI, 24 mois d'activité salariée sont requis "
                    f"({_months(p.activity_months)} notés).",
                )
            )
        else:
            checks.append((Mark.MET, "24 mois d'activité salariée au moins."))
        if p.seniority_months is None:
            checks.append(_unknown("Ancienneté dans l'entreprise (12 mois requis)"))
        elif p.seniority_months < PTP_CDI_SENIORITY_MONTHS:
            checks.append(
                (
                    Mark.NOT_MET,
                    f"En CDI, 12 mois d'ancienneté dans l'entreprise sont requis "
                    f"({_months(p.seniority_months)} notés).",
                )
            )
        else:
            checks.append((Mark.MET, "12 mois d'ancienneté dans l'entreprise au moins."))
        return checks
    if contract is ContractType.CDD:
        if p.activity_months is not None and p.activity_months < PTP_CDD_ACTIVITY_MONTHS:
            return [
                (
                    Mark.NOT_MET,
                    f"En CDD, 24 mois d'activité salariée au cours des 5 dernières années sont "
                    f"requis ({_months(p.activity_months)} notés en tout).",
                )
            ]
        return [
            (
                Mark.TO_CHECK,
                "En CDD : 24 mois d'activité salariée au cours des 5 dernières années, dont "
                "4 mois en CDD au cours des 12 derniers mois, à vérifier sur les bulletins.",
            )
        ]
    if contract is ContractType.INTERIM:
        return [
            (
                Mark.TO_CHECK,
                "En intérim : 1 600 heures dans la branche, dont 600 heures dans l'entreprise "
                "de travail temporaire, à vérifier.",
            )
        ]
    if contract is ContractType.INTERMITTENT:
        return [(Mark.TO_CHECK, "Intermittent·es : seuils d'ancienneté propres, à vérifier.")]
    return [(Mark.TO_CHECK, "Conditions d'ancienneté pour ce contrat à vérifier.")]


def _demission(scheme: Scheme, p: PersonFacts) -> list[Check]:
    contract = p.contract
    if contract is None:
        return [_unknown("Type de contrat (CDI requis)")]
    if contract is not ContractType.CDI:
        return [(Mark.NOT_MET, "Réservé aux salarié·es en CDI qui démissionnent.")]
    if p.activity_months is None:
        return [_unknown("Durée d'activité salariée (1 300 jours sur 60 mois requis)")]
    if p.activity_months < DEMISSION_MIN_MONTHS:
        return [
            (
                Mark.NOT_MET,
                f"1 300 jours travaillés au cours des 60 derniers mois sont requis : "
                f"{_months(p.activity_months)} d'activité salariée n'y suffisent pas.",
            )
        ]
    return [
        (Mark.MET, "CDI."),
        (
            Mark.TO_CHECK,
            "1 300 jours travaillés au cours des 60 mois précédant la démission, à vérifier "
            "sur les bulletins (congé sabbatique et congé sans solde exclus).",
        ),
    ]


def _employee_with_contract(what: str) -> Rule:
    def rule(scheme: Scheme, p: PersonFacts) -> list[Check]:
        contract = p.contract
        if contract is None:
            return [_unknown("Type de contrat")]
        if contract in EMPLOYEE_CONTRACTS:
            return [(Mark.MET, what)]
        if contract in PUBLIC_CONTRACTS:
            return [(Mark.NOT_MET, "Réservé aux salarié·es de droit privé.")]
        if contract is ContractType.NONE:
            return [(Mark.NOT_MET, "Suppose un contrat de travail en cours.")]
        return [(Mark.TO_CHECK, "Contrat à vérifier.")]

    return rule


def _periode_reconversion(scheme: Scheme, p: PersonFacts) -> list[Check]:
    checks = _employee_with_contract(
        "Salarié·e (sans condition d'âge, d'expérience ni de niveau)."
    )(scheme, p)
    if checks[0][0] is Mark.MET and p.contract is not ContractType.CDI:
        return [
            (
                Mark.TO_CHECK,
                "Hors CDI, le contrat ouvre-t-il la période de reconversion ? Une source la "
                "réserve au CDI ou au CDD d'au moins 6 mois : à vérifier auprès de l'OPCO.",
            )
        ]
    return checks


def _pro_a(scheme: Scheme, p: PersonFacts) -> list[Check]:
    contract = p.contract
    checks: list[Check] = []
    if contract is None:
        checks.append(_unknown("Type de contrat (CDI requis)"))
    elif contract is ContractType.CDI:
        checks.append((Mark.MET, "CDI."))
    else:
        checks.append(
            (Mark.TO_CHECK, "Hors CDI, seuls certains contrats (CUI-CDI…) ouvrent Pro-A.")
        )
    if p.education_level is None:
        checks.append(_unknown("Niveau de formation (inférieur à la licence requis)"))
    elif EducationLevel(p.education_level) in PRO_A_LEVELS_BELOW_LICENCE:
        checks.append((Mark.MET, "Qualification inférieure à la licence."))
    else:
        checks.append(
            (Mark.NOT_MET, "Pro-A est réservée aux qualifications inférieures à la licence.")
        )
    return checks


def _boeth(public_note: str) -> Rule:
    def rule(scheme: Scheme, p: PersonFacts) -> list[Check]:
        if p.rqth is True:
            return [
                (Mark.MET, "RQTH notée : bénéficiaire de l'obligation d'emploi."),
                (Mark.TO_CHECK, public_note),
            ]
        if p.rqth is False:
            return [
                (
                    Mark.TO_CHECK,
                    "Pas de RQTH notée : d'autres titres ouvrent l'obligation d'emploi (pension "
                    "d'invalidité, AAH, AT/MP avec incapacité d'au moins 10 %…), à vérifier.",
                )
            ]
        return [_unknown("RQTH (obligation d'emploi requise)")]

    return rule


def _open_to_all(reason: str) -> Rule:
    def rule(scheme: Scheme, p: PersonFacts) -> list[Check]:
        return [(Mark.MET, reason)]

    return rule


def _to_check(reason: str) -> Rule:
    def rule(scheme: Scheme, p: PersonFacts) -> list[Check]:
        return [(Mark.TO_CHECK, reason)]

    return rule


def _afdas(scheme: Scheme, p: PersonFacts) -> list[Check]:
    if p.contract is ContractType.INTERMITTENT:
        return [
            (
                Mark.TO_CHECK,
                "Intermittent·es : 48 cachets ou jours (artistes), 88 ou 130 jours (technicien·nes) "
                "sur les 24 derniers mois, et délai de carence, à vérifier.",
            )
        ]
    if p.public is Public.PRIVATE_EMPLOYEE and p.contract is not None:
        return [
            (
                Mark.NOT_MET,
                "Côté salarié·es, ce financement vise les intermittent·es du spectacle ; les autres "
                "salarié·es passent par leur employeur.",
            )
        ]
    return [
        (
            Mark.TO_CHECK,
            "Artistes-auteur·es : seuil de revenus artistiques sur 3 ou 5 ans, à vérifier.",
        )
    ]


def _arce(scheme: Scheme, p: PersonFacts) -> list[Check]:
    checks: list[Check] = [
        (Mark.TO_CHECK, "Droits à l'ARE et projet de création ou de reprise, à vérifier.")
    ]
    if p.contract is ContractType.CDI and p.working_time == WorkingTime.FULL.value:
        checks.append(
            (
                Mark.TO_CHECK,
                "En CDI à temps plein, le second versement de l'ARCE n'est pas dû (depuis le "
                "1er avril 2025).",
            )
        )
    return checks


_FUND_NAF = (
    "Le fonds d'assurance formation compétent dépend de l'activité (code NAF), et la "
    "contribution à la formation professionnelle doit être à jour : à vérifier."
)

RULES: dict[str, Rule] = {
    "cpf": _open_to_all(
        "Toute personne active a un CPF ; solde et formation éligible à vérifier sur "
        "moncompteformation.gouv.fr."
    ),
    "ptp": _ptp,
    "demission_reconversion": _demission,
    "periode_reconversion": _periode_reconversion,
    "pro_a": _pro_a,
    "transco": _to_check("Emploi fragilisé (accord de GEPP) et ancienneté du PTP, à vérifier."),
    "plan_developpement": _employee_with_contract(
        "Salarié·e : la formation relève de la décision de l'employeur (ce n'est pas un droit)."
    ),
    "aif": _to_check(
        "Inscription à France Travail et projet validé par son conseiller, à vérifier."
    ),
    "poei": _to_check("Offre d'emploi déposée à France Travail et embauche visée, à vérifier."),
    "poec": _to_check("Prescription par France Travail, à vérifier."),
    "region": _to_check("Publics et conditions propres à la Région, à vérifier."),
    "region_creation": _to_check("Publics et conditions propres à la Région, à vérifier."),
    "agefiph": _boeth(
        "Aide à la création : étude du projet avec un expert habilité, demande avant "
        "l'immatriculation ou dans les 6 mois, à vérifier."
    ),
    "fiphfp": _boeth(
        "Aides du FIPHFP et leurs conditions, à vérifier auprès de l'employeur public."
    ),
    "agefice": _to_check(_FUND_NAF),
    "fif_pl": _to_check(_FUND_NAF),
    "faf_pm": _to_check(_FUND_NAF),
    "fafcea": _to_check(_FUND_NAF),
    "vivea": _to_check(_FUND_NAF),
    "afdas": _afdas,
    "arce": _arce,
    "acre": _to_check(
        "Public de l'article L.5141-1 du code du travail (ou création en ZFRR), à vérifier ; "
        "demande dans les 60 jours."
    ),
    "vae": _to_check(
        "Pas de durée minimale ; une expérience en rapport avec la certification visée, à vérifier."
    ),
    "bilan_competences": _open_to_all("Ouvert à toute personne active."),
}


# --------------------------------------------------------------------------------------------
# Assessing
# --------------------------------------------------------------------------------------------


def assess(scheme: Scheme, person: PersonFacts | Any, on: date) -> Assessment:
    """The mark of ``scheme`` for ``person`` on the day ``on`` (the session's date)."""
    facts = person if isinstance(person, PersonFacts) else PersonFacts.of(person)
    code = scheme.code
    if scheme.valid_from and on < scheme.valid_from:
        return Assessment(code, Mark.NOT_MET, ("Dispositif pas encore en vigueur à cette date.",))
    if scheme.ended_on(on):
        return Assessment(
            code, Mark.NOT_MET, ("Dispositif qui n'est plus en vigueur à cette date.",)
        )
    public = facts.public
    if public is Public.OTHER:
        checks: list[Check] = [
            (Mark.TO_CHECK, "Statut de la personne non renseigné (onglet Identité).")
        ]
    elif not scheme.serves(public):
        return Assessment(
            code,
            Mark.NOT_MET,
            (f"Ce dispositif n'est pas prévu pour : {public.label.lower()}.",),
        )
    else:
        checks = []
    rule = RULES.get(code)
    checks += rule(scheme, facts) if rule else []
    notes: list[str] = []
    if facts.opco and code in ("plan_developpement", "periode_reconversion", "pro_a"):
        notes.append(f"OPCO de l'entreprise : {Opco.label_of(facts.opco)}.")
    if code == "ptp":
        notes.append("Le métier visé doit différer du métier actuel (codes ROME).")
    return _combine(code, checks, notes)


def assess_all(schemes: Iterable[Scheme], person: Any, on: date) -> dict[str, Assessment]:
    """Every scheme's mark, by code."""
    facts = person if isinstance(person, PersonFacts) else PersonFacts.of(person)
    return {s.code: assess(s, facts, on) for s in schemes}
