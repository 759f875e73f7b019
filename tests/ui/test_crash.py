"""Unhandled exceptions in the GUI: logged without personal data, a French dialog, the
application goes on; the saved report holds no personal text."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit

from cep_desk import logs
from cep_desk.ui import crash, messagebox
from cep_desk.ui.lifecycle import paths

NAME = "Quetzalcoatl"

pytestmark = pytest.mark.qt_no_exception_capture  # the hook under test is ours


@pytest.fixture
def hooked(qapp, tmp_path):
    folder = tmp_path / "journaux"
    logs.setup("gui-test", folder, faults=False)
    crash.install(qapp)
    yield folder
    crash.uninstall()
    logs.shutdown()
    crash.clear()
    paths.clear()
    messagebox.clear()


def raise_with_a_name() -> None:
    raise ValueError(f"Impossible d'enregistrer le dossier de Claire {NAME}")


def log_text(folder: Path) -> str:
    return (folder / logs.LOG_FILE).read_text(encoding="utf-8")


def test_an_exception_in_a_slot_shows_the_dialog_and_the_application_goes_on(qtbot, hooked):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    crash.set_next_answer(crash.CONTINUE)
    QTimer.singleShot(0, raise_with_a_name)
    qtbot.waitUntil(lambda: len(crash.shown) == 1, timeout=5000)
    title, text = crash.shown[0]
    assert title == "Erreur inattendue"
    assert "vous pouvez continuer" in text and "aucune donnée personnelle" in text
    assert NAME not in text and "ValueError" not in text
    # Still alive: the event loop runs and the widgets take input.
    ran = []
    QTimer.singleShot(0, lambda: ran.append(1))
    qtbot.waitUntil(lambda: ran == [1], timeout=2000)
    qtbot.keyClicks(edit, "encore")
    assert edit.text() == "encore"
    logged = log_text(hooked)
    assert "ERROR cep_desk unhandled exception in main thread" in logged
    assert "  ValueError\n" in logged and "tests/ui/test_crash.py:" in logged
    assert NAME not in logged and "Impossible" not in logged


def test_the_saved_report_has_no_personal_text(qtbot, hooked, tmp_path):
    crash.set_next_answer(crash.SAVE)
    paths.set_next_path(tmp_path / "rapport")  # the save dialog's answer; .txt added
    messagebox.set_next_answer(True)  # "Rapport enregistré"
    QTimer.singleShot(0, raise_with_a_name)
    qtbot.waitUntil(lambda: len(messagebox.shown) == 1, timeout=5000)
    report = (tmp_path / "rapport.txt").read_text(encoding="utf-8")
    assert report.startswith("Rapport d'erreur CEP Desk\nVersion : ")
    assert "Qt : " in report and "PySide6 : " in report and "Python : " in report
    assert "  ValueError\n" in report and " raise_with_a_name" in report
    assert NAME not in report and "Claire" not in report and "Impossible" not in report
    assert str(tmp_path) not in report and str(Path.home()) not in report
    assert messagebox.shown[0][2] == "Rapport enregistré : rapport.txt"


def test_a_dying_thread_reaches_the_dialog_on_the_gui_thread(qtbot, hooked):
    crash.set_next_answer(crash.CONTINUE)
    worker = threading.Thread(target=raise_with_a_name)
    worker.start()
    worker.join(5)
    qtbot.waitUntil(lambda: len(crash.shown) == 1, timeout=5000)
    logged = log_text(hooked)
    assert "unhandled exception in worker thread" in logged and NAME not in logged


def test_repeated_errors_advise_to_quit(qtbot, hooked):
    for _ in range(crash.REPEAT_COUNT):
        crash.set_next_answer(crash.CONTINUE)
    for _ in range(crash.REPEAT_COUNT):
        QTimer.singleShot(0, raise_with_a_name)
    qtbot.waitUntil(lambda: len(crash.shown) == crash.REPEAT_COUNT, timeout=5000)
    assert "se répète" not in crash.shown[0][1]
    assert "L'erreur se répète" in crash.shown[-1][1]


def test_install_is_idempotent_and_uninstall_restores(qapp):
    import sys

    before = sys.excepthook, threading.excepthook
    first = crash.install(qapp)
    assert crash.install(qapp) is first
    assert sys.excepthook == first.excepthook
    crash.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
