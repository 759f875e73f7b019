"""Eligibility marks (issue #17.4): each scheme of the shipped catalogue, for recorded and
unknown person data. Real catalogue, no Qt."""

from __future__ import annotations

from datetime import date

import pytest

from cep_desk import eligibility as E
from cep_desk.catalogue import load_catalogue
from cep_desk.eligibility import Mark, PersonFacts

DAY = date(2026, 12, 2)


@pytest.fixture(scope="module")
def cat():
    return load_catalogue()


def mark(cat, code: str, day: date = DAY, **facts) -> E.Assessment:
    return E.assess(cat.scheme(code), PersonFacts(**facts), day)


EMPLOYEE = {"status": "private_employee"}


def test_every_scheme_of_the_catalogue_has_its_rule(cat):
    assert {s.code for s in cat.schemes} <= set(E.RULES)


def test_unknown_data_is_never_not_met(cat):
    """Only the public, unknown here, is known: every scheme in force says « à vérifier »."""
    for scheme in cat.schemes_in_force(DAY):
        result = E.assess(scheme, PersonFacts(), DAY)
        assert result.mark is Mark.TO_CHECK, scheme.code
        assert "Statut de la personne non renseigné (onglet Identité)." in result.reasons


def test_ptp_cdi_seniority(cat):
    ok = mark(cat, "ptp", **EMPLOYEE, contract_type="cdi", activity_months=40, seniority_months=12)
    assert ok.mark is Mark.MET and ok.label == "conditions remplies"
    assert "12 mois d'ancienneté dans l'entreprise au moins." in ok.reasons
    short = mark(
        cat, "ptp", **EMPLOYEE, contract_type="cdi", activity_months=40, seniority_months=8
    )
    assert short.mark is Mark.NOT_MET and short.label == "non remplies"
    assert short.reasons == (
        "En CDI, 12 mois d'ancienneté dans l'entreprise sont requis (8 mois notés).",
    )
    few = mark(cat, "ptp", **EMPLOYEE, contract_type="cdi", activity_months=20, seniority_months=20)
    assert few.mark is Mark.NOT_MET and "24 mois d'activité salariée" in few.reasons[0]
    unknown = mark(cat, "ptp", **EMPLOYEE, contract_type="cdi", activity_months=40)
    assert unknown.mark is Mark.TO_CHECK and unknown.label == "à vérifier"
    assert unknown.reasons[0].startswith("Ancienneté dans l'entreprise (12 mois requis) non")


def test_ptp_other_contracts_and_rqth(cat):
    assert mark(cat, "ptp", **EMPLOYEE).mark is Mark.TO_CHECK  # contract unknown
    boeth = mark(cat, "ptp", **EMPLOYEE, contract_type="cdi", seniority_months=2, rqth=True)
    assert boeth.mark is Mark.MET and "pas de condition d'ancienneté" in boeth.reasons[0]
    assert mark(cat, "ptp", **EMPLOYEE, contract_type="interim").mark is Mark.TO_CHECK
    assert mark(cat, "ptp", **EMPLOYEE, contract_type="cdd", activity_months=30).mark is (
        Mark.TO_CHECK
    )
    assert mark(cat, "ptp", **EMPLOYEE, contract_type="cdd", activity_months=10).mark is (
        Mark.NOT_MET
    )
    assert mark(cat, "ptp", **EMPLOYEE, contract_type="public_tenured").mark is Mark.NOT_MET
    # the ROME rule is always recalled
    assert "codes ROME" in " ".join(mark(cat, "ptp", **EMPLOYEE).notes)


def test_wrong_public_is_not_met(cat):
    result = mark(cat, "ptp", status="job_seeker")
    assert result.mark is Mark.NOT_MET
    assert result.text == (
        "Non remplies : Ce dispositif n'est pas prévu pour : personne en recherche d'emploi."
    )
    assert mark(cat, "aif", **EMPLOYEE).mark is Mark.NOT_MET


