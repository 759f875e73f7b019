"""Catalogue data (schemes, operators) and the lead-time step generator. No Qt."""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cep_desk.catalogue import (
    CERTAIN,
    UNCERTAIN,
    Catalogue,
    CatalogueError,
    Scheme,
    load_catalogue,
    load_catalogue_from,
    next_steps_text,
    parse_catalogue,
    plan_steps,
    ptp_absence_lead_days,
)
from cep_desk.domain import FundingCover, OperatorKind, Public, StepOwner, ValidationError

EIGHT_PUBLICS = [p for p in Public if p is not Public.OTHER]

REQUIRED_SCHEMES = {
    "cpf",
    "ptp",
    "demission_reconversion",
    "transco",
    "pro_a",
    "plan_developpement",
    "aif",
    "poei",
    "poec",
    "region",
    "agefiph",
    "fiphfp",
    "agefice",
    "fif_pl",
    "faf_pm",
    "fafcea",
    "vivea",
    "afdas",
    "arce",
    "acre",
    "vae",
    "bilan_competences",
}


def raw_docs() -> tuple[dict, dict]:
    package = resources.files("cep_desk.resources.catalogue")
    return (
        json.loads(package.joinpath("schemes.json").read_text(encoding="utf-8")),
        json.loads(package.joinpath("operators.json").read_text(encoding="utf-8")),
    )


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


# --- data --------------------------------------------------------------------------------------


def test_loads_and_is_cached(catalogue: Catalogue) -> None:
    assert load_catalogue() is catalogue
    assert catalogue.schemes_version and catalogue.operators_version
    assert isinstance(catalogue.schemes_verified_on, date)


def test_all_required_schemes_present(catalogue: Catalogue) -> None:
    assert {s.code for s in catalogue.schemes} >= REQUIRED_SCHEMES


def test_operator_kinds_covered(catalogue: Catalogue) -> None:
    kinds = {o.kind for o in catalogue.operators}
    assert kinds >= {
        OperatorKind.FRANCE_TRAVAIL,
        OperatorKind.APEC,
        OperatorKind.MISSION_LOCALE,
        OperatorKind.CAP_EMPLOI,
        OperatorKind.REGIONAL,
        OperatorKind.PUBLIC_EMPLOYER,
    }


def test_every_entry_has_a_source_url_and_a_verification_date(catalogue: Catalogue) -> None:
    for entry in (*catalogue.schemes, *catalogue.operators):
        urls = [s.url for s in entry.sources if s.url]
        assert urls, entry.code
        assert all(u.startswith("https://") for u in urls), entry.code
        assert all(s.kind in ("S", "M") for s in entry.sources), entry.code
        assert isinstance(entry.verified_on, date), entry.code
        assert date(2024, 1, 1) <= entry.verified_on <= date(2100, 1, 1)


@pytest.mark.parametrize("public", EIGHT_PUBLICS, ids=lambda p: p.value)
def test_each_public_has_an_operator_and_three_schemes(catalogue: Catalogue, public) -> None:
    assert len(catalogue.operators_for(public)) >= 1
    assert len(catalogue.schemes_for(public)) >= 3


def test_uncertain_entries_say_why(catalogue: Catalogue) -> None:
    for entry in (*catalogue.schemes, *catalogue.operators):
        assert entry.certainty in (CERTAIN, UNCERTAIN)
        if entry.certainty == UNCERTAIN:
            assert entry.is_uncertain
            assert len(entry.uncertainty) > 20, entry.code


def test_known_contradictions_are_flagged(catalogue: Catalogue) -> None:
    """The [?] items of the domain note stay visible as uncertain data."""
    expectations = {
        "transco": "1er février 2026",
        "pro_a": "1er février 2026",
        "poei": "heures",
        "aif": "15 jours",
        "agefiph": "6 300 €",
        "cpf": "150 €",
    }
    for code, needle in expectations.items():
        scheme = catalogue.scheme(code)
        assert scheme is not None and scheme.is_uncertain, code
        assert needle in scheme.uncertainty, code
    regional = [o for o in catalogue.operators if o.region]
    assert regional and all(o.is_uncertain for o in regional)


def test_points_settled_in_december_2026(catalogue: Catalogue) -> None:
    """Former [?] items that official pages settled: 1 300 days in 60 months (France Travail),
    the entretien de parcours' two dates, the congé VAE's answer and postponement."""
    resignation = catalogue.scheme("demission_reconversion")
    assert resignation is not None and not resignation.is_uncertain
    assert "1 300 jours" in resignation.conditions and "60 mois" in resignation.conditions
    assert any(s.url and "francetravail.fr" in s.url for s in resignation.sources)
    plan = catalogue.scheme("plan_developpement")
    assert plan is not None and "octobre" not in plan.uncertainty
    assert "26/10/2025" in plan.steps[0].detail and "1er octobre 2026" in plan.steps[0].detail
    vae = catalogue.scheme("vae")
    assert vae is not None and "un mois au plus" in vae.steps[3].detail


