"""The JSON exchange format: schema file, round trip, idempotent import, all-or-nothing
refusals with a location, fuzzing (hypothesis) that never half-imports."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from cep_desk.storage import models as m
from cep_desk.usecases import beneficiaries, journeys, plan, workspaces
from cep_desk.usecases.lifecycle import exchange as X
from cep_desk.usecases.lifecycle import schema as S

# Every test here runs on SQLCipher and on PostgreSQL (tests/engines.py).
pytestmark = pytest.mark.both_engines

ROOT = Path(__file__).resolve().parents[2]
MARKUP = '<b>gras</b> & <SARL> </para> 0.1 <A <0.9 <img src="/etc/hostname"/> « ok »'

TABLES = (
    m.Beneficiary,
    m.Journey,
    m.Interview,
    m.Need,
    m.Project,
    m.FeasibilityCheck,
    m.Skill,
    m.ActionStep,
    m.FinancingLine,
    m.Contact,
    m.IssuedDocument,
    m.Setting,
)


def counts(ws) -> dict[str, int]:
    with ws.read() as s:
        return {t.__tablename__: s.scalar(select(func.count()).select_from(t)) for t in TABLES}


def strip_ids(value):
    if isinstance(value, dict):
        return {
            k: strip_ids(v)
            for k, v in value.items()
            if k not in ("uid", "journey_uid", "session_uid")
        }
    if isinstance(value, list):
        return [strip_ids(v) for v in value]
    return value


@pytest.fixture(scope="module")
def sample_export(tmp_path_factory) -> dict:
    """An export of a small demo workspace with a person holding markup-looking text."""
    from cep_desk import demo

    ws, _ = demo.create_demo_workspace(
        tmp_path_factory.mktemp("src") / "ws", 8, passphrase="Une phrase de passe bien longue 42 !"
    )
    try:
        p = beneficiaries.create_beneficiary(
            ws,
            last_name="<Martin>",
            first_name="Zoé & Co",
            notes=MARKUP,
            rqth=True,
            contract_type="cdd",
            seniority_months=7,
            activity_months=31,
            working_time="part",
            opco="akto",
            branch="<IDCC 1979>",
            pcs_group="5",
        )
        j = journeys.start_journey(ws, p.id, request_date=date(2026, 2, 1), reasons=["vae"])
        journeys.add_session(ws, j.id, 1, held_on=date(2026, 2, 3), remarks=MARKUP)
        plan.add_need(ws, j.id, theme="information", description=MARKUP)
        project = plan.ensure_project(ws, j.id, description=MARKUP, declared_cost_cents=120000)
        plan.add_step(ws, project.id, title="<étape>", start_on=date(2026, 3, 1))
        plan.add_funding(ws, project.id, funder="<OPCO>", amount_requested_cents=50000)
        workspaces.record_document(ws, p.id, j.id, X.domain.DocumentKind.ACTION_PLAN, "a" * 64)
        return X.export_json(ws)
    finally:
        ws.close()


def test_docs_schema_file_is_generated_from_the_code():
    path = ROOT / "docs" / "exchange-format.schema.json"
    assert path.read_text("utf-8") == S.schema_json()
    assert json.loads(path.read_text("utf-8"))["$schema"].endswith("2020-12/schema")


def test_validator_understands_every_keyword_of_the_schema():
    assert S.used_keywords() <= S.SUPPORTED_KEYWORDS


def test_every_model_column_is_in_the_schema():
    """'Every field of the data model': a new column must be added to the format too."""
    props = S.SCHEMA["$defs"]
    pairs = {
        "person": m.Beneficiary,
        "journey": m.Journey,
        "session": m.Interview,
        "need": m.Need,
        "project": m.Project,
        "check": m.FeasibilityCheck,
        "skill": m.Skill,
        "step": m.ActionStep,
        "funding": m.FinancingLine,
        "contact": m.Contact,
        "document": m.IssuedDocument,
    }
    # local: the key, the list summary, the version (the record's uid is its "uid")
    derived = {"id", "current_level", "has_open_journey", "sort_key", "row_version"}
    for name, model in pairs.items():
        columns = {c.name for c in model.__table__.columns} - derived
        columns = {c for c in columns if not c.endswith("_id")}
        assert columns <= set(props[name]["properties"]), (name, columns)


def test_sample_is_valid(sample_export):
    X.validate(sample_export)
    assert not list(S.iter_errors(sample_export))


def test_round_trip_keeps_every_field_and_markup(sample_export, ws):
    report = X.import_json(ws, X.dumps(sample_export))
    assert report.created == len(sample_export["people"]) and report.skipped == 0
    again = X.export_json(ws)
    assert strip_ids(again["people"]) == strip_ids(sample_export["people"])
    person = next(p for p in again["people"] if p["last_name"] == "<Martin>")
    assert person["notes"] == MARKUP
    assert (person["contract_type"], person["seniority_months"], person["branch"]) == (
        "cdd",
        7,
        "<IDCC 1979>",
    )
    assert person["journeys"][0]["sessions"][0]["remarks"] == MARKUP
    assert person["documents"][0]["journey_uid"] == person["journeys"][0]["uid"]


def test_importing_twice_duplicates_no_one(sample_export, ws):
    first = X.import_json(ws, sample_export)
    after_first = counts(ws)
    second = X.import_json(ws, sample_export)
    assert second.created == 0 and second.skipped == first.created
    assert counts(ws) == after_first


def test_import_into_the_source_workspace_skips_present_people(demo_ws):
    data = X.export_json(demo_ws)
    before = counts(demo_ws)
    report = X.import_json(demo_ws, data)
    assert report.created == 0 and report.skipped == 30
    assert counts(demo_ws) == before


def test_single_person_export(demo_ws):
    data = X.export_json(demo_ws, 3)
    with demo_ws.read() as s:
        uid = s.scalar(select(m.Beneficiary.uid).where(m.Beneficiary.id == 3))
    assert [p["uid"] for p in data["people"]] == [uid]
    with pytest.raises(X.c.NotFound):
        X.export_json(demo_ws, 9999)


def test_sensitive_fields_can_be_left_out(sample_export, ws):
    X.import_json(ws, sample_export)
    ident = next(r.id for r in beneficiaries.search_beneficiaries(ws) if r.last_name == "<Martin>")
    assert X.export_json(ws, ident)["people"][0]["rqth"] is True
    assert X.export_json(ws, ident, include_sensitive=False)["people"][0]["rqth"] is None


def _refused(ws, data, where: str | None = None) -> X.ExchangeError:
    before = counts(ws)
    with pytest.raises(X.ExchangeError) as err:
        X.import_json(ws, data)
    assert counts(ws) == before
    if where is not None:
        assert err.value.path == where, err.value.message
        assert where in err.value.message
    assert "Traceback" not in err.value.message
    return err.value


def _person_with_needs(data: dict) -> tuple[int, int]:
    for i, p in enumerate(data["people"]):
        for k, j in enumerate(p["journeys"]):
            if len(j["needs"]) >= 2:
                return i, k
    raise AssertionError("no person with two needs")


def test_error_location_wrong_type(sample_export, ws):
    data = copy.deepcopy(sample_export)
    i, k = _person_with_needs(data)
    data["people"][i]["journeys"][k]["needs"][1]["rank"] = "deux"
    err = _refused(ws, data, f"people[{i}].journeys[{k}].needs[1].rank")
    assert "nombre entier" in err.message


@pytest.mark.parametrize(
    ("mutate", "where", "words"),
    [
        (lambda d: d["people"][1].pop("last_name"), "people[1].last_name", "obligatoire"),
        (lambda d: d["people"][1].update(shoe_size=42), "people[1].shoe_size", "inconnu"),
        (lambda d: d["people"][2].update(status="astronaut"), "people[2].status", "inconnue"),
        (lambda d: d["people"][0].update(birth_date="31/12/1990"), "people[0].birth_date", "date"),
        (lambda d: d["people"][0].update(birth_date="2090-01-01"), "people[0].birth_date", "futur"),
        (lambda d: d["people"][0].update(last_name="   "), "people[0].last_name", "obligatoire"),
        (lambda d: d["people"][0].update(email="pas-un-courriel"), "people[0].email", "e-mail"),
        (lambda d: d["people"][0].update(notes="x" * 1_000_001), "people[0].notes", "trop long"),
        (lambda d: d.update(version="1"), "version", "attendu"),
        (lambda d: d.pop("people"), "people", "obligatoire"),
    ],
)
def test_refusals_say_where(sample_export, ws, mutate, where, words):
    data = copy.deepcopy(sample_export)
    mutate(data)
    err = _refused(ws, data, where)
    assert words in err.message


def _journey_with_project(data):
    for i, p in enumerate(data["people"]):
        for k, j in enumerate(p["journeys"]):
            if j["projects"] and j["projects"][0]["funding"]:
                return i, k
    raise AssertionError


def test_domain_rules_apply(sample_export, ws):
    data = copy.deepcopy(sample_export)
    i, k = _journey_with_project(data)
    data["people"][i]["journeys"][k]["projects"][0]["funding"][0]["amount_requested_cents"] = -5
    _refused(ws, data, f"people[{i}].journeys[{k}].projects[0].funding[0].amount_requested_cents")
    data = copy.deepcopy(sample_export)
    j = data["people"][i]["journeys"][k]
    j["first_appointment_on"] = "1999-01-01"
    _refused(ws, data, f"people[{i}].journeys[{k}].first_appointment_on")
    data = copy.deepcopy(sample_export)
    j = data["people"][i]["journeys"][k]
    j["projects"][0]["checks"].append(dict(j["projects"][0]["checks"][0], uid="x-1:checks:999999"))
    n = len(j["projects"][0]["checks"]) - 1
    _refused(ws, data, f"people[{i}].journeys[{k}].projects[0].checks[{n}].aspect")


def test_duplicate_uid_in_file_is_refused(sample_export, ws):
    data = copy.deepcopy(sample_export)
    data["people"][1]["uid"] = data["people"][0]["uid"]
    _refused(ws, data, "people[1].uid")


def test_a_late_error_writes_nothing_earlier(sample_export, ws):
    """The error is in the last person: the people before it are not imported either."""
    data = copy.deepcopy(sample_export)
    data["people"][-1]["journeys"][0]["request_date"] = "2026-02-30"
    _refused(ws, data, f"people[{len(data['people']) - 1}].journeys[0].request_date")
    assert counts(ws)["beneficiaries"] == 0


def test_foreign_and_newer_files(ws):
    _refused(ws, {"format": "autre chose", "people": []}, "format")
    err = _refused(ws, {"format": X.FORMAT_NAME, "version": 7, "people": []}, "version")
    assert "mettez l'application à jour" in err.message
    _refused(ws, [1, 2, 3])
    _refused(ws, "")
    _refused(ws, b"\xff\xfe\x00garbage")
    err = _refused(ws, '{"format": "cep-desk-exchange", "people": [')
    assert "ligne 1" in err.message


# ---------------------------------------------------------------------------------------------
# Fuzzing: whatever the file, the import either succeeds whole or changes nothing.
# ---------------------------------------------------------------------------------------------

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


def _set(doc, path, new):
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new


def _check_all_or_nothing(ws, data) -> None:
    before = counts(ws)
    try:
        report = X.import_json(ws, data)
    except X.ExchangeError as exc:
        assert counts(ws) == before
        assert exc.message and "Traceback" not in exc.message
        return
    after = counts(ws)
    assert after["beneficiaries"] == before["beneficiaries"] + report.created


@FUZZ
@given(cut=st.floats(0.0, 0.9999))
def test_fuzz_truncations(sample_export, ws, cut):
    text = X.dumps(sample_export)
    before = counts(ws)
    with pytest.raises(X.ExchangeError):
        X.import_json(ws, text[: int(len(text) * cut)])
    assert counts(ws) == before


WEIRD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**63),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.just("x" * 1_000_000),
    st.just("2026-13-45"),
    st.just("<b>markup</b>"),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def mutate(doc, data, values) -> None:
    """One to three random changes of ``doc``: a value replaced by one of ``values``, a field
    deleted, or an extra field added (the fuzz cases; test_exchange_streaming reuses them)."""
    paths = [p for p in _paths(doc) if p]
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths))
        action = data.draw(st.sampled_from(["replace", "delete", "extra"]))
        try:
            parent = doc
            for step in path[:-1]:
                parent = parent[step]
            if action == "replace":
                _set(doc, path, data.draw(values))
            elif action == "delete" and isinstance(parent, dict):
                parent.pop(path[-1], None)
            elif isinstance(parent, dict):
                parent[data.draw(st.text(min_size=1, max_size=8))] = data.draw(values)
        except (KeyError, IndexError, TypeError):
            continue


@FUZZ
@given(data=st.data())
def test_fuzz_wrong_types_missing_and_extra_fields(sample_export, ws, data):
    doc = copy.deepcopy(sample_export)
    mutate(doc, data, WEIRD_VALUES)
    _check_all_or_nothing(ws, doc)


@FUZZ
@given(junk=st.recursive(WEIRD_VALUES, lambda inner: st.lists(inner, max_size=3), max_leaves=8))
def test_fuzz_arbitrary_json(ws, junk):
    _check_all_or_nothing(ws, junk)
    _check_all_or_nothing(ws, {"format": X.FORMAT_NAME, "version": 1, "people": junk})