def test_demission_reconversion(cat):
    assert mark(cat, "demission_reconversion", **EMPLOYEE, contract_type="cdd").mark is (
        Mark.NOT_MET
    )
    short = mark(cat, "demission_reconversion", **EMPLOYEE, contract_type="cdi", activity_months=42)
    assert short.mark is Mark.NOT_MET
    # 1 300 days worked cannot be read from months: never « remplies »
    long = mark(cat, "demission_reconversion", **EMPLOYEE, contract_type="cdi", activity_months=70)
    assert long.mark is Mark.TO_CHECK and "1 300 jours travaillés" in long.reasons[0]


def test_periode_reconversion_and_plan(cat):
    cdi = mark(cat, "periode_reconversion", **EMPLOYEE, contract_type="cdi", opco="akto")
    assert cdi.mark is Mark.MET and cdi.notes == ("OPCO de l'entreprise : Akto.",)
    assert mark(cat, "periode_reconversion", **EMPLOYEE, contract_type="cdd").mark is (
        Mark.TO_CHECK
    )
    assert mark(cat, "periode_reconversion", **EMPLOYEE, contract_type="none").mark is (
        Mark.NOT_MET
    )
    assert mark(cat, "plan_developpement", **EMPLOYEE, contract_type="interim").mark is Mark.MET


def test_dates_of_the_scheme_count(cat):
    # Pro-A ended on 31/12/2025; on a 2025 date its own conditions apply
    assert mark(cat, "pro_a", **EMPLOYEE, contract_type="cdi").mark is Mark.NOT_MET
    old = mark(cat, "pro_a", date(2025, 6, 1), **EMPLOYEE, contract_type="cdi", education_level="4")
    assert old.mark is Mark.MET
    graduate = mark(
        cat, "pro_a", date(2025, 6, 1), **EMPLOYEE, contract_type="cdi", education_level="6"
    )
    assert graduate.mark is Mark.NOT_MET
    before = mark(cat, "periode_reconversion", date(2025, 6, 1), **EMPLOYEE, contract_type="cdi")
    assert before.mark is Mark.NOT_MET and "pas encore en vigueur" in before.reasons[0]


def test_boeth_schemes_never_say_not_met_for_a_missing_rqth(cat):
    seeker = {"status": "job_seeker"}
    assert mark(cat, "agefiph", **seeker).mark is Mark.TO_CHECK
    assert mark(cat, "agefiph", **seeker, rqth=False).mark is Mark.TO_CHECK
    yes = mark(cat, "agefiph", **seeker, rqth=True)
    assert yes.mark is Mark.TO_CHECK and yes.reasons[-1].startswith("RQTH notée")


def test_open_schemes(cat):
    for status in ("private_employee", "job_seeker", "public_agent", "liberal_profession"):
        assert mark(cat, "bilan_competences", status=status).mark is Mark.MET
        assert mark(cat, "cpf", status=status).mark is Mark.MET


def test_facts_from_a_record_and_assess_all(cat, ws):
    from cep_desk.usecases import beneficiaries

    person = beneficiaries.create_beneficiary(
        ws,
        last_name="Roux",
        first_name="Inès",
        status="private_employee",
        contract_type="cdi",
        seniority_months=30,
        activity_months=60,
        working_time="part",
    )
    marks = E.assess_all(cat.schemes_in_force(DAY), person, DAY)
    assert marks["ptp"].mark is Mark.MET
    assert marks["aif"].mark is Mark.NOT_MET
    assert PersonFacts.of(None) == PersonFacts()


def test_afdas_intermittent_and_other_employees(cat):
    intermittent = mark(cat, "afdas", **EMPLOYEE, contract_type="intermittent")
    assert intermittent.mark is Mark.TO_CHECK and "48 cachets" in intermittent.reasons[0]
    assert mark(cat, "afdas", **EMPLOYEE, contract_type="cdi").mark is Mark.NOT_MET
    assert mark(cat, "afdas", status="self_employed").mark is Mark.TO_CHECK


def test_arce_full_time_cdi_loses_the_second_instalment(cat):
    seeker = {"status": "job_seeker"}
    assert len(mark(cat, "arce", **seeker).reasons) == 1
    full = mark(cat, "arce", **seeker, contract_type="cdi", working_time="full")
    assert full.mark is Mark.TO_CHECK and "second versement" in full.reasons[1]
    part = mark(cat, "arce", **seeker, contract_type="cdi", working_time="part")
    assert len(part.reasons) == 1
