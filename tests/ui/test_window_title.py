"""One « CEP Desk » in the window title (issue 9.13).

Qt's xcb and Windows platform plugins append the application display name to every window
title that does not already end with it; the titles of CEP Desk start with the name, so no
display name may be set (else « CEP Desk — Mon CEP — CEP Desk »)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cep_desk.ui.app import configure_app

ROOT = Path(__file__).resolve().parents[2]


def test_no_application_display_name_is_set(qapp):
    configure_app(qapp)
    name = qapp.applicationName()
    try:
        qapp.setApplicationName("sonde")
        # Unset, the display name follows the application name; set, it would stay.
        assert qapp.applicationDisplayName() == "sonde"
    finally:
        qapp.setApplicationName(name)


SHOW_TITLE = r"""
import subprocess, sys
from PySide6.QtWidgets import QMainWindow
from cep_desk.ui.app import make_app
app = make_app(["cep-desk"])
w = QMainWindow()
w.setWindowTitle("CEP Desk — Mon CEP")
w.resize(400, 300)
w.show()
for _ in range(50):
    app.processEvents()
out = subprocess.run(["xdotool", "search", "--name", "Mon CEP", "getwindowname"],
                     capture_output=True, text=True, timeout=20)
print(out.stdout.strip())
"""


@pytest.mark.skipif(
    not (shutil.which("xvfb-run") and shutil.which("xdotool")), reason="needs xvfb-run, xdotool"
)
def test_the_title_the_window_manager_sees_has_the_name_once(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=str(tmp_path))
    result = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-c", SHOW_TITLE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if "could not connect to display" in result.stderr or "platform plugin" in result.stderr:
        pytest.skip("no usable X server: " + result.stderr[-300:])
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "CEP Desk — Mon CEP"
