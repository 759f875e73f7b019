"""The streamed export (person by person) writes the very bytes of the in-memory export; a
cancelled or failed export leaves no file; the bulk import keeps every reference exact; the
hand-written schema validator agrees with the reference ``jsonschema`` validator."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from cep_desk.storage import models as m
from cep_desk.usecases.lifecycle import exchange as X
from cep_desk.usecases.lifecycle import schema as S
from tests.unit.test_lifecycle_exchange import _paths, mutate

# Every test here runs on SQLCipher and on PostgreSQL (tests/engines.py).
pytestmark = pytest.mark.both_engines

PASSPHRASE = "Une phrase de passe bien longue 42 !"
NOW = datetime(2026, 12, 2, 19, 30, 5, tzinfo=UTC)


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    from cep_desk import demo

    ws, _ = demo.create_demo_workspace(
        tmp_path_factory.mktemp("src") / "ws", 30, passphrase=PASSPHRASE
    )
    yield ws
    ws.close()


@pytest.fixture()
def small_batches(monkeypatch):
    """Batches of 7 people: the keyset pagination crosses several batch boundaries."""
    monkeypatch.setattr(X, "EXPORT_BATCH", 7)
    monkeypatch.setattr(X, "IMPORT_BATCH", 7)


def test_streamed_export_is_byte_identical_to_the_in_memory_one(source, tmp_path, small_batches):
    out = tmp_path / "all.json"
    count = X.export_to_file(source, out, now=NOW)
    expected = X.dumps(X.export_json(source, now=NOW))
    assert out.read_bytes() == expected.encode("utf-8")
    assert count == len(json.loads(expected)["people"]) == 30


def test_streamed_export_of_one_person_and_without_health_data(source, tmp_path):
    out = tmp_path / "one.json"
    assert X.export_to_file(source, out, 3, include_sensitive=False, now=NOW) == 1
    expected = X.dumps(X.export_json(source, 3, include_sensitive=False, now=NOW))
    assert out.read_text(encoding="utf-8") == expected


def test_streamed_export_of_an_empty_workspace(ws, tmp_path):
    out = tmp_path / "empty.json"
    assert X.export_to_file(ws, out, now=NOW) == 0
    assert out.read_text(encoding="utf-8") == X.dumps(X.export_json(ws, now=NOW))
    assert json.loads(out.read_text(encoding="utf-8"))["people"] == []


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_cancelled_export_leaves_no_file_and_keeps_the_old_one(source, tmp_path, small_batches):
    out = tmp_path / "all.json"
    out.write_text("previous", encoding="utf-8")
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))

    with pytest.raises(X.ExportCancelled):
        X.export_to_file(source, out, progress=progress, cancelled=lambda: len(calls) >= 2)
    assert out.read_text(encoding="utf-8") == "previous"
    assert _leftovers(tmp_path) == ["all.json"]
    assert calls == [(7, 30), (14, 30)]


def test_export_progress_reaches_the_total(source, tmp_path, small_batches):
    calls: list[tuple[int, int]] = []
    X.export_to_file(source, tmp_path / "x.json", progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (30, 30)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def _graph(ws) -> list[tuple]:
    """Each person's records with their parents named by content, never by local id."""
    with ws.read() as s:
        people = {p.id: (p.last_name, p.first_name) for p in s.scalars(select(m.Beneficiary))}
        journeys = {
            j.id: (people[j.beneficiary_id], j.request_date) for j in s.scalars(select(m.Journey))
        }
        projects = {
            p.id: (journeys[p.journey_id], p.description) for p in s.scalars(select(m.Project))
        }
        out = [("journey", v) for v in journeys.values()]
        out += [
            ("need", journeys[n.journey_id], n.rank, n.theme) for n in s.scalars(select(m.Need))
        ]
        out += [
            ("session", journeys[i.journey_id], i.level, i.held_on)
            for i in s.scalars(select(m.Interview))
        ]
        out += [
            ("step", projects[a.project_id], a.position, a.title)
            for a in s.scalars(select(m.ActionStep))
        ]
        out += [
            ("funding", projects[f.project_id], f.funder)
            for f in s.scalars(select(m.FinancingLine))
        ]
        out += [
            ("document", people[d.beneficiary_id], journeys.get(d.journey_id), d.sha256)
            for d in s.scalars(select(m.IssuedDocument))
        ]
        sessions = {
            i.id: (journeys[i.journey_id], i.level, i.held_on)
            for i in s.scalars(select(m.Interview))
        }
        out += [  # an appointment names its person, its journey and the session made from it
            ("appointment", people[a.beneficiary_id], journeys.get(a.journey_id),
             sessions.get(a.interview_id), a.day, a.start, a.status)
            for a in s.scalars(select(m.Appointment))
        ]  # fmt: skip
    return sorted(out, key=repr)


