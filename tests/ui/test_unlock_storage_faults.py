"""The unlock screen names a full disk, opens read-only media, tells a damaged key file from a
wrong passphrase and says how to go back after a failed upgrade (issue 10, 1, 2, 8, 11)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from cep_desk.storage import engine as eng
from cep_desk.storage import vault
from cep_desk.ui.unlock import UnlockScreen, open_error_text
from cep_desk.usecases import workspaces
from tests.storage.disk_support import RESTORE_ADVICE, TECHNICAL, small_disk
from tests.storage.migration_support import make_old_workspace
from tests.ui.shell_support import wait_pool


@pytest.fixture
def disk(tmp_path):
    with small_disk(tmp_path) as found:
        if isinstance(found, str):
            pytest.skip(found)
        yield found


def _screen(qtbot, directory):
    screen = UnlockScreen(directory)
    qtbot.addWidget(screen)
    screen.show()
    screen.opened = []
    screen.unlocked.connect(screen.opened.append)
    return screen


def _unlock(qtbot, screen, secret):
    qtbot.keyClicks(screen.secret, secret)
    qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not screen.busy, timeout=20_000)
    wait_pool()


def _close_all(screen):
    for ws in screen.opened:
        ws.close()


def _make(directory, passphrase):
    ws, _ = workspaces.create(directory, passphrase)
    ws.close()


def test_full_disk_is_named_on_the_unlock_screen(qtbot, disk, passphrase):
    directory = disk.path / "espace"
    _make(directory, passphrase)
    disk.fill(16)
    screen = _screen(qtbot, directory)
    try:
        _unlock(qtbot, screen, passphrase)
        message = screen.error.text()
        assert screen.opened == [] and "disque est plein" in message, message
        assert not TECHNICAL.search(message) and not RESTORE_ADVICE.search(message), message
    finally:
        _close_all(screen)
    disk.unfill()
    with workspaces.open_(directory, passphrase) as ws:
        assert workspaces.check(ws).ok


def test_read_only_media_opens_read_only(qtbot, disk, passphrase):
    directory = disk.path / "espace"
    _make(directory, passphrase)
    disk.remount(read_only=True)
    screen = _screen(qtbot, directory)
    try:
        _unlock(qtbot, screen, passphrase)
        assert len(screen.opened) == 1, screen.error.text()
        ws = screen.opened[0]
        assert ws.read_only and "lecture seule" in ws.read_only_reason
    finally:
        _close_all(screen)
        disk.remount(read_only=False)


def test_failed_upgrade_says_how_to_go_back(qtbot, workspace_dir, passphrase, monkeypatch):
    make_old_workspace(workspace_dir, passphrase, "0001", people=2)
    from alembic.operations import Operations

    real = Operations.create_index

    def failing(self, name, *args, **kwargs):
        if name == "ix_beneficiaries_list":
            raise RuntimeError("simulated failure")
        return real(self, name, *args, **kwargs)

    monkeypatch.setattr(Operations, "create_index", failing)
    screen = _screen(qtbot, workspace_dir)
    try:
        _unlock(qtbot, screen, passphrase)
        message = screen.error.text()
        assert screen.opened == []
        assert "cep.db.avant-0001.bak" in message and "renommez" in message, message
        assert "schéma 0001" in message and not TECHNICAL.search(message), message
    finally:
        _close_all(screen)


def test_damaged_key_file_is_not_a_wrong_passphrase(qtbot, workspace_dir, passphrase):
    _make(workspace_dir, passphrase)
    keys = workspace_dir / vault.KEYS_FILE
    keys.write_bytes(keys.read_bytes()[:-40])
    screen = _screen(qtbot, workspace_dir)
    try:
        _unlock(qtbot, screen, passphrase)
        message = screen.error.text()
        assert "endommagé" in message and "incorrecte" not in message, message
    finally:
        _close_all(screen)


def test_full_database_error_is_named_everywhere(qtbot, tmp_path):
    """Without a small file system: a real SQLITE_FULL (max_page_count) through the same
    wording function the unlock screen uses."""
    engine = eng.make_engine(tmp_path / "t.db", b"k" * 32)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x TEXT)")
    try:
        with engine.begin() as conn:
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
            conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
            for _ in range(200):
                conn.execute(text("INSERT INTO t VALUES (:v)"), {"v": "x" * 4000})
    except Exception as exc:
        message = open_error_text(exc, False, tmp_path)
    else:  # pragma: no cover
        raise AssertionError("the capped database should be full")
    finally:
        engine.dispose()
    assert "disque est plein" in message, message
    assert not TECHNICAL.search(message) and not RESTORE_ADVICE.search(message), message
