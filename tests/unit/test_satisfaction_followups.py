"""Satisfaction answers and six-month follow-ups: dates, refusals in French, anonymous counts,
the due list, the passphrase check of the kiosk, exchange round trip and erasure."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cep_desk.domain import ValidationError
from cep_desk.storage import models as m
from cep_desk.usecases import beneficiaries, followups, journeys, satisfaction, workspaces
from cep_desk.usecases.followups import add_months
from cep_desk.usecases.lifecycle import exchange, rights

# Every test here runs on SQLCipher and on PostgreSQL (tests/engines.py).
pytestmark = pytest.mark.both_engines

TODAY = date.today()


def _journey(ws, name="Durand", closed: date | None = None):
    p = beneficiaries.create_beneficiary(ws, last_name=name, first_name="Léa")
    j = journeys.start_journey(ws, p.id, request_date=date(2025, 1, 6))
    if closed is not None:
        journeys.update_journey(ws, j.id, closed_on=closed)
    return p, j


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 8, 31), date(2027, 2, 28)),
        (date(2027, 8, 31), date(2028, 2, 29)),  # leap year
        (date(2026, 1, 15), date(2026, 7, 15)),
        (date(2026, 7, 31), date(2027, 1, 31)),
        (date(2026, 12, 31), date(2027, 6, 30)),
    ],
)
def test_six_calendar_months(day, expected):
    assert add_months(day, 6) == expected


def test_closing_schedules_one_followup_six_months_later(ws):
    p, j = _journey(ws, closed=date(2025, 8, 31))
    current = beneficiaries.load_file(ws, p.id, audit=False).current
    assert [(f.due_on, f.status, f.beneficiary_id) for f in current.followups] == [
        (date(2026, 2, 28), "pending", p.id)
    ]
    # closing again on another day moves the pending one; never a second one
    journeys.update_journey(ws, j.id, closed_on=date(2025, 9, 30))
    again = beneficiaries.load_file(ws, p.id, audit=False).current.followups
    assert [f.due_on for f in again] == [date(2026, 3, 30)]
    assert followups.schedule_followup(ws, j.id).id == again[0].id


def test_due_list_window_and_order(ws):
    _, j1 = _journey(ws, "Alpha")
    _, j2 = _journey(ws, "Bravo")
    _, j3 = _journey(ws, "Charlie")
    late = followups.schedule_followup(ws, j1.id, add_months(TODAY - timedelta(days=3), -6))
    soon = followups.schedule_followup(ws, j2.id, add_months(TODAY + timedelta(days=5), -6))
    followups.schedule_followup(ws, j3.id, add_months(TODAY + timedelta(days=40), -6))
    with ws.read() as s:
        items = followups.due_followups(s, TODAY, 14)
    assert [(i.ref_id, i.person, i.kind) for i in items] == [
        (late.id, "ALPHA Léa", "followup"),
        (soon.id, "BRAVO Léa", "followup"),
    ]
    assert "en retard" in items[0].label and "en retard" not in items[1].label
    followups.record_followup(
        ws, late.id, done_on=TODAY, situation="training", project_status="carried_out",
        more_satisfying=True, service_useful=True, note="Entrée en formation en mars",
    )  # fmt: skip
    with ws.read() as s:
        assert [i.ref_id for i in followups.due_followups(s, TODAY, 14)] == [soon.id]


def test_attempts_end_unreachable_after_the_setting(ws):
    _, j = _journey(ws, closed=TODAY - timedelta(days=200))
    f = followups.schedule_followup(ws, j.id)
    workspaces.set_setting(ws, followups.MAX_ATTEMPTS_SETTING, 2)
    f = followups.record_attempt(ws, f.id, TODAY, "messagerie")
    assert (f.attempts, f.status, f.done_on) == (1, "pending", None)
    f = followups.record_attempt(ws, f.id, TODAY)
    assert (f.attempts, f.status, f.done_on) == (2, "unreachable", TODAY)
    with pytest.raises(ValidationError, match="déjà clos"):
        followups.record_attempt(ws, f.id, TODAY)


def test_followup_refusals_are_french(ws):
    _, j = _journey(ws, closed=date(2025, 6, 30))
    f = followups.schedule_followup(ws, j.id)
    with pytest.raises(ValidationError, match="Indiquez la situation"):
        followups.record_followup(ws, f.id, done_on=TODAY, situation=None)
    with pytest.raises(ValidationError, match="Valeur inconnue"):
        followups.record_followup(ws, f.id, done_on=TODAY, situation="astronaut")
    with pytest.raises(ValidationError, match="précéder la fin du parcours"):
        followups.record_followup(ws, f.id, done_on=date(2025, 6, 1), situation="training")
    with pytest.raises(ValidationError, match="futur"):
        followups.record_followup(ws, f.id, done_on=TODAY + timedelta(days=2), situation="other")


def test_answers_validated_once_per_level_and_counted_without_names(ws):
    p, j = _journey(ws)
    satisfaction.record_answers(
        ws, j.id, level=1, channel="screen", answered_on=date(2025, 1, 20), satisfaction=4,
        usefulness=3, recommend=True, comment="Très clair, merci Durand",
    )  # fmt: skip
    with pytest.raises(ValidationError, match="déjà été saisi"):
        satisfaction.record_answers(
            ws, j.id, level=1, channel="paper", answered_on=date(2025, 1, 21)
        )
    for bad, words in (
        ({"satisfaction": 5}, "de 1 \\(pas du tout\\) à 4"),
        ({"usefulness": 0}, "de 1 \\(pas du tout\\) à 4"),
        ({"level": 3}, "niveau 1 ou le niveau 2"),
        ({"channel": "fax"}, "Valeur inconnue"),
        ({"answered_on": date(2024, 12, 1)}, "précéder la demande"),
        ({"comment": "x" * 2001}, "trop long"),
    ):
        args = {"level": 2, "channel": "paper", "answered_on": date(2025, 3, 1)} | bad
        with pytest.raises(ValidationError, match=words):
            satisfaction.record_answers(ws, j.id, **args)
    satisfaction.record_answers(
        ws, j.id, level=2, channel="paper", answered_on=date(2025, 3, 1), recommend=False
    )
    got = {c.level: c for c in satisfaction.counts(ws, date(2025, 1, 1), date(2025, 12, 31))}
    assert got[1].answered == 1 and got[1].satisfaction[4] == 1 and got[1].satisfied == 1
    assert got[1].recommend == {"oui": 1, "non": 0, "sans réponse": 0}
    assert got[2].satisfaction[0] == 1 and got[2].recommend["non"] == 1
    assert got[2].by_channel == {"Sur papier": 1}
    assert "Durand" not in repr(got) and "clair" not in repr(got)
    with pytest.raises(ValidationError, match="précède son début"):
        satisfaction.counts(ws, date(2025, 2, 1), date(2025, 1, 1))


def test_pending_levels_follow_the_journey(ws):
    p, j = _journey(ws)
    assert satisfaction.pending_levels(ws, j.id) == []
    journeys.update_journey(ws, j.id, level1_decision="stop")
    assert satisfaction.pending_levels(ws, j.id) == [1]
    satisfaction.record_answers(ws, j.id, level=1, channel="screen", answered_on=TODAY)
    assert satisfaction.pending_levels(ws, j.id) == []


def test_paper_reference_round_trip_and_typos():
    code = satisfaction.paper_reference(123, 2)
    assert code.startswith("Q-000123-N2-")
    assert satisfaction.parse_paper_reference(" " + code.lower() + " ") == (123, 2)
    wrong = code[:-1] + str((int(code[-1]) + 1) % 10)
    with pytest.raises(ValidationError, match="mal recopié"):
        satisfaction.parse_paper_reference(wrong)


@pytest.mark.sqlcipher_only  # the laptop's file, key slots, backups or CLI
def test_counsellor_passphrase_checked_on_the_key_slot(ws, passphrase):
    assert satisfaction.check_counsellor_passphrase(ws, passphrase)
    assert not satisfaction.check_counsellor_passphrase(ws, passphrase + "x")
    assert not satisfaction.check_counsellor_passphrase(ws, "")


def test_exchange_round_trip_and_erasure_by_cascade(ws, tmp_path, passphrase):
    p, j = _journey(ws, closed=date(2025, 8, 31))
    satisfaction.record_answers(
        ws, j.id, level=1, channel="paper", answered_on=date(2025, 2, 1), satisfaction=3
    )
    f = beneficiaries.load_file(ws, p.id, audit=False).current.followups[0]
    followups.record_attempt(ws, f.id, TODAY)
    data = exchange.export_json(ws, p.id)
    person = data["people"][0]
    assert person["journeys"][0]["satisfaction"][0]["satisfaction"] == 3
    assert person["journeys"][0]["followups"][0]["attempts"] == 1
    other = workspaces.create(tmp_path / "autre", passphrase)[0]
    try:
        report = exchange.import_json(other, data)
        back = beneficiaries.load_file(other, report.people_ids[0], audit=False).current
        assert [a.satisfaction for a in back.satisfaction] == [3]
        assert back.satisfaction[0].beneficiary_id == report.people_ids[0]
        assert [(x.attempts, x.due_on) for x in back.followups] == [(1, date(2026, 2, 28))]
        # a version-1 file (before these lists) is still read
        old = dict(data, version=1)
        for j_raw in old["people"][0]["journeys"]:
            j_raw.pop("satisfaction"), j_raw.pop("followups")
        assert exchange.import_json(other, old).skipped == 1
    finally:
        other.close()
    rights.erase(ws, p.id)
    with ws.read() as s:
        assert s.query(m.SatisfactionAnswer).count() == 0
        assert s.query(m.Followup).count() == 0
