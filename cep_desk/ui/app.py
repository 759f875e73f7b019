"""The application: QApplication set up in French, then first run, unlock or the demo.

``run_gui(workspace, demo)`` is what ``cep-desk`` (and ``cep-desk gui``) calls:

- ``demo=True``: a throw-away workspace of fictional people is built in a temporary folder
  (progress shown), opened without asking anything and deleted when the application quits;
- no workspace in the folder: the first-run wizard;
- otherwise: the main window on its unlock screen.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    Qt,
    QThreadPool,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from cep_desk.files import restrict_umask
from cep_desk.ui import messagebox, workers
from cep_desk.ui.main_window import MainWindow, after_first_paint
from cep_desk.usecases.faults import is_workspace

if TYPE_CHECKING:
    from cep_desk.usecases.workspaces import Workspace

# The demo module (and with it SQLAlchemy) is imported only when a demo is asked for: nothing
# heavy is loaded before the unlock screen is painted (issue 16).

ORGANISATION = "CEP Desk"
APPLICATION = "CEP Desk"
DEMO_COUNT = 60
BASE_POINT_SIZE = 10.0
FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)
# The desktop entry's name without ".desktop" (packaging/linux): Wayland and the docks use it to
# match the windows with the launcher and its icon.
DESKTOP_FILE_NAME = "fr.cepdesk.CepDesk"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
STARTUP_REPORT_ENV = "CEP_DESK_STARTUP_REPORT"
# The garbage-collector guard of each application configured (parented to it; also held
# here, so that its Python side lives as long as the application).
_GC_GUARDS: list[QObject] = []


def _tr(text: str) -> str:
    return QCoreApplication.translate("app", text)


# Qt 6.11 gave two labels of its file dialog a mnemonic; its French catalogue still has them
# without (« Voir dans : »), so the dialog showed « Look in: » and « Files of type: ».
QT_FRENCH_GAPS: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "&Voir dans\u00a0:",
    ("QFileDialog", "Files of &type:"): "Fichiers de &type\u00a0:",
}


class QtGapsTranslator(QTranslator):
    """The few Qt strings that ``qtbase_fr`` lacks (see :data:`QT_FRENCH_GAPS`)."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001, ANN201
        # None is a null QString: "not here", so Qt asks the next catalogue (qtbase_fr)
        return QT_FRENCH_GAPS.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


def install_translators(app: QCoreApplication) -> list[QTranslator]:
    """Qt's own French (``qtbase_fr``: "Annuler", "Oui"…) and ours when compiled; each
    translator is parented to the application so that it lives as long as it."""
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(FRENCH, "qtbase", "_", qt_dir) and app.installTranslator(qt_translator):
        installed.append(qt_translator)
        gaps = QtGapsTranslator(app)
        if app.installTranslator(gaps):
            installed.append(gaps)
    ours = QTranslator(app)
    with contextlib.suppress(ModuleNotFoundError, FileNotFoundError, TypeError):
        folder = resources.files("cep_desk.resources") / "i18n"
        qm = folder / "cep_desk_fr.qm"
        if qm.is_file() and ours.load(str(qm)) and app.installTranslator(ours):
            installed.append(ours)
    app.setProperty("cep_translations", ",".join(t.filePath() for t in installed))
    return installed


def application_icon() -> QIcon:
    """The application's icon in every size shipped (cep_desk/resources/icons)."""
    icon = QIcon()
    with contextlib.suppress(ModuleNotFoundError, FileNotFoundError, TypeError):
        folder = resources.files("cep_desk.resources") / "icons"
        for size in ICON_SIZES:
            png = folder / f"cep-desk-{size}.png"
            if png.is_file():
                icon.addFile(str(png))
    return icon


def configure_app(app: QCoreApplication) -> None:
    """Names for QSettings, the French locale and the translators (idempotent)."""
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    if isinstance(app, QApplication):
        # No application display name: Qt's xcb and Windows platforms append it to every
        # window title (« CEP Desk — Mon CEP — CEP Desk »); our titles name the app.
        app.setDesktopFileName(DESKTOP_FILE_NAME)
        if app.windowIcon().isNull():
            app.setWindowIcon(application_icon())
        # The screen faces the person being advised: a comfortable reading size.
        font = app.font()
        if 0 < font.pointSizeF() < BASE_POINT_SIZE:
            font.setPointSizeF(BASE_POINT_SIZE)
            app.setFont(font)
    QLocale.setDefault(FRENCH)
    if not app.property("cep_gc_guard"):
        from .gc_guard import MainThreadGarbageCollector

        app.setProperty("cep_gc_guard", True)
        _GC_GUARDS.append(MainThreadGarbageCollector(app))
    if not app.property("cep_translators_installed"):
        install_translators(app)
        app.setProperty("cep_translators_installed", True)


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_app(app)
    return app


