"""The entry point without a console (issue 15.3) and ``--version`` without Qt (issue 15.5).

A Windows GUI executable (a gui-script, PyInstaller's windowed build) starts with
``sys.stdout`` and ``sys.stderr`` set to ``None``: every verb must still do its work, and its
failures still end with their exit code, not with an exception about a missing stream.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from cep_desk import __version__

PASS = "Phrase de passe du test sans console 2026 !"

# Runs cep_desk.__main__.main() with the given argv and no standard streams at all.
NO_STREAMS = r"""
import json, sys
sys.argv = ["cep-desk", *json.loads(sys.argv[1])]
report = open({report!r}, "w", encoding="utf-8")
sys.stdin = None
sys.stdout = None
sys.stderr = None
from cep_desk.__main__ import main
try:
    code = main()
except BaseException as exc:  # what the old code let through
    code = "exception " + type(exc).__name__
report.write(json.dumps(code))
report.close()
"""


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CEP_DESK_PASSPHRASE", None)
    env.update(extra)
    return env


def run_without_streams(tmp_path, *args: str, **env: str):
    report = tmp_path / f"code-{len(list(tmp_path.iterdir()))}.json"
    out = subprocess.run(
        [sys.executable, "-c", NO_STREAMS.format(report=str(report)), json.dumps(list(args))],
        env=_env(**env),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(report.read_text("utf-8"))


def test_verbs_work_and_fail_cleanly_without_any_standard_stream(tmp_path):
    ws = tmp_path / "ws"
    assert (
        run_without_streams(
            tmp_path, "demo", "--workspace", str(ws), "--count", "5", CEP_DESK_PASSPHRASE=PASS
        )
        == 0
    )
    assert (ws / "cep-desk.db").exists() or any(ws.iterdir())
    assert (
        run_without_streams(tmp_path, "list", "--workspace", str(ws), CEP_DESK_PASSPHRASE=PASS) == 0
    )
    pdf = tmp_path / "plan.pdf"
    code = run_without_streams(
        tmp_path, "export-plan", "--workspace", str(ws), "--beneficiary", "1", "-o", str(pdf),
        CEP_DESK_PASSPHRASE=PASS,
    )  # fmt: skip
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF")
    # A refusal (wrong passphrase) and a usage error keep their exit codes.
    wrong = run_without_streams(
        tmp_path, "list", "--workspace", str(ws), CEP_DESK_PASSPHRASE=PASS + " faux"
    )
    assert wrong == 3
    assert run_without_streams(tmp_path, "liste") == 2
    assert run_without_streams(tmp_path, "--version") == 0


VERSION_ONLY = r"""
import sys
sys.argv = ["cep-desk", "--version"]
from cep_desk.__main__ import main
code = main()
heavy = sorted(m for m in sys.modules if m.split(".")[0] in
               ("PySide6", "shiboken6", "sqlalchemy", "sqlcipher3", "reportlab", "alembic"))
print("heavy:", ",".join(heavy))
sys.exit(code)
"""


def test_version_answers_without_importing_qt_or_the_database():
    out = subprocess.run(
        [sys.executable, "-c", VERSION_ONLY],
        env=_env(QT_QPA_PLATFORM="", DISPLAY="", WAYLAND_DISPLAY=""),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == f"cep-desk {__version__}"
    assert lines[1].strip() == "heavy:", lines[1]
