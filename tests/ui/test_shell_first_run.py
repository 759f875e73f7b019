"""First run: the wizard creates a workspace that the use cases open with the typed passphrase,
shows the recovery key (never on the clipboard) and saves the recovery kit."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from cep_desk.storage import vault
from cep_desk.ui import messagebox, printing
from cep_desk.ui.first_run import FirstRunWizard, folder_problem, recovery_kit_renderer
from cep_desk.usecases import workspaces
from tests.ui.shell_support import wait_pool

PASS = "Une phrase de passe bien longue 42 !"


@pytest.fixture
def wizard(qtbot, tmp_path):
    w = FirstRunWizard(tmp_path / "nouvel-espace")
    w.show()
    yield w
    wait_pool()
    w._finished = True  # close without the "keep your key first" warning
    w.close()
    w.deleteLater()
    if w.workspace is not None and w.workspace.is_open:
        w.workspace.close()
    messagebox.clear()


def fill_until_recovery(qtbot, w: FirstRunWizard, passphrase: str = PASS) -> None:
    assert w.currentId() == w.PAGE_LOCATION
    assert w.button(QWizard.WizardButton.NextButton).isEnabled()
    w.next()
    assert w.currentId() == w.PAGE_IDENTITY
    assert not w.button(QWizard.WizardButton.NextButton).isEnabled()  # name required
    qtbot.keyClicks(w.identity.name, "Claire Martin")
    w.identity.organisation.setText("CIBC Rhône")
    w.identity.email.setText("claire@exemple.fr")
    w.identity.address.setPlainText("3 rue des Lilas\n69003 Lyon")
    w.next()
    assert w.currentId() == w.PAGE_PASSPHRASE
    page = w.passphrase
    qtbot.keyClicks(page.passphrase, "court")
    assert not page.isComplete()
    assert "Trop courte" in page.strength_text.text()
    assert page.meter.value() < 100
    assert "insuffisante" in page.meter.text()
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, passphrase)
    assert page.meter.value() == 100
    assert "suffisante" in page.meter.text()
    assert not page.isComplete()  # confirmation missing
    qtbot.keyClicks(page.confirmation, passphrase + "x")
    assert "diffèrent" in page.match_text.text()
    page.confirmation.backspace()
    assert page.isComplete()
    w.next()  # starts the creation in a worker
    qtbot.waitUntil(lambda: w.currentId() == w.PAGE_RECOVERY, timeout=15_000)


def test_first_run_creates_a_workspace_the_use_cases_open(qtbot, wizard, tmp_path):
    fill_until_recovery(qtbot, wizard)
    directory = tmp_path / "nouvel-espace"
    key = wizard.recovery.key_label.text()
    assert key == wizard.recovery_key
    assert len(vault.normalise_recovery_key(key)) == 30
    # The key is shown but cannot be selected nor copied.
    assert (
        wizard.recovery.key_label.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    )
    assert QApplication.clipboard().text() != key
    # "Terminer" needs the checkbox.
    assert not wizard.recovery.isComplete()
    wizard.accept()
    assert wizard.isVisible()
    created = []
    wizard.created.connect(created.append)
    wizard.recovery.kept.setChecked(True)
    assert wizard.recovery.isComplete()
    wizard.accept()
    assert created and created[0] is wizard.workspace
    assert wizard.recovery.key_label.text() == ""
    assert workspaces.get_counsellor(created[0]).name == "Claire Martin"
    created[0].close()
    # The typed passphrase and the recovery key both open it, outside the GUI.
    ws = workspaces.open_(directory, PASS)
    counsellor = workspaces.get_counsellor(ws)
    assert (counsellor.organisation, counsellor.address) == (
        "CIBC Rhône",
        "3 rue des Lilas\n69003 Lyon",
    )
    ws.close()
    workspaces.open_(directory, key.lower(), kind=vault.SLOT_RECOVERY).close()
    # And the command line, with the passphrase from the environment.
    env = dict(os.environ, CEP_DESK_PASSPHRASE=PASS)
    result = subprocess.run(
        [sys.executable, "-m", "cep_desk", "check", "--workspace", str(directory)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_leaving_before_keeping_the_key_is_refused(qtbot, wizard):
    fill_until_recovery(qtbot, wizard)
    messagebox.set_next_answer(True)
    wizard.reject()
    assert wizard.isVisible()
    assert messagebox.shown and "Conservez d'abord la clé" in messagebox.shown[0][2]


def test_recovery_kit_is_saved_as_a_pdf(qtbot, wizard, tmp_path, monkeypatch):
    if recovery_kit_renderer() is None:
        pytest.skip("cep_desk.plan_pdf.render_recovery_kit not available")
    fill_until_recovery(qtbot, wizard)
    assert wizard.recovery.save_kit.isEnabled()
    target = tmp_path / "kit.pdf"
    monkeypatch.setattr(printing, "ask_save_path", lambda parent, title, name: target)
    qtbot.mouseClick(wizard.recovery.save_kit, Qt.MouseButton.LeftButton)
    assert target.exists()
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert len(PdfReader(target).pages) == 1
    groups = wizard.recovery_key.split("-")
    flat = "".join(text.split()).replace("-", "")
    assert "".join(groups) in flat
    assert "Claire Martin" in text
    assert "enregistré" in wizard.recovery.kit_status.text()


def test_weak_passphrase_cannot_be_committed(qtbot, wizard):
    wizard.next()
    qtbot.keyClicks(wizard.identity.name, "Claire")
    wizard.next()
    page = wizard.passphrase
    qtbot.keyClicks(page.passphrase, "motdepasse12")  # 12 chars, 2 kinds
    qtbot.keyClicks(page.confirmation, "motdepasse12")
    assert not page.isComplete()
    assert "Pas assez variée" in page.strength_text.text()
    assert "CNIL" in " ".join(label.text() for label in page.findChildren(type(page.strength_text)))


def test_location_checks(tmp_path):
    (tmp_path / "plein").mkdir()
    (tmp_path / "plein" / "x.txt").write_text("x")
    assert "pas vide" in folder_problem(tmp_path / "plein")
    assert folder_problem(tmp_path / "vide") is None
    (tmp_path / "fichier").write_text("x")
    assert "fichier" in folder_problem(tmp_path / "fichier")


def test_location_page_warns_about_synced_folders(qtbot, tmp_path):
    w = FirstRunWizard(tmp_path / "Dropbox" / "cep")
    qtbot.addWidget(w)
    assert "synchronisé" in w.location.warning.text()
    assert w.location.isComplete()  # a warning, not a refusal
    w.location.path.setText(str(tmp_path / "cep"))
    assert not w.location.warning.text()


def test_every_control_has_an_accessible_name(qtbot, wizard):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit

    for page in (wizard.location, wizard.identity, wizard.passphrase, wizard.recovery):
        for w in page.findChildren(QLineEdit) + page.findChildren(QComboBox):
            if w.parent() is not None and isinstance(w.parent(), QComboBox):
                continue
            assert w.accessibleName(), w
        for w in page.findChildren(QPlainTextEdit) + page.findChildren(QAbstractButton):
            assert w.accessibleName() or w.text(), w
