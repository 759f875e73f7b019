"""The lifecycle verbs as IT staff script them: real subprocesses, exit codes, French messages,
never a traceback."""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PASS = "Phrase de passe du test CLI 2026 !"
ENV = {"CEP_DESK_PASSPHRASE": PASS}


def run(*args, env=None, stdin=None):
    full_env = dict(os.environ)
    full_env.pop("CEP_DESK_PASSPHRASE", None)
    full_env.pop("CEP_DESK_RECOVERY_KEY", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "cep_desk", *args],
        env=full_env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=180,
    )


def ok(out):
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    return out


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli") / "ws"
    ok(run("demo", "--workspace", str(d), "--count", "40", env=ENV))
    return d


def people(d: Path) -> list[dict]:
    out = ok(run("list", "--workspace", str(d), env=ENV))
    return [json.loads(line) for line in out.stdout.splitlines()]


def export(d: Path, target: Path) -> dict:
    ok(run("export-json", "--workspace", str(d), "-o", str(target), env=ENV))
    data = json.loads(target.read_text("utf-8"))
    data.pop("exported_at")
    return data


def test_backup_and_restore(demo_dir, tmp_path):
    backup = tmp_path / "sauvegarde.cepbak"
    out = ok(run("backup", "--workspace", str(demo_dir), "-o", str(backup), env=ENV))
    assert backup.exists() and "Sauvegarde chiffrée" in out.stderr
    target = tmp_path / "restauré"
    out = ok(
        run("restore", str(backup), "--to", str(target), "--passphrase-stdin", stdin=PASS + "\n")
    )
    assert "vérifiée" in out.stderr and str(target) in out.stderr
    assert export(target, tmp_path / "b.json") == export(demo_dir, tmp_path / "a.json")


def test_restore_refusals(demo_dir, tmp_path):
    backup = tmp_path / "s.cepbak"
    ok(run("backup", "--workspace", str(demo_dir), "-o", str(backup), env=ENV))
    target = tmp_path / "cible"
    wrong = run(
        "restore",
        str(backup),
        "--to",
        str(target),
        env={"CEP_DESK_PASSPHRASE": "Mauvaise phrase 123 !!"},
    )
    assert wrong.returncode == 3 and "incorrecte" in wrong.stderr and not target.exists()
    cut = tmp_path / "tronquée.cepbak"
    cut.write_bytes(backup.read_bytes()[:5000])
    bad = run("restore", str(cut), "--to", str(target), env=ENV)
    assert bad.returncode == 5 and "pas une sauvegarde" in bad.stderr and not target.exists()
    assert "Traceback" not in bad.stderr
    busy = run("restore", str(backup), "--to", str(demo_dir), env=ENV)
    assert busy.returncode == 1 and "pas vide" in busy.stderr


def test_export_import_twice(demo_dir, tmp_path):
    data_file = tmp_path / "données.json"
    ok(run("export-json", "--workspace", str(demo_dir), "-o", str(data_file), env=ENV))
    assert oct(data_file.stat().st_mode & 0o777) == "0o600"
    other = tmp_path / "autre"
    ok(run("init", "--workspace", str(other), env=ENV))
    first = ok(run("import-json", "--workspace", str(other), str(data_file), env=ENV))
    assert "40 personne(s) importée(s)" in first.stderr
    second = ok(run("import-json", "--workspace", str(other), str(data_file), env=ENV))
    assert "0 personne(s) importée(s), 40 déjà présente(s)" in second.stderr
    assert len(people(other)) == 40


def test_export_one_person_and_unknown_id(demo_dir, tmp_path):
    out = tmp_path / "une.json"
    ok(
        run(
            "export-json",
            "--workspace",
            str(demo_dir),
            "--beneficiary",
            "2",
            "-o",
            str(out),
            env=ENV,
        )
    )
    assert len(json.loads(out.read_text("utf-8"))["people"]) == 1
    missing = run(
        "export-json", "--workspace", str(demo_dir), "--beneficiary", "999", "-o", str(out), env=ENV
    )
    assert missing.returncode == 5 and "introuvable" in missing.stderr


