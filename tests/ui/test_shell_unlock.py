"""The unlock screen: wrong secret (files untouched), recovery key, busy, missing, damaged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cep_desk.storage import vault
from cep_desk.ui.unlock import UnlockScreen
from cep_desk.usecases import workspaces
from tests.ui.shell_support import files_digest, wait_pool


@pytest.fixture
def closed_workspace(new_workspace):
    ws, recovery = new_workspace
    ws.close()
    return ws.path, recovery


@pytest.fixture
def screen(qtbot, closed_workspace):
    s = UnlockScreen(closed_workspace[0])
    qtbot.addWidget(s)
    s.show()
    opened = []
    s.unlocked.connect(opened.append)
    s.opened = opened
    yield s
    wait_pool()
    for ws in opened:
        ws.close()


def type_and_unlock(qtbot, screen: UnlockScreen, secret: str) -> None:
    qtbot.keyClicks(screen.secret, secret)
    qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not screen.busy, timeout=10_000)


def test_right_passphrase_unlocks_and_clears_the_field(qtbot, screen, passphrase):
    assert screen.secret.echoMode() == screen.secret.EchoMode.Password
    assert screen.secret.accessibleName() == "Phrase de passe"
    with qtbot.waitSignal(screen.unlocked, timeout=10_000):
        qtbot.keyClicks(screen.secret, passphrase)
        qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    assert screen.opened[0].is_open
    assert screen.secret.text() == ""


def test_wrong_passphrase_is_told_and_files_stay_identical(qtbot, screen, closed_workspace):
    directory = closed_workspace[0]
    before = files_digest(directory)
    type_and_unlock(qtbot, screen, "Pas la bonne phrase du tout !")
    assert screen.opened == []
    assert "Phrase de passe incorrecte" in screen.error.text()
    assert not screen.error.isHidden()
    assert files_digest(directory) == before
    # The field keeps focus for another try.
    assert screen.secret.isEnabled()


def test_busy_indicator_while_deriving(qtbot, screen, passphrase):
    qtbot.keyClicks(screen.secret, passphrase)
    busy_states = []
    screen.busy_changed.connect(busy_states.append)
    screen.unlock()
    assert screen.busy and not screen.busy_bar.isHidden() and not screen.secret.isEnabled()
    qtbot.waitUntil(lambda: not screen.busy, timeout=10_000)
    assert busy_states == [True, False]
    assert screen.busy_bar.isHidden()


def test_recovery_key_unlocks(qtbot, screen, closed_workspace):
    recovery = closed_workspace[1]
    qtbot.mouseClick(screen.use_recovery, Qt.MouseButton.LeftButton)
    assert screen.use_recovery.isChecked()
    assert screen.secret.accessibleName() == "Clé de secours"
    with qtbot.waitSignal(screen.unlocked, timeout=10_000):
        # Typed in lower case with spaces instead of dashes.
        type_and_unlock(qtbot, screen, recovery.lower().replace("-", " "))
    assert screen.opened[0].is_open


def test_wrong_recovery_key_message(qtbot, screen):
    screen.use_recovery.setChecked(True)
    type_and_unlock(qtbot, screen, "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF")
    assert "Clé de secours incorrecte" in screen.error.text()


def test_workspace_open_elsewhere_is_reported(qtbot, screen, closed_workspace, passphrase):
    other = workspaces.open_(closed_workspace[0], passphrase)
    try:
        type_and_unlock(qtbot, screen, passphrase)
        assert screen.opened == []
        assert "déjà ouvert" in screen.error.text()
    finally:
        other.close()
    # Once the other holder is gone, it opens.
    with qtbot.waitSignal(screen.unlocked, timeout=10_000):
        type_and_unlock(qtbot, screen, passphrase)


def test_missing_database_is_reported_not_recreated(qtbot, screen, closed_workspace, passphrase):
    directory = closed_workspace[0]
    (directory / "cep.db").rename(directory / "ailleurs.db")
    type_and_unlock(qtbot, screen, passphrase)
    assert "introuvable" in screen.error.text()
    assert not (directory / "cep.db").exists()


def test_damaged_database_is_reported(qtbot, screen, closed_workspace, passphrase):
    directory = closed_workspace[0]
    for extra in ("cep.db-wal", "cep.db-shm"):
        (directory / extra).unlink(missing_ok=True)
    db = directory / "cep.db"
    data = bytearray(db.read_bytes())
    data[:4096] = bytes(4096)  # first page wiped
    db.write_bytes(bytes(data))
    type_and_unlock(qtbot, screen, passphrase)
    assert "endommagé" in screen.error.text()


def test_empty_entry_and_folder_without_workspace(qtbot, screen, tmp_path):
    screen.unlock()
    assert "Saisissez votre phrase de passe" in screen.error.text()
    created = []
    screen.create_requested.connect(created.append)
    screen.set_directory(tmp_path / "rien")
    assert "Aucun espace de travail" in screen.error.text()
    assert not screen.create_here.isHidden()
    qtbot.mouseClick(screen.create_here, Qt.MouseButton.LeftButton)
    assert created == [tmp_path / "rien"]
    assert str(tmp_path / "rien") in screen.folder_label.text()


def test_key_file_damaged(qtbot, screen, closed_workspace, passphrase):
    (closed_workspace[0] / vault.KEYS_FILE).write_text("{ pas du json")
    type_and_unlock(qtbot, screen, passphrase)
    assert "fichier des clés" in screen.error.text()
