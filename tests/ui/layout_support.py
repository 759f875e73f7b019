"""Checks that every page of the main window fits a laptop screen (no test here).

Used in the test process and, for QT_SCALE_FACTOR=1.5, in a fresh child process (the factor is
read when the application starts): ``python -m tests.ui.layout_support DIR WIDTH HEIGHT``
prints the problems found, one per line, and exits 0.
"""

from __future__ import annotations

import sys
from pathlib import Path

PAGES = [
    ("identity", ""),
    ("level1", ""),
    ("level2", "sessions"),
    ("level2", "needs"),
    ("level2", "project"),
    ("level2", "steps"),
    ("level2", "funding"),
    ("level2", "calendar"),
    ("contacts", ""),
    ("documents", ""),
    ("history", ""),
]

LONG_NOTE = "\n".join(
    [
        "Cherche à faire reconnaître dix ans d'expérience dans la maintenance industrielle,"
        " d'abord comme opérateur puis comme technicien d'équipe.",
        "Souhaite se former au métier de technicien de maintenance des éoliennes ;"
        " s'interroge sur la mobilité géographique qu'il demande.",
        "Contraintes : deux enfants, conjoint en horaires décalés.",
        "Piste évoquée : VAE du BTS maintenance des systèmes, puis habilitations.",
        "À vérifier : droits CPF, accord de l'employeur pour un congé.",
        "Prochain rendez-vous dans trois semaines.",
    ]
)


def fill_long_texts(ws, ident: int) -> None:
    """Long texts in the notes of a demo person (the boxes must grow to show them)."""
    from cep_desk.usecases import beneficiaries, journeys

    beneficiaries.update_beneficiary(ws, ident, notes=LONG_NOTE)
    file = beneficiaries.load_file(ws, ident, audit=False)
    for session in file.current.sessions:
        if session.level == 1:
            journeys.update_session(ws, session.id, request_expressed=LONG_NOTE)


def problems_of(window, ident: int) -> list[str]:
    """Sideways scrolling and hidden note text on every page of the window."""
    from PySide6.QtWidgets import QAbstractScrollArea, QApplication

    from cep_desk.ui.panel.widgets import NoteEdit

    found: list[str] = []
    size = f"{window.width()}x{window.height()}"
    for tab, subtab in PAGES:
        window.panel.restore_location({"beneficiary_id": ident, "tab": tab, "subtab": subtab})
        for _ in range(5):
            QApplication.processEvents()
        where = f"{size} {tab}{'/' + subtab if subtab else ''}"
        page = window.panel.tabs.currentWidget()
        areas = [window.list_view, *page.findChildren(QAbstractScrollArea)]
        for area in areas:
            if not area.isVisibleTo(window):
                continue
            if isinstance(area, NoteEdit):
                continue  # wraps its lines
            bar = area.horizontalScrollBar()
            if bar.maximum() > 0:
                name = area.accessibleName() or type(area).__name__
                found.append(f"{where}: {name} scrolls sideways by {bar.maximum()} px")
        for note in page.findChildren(NoteEdit):
            if not note.isVisibleTo(window):
                continue
            wanted = note.wanted_lines() if hasattr(note, "wanted_lines") else 0
            fits = not wanted or wanted <= getattr(note, "max_lines", 0)
            if fits and note.verticalScrollBar().maximum() > 0:
                found.append(
                    f"{where}: « {note.accessibleName()} » hides part of its text "
                    f"({wanted or '?'} lines in {note.height()} px)"
                )
    return found


def open_window(directory: Path, settings_path: Path, width: int, height: int):
    """The main window on a demo workspace with a filled person: ``(window, ws, ident)``."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from cep_desk import demo
    from cep_desk.ui.main_window import MainWindow
    from tests.ui.test_panel_support import demo_person_with_plan

    ws, _ = demo.create_demo_workspace(directory, 30, passphrase="Une phrase de passe 42 !")
    ident = demo_person_with_plan(ws)
    fill_long_texts(ws, ident)
    window = MainWindow(ws.path, settings=QSettings(str(settings_path), QSettings.Format.IniFormat))
    window.resize(width, height)
    window.show()
    window.open_workspace(ws)
    window.select_person(ident) or window.panel.load(ident)
    for _ in range(10):
        QApplication.processEvents()
    return window, ws, ident


def main(argv: list[str]) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QThreadPool

    from cep_desk.ui.app import make_app

    make_app(["cep-desk-layout"])
    directory, width, height = Path(argv[0]), int(argv[1]), int(argv[2])
    window, ws, ident = open_window(directory / "demo", directory / "s.ini", width, height)
    print(f"ratio {window.devicePixelRatioF()}")
    for line in problems_of(window, ident):
        print(line)
    window.lock()
    QThreadPool.globalInstance().waitForDone()
    window.deleteLater()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
