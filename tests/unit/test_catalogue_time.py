"""A catalogue that knows time: schemes in force, replaced schemes, dated figures, own checks."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from datetime import date, timedelta
from importlib import resources

import pytest

from cep_desk.catalogue import (
    CatalogueError,
    load_catalogue,
    parse_catalogue,
    plan_steps,
    ptp_absence_lead_days,
    validate_catalogue,
)
from cep_desk.domain import Public

TODAY = date(2026, 12, 2)


def raw_docs() -> tuple[dict, dict]:
    package = resources.files("cep_desk.resources.catalogue")
    return (
        json.loads(package.joinpath("schemes.json").read_text(encoding="utf-8")),
        json.loads(package.joinpath("operators.json").read_text(encoding="utf-8")),
    )


def entry(doc: dict, code: str) -> dict:
    return next(e for e in doc["entries"] if e["code"] == code)


# --- the shipped catalogue passes its own validation ----------------------------------------


def test_shipped_catalogue_passes_its_own_validation_today() -> None:
    """Fails as soon as an entry lacks a dated source, or a scheme shown as in force has a
    figure whose last value is over (the test is meant to fail when the data gets stale)."""
    assert validate_catalogue(load_catalogue(), date.today()) == []


def test_every_source_has_a_reading_date_and_every_scheme_its_period() -> None:
    catalogue = load_catalogue()
    for item in (*catalogue.schemes, *catalogue.operators):
        assert all(s.read_on is not None for s in item.sources), item.code
        assert item.verified_on <= date.today()
    for scheme in catalogue.schemes:
        for dated in scheme.dated_values:
            assert all(p.source.read_on and p.source.url for p in dated.periods), scheme.code
        if scheme.is_uncertain:
            assert len(scheme.to_settle) > 20, scheme.code


# --- in force, replaced ------------------------------------------------------------------------


def test_pro_a_and_transco_are_replaced_by_the_periode_de_reconversion() -> None:
    catalogue = load_catalogue()
    new = catalogue.scheme("periode_reconversion")
    assert new is not None and new.in_force_on(TODAY)
    for code in ("pro_a", "transco"):
        old = catalogue.scheme(code)
        assert old.valid_until == date(2025, 12, 31) and old.replaced_by == "periode_reconversion"
        assert old.in_force_on(date(2025, 12, 31)) and not old.in_force_on(date(2026, 1, 1))
        assert catalogue.ended_notice(code, TODAY) == (
            "Dispositif remplacé par « Période de reconversion » depuis le 01/01/2026."
        )
        assert catalogue.ended_notice(code, date(2025, 6, 1)) is None
    assert catalogue.ended_notice("cpf", TODAY) is None
    assert catalogue.ended_notice("nope", TODAY) is None


def test_proposals_follow_the_date() -> None:
    catalogue = load_catalogue()
    now = {s.code for s in catalogue.schemes_for(Public.PRIVATE_EMPLOYEE, on=TODAY)}
    before = {s.code for s in catalogue.schemes_for(Public.PRIVATE_EMPLOYEE, on=date(2025, 6, 1))}
    assert "periode_reconversion" in now and not {"pro_a", "transco"} & now
    assert {"pro_a", "transco"} <= before and "periode_reconversion" not in before
    everything = catalogue.schemes_for(Public.PRIVATE_EMPLOYEE, include_others=True, on=TODAY)
    assert all(s.in_force_on(TODAY) for s in everything)
    assert {s.code for s in everything} == {s.code for s in catalogue.schemes_in_force(TODAY)}
    # Without a date nothing is filtered (old callers keep their behaviour).
    assert len(catalogue.schemes_for(Public.PRIVATE_EMPLOYEE)) == len(now) + 2


def test_a_scheme_without_successor_says_it_closed() -> None:
    schemes, operators = raw_docs()
    entry(schemes, "poec")["valid_until"] = "2026-03-31"
    catalogue = parse_catalogue(schemes, operators)
    assert catalogue.ended_notice("poec", TODAY) == "Dispositif fermé depuis le 01/04/2026."


# --- dated values ------------------------------------------------------------------------------


def test_cpf_participation_is_a_dated_value() -> None:
    cpf = load_catalogue().scheme("cpf")
    on = {d: cpf.value_on("participation_forfaitaire", d) for d in (
        date(2024, 5, 1), date(2024, 5, 2), date(2024, 12, 31), date(2025, 6, 15),
        date(2026, 1, 1), TODAY,
    )}  # fmt: skip
    assert on[date(2024, 5, 1)] is None  # before the participation existed
    assert on[date(2024, 5, 2)].value_cents == on[date(2024, 12, 31)].value_cents == 10000
    assert on[date(2025, 6, 15)].value_cents == 10223
    assert on[date(2025, 6, 15)].text.replace("\xa0", " ") == "102,23 €"
    assert on[date(2026, 1, 1)].value_cents == on[TODAY].value_cents == 10320
    assert on[TODAY].uncertain and "150 €" in on[TODAY].to_settle
    assert on[TODAY].source.url.startswith("https://") and on[TODAY].source.read_on
    assert cpf.value_on("nope", TODAY) is None


def test_text_values_and_other_figures() -> None:
    catalogue = load_catalogue()
    acre = catalogue.scheme("acre")
    assert acre.value_on("taux_micro", date(2026, 6, 30)).text == "50 % du taux normal"
    assert acre.value_on("taux_micro", date(2026, 7, 1)).text.startswith("75 %")
    rate = catalogue.scheme("periode_reconversion").value_on("forfait_horaire_defaut", TODAY)
    assert rate.text.replace("\xa0", " ") == "9,15 €"
    assert catalogue.scheme("arce").value_on("part_des_droits", TODAY).text == "60 %"


def _problems(mutate, today: date = TODAY) -> list[str]:
    schemes, operators = raw_docs()
    schemes, operators = copy.deepcopy(schemes), copy.deepcopy(operators)
    mutate(schemes, operators)
    return validate_catalogue(parse_catalogue(schemes, operators), today)


def test_validation_finds_a_stale_figure_on_a_scheme_in_force() -> None:
    def stale(s, o):
        entry(s, "cpf")["dated_values"][0]["periods"][-1]["valid_until"] = "2026-06-30"

    problems = _problems(stale)
    assert any("cpf" in p and "participation_forfaitaire" in p for p in problems)

    # The same figure ending is fine on a scheme that ended too.
    def ended(s, o):
        stale(s, o)
        entry(s, "cpf")["valid_until"] = "2026-06-30"

    assert not any("participation_forfaitaire" in p for p in _problems(ended))


def test_validation_finds_missing_sources_dates_and_bad_successors() -> None:
    assert _problems(lambda s, o: None) == []
    problems = _problems(lambda s, o: entry(s, "pro_a").__setitem__("replaced_by", "nope"))
    assert any("nope" in p for p in problems)
    future = (TODAY + timedelta(days=3)).isoformat()
    problems = _problems(lambda s, o: entry(s, "cpf")["sources"][0].__setitem__("read_on", future))
    assert any("futur" in p for p in problems)
    # (a scheme is refused by the parser; an operator's to_settle is checked here)
    problems = _problems(lambda s, o: entry(o, "reseau_eva_grand_est").pop("to_settle"))
    assert any("reseau_eva_grand_est" in p and "to_settle" in p for p in problems)

    def overlap(s, o):
        entry(s, "cpf")["dated_values"][0]["periods"][0]["valid_until"] = "2025-03-01"

    assert any("chevauchent" in p for p in _problems(overlap))


def test_malformed_time_fields_are_refused() -> None:
    def broken(mutate) -> str:
        schemes, operators = raw_docs()
        mutate(schemes, operators)
        with pytest.raises(CatalogueError) as info:
            parse_catalogue(schemes, operators)
        return str(info.value)

    assert "valid_until" in broken(lambda s, o: entry(s, "cpf").pop("valid_until"))
    assert "valid_from" in broken(lambda s, o: entry(s, "cpf").__setitem__("valid_from", "2015"))
    assert "valid_until" in broken(
        lambda s, o: entry(s, "pro_a").__setitem__("valid_until", "2018-01-01")
    )
    assert "replaced_by" in broken(
        lambda s, o: entry(s, "cpf").__setitem__("replaced_by", "periode_reconversion")
    )
    assert "read_on" in broken(lambda s, o: entry(s, "ptp")["sources"][0].pop("read_on"))

    def both(s, o):
        entry(s, "cpf")["dated_values"][0]["periods"][0]["value"] = "100 €"

    assert "value_cents" in broken(both)

    def uncertain_without_settle(s, o):
        entry(s, "cpf")["dated_values"][0]["periods"][-1].pop("to_settle")

    assert "to_settle" in broken(uncertain_without_settle)
    assert "to_settle" in broken(lambda s, o: entry(s, "poei").pop("to_settle"))


def test_staleness_after_six_months() -> None:
    catalogue = load_catalogue()
    verified = catalogue.verified_on()
    assert verified == catalogue.schemes_verified_on == date(2026, 12, 2)
    assert not catalogue.is_stale(date(2027, 6, 2))
    assert catalogue.is_stale(date(2027, 6, 3))


# --- the PTP's part-time rule (C. trav. R.6323-10 I 2°) -----------------------------------------


def test_part_time_training_asks_60_days_whatever_its_length() -> None:
    assert ptp_absence_lead_days(400, part_time=True) == 60
    assert ptp_absence_lead_days(None, part_time=True) == 60
    assert ptp_absence_lead_days(400) == 120
    ptp = load_catalogue().scheme("ptp")
    start = date(2027, 9, 1)
    steps = plan_steps(ptp, start, absence_days=400, part_time=True, today=date(2027, 1, 1))
    request = next(s for s in steps if "autorisation d'absence" in s.title)
    assert request.due_on == start - timedelta(days=60)


# --- the CLI shows all of it -------------------------------------------------------------------


def test_catalogue_json_shows_time_figures_sources_and_uncertainty() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "cep_desk", "catalogue", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    data = json.loads(out)
    schemes = {e["code"]: e for e in data["schemes"]["entries"]}
    assert schemes["pro_a"]["valid_until"] == "2025-12-31"
    assert schemes["pro_a"]["replaced_by"] == "periode_reconversion"
    assert schemes["cpf"]["valid_from"] == "2015-01-01" and schemes["cpf"]["valid_until"] is None
    periods = schemes["cpf"]["dated_values"][0]["periods"]
    assert [p["value_cents"] for p in periods] == [10000, 10223, 10320]
    assert periods[-1]["uncertain"] and periods[-1]["to_settle"]
    assert periods[-1]["source"]["read_on"] and periods[-1]["source"]["title"]
    assert schemes["poei"]["to_settle"] and schemes["poei"]["certainty"] == "incertain"
    assert data["schemes"]["verified_on"] == "2026-12-02"
