"""The activity report (issue #12, item 4) on real workspaces: figures, primary and secondary
suppression (totals and région/département margins), CSV files read back with the csv module,
the anonymised per-appointment file, and the PDF read back."""

from __future__ import annotations

import csv
import io
import random
from datetime import date, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from cep_desk.storage import models as m
from cep_desk.usecases import beneficiaries, journeys, report
from cep_desk.usecases.lifecycle.stats import THRESHOLD, protect

# Every test here runs on SQLCipher and on PostgreSQL (tests/engines.py).
pytestmark = pytest.mark.both_engines

START, END = date(2026, 1, 1), date(2026, 6, 30)


def _person(ws, i: int, *, postcode="75011", status="job_seeker", sex="F", pcs="5"):
    p = beneficiaries.create_beneficiary(
        ws,
        last_name=f"Nomsecret{i}",
        first_name=f"Prénomsecret{i}",
        status=status,
        sex=sex,
        birth_date=date(1980, 5, 17),
        education_level="4",
        postcode=postcode,
        pcs_group=pcs,
    )
    return p.id


def _journey(ws, pid: int, *, request=date(2026, 2, 2), level=1, held=date(2026, 2, 9),
             duration=60):  # fmt: skip
    j = journeys.start_journey(ws, pid, request_date=request, reasons=["reconversion"])
    journeys.add_session(ws, j.id, level, held_on=held, duration_min=duration, modality="phone")
    return j.id