def default_directory(settings: QSettings) -> Path:
    """The folder remembered from the last run when it still holds a workspace, else the
    platform's default folder."""
    from cep_desk.places import default_workspace

    remembered = settings.value("workspace/directory")
    if remembered and is_workspace(Path(str(remembered))):
        return Path(str(remembered))
    return default_workspace()


# ---------------------------------------------------------------------------------------------
# The demo
# ---------------------------------------------------------------------------------------------


def build_demo_workspace(count: int = DEMO_COUNT, progress=None) -> tuple[Workspace, Path]:
    """A demo workspace in a new temporary folder: ``(open workspace, folder to delete)``."""
    from cep_desk import demo as demo_data

    root = Path(tempfile.mkdtemp(prefix="cep-desk-demo-"))
    try:
        ws, _recovery = demo_data.create_demo_workspace(root / "espace", count, progress=progress)
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return ws, root


class DemoLoader(QObject):
    """Builds the demo in a worker with a progress dialog, then opens it in ``window``.
    :meth:`cleanup` locks it and deletes the temporary folder."""

    ready = Signal(object)  # Workspace
    failed = Signal(str)

    def __init__(self, window: MainWindow, count: int = DEMO_COUNT) -> None:
        super().__init__(window)
        self.window = window
        self.count = count
        self.root: Path | None = None
        self.ws: Workspace | None = None
        self.progress = QProgressDialog(
            _tr("Préparation de l'espace de démonstration…"), "", 0, count
        )
        self.progress.setWindowTitle(_tr("CEP Desk — démonstration"))
        self.progress.setAccessibleName(_tr("Préparation de la démonstration"))
        self.progress.setCancelButton(None)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        self._worker: workers.Worker | None = None

    def start(self) -> None:
        self.progress.setValue(0)
        self.progress.show()
        worker = workers.Worker(build_demo_workspace, self.count, with_progress=True)
        worker.signals.progress.connect(lambda done, _total: self.progress.setValue(done))
        worker.signals.finished.connect(self._on_ready)
        worker.signals.failed.connect(self._on_failed)
        self._worker = worker
        workers.start(worker, QThreadPool.globalInstance())

    def _on_ready(self, result: tuple[Workspace, Path]) -> None:
        self._worker = None
        self.ws, self.root = result
        self.progress.close()
        self.window.open_workspace(self.ws)
        self.window.show()
        self.ready.emit(self.ws)

    def _on_failed(self, message: str, _exc: object) -> None:
        self._worker = None
        self.progress.close()
        messagebox.critical(
            None,
            _tr("Démonstration"),
            _tr("L'espace de démonstration n'a pas pu être créé : {0}").format(message),
        )
        self.failed.emit(message)

    def cleanup(self) -> None:
        if self.window.ws is not None:
            self.window.lock()
        if self.ws is not None and self.ws.is_open:
            self.ws.close()
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None
        self.progress.deleteLater()


def start_demo(
    settings: QSettings | None = None, count: int = DEMO_COUNT
) -> tuple[MainWindow, DemoLoader]:
    """The main window and the loader building the demo (started; the window shows when the
    workspace is ready). The caller runs :meth:`DemoLoader.cleanup` at exit."""
    from cep_desk import demo as demo_data

    placeholder = Path(tempfile.gettempdir()) / "cep-desk-demo"
    window = MainWindow(
        placeholder,
        settings=settings,
        demo_passphrase=demo_data.DEMO_PASSPHRASE,
    )
    loader = DemoLoader(window, count)
    loader.start()
    return window, loader


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------


def start_normal(directory: Path, settings: QSettings | None = None) -> tuple[MainWindow, QWidget]:
    """The main window and what is shown first: the window itself (unlock screen) or the
    first-run wizard when ``directory`` holds no workspace."""
    window = MainWindow(directory, settings=settings, defer_main_view=is_workspace(directory))
    if is_workspace(directory):
        window.show()
        return window, window
    from cep_desk.ui.first_run import FirstRunWizard

    wizard = FirstRunWizard(directory)

    def created(ws: Workspace) -> None:
        window.open_workspace(ws)
        window.show()

    wizard.created.connect(created)
    wizard.show()
    return window, wizard


