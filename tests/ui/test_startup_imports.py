"""Start-up (issue 16.3): nothing heavy is imported before the unlock screen is painted.

A real ``cep-desk gui <folder>`` process (offscreen) on a real workspace: at the first paint of
the unlock screen, the child lists which of SQLAlchemy, Alembic, ReportLab and the demo module
are already imported, then quits. The CLI's modules are checked the same way.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("sqlalchemy", "alembic", "reportlab", "cep_desk.demo", "cep_desk.plan_pdf")

# Run in a fresh interpreter: at the first paint of the unlock screen, print what is imported.
_CHILD = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from cep_desk.ui import unlock

HEAVY = {heavy!r}
original = unlock.UnlockScreen.paintEvent
seen = []

def paint(self, event):
    original(self, event)
    if not seen:
        seen.append(sorted(m for m in HEAVY if m in sys.modules))
        print("AT-PAINT " + json.dumps(seen[0]), flush=True)
        QTimer.singleShot(0, QApplication.instance().quit)

unlock.UnlockScreen.paintEvent = paint
sys.argv = ["cep-desk", "gui", "--workspace", sys.argv[1]]
from cep_desk.__main__ import main
code = main()
print("AFTER " + json.dumps(sorted(m for m in HEAVY if m in sys.modules)), flush=True)
sys.exit(code)
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_unlock_screen_is_painted_before_sqlalchemy_alembic_reportlab(new_workspace, tmp_path):
    ws, _ = new_workspace
    directory = ws.path
    ws.close()  # the child takes the workspace's lock only once unlocked; free it anyway
    out = subprocess.run(
        [sys.executable, "-c", _CHILD.format(heavy=HEAVY), str(directory)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(),
        cwd=tmp_path,
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith("AT-PAINT ")]
    assert lines, f"the unlock screen was never painted: {out.stdout!r} {out.stderr!r}"
    assert json.loads(lines[0][len("AT-PAINT ") :]) == []
    assert out.returncode == 0, out.stderr


def test_unlock_and_main_window_modules_import_nothing_heavy(tmp_path: Path):
    probe = (
        "import sys, json\n"
        "import cep_desk.ui.app, cep_desk.ui.unlock, cep_desk.ui.main_window, cep_desk.cli\n"
        f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(),
        cwd=tmp_path,
        check=True,
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_cli_help_imports_no_storage_engine(tmp_path: Path):
    """``cep-desk --help`` (and every verb's parsing) needs no SQLAlchemy, Qt or ReportLab."""
    probe = (
        "import sys, json, contextlib, io\n"
        "from cep_desk import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    cli.main(['--help'])\n"
        "mods = ('PySide6',) + " + repr(HEAVY) + "\n"
        "print(json.dumps(sorted(m for m in mods if m in sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(),
        cwd=tmp_path,
        check=True,
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