def test_bulk_import_keeps_every_reference(source, ws, tmp_path, small_batches):
    out = tmp_path / "all.json"
    X.export_to_file(source, out, now=NOW)
    target = ws
    if True:
        # Shift the target's ids, so that equal ids by chance cannot hide a wrong mapping.
        from cep_desk.usecases import beneficiaries

        for i in range(3):
            beneficiaries.create_beneficiary(target, last_name=f"Autre{i}", first_name="X")
        report = X.import_file(target, out)
        assert report.created == 30
        with target.read() as s:
            ours = set(
                s.scalars(select(m.Beneficiary.id).where(m.Beneficiary.last_name.like("Autre%")))
            )
        assert not ours & set(report.people_ids)
        theirs = _graph(source)
        mine = [r for r in _graph(target) if "Autre" not in repr(r[:2])]
        assert mine == theirs
        again = json.loads(X.dumps(X.export_json(target, now=NOW)))
        first = json.loads(out.read_text(encoding="utf-8"))
        lists = ("uid", "journeys", "documents", "appointments")
        strip = lambda p: {k: v for k, v in p.items() if k not in lists}  # noqa: E731
        by_name = {(p["last_name"], p["first_name"]): strip(p) for p in again["people"]}
        for p in first["people"]:
            assert by_name[(p["last_name"], p["first_name"])] == strip(p)
        assert X.import_file(target, out).created == 0  # the uids are mapped: no duplicate


def _stored(ws) -> dict[str, list[tuple]]:
    """Every row of every table as SQLite stores it (no type processing on the way out)."""
    out = {}
    with ws.read() as s:
        conn = s.connection()
        for name in sorted(m.Base.metadata.tables):
            rows = conn.exec_driver_sql(f'SELECT * FROM "{name}" ORDER BY rowid').all()
            if name == "audit_events":  # "at" is the time of the import itself
                rows = [tuple(v for k, v in r._mapping.items() if k != "at") for r in rows]
            out[name] = [tuple(r) for r in rows]
    return out


def test_prepared_inserts_store_what_core_inserts_store(source, tmp_path, monkeypatch):
    """The import's prepared statements (driver executemany, bind processors and defaults
    applied by hand) write the very values SQLAlchemy's Core insert() writes."""
    from cep_desk.usecases import workspaces

    out = tmp_path / "all.json"
    X.export_to_file(source, out, now=NOW)
    doc = json.loads(out.read_text(encoding="utf-8"))
    for person in doc["people"][:5]:  # fields left out: their defaults are filled in
        for name in ("notes", "sex", "status", "rqth_basis"):
            person.pop(name, None)
        for journey in person["journeys"]:
            journey.pop("outcome_note", None)
            journey.pop("reasons", None)  # a JSON column: its default list, serialised
    out.write_text(X.dumps(doc), encoding="utf-8")
    stored = []
    for prepared in (True, False):
        monkeypatch.setattr(X._Inserter, "prepared_statements", prepared)
        ws, _ = workspaces.create(tmp_path / f"ws-{prepared}", PASSPHRASE)
        try:
            assert X.import_file(ws, out).created == 30
            stored.append(_stored(ws))
        finally:
            ws.close()
    assert stored[0]["beneficiaries"] and stored[0]["audit_events"]
    written = {t.model.__tablename__ for t in X.ALL_TABLES} | {"audit_events"}
    assert written <= set(stored[0])
    for name in sorted(written):
        assert stored[0][name] == stored[1][name], name
    mapped = lambda rows: sorted(r for r in rows if str(r[0]).startswith("exchange:"))  # noqa: E731
    assert mapped(stored[0]["settings"]) == mapped(stored[1]["settings"]) != []


