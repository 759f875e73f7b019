"""'Réglages…': identity on the plan, delays, change of passphrase."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QThreadPool

from cep_desk.storage import vault
from cep_desk.ui import messagebox
from cep_desk.ui.main_window import MainWindow
from cep_desk.usecases import workspaces


@pytest.fixture
def window(qtbot, ws, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    w = MainWindow(ws.path, settings=settings)
    qtbot.addWidget(w)
    w.open_workspace(ws)
    yield w
    QThreadPool.globalInstance().waitForDone()
    messagebox.clear()


def test_settings_saved_and_applied(qtbot, window, ws):
    dialog = window.open_settings()
    qtbot.addWidget(dialog)
    dialog.organisation.setText("Mon CEP Bretagne")
    dialog.delays["idle_lock_minutes"].setValue(12)
    dialog.delays["retention_years"].setValue(3)
    dialog.accept()
    assert workspaces.get_counsellor(ws).organisation == "Mon CEP Bretagne"
    assert workspaces.get_setting(ws, "idle_lock_minutes") == 12
    assert workspaces.get_setting(ws, "retention_years") == 3
    assert window.windowTitle().endswith("Mon CEP Bretagne")
    assert window.idle.interval_ms == 12 * 60 * 1000


def test_empty_name_is_refused_in_the_dialog(qtbot, window, ws):
    dialog = window.open_settings()
    qtbot.addWidget(dialog)
    dialog.name.setText("  ")
    dialog.accept()
    assert dialog.isVisible() and "obligatoire" in dialog.error.text()
    assert workspaces.get_counsellor(ws).name == "Claire Martin"


def test_change_of_passphrase(qtbot, window, ws, passphrase):
    dialog = window.open_settings().change_passphrase()
    qtbot.addWidget(dialog)
    dialog.current.setText(passphrase)
    dialog.new.setText("court")
    assert not dialog.ok.isEnabled() and "courte" in dialog.message.text()
    new = "Une nouvelle phrase de passe solide 77"
    dialog.new.setText(new)
    dialog.confirm.setText(new)
    assert dialog.ok.isEnabled()
    messagebox.set_next_answer(True)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.changed, timeout=10_000)
    key = vault.KeyFile.read(ws.path)
    assert key.unlock(new, vault.SLOT_PASSPHRASE) == ws.db_key
    with pytest.raises(vault.WrongSecret):
        key.unlock(passphrase, vault.SLOT_PASSPHRASE)


def test_wrong_current_passphrase_is_told(qtbot, window):
    dialog = window.open_settings().change_passphrase()
    qtbot.addWidget(dialog)
    dialog.current.setText("pas la bonne du tout")
    dialog.new.setText("Une nouvelle phrase de passe solide 77")
    dialog.confirm.setText("Une nouvelle phrase de passe solide 77")
    dialog.accept()
    qtbot.waitUntil(lambda: "incorrecte" in dialog.message.text(), timeout=10_000)
    assert not dialog.changed


def test_change_of_passphrase_with_a_new_key(qtbot, window, ws, passphrase):
    """'La phrase de passe a pu être vue' (issue 10.5): a new database key and recovery key;
    the old secrets open nothing, the window goes on working with the new key."""
    from cep_desk.usecases import beneficiaries

    old_key = ws.db_key
    beneficiaries.create_beneficiary(ws, last_name="Avant", first_name="Léa")
    dialog = window.open_settings().change_passphrase()
    qtbot.addWidget(dialog)
    new = "Une nouvelle phrase de passe solide 77"
    dialog.current.setText(passphrase)
    dialog.new.setText(new)
    dialog.confirm.setText(new)
    dialog.rekey_box.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.recovery_dialog is not None, timeout=20_000)
    shown = dialog.recovery_dialog
    qtbot.addWidget(shown)
    recovery = shown.key_label.text()
    assert len(recovery.split("-")) == vault.RECOVERY_GROUPS
    assert not shown.ok.isEnabled()
    shown.kept.setChecked(True)
    shown.accept()
    assert shown.key_label.text() == ""
    assert ws.db_key != old_key
    beneficiaries.create_beneficiary(ws, last_name="Après", first_name="Léo")
    key = vault.KeyFile.read(ws.path)
    assert key.unlock(new, vault.SLOT_PASSPHRASE) == ws.db_key
    assert key.unlock(recovery, vault.SLOT_RECOVERY) == ws.db_key
    with pytest.raises(vault.WrongSecret):
        key.unlock(passphrase)
    assert beneficiaries.count_beneficiaries(ws) == 2