def test_import_invalid_file_says_where(demo_dir, tmp_path):
    data_file = tmp_path / "d.json"
    ok(run("export-json", "--workspace", str(demo_dir), "-o", str(data_file), env=ENV))
    data = json.loads(data_file.read_text("utf-8"))
    data["people"][3]["journeys"][0]["request_date"] = 2024
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), "utf-8")
    before = people(demo_dir)
    out = run("import-json", "--workspace", str(demo_dir), str(bad), env=ENV)
    assert out.returncode == 5
    assert (
        "people[3].journeys[0].request_date" in out.stderr and "rien n'a été importé" in out.stderr
    )
    assert "Traceback" not in out.stderr
    assert people(demo_dir) == before
    missing = run(
        "import-json", "--workspace", str(demo_dir), str(tmp_path / "absent.json"), env=ENV
    )
    assert missing.returncode == 5 and "introuvable" in missing.stderr


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    cut=st.floats(0.01, 0.99),
    mutate=st.sampled_from(["truncate", "type", "extra", "missing", "huge"]),
)
def test_fuzzed_files_exit_5_without_traceback(demo_dir, tmp_path_factory, cut, mutate):
    tmp = tmp_path_factory.mktemp("fuzz")
    source = tmp / "src.json"
    if not source.exists():
        ok(
            run(
                "export-json",
                "--workspace",
                str(demo_dir),
                "--beneficiary",
                "1",
                "-o",
                str(source),
                env=ENV,
            )
        )
    text = source.read_text("utf-8")
    data = json.loads(text)
    mutated = copy.deepcopy(data)
    person = mutated["people"][0]
    if mutate == "truncate":
        payload = text[: int(len(text) * cut)]
    else:
        if mutate == "type":
            person["last_contact_on"] = int(cut * 100)
        elif mutate == "extra":
            person["inconnu"] = cut
        elif mutate == "missing":
            person.pop("first_name")
        else:
            person["notes"] = "é" * 1_000_001
        payload = json.dumps(mutated)
    bad = tmp / "bad.json"
    bad.write_text(payload, "utf-8")
    out = run("import-json", "--workspace", str(demo_dir), str(bad), env=ENV)
    assert out.returncode == 5, out.stderr
    assert "Traceback" not in out.stderr
    assert "rien n'a été importé" in out.stderr.lower()


def test_erase(tmp_path):
    d = tmp_path / "ws"
    ok(run("demo", "--workspace", str(d), "--count", "10", env=ENV))
    target = people(d)[0]
    out = ok(run("erase", "--workspace", str(d), "--beneficiary", str(target["id"]), env=ENV))
    assert "effacée" in out.stderr
    assert target["id"] not in {p["id"] for p in people(d)}
    again = run("erase", "--workspace", str(d), "--beneficiary", str(target["id"]), env=ENV)
    assert again.returncode == 5 and "introuvable" in again.stderr


def test_purge_dry_run_then_purge(tmp_path):
    d = tmp_path / "ws"
    ok(run("demo", "--workspace", str(d), "--count", "40", env=ENV))
    # Three people without contact since 2019, brought in through the exchange format.
    source = tmp_path / "un.json"
    ok(run("export-json", "--workspace", str(d), "--beneficiary", "1", "-o", str(source), env=ENV))
    data = json.loads(source.read_text("utf-8"))
    template = data["people"][0]
    old = []
    for k in range(3):
        person = dict(
            template,
            journeys=[],
            documents=[],
            appointments=[],
            last_contact_on=f"2019-0{k + 1}-15",
        )
        person["uid"] = f"ancien-espace:beneficiaries:{k + 1}"
        old.append(person)
    data["people"] = old
    source.write_text(json.dumps(data), "utf-8")
    ok(run("import-json", "--workspace", str(d), str(source), env=ENV))
    dry = ok(run("purge", "--workspace", str(d), "--dry-run", env=ENV))
    listed = [json.loads(line) for line in dry.stdout.splitlines()]
    assert "simulation" in dry.stderr
    assert [x["last_contact_on"] for x in listed] == ["2019-01-15", "2019-02-15", "2019-03-15"]
    assert len(people(d)) == 43
    real = ok(run("purge", "--workspace", str(d), env=ENV))
    assert [json.loads(line) for line in real.stdout.splitlines()] == listed
    assert len(people(d)) == 40
    assert f"{len(listed)} personne(s) effacée(s)" in real.stderr


def test_stats_csv(demo_dir, tmp_path):
    target = tmp_path / "stats.csv"
    out = ok(
        run(
            "stats",
            "--workspace",
            str(demo_dir),
            "--from",
            "01/01/2020",
            "--to",
            "2030-12-31",
            "-o",
            str(target),
            env=ENV,
        )
    )
    assert "anonymisées" in out.stderr
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert ["Entrées en parcours", "Total", "40"] in rows
    names = {p["last_name"] for p in people(demo_dir)} | {p["first_name"] for p in people(demo_dir)}
    assert not any(n in text for n in names)
    bad = run(
        "stats",
        "--workspace",
        str(demo_dir),
        "--from",
        "32/01/2020",
        "--to",
        "2030-12-31",
        "-o",
        str(target),
        env=ENV,
    )
    assert bad.returncode == 2 and "--from" in bad.stderr
