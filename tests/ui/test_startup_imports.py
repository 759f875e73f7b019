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


def test_deferred_main_view_is_built_after_the_first_paint_and_works(qtbot, tmp_path, ws):
    """``defer_main_view``: only the unlock screen at first; the list, the panel and the
    features once it is painted; unlocking before that builds them at once."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from cep_desk.ui.main_window import MainWindow
    from cep_desk.usecases import beneficiaries

    beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Léa", status="job_seeker")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ws.path, settings=settings, defer_main_view=True)
    try:
        assert not hasattr(window, "main_view") and not hasattr(window, "panel")
        assert not window.action_new_person.isEnabled()
        window.show()
        window.unlock_screen.secret.setText("début de saisie")  # typed before the build
        qtbot.waitUntil(lambda: hasattr(window, "panel"), timeout=10_000)
        assert window.stack.currentWidget() is window.unlock_screen
        assert window.unlock_screen.secret.text() == "début de saisie"  # kept
        assert not window.action_new_person.isEnabled()
        assert window.toolbar.isHidden()
        window.open_workspace(ws)
        qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
        assert window.stack.currentWidget() is window.main_view
        assert window.action_new_person.isEnabled()
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()

    # Opened before it was ever shown: built on the spot.
    other = MainWindow(ws.path, settings=settings, defer_main_view=True)
    try:
        assert not hasattr(other, "panel")
        other.open_workspace(ws)
        assert other.stack.currentWidget() is other.main_view
        qtbot.waitUntil(lambda: other.model.rowCount() == 1, timeout=10_000)
    finally:
        other.close()
        other.deleteLater()
        QApplication.processEvents()
