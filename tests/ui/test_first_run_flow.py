"""The first-run wizard: « Précédent » keeps what was typed, Enter never goes back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from cep_desk.ui import messagebox
from cep_desk.ui.first_run import FirstRunWizard
from tests.ui.shell_support import wait_pool


@pytest.fixture
def wizard(qtbot, tmp_path):
    w = FirstRunWizard(tmp_path / "nouvel-espace")
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    yield w
    wait_pool()
    w._finished = True
    w.close()
    w.deleteLater()
    messagebox.clear()


def test_back_keeps_what_was_typed(qtbot, wizard):
    back = wizard.button(QWizard.WizardButton.BackButton)
    wizard.next()
    identity = wizard.identity
    qtbot.keyClicks(identity.name, "Claire Martin")
    qtbot.keyClicks(identity.organisation, "CIBC Rhone")
    wizard.next()
    assert wizard.currentId() == wizard.PAGE_PASSPHRASE
    qtbot.keyClicks(wizard.passphrase.passphrase, "une phrase")
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == wizard.PAGE_IDENTITY
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == wizard.PAGE_LOCATION
    wizard.next()
    assert identity.name.text() == "Claire Martin", "« Précédent » lost the name"
    assert identity.organisation.text() == "CIBC Rhone"
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.passphrase.passphrase.text() == "une phrase"


def test_enter_never_goes_back(qtbot, wizard):
    back = wizard.button(QWizard.WizardButton.BackButton)
    wizard.next()
    qtbot.keyClicks(wizard.identity.name, "Claire Martin")
    wizard.next()
    assert wizard.currentId() == wizard.PAGE_PASSPHRASE
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)  # the focus stays on « Précédent »
    assert wizard.currentId() == wizard.PAGE_IDENTITY
    back.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.keyClick(back, Qt.Key.Key_Return)
    assert wizard.currentId() == wizard.PAGE_PASSPHRASE, "Enter went back instead of on"
    # In a field, Enter goes on too (never back).
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == wizard.PAGE_IDENTITY
    wizard.identity.email.setFocus()
    qtbot.keyClick(wizard.identity.email, Qt.Key.Key_Return)
    assert wizard.currentId() == wizard.PAGE_PASSPHRASE
    back.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(back, Qt.Key.Key_Enter)
    assert wizard.currentId() == wizard.PAGE_PASSPHRASE