def _read(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def _cells(table: report.Table) -> dict[str, int | None]:
    return {c.code: c.count for c in table.cells}


# ---------------------------------------------------------------------------------------------
# Suppression
# ---------------------------------------------------------------------------------------------


def test_protect_primary_and_secondary():
    # one small cell: the next smallest is hidden too (3 = 20 - 9 - 8 otherwise)
    assert protect([3, 8, 9, 20], [(3, range(3))]) == {0, 1}
    # two small cells holding 1 + 2 = 3 people together: a third is hidden
    assert protect([1, 2, 9, 30, 42], [(4, range(4))]) == {0, 1, 2}
    # empty categories alone tell nothing about anybody: no secondary cell
    assert protect([0, 0, 9, 30, 39], [(4, range(4))]) == {0, 1}
    # a hidden total with every part shown would be their sum
    assert 0 in protect([5, 5, 3], [(2, [0, 1])]) and 2 in protect([5, 5, 3], [(2, [0, 1])])
    # a région of one hidden département is hidden too
    # (départements 6 | 3, 9; régions 6, 12; total 18): the 6 hidden to protect the 3 would be
    # its région's count, so that région goes; the 3 would be 12 - 9, so the 9 goes; then the
    # other région, else 18 - 12 would give the first one
    values = [6, 3, 9, 6, 12, 18]
    relations = [(5, [0, 1, 2]), (5, [3, 4]), (3, [0]), (4, [1, 2])]
    assert protect(values, relations) == {0, 1, 2, 3, 4}
    # without a total nothing more is hidden
    assert protect([3, 8, 9]) == {0}


def test_a_hidden_department_cannot_be_recovered_from_its_region(ws):
    for i in range(7):
        _journey(ws, _person(ws, i, postcode="33000"))  # Gironde, Nouvelle-Aquitaine
    for i in range(7, 9):
        _journey(ws, _person(ws, i, postcode="64100"))  # Pyrénées-Atlantiques, N-A
    for i in range(9, 17):
        _journey(ws, _person(ws, i, postcode="75011"))  # Paris
    r = report.build_report(ws, START, END)
    territories = r.indicator("territoires")
    deps = _cells(territories.table("department"))
    regions = _cells(territories.table("region"))
    assert regions["Nouvelle-Aquitaine"] == 9 and regions["Île-de-France"] == 8
    assert deps["64"] is None  # 2 < 5
    assert deps["33"] is None  # else 9 - 7 = 2 would give it away
    assert deps["75"] == 8 and territories.table("department").total == 17


def test_every_table_is_safe_against_its_total(demo_report):
    for ind in demo_report.indicators:
        for t in ind.tables:
            hidden = [c for c in t.cells if c.count is None]
            assert all(c.count is None or c.count >= THRESHOLD for c in t.cells), t.key
            if t.total is not None and len(t.cells) > 1:
                assert len(hidden) != 1, (ind.key, t.key)  # never a lone hidden cell
            if t.total is None:
                assert hidden or not t.cells, (ind.key, t.key)


# ---------------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------------


def test_appointments_people_and_waiting_times(ws):
    ids = [_person(ws, i) for i in range(12)]
    for n, pid in enumerate(ids):
        # requests on 2/2, first sessions 3 to 14 days later
        _journey(ws, pid, held=date(2026, 2, 5) + timedelta(days=n), duration=90 if n < 5 else 60)
    with ws.session() as s:
        jid = s.query(m.Journey.id).filter(m.Journey.beneficiary_id == ids[0]).scalar()
        # an appointment that became a session is counted once
        sid = s.query(m.Interview.id).filter(m.Interview.journey_id == jid).scalar()
        s.add(m.Appointment(beneficiary_id=ids[0], journey_id=jid, day=date(2026, 2, 5),
                            start=time(9, 0), duration_min=90, modality="phone", level=1,
                            status="held", interview_id=sid))  # fmt: skip
        for k in range(6):
            s.add(m.Appointment(beneficiary_id=ids[k], journey_id=None, day=date(2026, 3, 2 + k),
                                start=time(14, 0), duration_min=45, modality="video", level=2,
                                status="missed"))  # fmt: skip
    # somebody met before the period is not new
    old = _person(ws, 99)
    _journey(ws, old, request=date(2025, 9, 1), held=date(2025, 9, 8))
    j2 = journeys.start_journey(ws, old, request_date=date(2026, 3, 1))
    journeys.add_session(ws, j2.id, 1, held_on=date(2026, 3, 3), duration_min=45, modality="phone")

    r = report.build_report(ws, START, END)
    appts = r.indicator("rendez_vous")
    assert _cells(appts.table("status")) == {"planned": None, "held": 13, "cancelled": None,
                                              "missed": 6}  # fmt: skip
    assert appts.table("level").total == 13
    assert _cells(appts.table("modality"))["phone"] == 13
    duration = _cells(appts.table("duration"))
    assert duration["31 à 60 min"] == 8 and duration["61 à 90 min"] == 5
    people = r.indicator("personnes")
    assert people.table("public").total == 13
    assert _cells(people.table("pcs_group"))["5"] == 13
    assert _cells(people.table("age_band"))["45-54 ans"] == 13
    assert _cells(r.indicator("nouvelles_personnes").table("new")) == {"new": None,
                                                                      "returning": None}  # fmt: skip
    wait = {f.code: f.value for f in r.indicator("delai_premier_rdv").figures}
    # 13 journeys: 3..14 days and the returning person's 2 days
    assert wait["measured"] == 13
    assert wait["median_days"] == 8.0
    assert wait["within_10_days"] == pytest.approx(100 * 9 / 13, abs=0.1)
    key = {k.label: k.values for k in r.key_figures}
    assert key["Rendez-vous honorés"] == (13,)
    assert key["Rendez-vous non honorés"] == (6,)


def test_bad_period_is_refused_in_french(ws):
    with pytest.raises(report.domain.ValidationError, match="précède"):
        report.build_report(ws, END, START)
    with pytest.raises(report.domain.ValidationError, match=r"\.pdf, un fichier \.csv"):
        report.output_kind(ws.path / "rapport.xlsx")


# ---------------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def demo_ws(tmp_path, engine_kind):
    """The demo's people, journeys, answers and follow-ups, with a month of appointments (on
    either engine)."""
    from cep_desk import demo
    from tests import engines
    from tests.conftest import COUNSELLOR, PASSPHRASE

    if engine_kind == "postgresql":
        ws = engines.pg_workspace(tmp_path / "demo", dict(COUNSELLOR))
        demo.fill(ws, 120)
    else:
        ws, _recovery = demo.create_demo_workspace(tmp_path / "demo", 120, passphrase=PASSPHRASE)
    rng = random.Random(12)
    with ws.session() as s:
        people = [b for (b,) in s.query(m.Beneficiary.id)]
        for _ in range(150):
            s.add(m.Appointment(beneficiary_id=rng.choice(people), journey_id=None,
                                day=date.today() - timedelta(days=rng.randrange(1, 60)),
                                start=time(9 + rng.randrange(8), 30), duration_min=60,
                                modality=rng.choice(["face_to_face", "phone", "video"]),
                                level=rng.choice([1, 2]),
                                status=rng.choice(["held", "cancelled", "missed"]),
                                purpose="Texte libre confidentiel"))  # fmt: skip
    yield ws
    ws.close()
    if engine_kind == "postgresql":
        engines.pg_server().drop(ws.test_database_url)


@pytest.fixture
def demo_report(demo_ws):
    return report.build_report(demo_ws, date.today() - timedelta(days=730), date.today())


def test_a_folder_gets_one_csv_per_indicator_and_the_anonymised_appointments(demo_ws, tmp_path):
    start, end = date.today() - timedelta(days=730), date.today()
    target = tmp_path / "rapport"
    written = report.export(demo_ws, start, end, target)
    assert written.kind == report.KIND_DIR
    names = sorted(p.name for p in target.iterdir())
    assert names == sorted([f"{i.key}.csv" for i in written.report.indicators]
                           + [report.APPOINTMENTS_FILE])  # fmt: skip
    for ind in written.report.indicators:
        rows = _read((target / f"{ind.key}.csv").read_bytes().decode("utf-8"))
        assert list(rows[0]) == list(report.INDICATOR_COLUMNS)
        assert {r["Indicateur"] for r in rows} == {ind.title}
        for r in rows:
            if r["Tableau"] == "Chiffres clés":  # a count or a decimal with a comma
                assert r["Nombre"] == "< 5" or float(r["Nombre"].replace(",", ".")) >= 0
            elif r["Code"] != "total" and r["Nombre"] != "< 5":
                assert int(r["Nombre"]) >= THRESHOLD
    rendez_vous = _read((target / "rendez_vous.csv").read_bytes().decode("utf-8"))
    held = next(r for r in rendez_vous if r["Tableau"] == "Rendez-vous par suite donnée"
                and r["Code"] == "held")  # fmt: skip
    assert int(held["Nombre"]) > 100 and "," in held["Part (%)"]

    lines = _read((target / report.APPOINTMENTS_FILE).read_bytes().decode("utf-8"))
    assert list(lines[0]) == list(report.APPOINTMENT_COLUMNS)
    assert len(lines) == len(written.report.appointments) > 150
    text = (target / report.APPOINTMENTS_FILE).read_bytes().decode("utf-8")
    with demo_ws.read() as s:
        people = s.query(m.Beneficiary).all()
        for p in people:
            assert p.last_name not in text and p.first_name not in text
            if p.birth_date:
                assert p.birth_date.isoformat() not in text
            if p.postcode:
                assert f";{p.postcode};" not in text
        ids = {str(p.id) for p in people}
    assert "Texte libre confidentiel" not in text
    assert not {r["cle_personne"] for r in lines} & ids
    assert all(r["cle_personne"].startswith("P") and len(r["cle_personne"]) == 16 for r in lines)
    assert {r["statut"] for r in lines} <= {"planned", "held", "cancelled", "missed"}
    # the same person gets the same key in the next report
    again = report.build_report(demo_ws, start, end)
    assert [x.person_key for x in again.appointments] == [
        x.person_key for x in written.report.appointments
    ]


def test_one_csv_holds_every_indicator(demo_ws, tmp_path):
    target = tmp_path / "indicateurs.csv"
    written = report.export(demo_ws, date.today() - timedelta(days=365), date.today(), target)
    rows = _read(target.read_bytes().decode("utf-8"))
    assert written.kind == report.KIND_CSV and written.paths == [target]
    assert {r["Indicateur"] for r in rows} == {i.title for i in written.report.indicators}
    assert target.stat().st_mode & 0o077 == 0
    with demo_ws.read() as s:  # the export is in the audit trail: its kind and period only
        event = s.query(m.AuditEvent).order_by(m.AuditEvent.id.desc()).first()
        assert event.action == "export" and event.entity == "workspace"
        assert event.detail.startswith("activity_report csv ")


def test_pdf_reads_back_with_its_summary_and_no_name(demo_ws, tmp_path):
    start, end = date.today() - timedelta(days=730), date.today()
    with demo_ws.session() as s:  # a comment that names somebody is printed without a name
        answer = s.query(m.SatisfactionAnswer).first()
        assert answer is not None
        answer.comment = "Merci pour <b>tout</b> & le reste"
    target = tmp_path / "rapport.pdf"
    written = report.export(demo_ws, start, end, target)
    reader = PdfReader(target)
    assert len(reader.pages) >= 5
    first = reader.pages[0].extract_text()
    assert "Rapport d'activité" in first and "Rendez-vous honorés" in first
    assert "Délai médian du premier rendez-vous" in first
    whole = "\n".join(p.extract_text() for p in reader.pages)
    for ind in written.report.indicators:
        assert ind.title.split(" (")[0] in whole.replace("\n", " ")
    assert "< 5" in whole
    assert "Merci pour <b>tout</b> & le reste" in whole
    with demo_ws.read() as s:
        for p in s.query(m.Beneficiary).all():  # (« Denis » is in Seine-Saint-Denis)
            assert f"{p.first_name} {p.last_name}" not in whole
            assert f"{p.last_name} {p.first_name}" not in whole
            assert p.last_name.upper() not in whole


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 40), min_size=1, max_size=6), min_size=1, max_size=6))
def test_no_hidden_cell_is_the_only_unknown_of_a_published_sum(groups):
    """Régions of départements: whatever the counts, no relation (the total over the régions,
    the total over the départements, each région over its départements) leaves one hidden
    cell alone, or a few people alone among its hidden cells."""
    deps = [n for g in groups for n in g]
    regions = [sum(g) for g in groups]
    nd, nr = len(deps), len(regions)
    values = deps + regions + [sum(deps)]
    relations = [(nd + nr, range(nd)), (nd + nr, range(nd, nd + nr))]
    first = 0
    for j, g in enumerate(groups):
        relations.append((nd + j, range(first, first + len(g))))
        first += len(g)
    hidden = protect(values, relations)
    assert all(v >= THRESHOLD for i, v in enumerate(values) if i not in hidden)  # primary
    for total, parts in relations:
        hidden_parts = [i for i in parts if i in hidden]
        if total in hidden:
            assert hidden_parts or all(values[i] == 0 for i in parts) or not parts
        elif hidden_parts:
            together = sum(values[i] for i in hidden_parts)
            assert len(hidden_parts) >= 2  # a lone one would be the total less the others
            assert together == 0 or together >= THRESHOLD or len(hidden_parts) == len(parts)
