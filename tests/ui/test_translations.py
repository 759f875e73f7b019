"""The French wording catalogue is compiled, shipped and loaded (issue 15.6)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from importlib import resources

from PySide6.QtCore import QTranslator

from cep_desk.ui.app import configure_app, install_translators

I18N = resources.files("cep_desk.resources") / "i18n"


def _messages(ts_name: str) -> list[tuple[str, str, str | None, str]]:
    root = ET.fromstring((I18N / ts_name).read_text("utf-8"))
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("vanished", "obsolete"):
                continue
            if message.get("numerus") == "yes":
                continue
            source = message.findtext("source") or ""
            found.append((name, source, message.findtext("comment"), translation.text or ""))
    return found


def test_every_message_of_the_french_catalogue_is_compiled_into_the_qm():
    messages = _messages("cep_desk_fr.ts")
    assert len(messages) > 500
    translator = QTranslator()
    assert translator.load(str(I18N / "cep_desk_fr.qm"))
    missing = [(c, s) for c, s, d, t in messages if translator.translate(c, s, d) != t]
    assert missing == []


def test_a_dialog_string_is_in_the_french_catalogue_in_its_runtime_context():
    assert ("NewPersonDialog", "Nouvelle personne") in {
        (c, s) for c, s, _, _ in _messages("cep_desk_fr.ts")
    }


def test_the_application_loads_the_french_qm(qapp):
    configure_app(qapp)
    installed = [t.filePath() for t in install_translators(qapp)]
    assert any(path.endswith("cep_desk_fr.qm") for path in installed)
    for translator in install_translators(qapp):
        qapp.removeTranslator(translator)


def test_qt_file_dialog_is_french_whole(qapp):
    """Qt 6.11's « &Look in: » and « Files of &type: » are missing from qtbase_fr."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    configure_app(qapp)
    translators = install_translators(qapp)
    try:
        dialog = QFileDialog()
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        dialog.deleteLater()
        assert not any("Look in" in t or "Files of" in t for t in labels), labels
        assert "&Voir dans\u00a0:" in labels
        assert qapp.translate("QMessageBox", "Show Details...") != ""
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
