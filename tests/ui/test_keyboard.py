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
from tests.ui.mnemonic_support import (
    collisions,
    labels_without_buddy,
    mnemonic,
    reachable_mnemonics,
)
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
    assert pages == 12
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


def _dialog_classes() -> set[type]:
    """Every QDialog subclass of the application's UI code (imported: the walk below must
    construct each of them)."""
    import importlib
    import pkgutil

    from PySide6.QtWidgets import QDialog

    import cep_desk.ui

    for info in pkgutil.walk_packages(cep_desk.ui.__path__, "cep_desk.ui."):
        importlib.import_module(info.name)
    found: set[type] = set()
    todo = [QDialog]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("cep_desk.ui."):
                found.add(sub)
    return found


def test_no_mnemonic_collides_in_any_dialog_and_every_settings_field_has_one(
    qtbot, window, demo_ws
):
    """Every dialog of the application (the walk fails when a new one is not listed), and in
    Réglages every field of every group is reachable with Alt and a letter."""
    from datetime import date
    from pathlib import Path

    from PySide6.QtWidgets import QGroupBox, QLabel

    from cep_desk import catalogue, domain
    from cep_desk.storage.rekey import RekeyReport
    from cep_desk.ui.agenda import AppointmentDialog
    from cep_desk.ui.lifecycle.dialogs import (
        PurgeDialog,
        ReportDialog,
        RestoreDialog,
        StatsDialog,
        TypedConfirmDialog,
    )
    from cep_desk.ui.panel.steps import SchemeStepsDialog
    from cep_desk.ui.pdf_preview import PdfPreviewDialog
    from cep_desk.ui.scheme_document_actions import SchemeDocumentDialog
    from cep_desk.ui.settings_dialog import PassphraseDialog, RecoveryKeyDialog
    from cep_desk.usecases import scheme_documents
    from tests.ui.test_scheme_documents_ui import _person
    from tests.ui.test_shell_printing import make_pdf

    ptp_person = _person(demo_ws)
    from cep_desk.ui import satisfaction_dialogs as sd
    from cep_desk.usecases import followups, journeys

    journey_id = journeys.current_journey_id(demo_ws, ptp_person)
    assert journey_id is not None
    followup = followups.schedule_followup(demo_ws, journey_id)

    dialogs = [
        NewPersonDialog(window, lambda _values: None),
        SettingsDialog(demo_ws, window),
        PassphraseDialog(demo_ws, window),
        RecoveryKeyDialog(RekeyReport("ABCD-EFGH", [Path("cep.db.avant-0004.bak")]), window),
        PlanOptionsDialog(window, printing_=True, has_health=True),
        PdfPreviewDialog(make_pdf(1), "Plan d'action", window, suggested_name="plan.pdf"),
        RestoreDialog(window),
        TypedConfirmDialog("MARTIN", "Élodie MARTIN", window),
        PurgeDialog([], 2, window),
        StatsDialog(window),
        ReportDialog(window),
        SchemeStepsDialog(
            window, catalogue.load_catalogue(), domain.Public.JOB_SEEKER, date.today()
        ),
        SchemeDocumentDialog(
            window,
            scheme_documents.build_document(
                demo_ws, ptp_person, domain.DocumentKind.PTP_ABSENCE_REQUEST
            ),
            {},
        ),
        sd.KioskQuestionnaire(demo_ws, journey_id, 1, window),
        sd.LeaveDialog(demo_ws, window),
        sd.PaperAnswersDialog(demo_ws, journey_id, 2, window),
        sd.FollowupDialog(demo_ws, followup.id, window),
        AppointmentDialog(
            window, title="Prendre rendez-vous", person_name="MARTIN Élodie", submit=lambda v: None
        ),
    ]
    walked_elsewhere = {FirstRunWizard}  # page by page, in the test above
    missing = _dialog_classes() - {type(d) for d in dialogs} - walked_elsewhere
    assert not missing, f"dialogs not walked: {sorted(c.__name__ for c in missing)}"
    for dialog in dialogs:
        dialog.show()
        _check(dialog, type(dialog).__name__)
    settings = dialogs[1]
    groups = settings.findChildren(QGroupBox)
    assert len(groups) >= 2
    for group in groups:
        labels = [label for label in group.findChildren(QLabel) if label.buddy() is not None]
        assert labels, group.title()
        for label in labels:
            assert mnemonic(label.text()), f"{group.title()} : {label.text()}"
    for dialog in dialogs:
        dialog.reject()
        dialog.deleteLater()
    wait_pool()
