"""Screenshots of the application shell: the first-run pages, the unlock screen and the main
window on the demo caseload (fictional people), saved as PNG.

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py [--scale 2] [--out DIR]
    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py --window 1280x720 [--pages niveau1]
        [--scale 1.5] [--dark]      (the main window's pages at a laptop size)

Everything happens in temporary folders with cheap key derivation; nothing of the user's own
settings or workspace is touched. ``tests/ui/test_shell_screenshots.py`` runs it (into
``docs/screenshots/`` when ``CEP_DESK_SCREENSHOTS=1``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CEP_DESK_TEST_KDF", "1")

PASSPHRASE = "Une phrase de passe bien longue 42 !"
MAX_BYTES = 250 * 1024


def save(widget, path: Path) -> Path:
    """Grab a widget and save it as PNG, reduced to a palette when it would exceed 250 KB."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    image = widget.grab().toImage()
    image.save(str(path), "PNG")
    if path.stat().st_size > MAX_BYTES:
        reduced = image.convertToFormat(
            QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
        )
        reduced.save(str(path), "PNG")
    return path


def settle(app, rounds: int = 20) -> None:
    from PySide6.QtCore import QThreadPool

    for _ in range(rounds):
        app.processEvents()
    QThreadPool.globalInstance().waitForDone()
    for _ in range(rounds):
        app.processEvents()


def make_screenshots(out: Path, suffix: str = "") -> list[Path]:
    from PySide6.QtCore import QSettings, QThreadPool

    from cep_desk import demo
    from cep_desk.ui.app import make_app
    from cep_desk.ui.first_run import FirstRunWizard
    from cep_desk.ui.main_window import MainWindow
    from cep_desk.usecases import beneficiaries

    app = make_app(["cep-desk-screenshots"])
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="cep-shots-") as tmp_name:
        tmp = Path(tmp_name)
        settings = QSettings(str(tmp / "shots.ini"), QSettings.Format.IniFormat)

        # -- first run ----------------------------------------------------------------------
        wizard = FirstRunWizard(tmp / "CEP Desk")
        wizard.resize(820, 660)
        wizard.show()
        settle(app)
        shots.append(save(wizard, out / f"premier-lancement-1-dossier{suffix}.png"))
        wizard.next()
        ident = wizard.identity
        ident.name.setText("Camille Rivière")
        ident.organisation.setText("Mon CEP Auvergne-Rhône-Alpes")
        ident.region.setText("Auvergne-Rhône-Alpes")
        ident.email.setText("camille.riviere@exemple.fr")
        ident.phone.setText("04 72 00 00 00")
        ident.address.setPlainText("12 rue de la République\n69002 Lyon")
        settle(app)
        shots.append(save(wizard, out / f"premier-lancement-2-identite{suffix}.png"))
        wizard.next()
        wizard.passphrase.passphrase.setText("Le chat de Lucie dort sur 3 coussins !")
        wizard.passphrase.confirmation.setText("Le chat de Lucie dort sur 3 coussins !")
        settle(app)
        shots.append(save(wizard, out / f"premier-lancement-3-phrase{suffix}.png"))
        wizard.next()
        for _ in range(200):
            settle(app, 2)
            if wizard.currentId() == wizard.PAGE_RECOVERY:
                break
        wizard.recovery.kept.setChecked(True)
        settle(app)
        shots.append(save(wizard, out / f"premier-lancement-4-cle{suffix}.png"))
        wizard.accept()
        ws = wizard.workspace
        ws.close()
        wizard.deleteLater()

        # -- the main window on the demo ------------------------------------------------------
        ws, _ = demo.create_demo_workspace(tmp / "demo", 60, passphrase=PASSPHRASE)
        window = MainWindow(ws.path, settings=settings, demo_passphrase=None)
        window.resize(1280, 800)
        window.show()
        window.open_workspace(ws)
        settle(app)
        everyone = beneficiaries.list_all(ws)
        chosen = next((p for p in everyone if p["level"] == 2 and p["open"]), everyone[0])
        window.select_person(chosen["id"]) or window.panel.load(chosen["id"])
        window.panel.restore_location({"beneficiary_id": chosen["id"], "tab": "identity"})
        window._on_saved_now()
        settle(app)
        shots.append(save(window, out / f"fenetre-principale{suffix}.png"))

        window.search.setText("mar")
        window.apply_filter()
        settle(app)
        shots.append(save(window, out / f"recherche{suffix}.png"))

        window.lock()
        settle(app)
        shots.append(save(window, out / f"deverrouillage{suffix}.png"))
        window.unlock_screen.secret.setText("pas la bonne")
        window.unlock_screen.unlock()
        for _ in range(200):
            settle(app, 2)
            if not window.unlock_screen.busy:
                break
        settle(app)
        shots.append(save(window, out / f"deverrouillage-erreur{suffix}.png"))
        window.close()
        window.deleteLater()
        QThreadPool.globalInstance().waitForDone()
        settle(app)
    return shots


