"""`cep-desk report` as IT staff script it: real subprocesses on a demo workspace, the three
outputs read back, exit codes and French messages for bad input, never a traceback."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

PASS = "Phrase de passe du test CLI 2026 !"
ENV = {"CEP_DESK_PASSPHRASE": PASS}
PERIOD = ["--from", "01/01/2020", "--to", "2030-12-31"]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    full_env.pop("CEP_DESK_PASSPHRASE", None)
    full_env.pop("CEP_DESK_RECOVERY_KEY", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "cep_desk", *args],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("report") / "demo"
    out = run("demo", "--workspace", str(d), "--count", "60", env=ENV)
    assert out.returncode == 0, out.stderr
    return d


def test_pdf_csv_and_folder(demo_dir, tmp_path):
    pdf = tmp_path / "rapport.pdf"
    out = run("report", "--workspace", str(demo_dir), *PERIOD, "-o", str(pdf), env=ENV)
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    assert "Rapport d'activité (PDF)" in out.stderr
    text = PdfReader(pdf).pages[0].extract_text()
    assert "Rapport d'activité" in text and "Personnes reçues" in text

    one = tmp_path / "rapport.csv"
    out = run("report", "--workspace", str(demo_dir), *PERIOD, "-o", str(one), env=ENV)
    assert out.returncode == 0, out.stderr
    raw = one.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert {"Rendez-vous de la période", "Personnes par territoire"} <= {
        r["Indicateur"] for r in rows
    }

    folder = tmp_path / "dossier"
    out = run("report", "--workspace", str(demo_dir), *PERIOD, "-o", str(folder), env=ENV)
    assert out.returncode == 0, out.stderr
    assert (folder / "rendez-vous-anonymises.csv").exists()
    assert len(list(folder.glob("*.csv"))) == 11


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["--from", "31/02/2026", "--to", "31/12/2026", "-o", "r.pdf"], 2, "n'existe pas"),
        (["--from", "demain", "--to", "31/12/2026", "-o", "r.pdf"], 2, "--from"),
        (["--from", "01/06/2026", "--to", "01/01/2026", "-o", "r.pdf"], 2, "précède"),
        (["--from", "01/01/2026", "--to", "31/12/2026", "-o", "r.xlsx"], 2, ".pdf"),
    ],
)
def test_bad_input_gets_a_french_message(demo_dir, tmp_path, args, code, words):
    args = [a if not a.startswith("r.") else str(tmp_path / a) for a in args]
    out = run("report", "--workspace", str(demo_dir), *args, env=ENV)
    assert out.returncode == code, out.stderr
    assert words in out.stderr and "Traceback" not in out.stderr
    assert not list(tmp_path.iterdir())


def test_wrong_passphrase_exits_3(demo_dir, tmp_path):
    out = run("report", "--workspace", str(demo_dir), *PERIOD, "-o", str(tmp_path / "r.pdf"),
              env={"CEP_DESK_PASSPHRASE": "pas la bonne phrase de passe"})  # fmt: skip
    assert out.returncode == 3 and "incorrecte" in out.stderr
    assert not (tmp_path / "r.pdf").exists()
