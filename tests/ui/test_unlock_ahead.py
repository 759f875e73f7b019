"""The key derivation runs ahead: with only the vault imported, before the database layer, and
while the deferred main view is still being built (an unlock asked for with the first paint
does not wait for the whole build)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer

from cep_desk.storage import vault
from cep_desk.storage import workspace as storage_ws
from cep_desk.ui.main_window import MainWindow
from cep_desk.usecases import workspaces
from tests.ui.shell_support import wait_pool


@pytest.fixture
def closed(new_workspace):
    ws, _recovery = new_workspace
    ws.close()
    return ws.path


@pytest.fixture
def derivations(monkeypatch):
    calls: list[int] = []
    original = vault._derive

    def counting(secret, kdf):
        calls.append(1)
        return original(secret, kdf)

    monkeypatch.setattr(vault, "_derive", counting)
    return calls


def test_a_derivation_done_ahead_opens_without_a_second_one(closed, passphrase, derivations):
    unlocked = storage_ws.unlock_key(closed, passphrase)
    assert unlocked is not None and len(derivations) == 1
    ws = workspaces.open_(closed, passphrase, unlocked=unlocked)
    try:
        assert ws.is_open and len(derivations) == 1
    finally:
        workspaces.lock(ws)


def test_wrong_secret_is_refused_ahead(closed):
    with pytest.raises(vault.WrongSecret):
        storage_ws.unlock_key(closed, "Pas la bonne phrase du tout !")


def test_an_interrupted_change_of_key_is_left_to_the_full_opening(closed, passphrase):
    # what an interrupted change of passphrase leaves: recover() has work to do first
    shutil.copy2(closed / vault.KEYS_FILE, closed / vault.KEYS_BACKUP)
    assert storage_ws.unlock_key(closed, passphrase) is None
    ws = workspaces.open_(closed, passphrase, unlocked=None)
    try:
        assert ws.is_open and not (closed / vault.KEYS_BACKUP).exists()
    finally:
        workspaces.lock(ws)


def test_an_unlock_with_the_first_paint_derives_while_the_view_is_built(
    qtbot, closed, passphrase, monkeypatch
):
    w = MainWindow(closed, defer_main_view=True)
    qtbot.addWidget(w)
    built_when_deriving: list[bool] = []
    original = vault._derive

    def watching(secret, kdf):
        built_when_deriving.append(w._built)
        return original(secret, kdf)

    monkeypatch.setattr(vault, "_derive", watching)

    def type_ahead() -> None:  # the passphrase there as the window appears, then Enter
        w.unlock_screen.secret.setText(passphrase)
        w.unlock_screen.unlock()

    class AtFirstPaint(QObject):  # Enter pressed on the event-loop turn after the first paint
        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, lambda: QTimer.singleShot(0, type_ahead))
            return False

    at_paint = AtFirstPaint(w)
    w.unlock_screen.installEventFilter(at_paint)
    w.show()
    qtbot.waitUntil(lambda: w.ws is not None, timeout=20_000)
    try:
        assert built_when_deriving == [False]  # the derivation did not wait for the build
        assert w._built and w.stack.currentWidget() is w.main_view
    finally:
        w.lock()
        wait_pool()