def test_figures_from_the_domain_note(catalogue: Catalogue) -> None:
    cpf = catalogue.scheme("cpf")
    assert cpf is not None
    for figure in ("500 €", "5 000 €", "800 €", "8 000 €", "102,23 €", "103,20 €"):
        assert figure in cpf.amounts
    assert "participation forfaitaire" in cpf.amounts.lower()
    assert "abondement" in cpf.amounts.lower()
    assert "60 %" in catalogue.scheme("arce").amounts


def test_user_text_is_french_and_entries_are_typed(catalogue: Catalogue) -> None:
    for scheme in catalogue.schemes:
        assert all(isinstance(p, Public) for p in scheme.publics)
        assert all(isinstance(f, FundingCover) for f in scheme.finances)
        assert all(isinstance(s.owner, StepOwner) for s in scheme.steps)
        assert scheme.steps, scheme.code
        assert scheme.conditions and scheme.amounts and scheme.finances_text


def test_lookup_and_filters(catalogue: Catalogue) -> None:
    assert catalogue.scheme("nope") is None
    assert catalogue.operator("france_travail") is not None
    agents = catalogue.schemes_for(Public.PUBLIC_AGENT)
    assert {s.code for s in agents} >= {"fiphfp", "cpf", "vae", "bilan_competences"}
    assert all(s.serves(Public.PUBLIC_AGENT) for s in agents)
    everything = catalogue.schemes_for(Public.PUBLIC_AGENT, include_others=True)
    assert everything[: len(agents)] == agents
    assert len(everything) == len(catalogue.schemes)
    assert {s.code for s in everything} == {s.code for s in catalogue.schemes}
    assert catalogue.schemes_for("job_seeker") == catalogue.schemes_for(Public.JOB_SEEKER)
    young = {o.kind for o in catalogue.operators_for(Public.YOUNG_UNQUALIFIED)}
    assert OperatorKind.MISSION_LOCALE in young
    assert all(
        o.kind is OperatorKind.PUBLIC_EMPLOYER for o in catalogue.operators_for(Public.PUBLIC_AGENT)
    )


def test_to_json_dict_is_serialisable_with_sources_and_dates(catalogue: Catalogue) -> None:
    data = json.loads(json.dumps(catalogue.to_json_dict(), ensure_ascii=False))
    assert data["schemes"]["version"] == catalogue.schemes_version
    assert len(data["schemes"]["entries"]) == len(catalogue.schemes)
    assert len(data["operators"]["entries"]) == len(catalogue.operators)
    ptp = next(e for e in data["schemes"]["entries"] if e["code"] == "ptp")
    assert ptp["verified_on"] and ptp["sources"][0]["url"].startswith("https://")
    assert ptp["steps"][2]["rule"] == "ptp_absence_request"
    assert ptp["publics"] == ["private_employee"]
    # The dict round-trips through the parser.
    again = parse_catalogue(data["schemes"], data["operators"])
    assert again == catalogue


# --- malformed files ---------------------------------------------------------------------------


def _broken(mutate) -> CatalogueError:
    schemes, operators = raw_docs()
    schemes, operators = copy.deepcopy(schemes), copy.deepcopy(operators)
    mutate(schemes, operators)
    with pytest.raises(CatalogueError) as info:
        parse_catalogue(schemes, operators)
    return info.value


def test_malformed_entries_are_refused_clearly() -> None:
    err = _broken(lambda s, o: s["entries"][0].pop("conditions"))
    assert "cpf" in str(err) and "conditions" in str(err)
    err = _broken(lambda s, o: s["entries"][1].__setitem__("publics", ["astronaut"]))
    assert "astronaut" in str(err)
    err = _broken(lambda s, o: s["entries"][1].pop("uncertainty"))
    assert "uncertainty" in str(err)
    err = _broken(lambda s, o: s["entries"][1]["steps"][2].__setitem__("rule", "magic"))
    assert "magic" in str(err)
    err = _broken(
        lambda s, o: s["entries"][1]["steps"][0].__setitem__("lead_days_before_start", "x")
    )
    assert "lead_days_before_start" in str(err)
    err = _broken(
        lambda s, o: s["entries"][0].__setitem__(
            "sources", [{"label": "x", "kind": "S", "read_on": "2026-12-01"}]
        )
    )
    assert "url" in str(err)
    err = _broken(lambda s, o: s["entries"][0].__setitem__("verified_on", "hier"))
    assert "verified_on" in str(err)
    err = _broken(lambda s, o: s["entries"].append(copy.deepcopy(s["entries"][0])))
    assert "double" in str(err)
    err = _broken(lambda s, o: o["entries"][0].__setitem__("kind", "spaceport"))
    assert "spaceport" in str(err)
    err = _broken(lambda s, o: s["entries"][0].__setitem__("typo_field", 1))
    assert "typo_field" in str(err)
    err = _broken(lambda s, o: s.pop("entries"))
    assert "entries" in str(err)


