"""Anonymised activity statistics: counts, suppression of small cells, CSV, and figures that
do not change when files are purged."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from cep_desk.usecases import beneficiaries, journeys
from cep_desk.usecases.lifecycle import rights, stats

# Every test here runs on SQLCipher and on PostgreSQL (tests/engines.py).
pytestmark = pytest.mark.both_engines

START, END = date(2025, 1, 1), date(2025, 12, 31)


def _fill(
    ws, n: int, *, status="job_seeker", sex="F", rqth=None, wait=10, request=date(2025, 3, 1)
):
    ids = []
    for i in range(n):
        p = beneficiaries.create_beneficiary(
            ws,
            last_name=f"Nomsecret{status}{i}",
            first_name=f"Prénomsecret{i}",
            status=status,
            sex=sex,
            rqth=rqth,
            birth_date=date(1990, 1, 1),
            education_level="5",
        )
        j = journeys.start_journey(
            ws,
            p.id,
            request_date=request,
            first_appointment_on=date.fromordinal(request.toordinal() + wait),
            reasons=["reconversion"],
        )
        journeys.update_journey(ws, j.id, closed_on=date(2025, 6, 1), outcome="job_found")
        beneficiaries.update_beneficiary(ws, p.id, last_contact_on=date(2025, 6, 1))
        ids.append(p.id)
    return ids


def _rows(table: stats.StatTable) -> dict[str, int | None]:
    return dict(table.rows)


def test_counts_and_suppression(ws):
    _fill(ws, 7, status="job_seeker", sex="F", wait=5)
    _fill(ws, 3, status="public_agent", sex="M", wait=40)
    _fill(ws, 2, status="job_seeker", request=date(2024, 6, 1))  # outside the period
    s = stats.compute_stats(ws, START, END)
    assert s.entries == 10
    public = _rows(s.table("public"))
    assert public["Personne en recherche d'emploi"] == 7
    assert public["Agent du secteur public"] is None  # 3 < 5
    sex = s.table("sex")
    assert _rows(sex)["Homme"] is None and _rows(sex)["Femme"] == 7 and sex.total == 10
    assert _rows(s.table("age_band"))["35-44 ans"] == 10
    assert _rows(s.table("outcome"))["Emploi trouvé ou conservé"] == 10
    assert _rows(s.table("reason"))["Changer de métier ou de secteur"] == 10
    assert _rows(s.table("waiting"))["7 jours ou moins"] == 7
    assert s.waiting.measured == 10 and s.waiting.median_days == 5.0 and s.waiting.mean_days == 15.5
    assert all(v is None or v >= stats.THRESHOLD for t in s.tables for _l, v in t.rows)


def test_a_single_hidden_cell_is_protected_from_subtraction():
    from collections import Counter

    cats = [("a", "A"), ("b", "B"), ("c", "C")]
    table = stats._table("k", "T", cats, Counter(a=10, b=6, c=2), 18)
    assert table.rows == [("A", 10), ("B", None), ("C", None)] and table.total == 18
    table = stats._table("k", "T", cats, Counter(a=10, b=6, c=2), 18, additive=False)
    assert table.rows == [("A", 10), ("B", 6), ("C", None)]


def test_small_population_is_entirely_suppressed(ws):
    _fill(ws, 3)
    s = stats.compute_stats(ws, START, END)
    assert s.entries is None and s.waiting.median_days is None
    assert all(v is None for t in s.tables for _l, v in t.rows)


def test_rqth_is_hidden_below_the_threshold(ws):
    _fill(ws, 6, rqth=False)
    _fill(ws, 2, rqth=True)
    table = stats.compute_stats(ws, START, END).table("rqth")
    assert all(v is None for _l, v in table.rows)
    _fill(ws, 3, rqth=True)
    _fill(ws, 5, rqth=None)
    table = stats.compute_stats(ws, START, END).table("rqth")
    assert _rows(table) == {"Avec RQTH": 5, "Sans RQTH": 6, "Non renseigné": 5}


def test_statistics_survive_purge(ws):
    _fill(ws, 8, status="job_seeker")
    _fill(ws, 6, status="private_employee", sex="M", wait=20)
    before = stats.compute_stats(ws, START, END)
    purged = rights.purge(ws, date(2030, 1, 1))
    assert len(purged) == 14 and beneficiaries.count_beneficiaries(ws) == 0
    after = stats.compute_stats(ws, START, END)
    assert after.entries == before.entries
    assert after.waiting == before.waiting
    for b, a in zip(before.tables, after.tables, strict=True):
        if b.key != "rqth":  # health data is not kept after erasure
            assert a == b, b.key


def test_csv_has_no_names_or_ids_and_suppresses(ws):
    ids = _fill(ws, 6)
    _fill(ws, 2, status="craftsperson")
    text = stats.stats_csv(stats.compute_stats(ws, START, END))
    assert text.startswith("\ufeff")
    assert "Nomsecret" not in text and "Prénomsecret" not in text
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert ["Tableau", "Catégorie", "Nombre"] in rows
    numbers = [
        r[2]
        for r in rows[rows.index(["Tableau", "Catégorie", "Nombre"]) + 1 :]
        if len(r) == 3 and r[0] != "Note"
    ]
    for value in numbers:
        assert value == "< 5" or "," in value or int(value) >= 5, value
    assert ["Parcours par public", "Artisan·e", "< 5"] in rows
    assert not any(str(i) == cell for i in ids for r in rows for cell in r[1:2])
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")