# ---------------------------------------------------------------------------------------------
# The hand-written validator against the reference one (jsonschema, Draft 2020-12)
# ---------------------------------------------------------------------------------------------

jsonschema = pytest.importorskip("jsonschema")


def _reference():
    checker = jsonschema.FormatChecker(["date"])

    @checker.checks("date-time", raises=ValueError)
    def _datetime(value: object) -> bool:  # RFC 3339, as the format says (no extra package)
        if not isinstance(value, str):
            return True
        import re

        if not re.fullmatch(
            r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})", value
        ):
            return False
        datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
        return True

    validator_cls = jsonschema.validators.validator_for(S.SCHEMA)
    validator_cls.check_schema(S.SCHEMA)
    return validator_cls(S.SCHEMA, format_checker=checker)


REFERENCE = None


def both_verdicts(doc: object) -> tuple[bool, bool]:
    global REFERENCE
    REFERENCE = REFERENCE or _reference()
    ours = next(iter(S.iter_errors(doc)), None) is None
    assert S.is_valid(doc) == ours, doc  # the compiled checker: the interpreter's verdict
    theirs = REFERENCE.is_valid(doc)
    return ours, theirs


@pytest.fixture(scope="module")
def sample(source) -> dict:
    return json.loads(X.dumps(X.export_json(source, now=NOW)))


def test_valid_samples_are_accepted_by_both(sample):
    assert both_verdicts(sample) == (True, True)
    one = copy.deepcopy(sample)
    one["people"] = one["people"][:1]
    assert both_verdicts(one) == (True, True)
    empty = copy.deepcopy(sample)
    empty["people"] = []
    assert both_verdicts(empty) == (True, True)


WEIRD = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**63),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.just("x" * 100_000),
    st.just("2026-13-45"),
    st.just("2026-02-30"),
    st.just("2026-12-02T10:00:00"),
    st.just("2026-12-02T10:00:00+01:00"),
    st.just("bad:uid"),
    st.just("<b>markup</b>"),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_fuzzed_documents_get_the_same_verdict_from_both(sample, data):
    doc = copy.deepcopy(sample)
    doc["people"] = doc["people"][:2]
    mutate(doc, data, WEIRD)
    ours, theirs = both_verdicts(doc)
    assert ours == theirs, (ours, theirs, doc)


@settings(max_examples=200, deadline=None)
@given(junk=st.recursive(WEIRD, lambda inner: st.lists(inner, max_size=3), max_leaves=8))
def test_arbitrary_json_gets_the_same_verdict_from_both(junk):
    for doc in (junk, {"format": X.FORMAT_NAME, "version": 1, "people": junk}):
        ours, theirs = both_verdicts(doc)
        assert ours == theirs, (ours, theirs, doc)


# ---------------------------------------------------------------------------------------------
# The compiled checker (what the import runs) against the interpreter (what gives the messages)
# ---------------------------------------------------------------------------------------------

EDGY = st.one_of(
    WEIRD,
    st.just(1.0),
    st.just(float("nan")),
    st.just(float("inf")),
    st.just(-0.0),
    st.just(720),
    st.just(721),
    st.just(""),
    st.just("F"),
    st.just(["vae", "vae"]),
    st.just(["vae", 1]),
    st.just([{"a": 1}, {"a": 1}]),
    st.just("2026-12-02T10:00:00Z"),
    st.just("2026-12-02T10:00:00.1234567Z"),
    st.just("712a1e83-a712:beneficiaries:1"),
)


def _same_verdicts(value: object, schema: dict, checker) -> None:
    interpreted = next(iter(S.iter_errors(value, schema, "x", S.SCHEMA)), None) is None
    assert S.is_valid(value, checker) == interpreted, (value, schema)


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_compiled_checker_agrees_with_the_interpreter_on_every_record(sample, data):
    """Deep changes anywhere in one person (every definition is reached through it), and the
    records of each definition alone."""
    person = copy.deepcopy(data.draw(st.sampled_from(sample["people"])))
    doc = {"p": person}
    mutate(doc, data, EDGY)
    person = doc.get("p")
    _same_verdicts(person, S.SCHEMA["$defs"]["person"], S.checker_of("person"))
    for name, definition in S.SCHEMA["$defs"].items():
        _same_verdicts(data.draw(EDGY), definition, S.checker_of(name))