def test_invalid_json_file_is_refused(tmp_path) -> None:
    schemes, operators = raw_docs()
    (tmp_path / "schemes.json").write_text(json.dumps(schemes), encoding="utf-8")
    (tmp_path / "operators.json").write_text('{"version": "1", ', encoding="utf-8")
    with pytest.raises(CatalogueError, match="operators.json.*JSON"):
        load_catalogue_from(tmp_path)
    (tmp_path / "operators.json").write_text(json.dumps(operators), encoding="utf-8")
    assert len(load_catalogue_from(tmp_path).operators) == len(operators["entries"])
    (tmp_path / "schemes.json").unlink()
    with pytest.raises(CatalogueError, match="schemes.json"):
        load_catalogue_from(tmp_path)


# --- step generator ----------------------------------------------------------------------------

START = date(2027, 9, 1)


def _by_title(steps, fragment: str):
    return next(s for s in steps if fragment in s.title)


def test_ptp_long_absence_asks_120_days_before(catalogue: Catalogue) -> None:
    steps = plan_steps(catalogue.scheme("ptp"), START, absence_days=183, today=date(2027, 1, 1))
    request = _by_title(steps, "autorisation d'absence")
    assert request.due_on == START - timedelta(days=120) == date(2027, 5, 4)
    assert request.owner is StepOwner.BENEFICIARY and not request.indicative
    answer = _by_title(steps, "Réponse de l'employeur")
    assert answer.start_on == request.due_on
    assert answer.due_on == request.due_on + timedelta(days=30)
    assert answer.owner is StepOwner.PARTNER
    milestone = steps[-1]
    assert milestone.is_milestone and milestone.title == "Début de la formation"
    assert milestone.due_on == START and milestone.scheme_code == "ptp"
    assert [s.is_milestone for s in steps].count(True) == 1
    assert not any(s.late for s in steps)
    assert [s.due_on for s in steps] == sorted(s.due_on for s in steps)


def test_ptp_short_absence_asks_60_days_before(catalogue: Catalogue) -> None:
    steps = plan_steps(catalogue.scheme("ptp"), START, absence_days=182, today=date(2027, 1, 1))
    request = _by_title(steps, "autorisation d'absence")
    assert request.due_on == START - timedelta(days=60) == date(2027, 7, 3)
    assert _by_title(steps, "Réponse de l'employeur").due_on == date(2027, 8, 2)


def test_ptp_threshold_and_unknown_duration() -> None:
    assert ptp_absence_lead_days(None) == 120
    assert ptp_absence_lead_days(1) == 60
    assert ptp_absence_lead_days(182) == 60
    assert ptp_absence_lead_days(183) == 120
    assert ptp_absence_lead_days(730) == 120


def test_unknown_absence_uses_the_longer_lead(catalogue: Catalogue) -> None:
    steps = plan_steps(catalogue.scheme("ptp"), START, today=date(2027, 1, 1))
    assert _by_title(steps, "autorisation d'absence").due_on == date(2027, 5, 4)


def test_past_deadlines_are_kept_and_flagged_late(catalogue: Catalogue) -> None:
    today = date(2027, 5, 10)  # after the 120-day deadline (4 May), before the answer (3 June)
    steps = plan_steps(catalogue.scheme("ptp"), START, absence_days=300, today=today)
    request = _by_title(steps, "autorisation d'absence")
    assert request.late and request.due_on == date(2027, 5, 4)
    assert not _by_title(steps, "Réponse de l'employeur").late
    assert not steps[-1].late
    # Even with a start already past, the milestone is not a missed deadline.
    steps = plan_steps(catalogue.scheme("ptp"), START, today=START + timedelta(days=1))
    assert all(s.late for s in steps if not s.is_milestone)
    assert not steps[-1].late