# Pages of the person's file shown at laptop sizes: (file name part, tab, sub-tab).
WINDOW_PAGES = (
    ("identite", "identity", ""),
    ("niveau1", "level1", ""),
    ("niveau2-entretiens", "level2", "sessions"),
    ("niveau2-besoins", "level2", "needs"),
    ("niveau2-projet", "level2", "project"),
    ("niveau2-plan", "level2", "steps"),
    ("niveau2-financement", "level2", "funding"),
    ("niveau2-calendrier", "level2", "calendar"),
    ("contacts", "contacts", ""),
    ("documents", "documents", ""),
    ("historique", "history", ""),
)


def make_window_screenshots(
    out: Path, width: int, height: int, names: list[str], suffix: str, *, dark: bool = False
) -> list[Path]:
    """The whole main window at a laptop size, on a filled demo person, one shot per page:
    ``tab-<page><suffix>.png`` (e.g. ``tab-niveau1-1280x720.png``)."""
    from PySide6.QtCore import QThreadPool

    from cep_desk.ui.app import make_app

    app = make_app(["cep-desk-screenshots"])
    if dark:
        from cep_desk.ui.theme import dark_palette

        app.setPalette(dark_palette())
    from tests.ui.layout_support import open_window

    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="cep-shots-") as tmp_name:
        tmp = Path(tmp_name)
        window, ws, ident = open_window(tmp / "demo", tmp / "shots.ini", width, height)
        window._on_saved_now()
        window.statusBar().clearMessage()
        for name, tab, subtab in WINDOW_PAGES:
            if names and name not in names:
                continue
            window.panel.restore_location({"beneficiary_id": ident, "tab": tab, "subtab": subtab})
            settle(app)
            shots.append(save(window, out / f"tab-{name}{suffix}.png"))
        window.lock()
        window.close()
        window.deleteLater()
        QThreadPool.globalInstance().waitForDone()
        settle(app)
        ws.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--scale", type=float, default=1.0, help="QT_SCALE_FACTOR (2 = 200 %%)")
    parser.add_argument(
        "--window", help="WIDTHxHEIGHT in logical pixels: the main window's pages at that size"
    )
    parser.add_argument("--pages", default="", help="with --window: comma-separated page names")
    parser.add_argument("--dark", action="store_true", help="with --window: a dark palette")
    parser.add_argument("--suffix", default=None, help="with --window: file name suffix")
    args = parser.parse_args(argv)
    suffix = ""
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
        suffix = f"-{int(args.scale * 100)}"
    if args.window:
        width, height = (int(v) for v in args.window.lower().split("x"))
        if args.suffix is not None:
            suffix = args.suffix
        else:
            real = f"-{round(width * args.scale)}x{round(height * args.scale)}"
            suffix = real + suffix + ("-sombre" if args.dark else "")
        pages = [p for p in args.pages.split(",") if p]
        for path in make_window_screenshots(
            Path(args.out), width, height, pages, suffix, dark=args.dark
        ):
            print(f"{path} ({path.stat().st_size // 1024} Kio)")
        return 0
    for path in make_screenshots(Path(args.out), suffix):
        print(f"{path} ({path.stat().st_size // 1024} Kio)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
