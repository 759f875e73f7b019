"""The real ``cep-desk`` process logs into the log folder (command line and GUI), and what a
counsellor typed (a name, a folder, a file's content) never reaches it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from cep_desk import logs

NAME = "Quetzalcoatl"
PASS = "Phrase de passe des journaux 2026 !"


def run(args, log_dir: Path, env=None, stdin=None, code=None):
    full_env = dict(os.environ, **{logs.ENV_DIR: str(log_dir)})
    full_env.pop("CEP_DESK_PASSPHRASE", None)
    full_env.update(env or {})
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "cep_desk"]
    return subprocess.run(
        [*command, *args],
        env=full_env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=180,
    )


def everything_logged(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in folder.iterdir())


def test_the_command_line_logs_events_and_no_personal_data(tmp_path):
    folder = tmp_path / "journaux"
    ws = tmp_path / f"espace de Claire {NAME}"
    made = run(
        ["init", "--workspace", str(ws), "--passphrase-stdin", "--name", f"Claire {NAME}"],
        folder,
        stdin=PASS + "\n",
    )
    assert made.returncode == 0, made.stderr
    listed = run(["list", "--workspace", str(ws)], folder, env={"CEP_DESK_PASSPHRASE": PASS})
    assert listed.returncode == 0, listed.stderr
    wrong = run(["list", "--workspace", str(ws)], folder, env={"CEP_DESK_PASSPHRASE": NAME * 3})
    assert wrong.returncode == 3
    bad = tmp_path / f"{NAME}.json"
    bad.write_text(json.dumps({"format": "cep-desk", "people": [{"last_name": NAME}]}))
    refused = run(
        ["import-json", str(bad), "--workspace", str(ws)],
        folder,
        env={"CEP_DESK_PASSPHRASE": PASS},
    )
    assert refused.returncode != 0
    text = everything_logged(folder)
    assert "INFO cep_desk start cep-desk version" in text
    assert "command init started" in text and "command init ended code 0" in text
    assert "command list refused: <WrongSecret>" in text
    assert "command import-json" in text
    assert NAME not in text and "Claire" not in text and str(tmp_path) not in text


def test_the_gui_logs_an_unhandled_exception_and_goes_on(tmp_path):
    folder = tmp_path / "journaux"
    script = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from cep_desk import __main__ as entry
        from cep_desk.ui import crash

        crash.set_next_answer(crash.CONTINUE)
        def boom():
            raise ValueError("dossier de {NAME}")
        def later():
            app = QApplication.instance()
            QTimer.singleShot(300, boom)
            QTimer.singleShot(1500, lambda: (print("alive", len(crash.shown)), app.quit()))
        QTimer.singleShot(0, later)
        sys.exit(entry.main())
        """
    )
    out = run(["gui", "--workspace", str(tmp_path / "vide")], folder, code=script)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "alive 1" in out.stdout
    text = everything_logged(folder)
    assert "unhandled exception in main thread" in text and "  ValueError" in text
    assert NAME not in text