# Every keyword the validator knows, in combinations the exchange schema does not use (no
# type, const, numbers, open objects, minItems, uniqueItems of any values, nested $ref).
ODD_SCHEMA = {
    "$defs": {
        "leaf": {"minimum": 2, "maximum": 5, "minLength": 2, "pattern": "^a", "minItems": 1},
        "node": {
            "type": ["object", "array", "number", "null"],
            "properties": {"n": {"$ref": "#/$defs/node"}, "c": {"const": [1, "a"]}},
            "required": ["n"],
            "items": {"$ref": "#/$defs/leaf"},
            "uniqueItems": True,
            "maxItems": 4,
            "minimum": 0,
        },
        "choice": {"enum": [1, "a", None, [1], {"k": 2}], "format": "date"},
        "stamp": {"type": ["string", "integer"], "format": "date-time", "maximum": 3},
    },
}

ODD_VALUES = st.recursive(
    EDGY | st.sampled_from([2, 5, 2.5, "ab", "a", "b", [1], {"k": 2}, "2026-01-01"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(["n", "c", "z"]), inner, max_size=3)
    ),
    max_leaves=10,
)


@settings(max_examples=400, deadline=None)
@given(value=ODD_VALUES, name=st.sampled_from(sorted(ODD_SCHEMA["$defs"])))
@example(value=float("nan"), name="leaf")  # NaN is neither below nor above: valid
@example(value={"n": [float("nan"), 3]}, name="node")
@example(value={"n": None, "c": [1, "a"]}, name="node")
@example(value={"n": None, "c": [1.0, "a"]}, name="node")
@example(value=[[1], [1]], name="node")
@example(value=[{"k": 2}], name="choice")
@example(value="2026-01-01", name="choice")
@example(value=True, name="stamp")
def test_compiled_checker_agrees_on_the_keywords_the_schema_does_not_combine(value, name):
    definition = ODD_SCHEMA["$defs"][name]
    checker = S.compile_checker(definition, ODD_SCHEMA)
    interpreted = next(iter(S.iter_errors(value, definition, "x", ODD_SCHEMA)), None) is None
    assert S.is_valid(value, checker) == interpreted, (value, name)


# ---------------------------------------------------------------------------------------------
# The streamed import (ijson): same verdicts as the in-memory one, all or nothing, cancel
# ---------------------------------------------------------------------------------------------


def _count(ws) -> int:
    with ws.read() as s:
        return len(list(s.scalars(select(m.Beneficiary.id))))


def _file_verdict(ws, tmp_path: Path, payload: bytes) -> str | None:
    path = tmp_path / "in.json"
    path.write_bytes(payload)
    before = _count(ws)
    try:
        X.import_file(ws, path)
    except X.ExchangeError as exc:
        assert _count(ws) == before
        assert "Traceback" not in exc.message and exc.message.strip()
        return exc.path or exc.message
    return None


def test_streamed_file_import_all_or_nothing(sample, ws, tmp_path, small_batches):
    late = copy.deepcopy(sample)
    late["people"][-1]["journeys"][0]["request_date"] = "2026-02-30"
    where = _file_verdict(ws, tmp_path, X.dumps(late).encode())
    assert where == f"people[{len(late['people']) - 1}].journeys[0].request_date"
    assert _count(ws) == 0  # the batches inserted before the error were rolled back
    text = X.dumps(sample).encode()
    assert _file_verdict(ws, tmp_path, b"\xef\xbb\xbf" + text) is None  # byte order mark
    assert _count(ws) == 30


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        (b"", "vide"),
        (b"[1, 2]", "objet JSON est attendu"),
        (b'{"format": "cep-desk-exchange", "people": [', "JSON illisible"),
        (b'{"people": []} trailing', "JSON illisible"),
        (b'{"people": [], "format": "autre"}', "pas un export CEP Desk"),
        (b'{"format": "cep-desk-exchange", "version": 1, "people": {}}', "liste"),
        (b"\xff\xfe{}", ""),
        (b'{"format": "cep-desk-exchange", "version": 99999999999999999999}', "trop grand"),
    ],
)
def test_streamed_file_import_refusals(ws, tmp_path, payload, words):
    path = tmp_path / "bad.json"
    path.write_bytes(payload)
    with pytest.raises(X.ExchangeError) as err:
        X.import_file(ws, path)
    assert words in err.value.message + " ".join(err.value.errors)
    assert _count(ws) == 0


