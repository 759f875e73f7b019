"""« Rapport d'activité… » offscreen: the menu action, the dialog (period, format,
destination), the worker with its progress dialog, and the files read back."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QThreadPool
from PySide6.QtWidgets import QMainWindow, QProgressDialog

from cep_desk.ui import lifecycle, messagebox
from cep_desk.ui.lifecycle import paths
from cep_desk.ui.lifecycle.dialogs import ReportDialog


@pytest.fixture
def window(qtbot):
    win = QMainWindow()
    qtbot.addWidget(win)
    yield win
    QThreadPool.globalInstance().waitForDone(30_000)
    messagebox.clear()
    paths.clear()


@pytest.fixture
def menu(window, demo_ws):
    return lifecycle.install(window, lambda: demo_ws, lambda: None)


def _open(menu) -> ReportDialog:
    menu.update_actions()
    assert menu.action_report.isEnabled()
    assert menu.action_report.text() == "Rapp&ort d'activité…"
    dialog = menu.show_report()
    assert isinstance(dialog, ReportDialog)
    dialog.start_edit.setDate(QDate(2015, 1, 1))
    return dialog


def test_pdf_through_the_dialog_with_progress(qtbot, menu, tmp_path):
    dialog = _open(menu)
    assert dialog.chosen_format() == "pdf"
    paths.set_next_path(tmp_path / "rapport")
    assert dialog.browse() == tmp_path / "rapport.pdf"
    assert dialog.destination.text() == str(tmp_path / "rapport.pdf")
    dialog.create_button.click()
    assert isinstance(menu.progress_dialog, QProgressDialog)
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=60_000)
    assert dialog.written == [tmp_path / "rapport.pdf"]
    assert "Rapport enregistré" in dialog.status.text() and dialog.create_button.isEnabled()
    assert "Rapport d'activité" in PdfReader(tmp_path / "rapport.pdf").pages[0].extract_text()
    dialog.reject()


def test_folder_of_csv_and_a_bad_period(qtbot, menu, tmp_path):
    dialog = _open(menu)
    dialog.format_buttons["dir"].setChecked(True)
    assert dialog.destination.text().endswith(f"-{date.today().isoformat()}")
    dialog.end_edit.setDate(QDate(2014, 1, 1))
    dialog.request()
    assert dialog.status.text() == "La fin de la période précède son début."
    dialog.end_edit.setDate(QDate.currentDate())
    dialog.destination.setText(str(tmp_path / "csv"))
    dialog.request()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=60_000)
    assert (
        (tmp_path / "csv" / "rendez-vous-anonymises.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    )
    assert "11 fichiers CSV" in dialog.status.text()
    dialog.reject()


def test_unwritable_destination_says_so_in_french(qtbot, menu, tmp_path):
    dialog = _open(menu)
    dialog.format_buttons["csv"].setChecked(True)
    dialog.destination.setText(str(tmp_path / "absent" / "rapport.csv"))
    dialog.request()
    qtbot.waitUntil(lambda: dialog.create_button.isEnabled(), timeout=60_000)
    text = dialog.status.text()
    assert text and "Traceback" not in text and "Errno" not in text and "No such" not in text
    assert not (tmp_path / "absent").exists()
    dialog.reject()
