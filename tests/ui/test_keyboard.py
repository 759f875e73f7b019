"""Keyboard access: no two &-mnemonics reachable at once (every tab, sub-tab and dialog), every
mnemonic label has a buddy."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from cep_desk.ui.first_run import FirstRunWizard
from cep_desk.ui.main_window import MainWindow, NewPersonDialog
from cep_desk.ui.plan_actions import PlanOptionsDialog
from cep_desk.ui.settings_dialog import SettingsDialog
from tests.ui.mnemonic_support import collisions, labels_without_buddy, reachable_mnemonics
from tests.ui.shell_support import ini_settings, wait_pool
from tests.ui.test_panel_support import demo_person_with_plan


def _check(window: QWidget, where: str) -> None:
    QApplication.processEvents()
    assert not collisions(window), f"{where}: {collisions(window)}"
    assert not labels_without_buddy(window), f"{where}: {labels_without_buddy(window)}"


@pytest.fixture
def window(qtbot, demo_ws, tmp_path):
    w = MainWindow(demo_ws.path, settings=ini_settings(tmp_path))
    w.resize(1280, 800)
    w.show()
    w.open_workspace(demo_ws)
    yield w
    w.close()
    w.deleteLater()
    wait_pool()


def test_no_mnemonic_collides_on_any_page(qtbot, window, demo_ws):
    _check(window, "no person")
    assert window.select_person(demo_person_with_plan(demo_ws))
    panel = window.panel
    pages = 0
    for i in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(i)
        subtabs = panel.level2.subtabs
        for k in range(subtabs.count()) if panel.tabs.currentWidget() is panel.level2 else [-1]:
            if k >= 0:
                subtabs.setCurrentIndex(k)
            _check(window, f"{panel.tabs.tabText(i)} / {subtabs.tabText(k) if k >= 0 else ''}")
            pages += 1
    assert pages == 11
    # States that show more buttons: a closed journey (« Nouveau parcours »), the decision
    # to go on (« Passer au niveau 2 »).
    panel.identity.new_journey_button.setEnabled(True)
    panel.tabs.setCurrentWidget(panel.identity)
    _check(window, "Identité, parcours clôturé")
    panel.tabs.setCurrentWidget(panel.level1)
    panel.level1.decision.choose("continue")
    assert panel.level1.level2_button.isVisible()
    _check(window, "Niveau 1, poursuivre")


def test_alt_d_on_level1_goes_to_the_request(qtbot, window, demo_ws):
    assert window.select_person(demo_person_with_plan(demo_ws))
    panel = window.panel
    panel.tabs.setCurrentWidget(panel.level1)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    panel.level1.fields["start_time"].setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is panel.level1.fields["request_expressed"]
    letters = {letter for letter, _t, _w in reachable_mnemonics(window)}
    assert "d" in letters


def test_no_mnemonic_collides_in_the_dialogs(qtbot, window, demo_ws, tmp_path):
    new_person = NewPersonDialog(window, lambda _values: None)
    settings = SettingsDialog(demo_ws, window)
    options = PlanOptionsDialog(window, printing_=False, has_health=True)
    for dialog in (new_person, settings, options):
        dialog.show()
        _check(dialog, type(dialog).__name__)
        dialog.reject()
        dialog.deleteLater()
    wizard = FirstRunWizard(tmp_path / "neuf")
    qtbot.addWidget(wizard)
    wizard.show()
    for page_id in (wizard.PAGE_LOCATION, wizard.PAGE_IDENTITY, wizard.PAGE_PASSPHRASE):
        assert wizard.currentId() == page_id
        _check(wizard, f"assistant, page {page_id}")
        if page_id == wizard.PAGE_IDENTITY:
            wizard.identity.name.setText("Claire Martin")
        if page_id != wizard.PAGE_PASSPHRASE:
            wizard.next()
    wizard.reject()
    window.lock()
    _check(window, "écran de déverrouillage")
