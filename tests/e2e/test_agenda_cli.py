"""`cep-desk agenda` and `cep-desk ics`: JSON lines with ISO dates, the .ics file read back,
exit codes and French messages for bad dates, wrong passphrases and missing options. One
real subprocess; the other cases call the CLI's ``main`` in this process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta

import icalendar
import pytest

from cep_desk import cli
from cep_desk.usecases import agenda, beneficiaries, workspaces

PASS = "Phrase de passe du test agenda 2026 !"
MONDAY = date.today() - timedelta(days=date.today().weekday())


@pytest.fixture
def agenda_ws(tmp_path):
    """A workspace with three appointments this week and one next month."""
    d = tmp_path / "ws"
    ws, _ = workspaces.create(d, PASS, {"name": "Claire"})
    try:
        alice = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Alice")
        bob = beneficiaries.create_beneficiary(ws, last_name="Martin", first_name="Bob")
        book = dict(duration_min=60, modality="face_to_face", level=1, today=MONDAY)
        agenda.book(ws, beneficiary_id=alice.id, day=MONDAY, start="09:00", **book)
        agenda.book(
            ws, beneficiary_id=bob.id, day=MONDAY + timedelta(days=2), start="14:30",
            place="Salle 3", purpose="Bilan", **book,
        )  # fmt: skip
        third = agenda.book(
            ws, beneficiary_id=alice.id, day=MONDAY + timedelta(days=4), start="10:00", **book
        )
        agenda.cancel(ws, third.id)
        agenda.book(
            ws, beneficiary_id=bob.id, day=MONDAY + timedelta(days=40), start="11:00", **book
        )
    finally:
        ws.close()
    return d


@pytest.fixture
def with_passphrase(monkeypatch):
    monkeypatch.setenv("CEP_DESK_PASSPHRASE", PASS)
    monkeypatch.delenv("CEP_DESK_RECOVERY_KEY", raising=False)


def test_agenda_json_lines_in_a_real_process(agenda_ws):
    env = {**os.environ, "CEP_DESK_PASSPHRASE": PASS}
    sunday = MONDAY + timedelta(days=6)
    out = subprocess.run(
        [sys.executable, "-m", "cep_desk", "agenda", "--workspace", str(agenda_ws),
         "--from", MONDAY.strftime("%d/%m/%Y"), "--to", sunday.isoformat()],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [(r["day"], r["start"], r["end"], r["initials"], r["status"]) for r in rows] == [
        (MONDAY.isoformat(), "09:00", "10:00", "A. D.", "planned"),
        ((MONDAY + timedelta(days=2)).isoformat(), "14:30", "15:30", "B. M.", "planned"),
        ((MONDAY + timedelta(days=4)).isoformat(), "10:00", "11:00", "A. D.", "cancelled"),
    ]
    assert rows[1]["person"] == "MARTIN Bob" and rows[1]["place"] == "Salle 3"
    assert rows[1]["status_label"] == "Prévu" and rows[1]["modality_label"] == "En présentiel"
    assert "3 rendez-vous" in out.stderr and "Traceback" not in out.stderr


def test_agenda_default_period_is_a_week_from_from(agenda_ws, with_passphrase, capsys):
    code = cli.main(["agenda", "--workspace", str(agenda_ws), "--from", MONDAY.isoformat()])
    assert code == cli.EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3  # not the one 40 days on


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--from", "31/02/2026"], "n'existe pas"),
        (["--from", "demain"], "Date illisible"),
        (["--from", "10/12/2026", "--to", "01/12/2026"], "--to précède --from"),
    ],
)
def test_bad_dates_are_usage_errors_in_french(agenda_ws, with_passphrase, capsys, args, words):
    for verb in (["agenda"], ["ics", "-o", str(agenda_ws.parent / "a.ics")]):
        code = cli.main([*verb, "--workspace", str(agenda_ws), *args])
        err = capsys.readouterr().err
        assert code == cli.EXIT_USAGE, err
        assert words in err and "Traceback" not in err
    assert not (agenda_ws.parent / "a.ics").exists()


def test_wrong_passphrase_and_missing_output(agenda_ws, monkeypatch, capsys):
    monkeypatch.setenv("CEP_DESK_PASSPHRASE", "pas la bonne phrase")
    assert cli.main(["agenda", "--workspace", str(agenda_ws)]) == cli.EXIT_SECRET
    assert "incorrecte" in capsys.readouterr().err
    assert cli.main(["ics", "--workspace", str(agenda_ws)]) == cli.EXIT_USAGE
    assert "arguments obligatoires" in capsys.readouterr().err


def test_ics_file_initials_by_default_full_names_on_request(
    agenda_ws, tmp_path, with_passphrase, capsys
):
    target = tmp_path / "agenda.ics"
    base = ["ics", "--workspace", str(agenda_ws), "-o", str(target), "--from", MONDAY.isoformat()]
    assert cli.main([*base, "--to", (MONDAY + timedelta(days=6)).isoformat()]) == cli.EXIT_OK
    err = capsys.readouterr().err
    assert "3 rendez-vous" in err and "initiales seulement" in err
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert sorted(str(e["summary"]) for e in events) == [
        "RDV CEP niveau 1 — A. D.",
        "RDV CEP niveau 1 — A. D.",
        "RDV CEP niveau 1 — B. M.",
    ]
    assert b"Durand" not in target.read_bytes() and b"Bilan" not in target.read_bytes()
    assert (target.stat().st_mode & 0o777) == 0o600
    assert cli.main([*base, "--noms-complets"]) == cli.EXIT_OK  # about three months
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert len(events) == 4
    assert "RDV CEP niveau 1 — MARTIN Bob" in {str(e["summary"]) for e in events}
    assert cli.main(["ics", "--workspace", str(agenda_ws), "-o", str(tmp_path)]) == cli.EXIT_USAGE
    assert "est un dossier" in capsys.readouterr().err
