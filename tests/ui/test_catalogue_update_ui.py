"""Données › Mettre à jour les dispositifs: a good signed file is installed, a tampered one is
refused with a French message and nothing changes; « Dispositifs vérifiés le … » in the menu."""

from __future__ import annotations

import base64
import json
import os
from datetime import date

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMainWindow

from cep_desk import catalogue_update as cu
from cep_desk.catalogue_update import catalogue_for
from cep_desk.ui import lifecycle, messagebox
from cep_desk.ui.lifecycle import catalogue_info_text, paths

from ..unit.test_catalogue_update import signed


@pytest.fixture
def window(qtbot):
    win = QMainWindow()
    qtbot.addWidget(win)
    yield win
    QThreadPool.globalInstance().waitForDone(30_000)
    messagebox.clear()
    paths.clear()


@pytest.fixture
def key(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "site"))
    folder = tmp_path / "config" / cu.APP_NAME / cu.KEYS_FOLDER
    folder.mkdir(parents=True)
    private = cu.new_private_key()
    (folder / "it.pub").write_text(cu.public_pem(private.public_key()))
    return private


def _wait(qtbot, kind: str):
    qtbot.waitUntil(lambda: any(s[0] == kind for s in messagebox.shown), timeout=30_000)
    return next(s for s in messagebox.shown if s[0] == kind)


def test_update_catalogue_from_the_data_menu(qtbot, window, ws, key, tmp_path):
    menu = lifecycle.install(window, lambda: ws, lambda: None)
    menu.update_actions()
    assert menu.action_update_catalogue.isEnabled()
    assert menu.action_update_catalogue.text() == "Mettre à jour les &dispositifs…"
    assert menu.action_catalogue_info.text() == "Dispositifs vérifiés le 02/12/2026"
    assert not menu.action_catalogue_info.isEnabled()

    tampered = json.loads(signed(key, "2026.12.8"))
    tampered["signature"] = base64.b64encode(os.urandom(64)).decode()
    bad = tmp_path / "modifie.cepcat"
    bad.write_text(json.dumps(tampered))
    paths.set_next_path(bad)
    menu.update_catalogue()
    _kind, _title, text = _wait(qtbot, "critical")
    assert "Signature invalide" in text and "Rien n'a été modifié." in text
    assert not cu.workspace_folder(ws.path).exists()
    messagebox.clear()

    good = tmp_path / "bon.cepcat"
    good.write_bytes(signed(key, "2026.12.8"))
    paths.set_next_path(good)
    with qtbot.waitSignal(menu.catalogue_changed, timeout=30_000):
        menu.update_catalogue()
    _kind, _title, text = _wait(qtbot, "information")
    assert "2026.12.8 installé" in text
    assert catalogue_for(ws.path).schemes_version == "2026.12.8"


def test_catalogue_info_warns_when_older_than_six_months(ws):
    assert catalogue_info_text(ws, date(2027, 6, 1)) == "Dispositifs vérifiés le 02/12/2026"
    old = catalogue_info_text(ws, date(2027, 6, 3))
    assert old.startswith("⚠") and "6 mois" in old
    assert catalogue_info_text(None, date(2027, 1, 1)) == "Dispositifs vérifiés le 02/12/2026"
