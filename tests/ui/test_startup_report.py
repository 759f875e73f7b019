"""The application as started by its executable (issue 15.5): desktop file name, icon, the
first screen, the window title; the report the package smoke test and the benchmark read."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from cep_desk.ui.app import DESKTOP_FILE_NAME, STARTUP_REPORT_ENV

PASS = "Phrase de passe du test de démarrage 2026 !"


def start(tmp_path, *args: str) -> tuple[dict, subprocess.CompletedProcess]:
    report = tmp_path / "report.json"
    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(temp))
    env[STARTUP_REPORT_ENV] = str(report)
    env.pop("CEP_DESK_PASSPHRASE", None)
    out = subprocess.run(
        [sys.executable, "-m", "cep_desk", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(report.read_text("utf-8")), out


@pytest.mark.slow
def test_the_demo_opens_on_its_list_and_quits_cleanly(tmp_path):
    report, out = start(tmp_path, "--demo")
    assert report["screen"] == "main" and report["rows"] > 0
    assert report["title"] == "CEP Desk — Mon CEP — démonstration"
    assert report["desktop_file"] == DESKTOP_FILE_NAME
    assert report["icon"] is True
    assert "Traceback" not in out.stderr
    # Quitting deleted the throw-away workspace.
    assert not any((tmp_path / "tmp").glob("cep-desk-demo-*"))


@pytest.mark.slow
def test_an_existing_workspace_opens_on_the_unlock_screen(tmp_path):
    ws = tmp_path / "ws"
    made = subprocess.run(
        [sys.executable, "-m", "cep_desk", "demo", "--workspace", str(ws), "--count", "3"],
        env=dict(os.environ, CEP_DESK_PASSPHRASE=PASS),
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert made.returncode == 0, made.stderr
    report, _ = start(tmp_path, "gui", "--workspace", str(ws))
    assert report["screen"] == "unlock" and report["title"] == "CEP Desk"
