"""The main window's menus reach every feature: plan, data menu, referential import."""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtCore import QThreadPool

from cep_desk import referentials
from cep_desk.ui import messagebox, referential_import
from cep_desk.ui.main_window import MainWindow


def _window(qtbot, ws, tmp_path):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(ws.path, settings=settings)
    qtbot.addWidget(w)
    w.open_workspace(ws)
    return w


def test_menus_list_every_feature(qtbot, demo_ws, tmp_path):
    w = _window(qtbot, demo_ws, tmp_path)
    titles = [a.text().replace("&", "") for a in w.menuBar().actions()]
    assert titles[:2] == ["Fichier", "Personnes"] and "Données" in titles
    data = [a.text().replace("&", "") for a in w.data_menu.actions() if a.text()]
    assert any(t.startswith("Sauvegarder") for t in data)
    assert any(t.startswith("Importer un référentiel") for t in data)
    messagebox.clear()
    messagebox.set_next_answer(True)
    w.action_referential_help.trigger()
    kind, _title, text = messagebox.shown[-1]
    assert kind == "information" and "data.gouv.fr" in text and "France Travail" in text
    assert "Extrait d'exemple" in text  # the demo says which referential it holds
    w.lock()
    assert not w.action_import_referential.isEnabled()


def test_referential_import_from_the_gui(qtbot, demo_ws, tmp_path, monkeypatch):
    w = _window(qtbot, demo_ws, tmp_path)
    sample = files("cep_desk.resources.referentials") / "rncp_sample.zip"
    monkeypatch.setattr(referential_import, "ask_zip_path", lambda _parent: sample)
    messagebox.set_next_answer(True)
    with qtbot.waitSignal(w.referential_importer.finished, timeout=30_000) as done:
        w.action_import_referential.trigger()
    assert "importé" in done.args[0]
    versions = referentials.open_referential(demo_ws.path).versions()
    assert "rncp" in {k.lower() for k in versions} or versions
    # a corrupt file is refused and said so
    bad = tmp_path / "casse.zip"
    bad.write_bytes(b"PK\x03\x04 pas une archive")
    monkeypatch.setattr(referential_import, "ask_zip_path", lambda _parent: bad)
    messagebox.set_next_answer(True)
    with qtbot.waitSignal(w.referential_importer.finished, timeout=30_000) as refused:
        w.action_import_referential.trigger()
    assert "conservé" in refused.args[0]
    QThreadPool.globalInstance().waitForDone()
    messagebox.clear()


def test_demo_folder_is_not_remembered(qtbot, demo_ws, tmp_path):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "demo.ini"), QSettings.Format.IniFormat)
    w = MainWindow(demo_ws.path, settings=settings, demo_passphrase="démo")
    qtbot.addWidget(w)
    w.open_workspace(demo_ws)
    assert settings.value("workspace/directory") is None
