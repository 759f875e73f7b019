"""The "Données" menu offscreen: backup with progress, restore, access copy, erasure with
confirmation, purge list, statistics table and CSV, notice."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QMainWindow, QProgressDialog, QPushButton

from cep_desk.ui import lifecycle, messagebox
from cep_desk.ui.lifecycle import paths
from cep_desk.ui.lifecycle.dialogs import PurgeDialog, StatsDialog, TypedConfirmDialog
from cep_desk.usecases import beneficiaries, workspaces
from cep_desk.usecases.lifecycle import backup as lifecycle_backup


@pytest.fixture
def window(qtbot):
    win = QMainWindow()
    qtbot.addWidget(win)
    yield win
    QThreadPool.globalInstance().waitForDone(30_000)
    messagebox.clear()
    paths.clear()


@pytest.fixture
def selected():
    return {"id": None}


@pytest.fixture
def menu(window, demo_ws, selected):
    return lifecycle.install(window, lambda: demo_ws, lambda: selected["id"])


def _wait_prompt(qtbot, kind: str, count: int = 1):
    qtbot.waitUntil(
        lambda: len([s for s in messagebox.shown if s[0] == kind]) >= count, timeout=30_000
    )
    return [s for s in messagebox.shown if s[0] == kind][-1]


def test_menu_is_installed_with_accessible_french_actions(window, menu, selected):
    assert menu in [a.menu() for a in window.menuBar().actions()]
    assert menu.title() == "Donné&es"
    texts = [a.text() for a in menu.actions() if a.text()]
    assert "&Sauvegarder…" in texts and "S&tatistiques d'activité…" in texts
    menu.update_actions()
    assert menu.action_backup.isEnabled() and not menu.action_erase.isEnabled()
    selected["id"] = 1
    menu.update_actions()
    assert menu.action_erase.isEnabled() and menu.action_access.isEnabled()
    assert all(a.toolTip() for a in menu.actions() if a.text())


def test_backup_writes_a_file_with_progress(qtbot, menu, tmp_path, demo_ws):
    target = tmp_path / "sauvegarde"
    paths.set_next_path(target)
    messagebox.set_next_answer(True)  # the final information box
    values: list[int] = []
    worker = menu.backup()
    worker.signals.progress.connect(lambda done, total: values.append(done))
    assert isinstance(menu.progress_dialog, QProgressDialog)
    with qtbot.waitSignal(menu.backup_done, timeout=30_000) as blocker:
        pass
    report = blocker.args[0]
    assert report.path == tmp_path / "sauvegarde.cepbak" and report.path.exists()
    _wait_prompt(qtbot, "information")
    assert values and values[-1] == lifecycle_backup.PROGRESS_TOTAL
    assert lifecycle.backup_reminder_text(demo_ws) is None


def test_backup_reminder_text(ws, demo_ws):
    assert lifecycle.backup_reminder_text(ws) is None  # empty workspace
    text = lifecycle.backup_reminder_text(demo_ws)
    assert text and "sauvegarde" in text.lower()
    workspaces.set_setting(demo_ws, "last_backup_at", "2020-01-01T10:00:00+00:00")
    assert "01/01/2020" in lifecycle.backup_reminder_text(demo_ws)


def test_restore_dialog_restores_into_a_new_folder(qtbot, menu, tmp_path, demo_ws, passphrase):
    report = lifecycle_backup.backup(demo_ws, tmp_path / "b.cepbak")
    dialog = menu.restore()
    paths.set_next_path(report.path)
    dialog.findChildren(type(dialog.ok_button))[0].click()  # the first "Choisir…" button
    assert dialog.file_edit.text() == str(report.path)
    dialog.target_edit.setText(str(tmp_path / "restauré"))
    dialog.secret_edit.setText(passphrase)
    messagebox.set_next_answer(True)
    with qtbot.waitSignal(menu.restored, timeout=30_000) as blocker:
        dialog.ok_button.click()
    assert blocker.args[0] == tmp_path / "restauré"
    assert dialog.secret_edit.text() == ""
    title, text = _wait_prompt(qtbot, "information")[1:]
    assert "restaurée et vérifiée" in text and str(tmp_path / "restauré") in text


def test_restore_wrong_passphrase_is_reported(qtbot, menu, tmp_path, demo_ws):
    report = lifecycle_backup.backup(demo_ws, tmp_path / "b.cepbak")
    dialog = menu.restore()
    dialog.file_edit.setText(str(report.path))
    dialog.target_edit.setText(str(tmp_path / "cible"))
    dialog.secret_edit.setText("Pas la bonne phrase 123 !")
    messagebox.set_next_answer(True)
    dialog.ok_button.click()
    _kind, _title, text = _wait_prompt(qtbot, "critical")
    assert "incorrecte" in text and "Rien n'a été restauré" in text
    assert not (tmp_path / "cible").exists()


def test_restore_dialog_refuses_a_non_empty_folder(menu, tmp_path, demo_ws):
    dialog = menu.restore()
    dialog.file_edit.setText(str(tmp_path / "absent.cepbak"))
    dialog.ok_button.click()
    assert dialog.isVisible() and "sauvegarde" in dialog.error_label.text()
    (tmp_path / "b.cepbak").write_bytes(b"x")
    dialog.file_edit.setText(str(tmp_path / "b.cepbak"))
    dialog.target_edit.setText(str(demo_ws.path))
    dialog.ok_button.click()
    assert dialog.isVisible() and "pas vide" in dialog.error_label.text()
    dialog.reject()


def test_erase_asks_confirmation(qtbot, menu, selected, demo_ws):
    selected["id"] = 2
    person = beneficiaries.get_beneficiary(demo_ws, 2)
    messagebox.set_next_answer(False)
    assert menu.erase() is None  # "Non": nothing happens
    assert beneficiaries.get_beneficiary(demo_ws, 2)
    messagebox.set_next_answer(True)
    dialog = menu.erase()
    assert isinstance(dialog, TypedConfirmDialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "pas le nom")
    assert not dialog.ok_button.isEnabled()
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, person.last_name.upper())
    assert dialog.ok_button.isEnabled()
    messagebox.set_next_answer(True)  # the final information box
    with qtbot.waitSignal(menu.person_erased, timeout=30_000) as blocker:
        dialog.ok_button.click()
    assert blocker.args == [2]
    assert 2 not in {r.id for r in beneficiaries.search_beneficiaries(demo_ws)}
    assert any(s[0] == "confirm" and "définitivement" in s[2] for s in messagebox.shown)


def test_access_export_writes_pdf_and_json(qtbot, menu, selected, tmp_path):
    selected["id"] = 3
    paths.set_next_path(tmp_path / "copie")
    messagebox.set_next_answer(True)  # health data question, when asked
    messagebox.set_next_answer(True)
    menu.access_export()

    def written() -> list[str]:
        return sorted(p.suffix for p in (tmp_path / "copie").glob("*"))

    # both files in place (not their temporary ".partiel" names)
    # the worker is done when its final information box was answered: waiting for the files
    # alone let that box come after the test, in teardown, with no answer left (an abort)
    _wait_prompt(qtbot, "information")
    files = written()
    assert files == [".json", ".pdf"]


def test_purge_dialog_lists_candidates_then_purges(qtbot, menu, demo_ws):
    old = beneficiaries.create_beneficiary(demo_ws, last_name="Ancien", first_name="Dossier")
    beneficiaries.update_beneficiary(demo_ws, old.id, last_contact_on=date(2015, 3, 1))
    dialog = menu.purge()
    assert isinstance(dialog, PurgeDialog)
    assert dialog.table.rowCount() == 1
    assert (
        dialog.table.item(0, 0).text() == "Ancien"
        and dialog.table.item(0, 2).text() == "01/03/2015"
    )
    messagebox.set_next_answer(True)  # confirm
    messagebox.set_next_answer(True)  # result
    with qtbot.waitSignal(menu.data_changed, timeout=30_000):
        dialog.purge_button.click()
    assert old.id not in {r.id for r in beneficiaries.search_beneficiaries(demo_ws)}


def test_stats_dialog_shows_a_table_and_exports_csv(qtbot, menu, tmp_path):
    dialog = menu.show_stats()
    assert isinstance(dialog, StatsDialog)
    dialog.start_edit.setDate(dialog.start_edit.date().addYears(-10))
    dialog.request()
    qtbot.waitUntil(
        lambda: dialog.table.rowCount() > 20 and dialog.compute_button.isEnabled(), timeout=30_000
    )
    cells = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert "Niveau 1" in cells and "Total" in cells
    values = {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert "< 5" in values
    paths.set_next_path(tmp_path / "stats")
    path = dialog.export_csv()
    assert path == tmp_path / "stats.csv"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    dialog.reject()


def test_notice_given_today(qtbot, menu, selected, demo_ws):
    selected["id"] = 4
    beneficiaries.update_beneficiary(demo_ws, 4, notice_given_on=None)
    messagebox.set_next_answer(True)
    menu.notice_given()
    assert beneficiaries.get_beneficiary(demo_ws, 4).notice_given_on == date.today()


def test_notice_preview_opens(qtbot, menu):
    dialog = menu.show_notice()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.page_count() >= 1, timeout=30_000)
    dialog.reject()


def test_restore_offers_to_erase_again(qtbot, menu, tmp_path, demo_ws, passphrase):
    """Issue 10.6: a person erased after the backup does not come back with the restore."""
    from cep_desk.usecases.lifecycle import rights

    report = lifecycle_backup.backup(demo_ws, tmp_path / "b.cepbak")
    first = beneficiaries.list_all(demo_ws)[0]
    rights.erase(demo_ws, first["id"])
    dialog = menu.restore()
    assert dialog.reapply_box.isVisibleTo(dialog) and dialog.reapply_box.isChecked()
    assert "1 personne" in dialog.reapply_box.text()
    dialog.file_edit.setText(str(report.path))
    dialog.target_edit.setText(str(tmp_path / "restauré"))
    dialog.secret_edit.setText(passphrase)
    messagebox.set_next_answer(True)
    with qtbot.waitSignal(menu.restored, timeout=60_000):
        dialog.ok_button.click()
    _kind, _title, text = _wait_prompt(qtbot, "information")
    assert "effacées de nouveau" in text
    with workspaces.open_(tmp_path / "restauré", passphrase) as ws2:
        ids = {r["id"] for r in beneficiaries.list_all(ws2)}
    assert first["id"] not in ids
    assert len(ids) == beneficiaries.count_beneficiaries(demo_ws)


# ---------------------------------------------------------------------------------------------
# Export of every file and import, with progress and cancel
# ---------------------------------------------------------------------------------------------


def _gate(monkeypatch, name: str):
    """Hold the worker at the start of ``exchange.<name>`` until the test opens the gate (the
    real function then runs): the cancel click lands while the work is under way."""
    import threading

    from cep_desk.usecases.lifecycle import exchange

    gate = threading.Event()
    real = getattr(exchange, name)

    def held(*args, **kwargs):
        gate.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(exchange, name, held)
    return gate


def test_export_all_writes_the_file_with_progress(qtbot, menu, tmp_path, demo_ws):
    import json

    target = tmp_path / "tous"
    paths.set_next_path(target)
    values: list[int] = []
    worker = menu.export_all_json()
    worker.signals.progress.connect(lambda done, total: values.append(done))
    dialog = menu.progress_dialog
    assert isinstance(dialog, QProgressDialog) and dialog.findChild(QPushButton) is not None
    with qtbot.waitSignal(menu.export_done, timeout=30_000) as blocker:
        pass
    assert blocker.args[0] == 30
    data = json.loads((tmp_path / "tous.json").read_text(encoding="utf-8"))
    assert len(data["people"]) == 30
    assert "30 dossier(s) exporté(s)" in _wait_prompt(qtbot, "information")[2]


def test_cancelled_export_leaves_no_file(qtbot, menu, tmp_path, monkeypatch):
    gate = _gate(monkeypatch, "_people_json")
    out = tmp_path / "export"
    out.mkdir()
    paths.set_next_path(out / "tous.json")
    menu.export_all_json()
    button = menu.progress_dialog.findChild(QPushButton)
    assert button.text() == "&Annuler"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    gate.set()
    text = _wait_prompt(qtbot, "information")[2]
    assert "annulé" in text
    QThreadPool.globalInstance().waitForDone(30_000)
    assert list(out.iterdir()) == []  # neither the file nor a temporary one


@pytest.fixture
def source_file(demo_ws, tmp_path):
    from cep_desk.usecases.lifecycle import exchange

    path = tmp_path / "source.json"
    exchange.export_to_file(demo_ws, path)
    return path


def test_import_with_progress_and_cancel_keeps_nothing(qtbot, window, ws, source_file, monkeypatch):
    from cep_desk.usecases.lifecycle import exchange

    monkeypatch.setattr(exchange, "IMPORT_BATCH", 4)
    target_menu = lifecycle.install(window, lambda: ws, lambda: None)
    gate = _gate(monkeypatch, "_insert_batch")
    paths.set_next_path(source_file)
    target_menu.import_json()
    qtbot.mouseClick(target_menu.progress_dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    gate.set()
    assert "rien n'a été importé" in _wait_prompt(qtbot, "information")[2]
    QThreadPool.globalInstance().waitForDone(30_000)
    assert beneficiaries.count_beneficiaries(ws) == 0

    monkeypatch.undo()
    messagebox.clear()
    paths.set_next_path(source_file)
    values: list[int] = []
    worker = target_menu.import_json()
    worker.signals.progress.connect(lambda done, total: values.append(done))
    assert "30 personne(s) importée(s)" in _wait_prompt(qtbot, "information")[2]
    assert beneficiaries.count_beneficiaries(ws) == 30
    assert values and values[-1] == source_file.stat().st_size