def test_header_after_the_people_is_still_checked(sample, ws, tmp_path):
    doc = {"people": sample["people"][:3], **{k: v for k, v in sample.items() if k != "people"}}
    assert _file_verdict(ws, tmp_path, json.dumps(doc).encode()) is None
    assert _count(ws) == 3


def test_cancelled_import_keeps_nothing(sample, ws, tmp_path, small_batches):
    path = tmp_path / "all.json"
    path.write_text(X.dumps(sample), encoding="utf-8")
    seen: list[tuple[int, int]] = []
    with pytest.raises(X.ImportCancelled):
        X.import_file(
            ws, path, progress=lambda d, t: seen.append((d, t)), cancelled=lambda: len(seen) >= 2
        )
    assert _count(ws) == 0
    assert len(seen) == 2 and seen[0][0] < seen[1][0] <= seen[1][1] == path.stat().st_size
    report = X.import_file(ws, path)
    assert report.created == 30


def _no_huge_int(value: object) -> bool:
    """No integer beyond 64 bits anywhere inside (a list's item counts too: hypothesis found
    ``[2**63]``)."""
    if isinstance(value, bool) or not isinstance(value, (int, list, dict)):
        return True
    if isinstance(value, int):
        return abs(value) < 2**63
    items = value.values() if isinstance(value, dict) else value
    return all(_no_huge_int(v) for v in items)


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_streamed_and_in_memory_imports_give_the_same_verdict(sample, ws, tmp_path, data):
    doc = copy.deepcopy(sample)
    doc["people"] = doc["people"][:2]
    paths = [p for p in _paths(doc) if p]
    path = data.draw(st.sampled_from(paths))
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    # (integers beyond 64 bits are refused by both, as a syntax error by the stream parser)
    parent[path[-1]] = data.draw(WEIRD.filter(_no_huge_int))
    text = X.dumps(doc)
    cut = data.draw(st.sampled_from([None, 0.5, 0.99]))
    if cut is not None:
        text = text[: int(len(text) * cut)]
    try:
        X.import_json(ws, text)
        memory = None
    except X.ExchangeError as exc:
        memory = exc.path or exc.message
    streamed = _file_verdict(ws, tmp_path, text.encode())
    if cut is not None:  # the syntax messages differ (line/column against byte): both refuse
        assert memory is not None and streamed is not None
    else:
        assert streamed == memory
    with ws.session() as s:  # start the next example from an empty workspace
        for table in (m.IssuedDocument, m.Beneficiary):
            for row in s.scalars(select(table)):
                s.delete(row)


def test_seen_hashes_grow_and_remember():
    seen = X._SeenHashes(capacity=8)
    values = [f"w:need:{i}" for i in range(5000)]
    assert not any(seen.add(v) for v in values)
    assert all(seen.add(v) for v in values)
    assert seen.used == 5000 and len(seen.slots) >= 5000 * 4 // 3


def test_a_record_uid_repeated_in_another_person_is_refused(sample, ws, tmp_path):
    doc = copy.deepcopy(sample)
    first = next(p for p in doc["people"] if p["journeys"])
    later = next(p for p in reversed(doc["people"]) if p["journeys"] and p is not first)
    old_uid = later["journeys"][0]["uid"]
    later["journeys"][0]["uid"] = first["journeys"][0]["uid"]
    for record in later["appointments"] + later["documents"]:  # they follow their journey
        if record["journey_uid"] == old_uid:
            record["journey_uid"] = first["journeys"][0]["uid"]
    where = _file_verdict(ws, tmp_path, X.dumps(doc).encode())
    assert where == f"people[{doc['people'].index(later)}].journeys[0].uid"
    with pytest.raises(X.ExchangeError):
        X.import_json(ws, doc)
    assert _count(ws) == 0
