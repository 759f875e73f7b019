"""The application: French translators, the throw-away demo, first run vs unlock at start."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from cep_desk.ui import app as app_module
from cep_desk.ui import messagebox
from cep_desk.ui.first_run import FirstRunWizard
from cep_desk.ui.main_window import MainWindow
from tests.ui.shell_support import ini_settings, wait_pool


def test_qt_own_strings_are_french(qapp):
    app_module.configure_app(qapp)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No)
    assert {b.text().replace("&", "") for b in box.buttons()} == {"Oui", "Non"}
    assert qapp.organizationName() == "CEP Desk" and qapp.applicationName() == "CEP Desk"


def test_demo_opens_without_any_prompt_and_is_removed_at_exit(qtbot, tmp_path):
    messagebox.clear()
    window, loader = app_module.start_demo(ini_settings(tmp_path), count=25)
    try:
        assert loader.progress.isVisible()
        with qtbot.waitSignal(loader.ready, timeout=30_000):
            pass
        assert window.isVisible() and not window.is_locked
        assert not loader.progress.isVisible()
        assert window.model.rowCount() == 25
        assert window.windowTitle() == "CEP Desk — Mon CEP — démonstration"
        assert messagebox.shown == []  # nothing asked
        root = loader.root
        assert root is not None and (root / "espace" / "cep.db").exists()
        # Locked later, the demo tells its passphrase on the unlock screen.
        window.lock()
        assert "démo-CEP-Desk-2026" in window.unlock_screen.subtitle.text()
    finally:
        loader.cleanup()
        window.close()
        window.deleteLater()
        wait_pool()
    assert not root.exists()


def test_start_shows_first_run_in_an_empty_folder(qtbot, tmp_path):
    window, first = app_module.start_normal(tmp_path / "vide", ini_settings(tmp_path))
    try:
        assert isinstance(first, FirstRunWizard) and first.isVisible()
        assert not window.isVisible()
    finally:
        first._finished = True
        first.close()
        first.deleteLater()
        window.close()
        window.deleteLater()


def test_start_shows_the_unlock_screen_on_a_workspace(qtbot, tmp_path, new_workspace):
    ws, _ = new_workspace
    ws.close()
    window, first = app_module.start_normal(ws.path, ini_settings(tmp_path))
    try:
        assert first is window and isinstance(window, MainWindow)
        assert window.is_locked and window.stack.currentWidget() is window.unlock_screen
        assert str(ws.path) in window.unlock_screen.folder_label.text()
    finally:
        window.close()
        window.deleteLater()


def test_default_directory_prefers_the_remembered_workspace(tmp_path, new_workspace):
    ws, _ = new_workspace
    settings = ini_settings(tmp_path)
    settings.setValue("workspace/directory", str(ws.path))
    assert app_module.default_directory(settings) == ws.path
    settings.setValue("workspace/directory", str(tmp_path / "disparu"))
    from cep_desk.cli import default_workspace

    assert app_module.default_directory(settings) == default_workspace()
