"""The on-screen questionnaire with real widgets: full screen over the file, nothing of the
file in its widget tree, Échap and closing ask the counsellor's passphrase, a wrong one is
refused in French, the right one leaves; the idle lock closes it and keeps the answers."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QPlainTextEdit

from cep_desk.ui import satisfaction_dialogs as sd
from cep_desk.ui.main_window import MainWindow
from cep_desk.usecases import beneficiaries, journeys
from tests.ui.mnemonic_support import collisions, labels_without_buddy
from tests.ui.shell_support import ini_settings, wait_pool


@pytest.fixture
def setup(qtbot, ws, tmp_path):
    p = beneficiaries.create_beneficiary(ws, last_name="Quintalbert", first_name="Zélie")
    j = journeys.start_journey(ws, p.id, request_date=date(2026, 1, 5))
    journeys.update_journey(ws, j.id, level1_decision="stop")
    w = MainWindow(ws.path, settings=ini_settings(tmp_path))
    w.resize(1280, 800)
    w.show()
    w.open_workspace(ws)
    assert w.select_person(p.id)
    sd._drafts.clear()
    yield w, p, j
    w.close()
    w.deleteLater()
    wait_pool()


def _texts(widget) -> list[str]:
    out = [widget.windowTitle()]
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        out.append(child.text())
    for child in widget.findChildren(QLineEdit):
        out.append(child.text())
    for child in widget.findChildren(QPlainTextEdit):
        out.append(child.toPlainText())
    return out


def _kiosk(qtbot, w, j) -> sd.KioskQuestionnaire:
    kiosk = sd.KioskQuestionnaire(w.ws, j.id, 1, w)
    kiosk.open_full_screen()
    qtbot.waitUntil(kiosk.isVisible)
    return kiosk


def test_kiosk_hides_the_file_and_needs_the_passphrase(qtbot, setup, passphrase):
    w, p, j = setup
    kiosk = _kiosk(qtbot, w, j)
    assert kiosk.isWindow() and kiosk.isFullScreen()
    assert kiosk.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert QApplication.activeModalWidget() is kiosk
    screen = QApplication.primaryScreen().geometry()
    assert kiosk.geometry().size() == screen.size()
    # nothing of the file: no name, no menu, no tab, in the kiosk's whole widget tree
    texts = " ".join(_texts(kiosk))
    assert "Quintalbert" not in texts and "Zélie" not in texts
    assert "QMenuBar" not in {type(c).__name__ for c in kiosk.findChildren(object)}
    assert "QTabWidget" not in {type(c).__name__ for c in kiosk.findChildren(object)}
    assert not collisions(kiosk) and not labels_without_buddy(kiosk)
    # Échap asks for the passphrase; the questionnaire stays
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: kiosk.leave_dialog is not None and kiosk.leave_dialog.isVisible())
    leave = kiosk.leave_dialog
    leave.secret.setText("pas la bonne")
    leave.leave.click()
    assert "Phrase de passe incorrecte" in leave.error.text()
    assert kiosk.isVisible() and leave.isVisible() and leave.secret.text() == ""
    leave.back.click()
    qtbot.waitUntil(lambda: kiosk.leave_dialog is None)
    assert kiosk.isVisible()
    # closing the window (Alt+F4, the window manager) asks too
    assert kiosk.close() is False
    assert kiosk.isVisible() and kiosk.leave_dialog is not None
    kiosk.leave_dialog.secret.setText(passphrase)
    kiosk.leave_dialog.leave.click()
    qtbot.waitUntil(lambda: not kiosk.isVisible())


def test_answers_by_keyboard_are_stored_on_screen_channel(qtbot, setup, passphrase):
    w, p, j = setup
    kiosk = _kiosk(qtbot, w, j)
    first = kiosk.q_satisfaction.buttons[0][1]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Space)  # « Très satisfait·e »
    kiosk.q_usefulness.buttons[1][1].click()
    kiosk.q_recommend.buttons[0][1].click()
    kiosk.comment.setPlainText("Merci pour l'écoute")
    kiosk.submit.click()
    assert kiosk.pages.currentIndex() == 1
    answers = beneficiaries.load_file(w.ws, p.id, audit=False).current.satisfaction
    assert [(a.level, a.channel, a.satisfaction, a.usefulness, a.recommend) for a in answers] == [
        (1, "screen", 4, 3, True)
    ]
    assert answers[0].comment == "Merci pour l'écoute"
    kiosk.done_button.click()
    qtbot.waitUntil(lambda: kiosk.leave_dialog is not None)
    kiosk.leave_dialog.secret.setText(passphrase)
    kiosk.leave_dialog.leave.click()
    qtbot.waitUntil(lambda: not kiosk.isVisible())


def test_idle_lock_closes_the_kiosk_and_keeps_the_answers(qtbot, setup, passphrase):
    w, p, j = setup
    ws = w.ws
    kiosk = _kiosk(qtbot, w, j)
    kiosk.q_satisfaction.buttons[2][1].click()
    kiosk.comment.setPlainText("Début de réponse")
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)  # even with the passphrase dialog open
    w.lock(idle=True)
    assert not kiosk.isVisible() and w.ws is None
    assert w.stack.currentWidget() is w.unlock_screen
    assert sd._drafts[(j.id, 1)] == sd.Draft(satisfaction=2, comment="Début de réponse")
    # nothing was stored: the person had not validated
    from cep_desk.usecases import workspaces

    again = workspaces.open_(ws.path, passphrase)
    try:
        assert beneficiaries.load_file(again, p.id, audit=False).current.satisfaction == []
        resumed = sd.KioskQuestionnaire(again, j.id, 1)
        assert resumed.q_satisfaction.value() == 2
        assert resumed.comment.toPlainText() == "Début de réponse"
        resumed.deleteLater()
    finally:
        again.close()


def test_paper_and_followup_dialogs_refuse_in_french(qtbot, setup):
    w, p, j = setup
    dlg = sd.PaperAnswersDialog(w.ws, j.id, 1, w)
    qtbot.addWidget(dlg)
    assert not collisions(dlg) and not labels_without_buddy(dlg)
    dlg.reference.setText("Q-999999-N1-0")
    dlg.save()
    assert "Code de questionnaire inconnu" in dlg.error.text() and dlg.saved is None
    dlg._level_changed()
    dlg.satisfaction.setCurrentIndex(1)
    dlg.save()
    assert dlg.saved is not None and dlg.saved.channel == "paper" and dlg.saved.satisfaction == 4
    journeys.update_journey(w.ws, j.id, closed_on=date.today())
    f = beneficiaries.load_file(w.ws, p.id, audit=False).current.followups[0]
    fd = sd.FollowupDialog(w.ws, f.id, w)
    qtbot.addWidget(fd)
    assert not collisions(fd) and not labels_without_buddy(fd)
    fd.save()
    assert "Indiquez la situation" in fd.error.text()
    fd.missed()
    assert fd.saved is not None and fd.saved.attempts == 1


def test_the_file_tab_follows_closing_and_offers_the_questionnaire(qtbot, setup):
    from cep_desk.ui import messagebox

    w, p, j = setup
    tab = w.panel.followup
    w.panel.tabs.setCurrentWidget(tab)
    assert tab.kiosk_button.isEnabled() and not tab.followup_button.isEnabled()
    messagebox.clear()
    messagebox.set_next_answer(False)  # « plus tard »
    w.panel.context.run(journeys.update_journey, w.ws, j.id, closed_on=date.today())
    assert [t for _k, t, _x in messagebox.shown] == ["Questionnaire de satisfaction"]
    assert [f.status for f in tab.followups.records] == ["pending"]
    assert tab.followup_button.isEnabled()
    # answering on paper shows in the table at once
    tab.type_paper()
    dlg = tab.findChild(sd.PaperAnswersDialog)
    dlg.satisfaction.setCurrentIndex(2)
    dlg.save()
    assert [(a.level, a.channel, a.satisfaction) for a in tab.answers.records] == [(1, "paper", 3)]
    messagebox.clear()