def quit_on_signals(app: QApplication) -> QTimer:
    """Ctrl+C or SIGTERM quit cleanly (edits saved, workspace locked, demo folder deleted).
    Python only sees signals when it runs: a light timer gives it the chance."""

    def stop(_signum: int, _frame: object) -> None:
        app.quit()

    for name in ("SIGINT", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(300)
    return timer


def refuse_leaking_binding() -> bool:
    """True (after a French message) when the Qt binding loses references to ``None``: the
    application would abort after a few minutes of work (see :mod:`cep_desk.ui.binding_check`)."""
    from cep_desk.ui import binding_check

    if not binding_check.binding_loses_none():
        return False
    messagebox.critical(
        None,
        _tr("CEP Desk ne peut pas démarrer"),
        _tr(
            "La version installée de la bibliothèque graphique ({0}) est défectueuse : "
            "l'application s'arrêterait brutalement après quelques minutes d'utilisation et "
            "la saisie en cours serait perdue.\n\nRéinstallez CEP Desk avec les versions "
            "vérifiées (make install), ou demandez-le à votre service informatique."
        ).format(binding_check.binding_description()),
    )
    return True


def _clean_abandoned_restores(directory: Path) -> None:
    """Hidden folders left by killed restores, next to the workspace or in the home folder
    (where the restore dialog proposes to restore)."""
    try:
        from cep_desk.places import might_hold_abandoned_restores

        if not might_hold_abandoned_restores([directory.parent, Path.home()]):
            return
        from cep_desk.usecases.lifecycle.backup import clean_abandoned_restores

        clean_abandoned_restores([directory.parent, Path.home()])
    except Exception:  # never in the way of the start
        pass


def run_gui(workspace: Path | None = None, demo: bool = False) -> int:
    restrict_umask()  # files 0600, folders 0700, including those Qt and SQLite create
    app = make_app()
    if refuse_leaking_binding():
        return 1
    from cep_desk.ui import crash

    crash.install(app)  # unhandled exceptions: logged, a French dialog, the app goes on
    quit_on_signals(app)
    settings = QSettings()
    if demo:
        window, loader = start_demo(settings)
        app.aboutToQuit.connect(loader.cleanup)
        _first = None
    else:
        directory = Path(workspace) if workspace is not None else default_directory(settings)
        window, first = start_normal(directory, settings)
        _first = first
        if first is window:  # after the unlock screen is painted: it imports the storage layer
            after_first_paint(window.unlock_screen, lambda: _clean_abandoned_restores(directory))
        else:
            _clean_abandoned_restores(directory)

        def lock_at_exit() -> None:
            if window.ws is not None:
                window.lock()

        app.aboutToQuit.connect(lock_at_exit)
    _report = startup_report(app, window, _first)  # noqa: F841 (kept alive with the loop)
    code = app.exec()
    QThreadPool.globalInstance().waitForDone(10_000)
    return int(code)


def startup_report(app: QApplication, window: MainWindow, first: QWidget | None) -> QTimer | None:
    """With ``CEP_DESK_STARTUP_REPORT=<file>`` (the package smoke test, the cold-start
    benchmark): once the first screen a counsellor uses is up (the unlock screen, the first-run
    wizard, or the demo's list), write one JSON line to ``<file>`` and quit cleanly, as a
    SIGTERM would (edits saved, workspace locked, demo folder deleted)."""
    target = os.environ.get(STARTUP_REPORT_ENV)
    if not target:
        return None
    timer = QTimer(app)

    def check() -> None:
        if first is None:  # the demo: its list filled in the main window
            if window.ws is None or not window.isVisible() or window.model.rowCount() == 0:
                return
            screen = "main"
        elif first is not window:
            if not first.isVisible():
                return
            screen = "first_run"
        else:
            if not window.isVisible():
                return
            screen = "unlock" if window.stack.currentWidget() is window.unlock_screen else "main"
        timer.stop()
        report = {
            "screen": screen,
            "at": time.time(),
            "title": window.windowTitle(),
            "rows": window.model.rowCount() if window.ws is not None else 0,
            "desktop_file": app.desktopFileName(),
            "icon": not app.windowIcon().isNull(),
            "translations": [
                t for t in str(app.property("cep_translations") or "").split(",") if t
            ],
            "frozen": bool(getattr(sys, "frozen", False)),
        }
        Path(target).write_text(json.dumps(report, ensure_ascii=False) + "\n", encoding="utf-8")
        app.quit()

    timer.timeout.connect(check)
    timer.start(20)
    return timer