def test_indicative_steps_are_placed_among_dated_ones(catalogue: Catalogue) -> None:
    steps = plan_steps(catalogue.scheme("ptp"), START, absence_days=200, today=date(2027, 1, 1))
    positioning = _by_title(steps, "positionnement")
    assert positioning.indicative and positioning.due_on == date(2027, 5, 4)
    dossier = _by_title(steps, "Transitions Pro")
    assert dossier.indicative and dossier.due_on == date(2027, 6, 3)  # after the answer
    cep = _by_title(steps, "conseiller en évolution")
    assert cep.due_on == START - timedelta(days=180) and not cep.indicative
    # A scheme without any lead time: everything on the start.
    steps = plan_steps(catalogue.scheme("demission_reconversion"), START, today=date(2027, 1, 1))
    assert all(s.due_on == START for s in steps)
    assert all(s.indicative for s in steps if not s.is_milestone)


def test_other_lead_times(catalogue: Catalogue) -> None:
    today = date(2027, 1, 1)
    vae = plan_steps(catalogue.scheme("vae"), START, today=today)
    leave = _by_title(vae, "congé VAE")
    assert leave.due_on == START - timedelta(days=30)
    assert _by_title(vae, "Réponse").due_on == leave.due_on + timedelta(days=15)
    assert vae[-1].title == "Début du congé ou du parcours VAE"
    # ACRE: request within 60 days after the creation; eligibility checked before.
    acre = plan_steps(catalogue.scheme("acre"), START, today=today)
    assert _by_title(acre, "Demander l'ACRE").due_on == START + timedelta(days=60)
    assert _by_title(acre, "éligibilité").due_on == START
    assert acre[-1].due_on == START + timedelta(days=60)  # sorted by date
    milestone = next(s for s in acre if s.is_milestone)
    assert milestone.title == "Début de l'activité"
    fif = plan_steps(catalogue.scheme("fif_pl"), START, today=today)
    assert _by_title(fif, "Déposer").due_on == START - timedelta(days=30)


def test_absence_must_be_positive(catalogue: Catalogue) -> None:
    with pytest.raises(ValidationError):
        plan_steps(catalogue.scheme("ptp"), START, absence_days=0)


@given(
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)),
    absence=st.one_of(st.none(), st.integers(min_value=1, max_value=2000)),
    today=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)),
)
def test_ptp_plan_properties(start: date, absence: int | None, today: date) -> None:
    scheme = load_catalogue().scheme("ptp")
    steps = plan_steps(scheme, start, absence_days=absence, today=today)
    request = _by_title(steps, "autorisation d'absence")
    lead = 60 if absence is not None and absence < 183 else 120
    assert (start - request.due_on).days == lead
    assert (_by_title(steps, "Réponse").due_on - request.due_on).days == 30
    assert all(s.due_on <= start for s in steps)
    assert all(s.late == (s.due_on < today) for s in steps if not s.is_milestone)
    assert steps[-1].is_milestone and steps[-1].due_on == start


def test_next_steps_text(catalogue: Catalogue) -> None:
    ptp = next_steps_text(catalogue.scheme("ptp"))
    assert (
        "Demander l'autorisation d'absence à l'employeur au moins 120 jours avant le début "
        "(absence continue de 6 mois ou plus), 60 jours sinon ou pour une formation à temps "
        "partiel"
    ) in ptp
    assert "Réponse de l'employeur dans les 30 jours" in ptp
    assert len(ptp) == len(catalogue.scheme("ptp").steps)
    assert "Demander l'ACRE à l'URSSAF au plus tard 60 jours après le début" in next_steps_text(
        catalogue.scheme("acre")
    )
    for scheme in catalogue.schemes:
        lines = next_steps_text(scheme)
        assert lines and all(isinstance(line, str) and line for line in lines)


def test_scheme_is_frozen(catalogue: Catalogue) -> None:
    scheme: Scheme = catalogue.scheme("cpf")
    with pytest.raises(AttributeError):
        scheme.code = "x"  # type: ignore[misc]


def test_every_scheme_was_re_read_in_the_december_review(catalogue: Catalogue) -> None:
    """#17.2: every scheme current as of December 2026 — checked against a source read (with
    its address and title) on the day the entry says it was verified."""
    review = catalogue.verified_on()
    assert review is not None
    for scheme in catalogue.schemes:
        assert scheme.verified_on == review, scheme.code
        read = [s for s in scheme.sources if s.url and s.title and s.read_on == review]
        assert read, scheme.code
    for operator in catalogue.operators:
        if operator.region:  # the regional holders were re-read too, and stay flagged
            assert operator.verified_on == review and operator.is_uncertain, operator.code
