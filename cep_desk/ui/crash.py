"""Unhandled exceptions in the GUI: logged, then a French dialog that keeps the application
running and offers a report for IT (no personal data: see :func:`cep_desk.logs.crash_report`).

:func:`install` sets :data:`sys.excepthook` (exceptions raised in slots, event handlers and
timers: PySide6 hands them to it and goes on) and :data:`threading.excepthook` (a Python thread
that dies: the dialog is shown on the GUI thread). The dialog's answer goes through
:func:`ask`, answerable by tests like :mod:`cep_desk.ui.messagebox`.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import deque
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, qVersion
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from cep_desk import logs
from cep_desk.ui import messagebox

CONTINUE, SAVE, QUIT = "continue", "save", "quit"
# Errors this close together are "repeating": the dialog then advises to quit.
REPEAT_WINDOW_S = 30.0
REPEAT_COUNT = 3

_answers: deque[str] = deque()
# The dialogs shown while answers were queued: (title, text), for assertions.
shown: list[tuple[str, str]] = []
_handler: CrashHandler | None = None


def _tr(text: str) -> str:
    return QCoreApplication.translate("crash", text)


def set_next_answer(answer: str) -> None:
    """Queue the answer of the next crash dialog: CONTINUE, SAVE or QUIT."""
    _answers.append(answer)


def clear() -> None:
    _answers.clear()
    shown.clear()


def ask(parent: QWidget | None, title: str, text: str, repeating: bool) -> str:
    """Continuer / Enregistrer un rapport… / Quitter."""
    if _answers:
        shown.append((title, text))
        return _answers.popleft()
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=parent)
    go_on = box.addButton(_tr("Continuer"), QMessageBox.ButtonRole.AcceptRole)
    save = box.addButton(_tr("Enregistrer un rapport…"), QMessageBox.ButtonRole.ActionRole)
    leave = box.addButton(_tr("Quitter"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(leave if repeating else go_on)
    box.setEscapeButton(go_on)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return SAVE
    if clicked is leave:
        return QUIT
    return CONTINUE


def versions() -> list[tuple[str, str]]:
    import PySide6

    app = QCoreApplication.instance()
    platform_name = app.platformName() if isinstance(app, QApplication) else ""
    return [
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("Plateforme graphique", platform_name or "?"),
    ]


class CrashHandler(QObject):
    """Holds the hooks; exceptions of other threads are passed to the GUI thread."""

    from_thread = Signal(object, object, object)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.app = app
        self._showing = False
        self._recent: deque[float] = deque(maxlen=REPEAT_COUNT)
        self.from_thread.connect(self._on_exception, Qt.ConnectionType.QueuedConnection)
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook

    # -- hooks -----------------------------------------------------------------------------

    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt | SystemExit):
            sys.__excepthook__(exc_type, exc, tb)  # type: ignore[arg-type]
            return
        try:
            logs.log_exception(exc_type, exc, tb, "main")
            if QThread.currentThread() is self.app.thread():
                self._on_exception(exc_type, exc, tb)
            else:
                self.from_thread.emit(exc_type, exc, tb)
        except Exception:  # the hook itself must never raise
            sys.__excepthook__(exc_type, exc, tb)  # type: ignore[arg-type]

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        try:
            logs.log_exception(args.exc_type, args.exc_value, args.exc_traceback, "worker")
            self.from_thread.emit(args.exc_type, args.exc_value, args.exc_traceback)
        except Exception:
            threading.__excepthook__(args)

    # -- dialog ------------------------------------------------------------------------------

    def _on_exception(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        now = time.monotonic()
        self._recent.append(now)
        if self._showing:  # an error while the dialog is open: logged, not shown again
            return
        repeating = len(self._recent) == REPEAT_COUNT and now - self._recent[0] <= REPEAT_WINDOW_S
        text = _tr(
            "Une erreur inattendue s'est produite. Ce qui a déjà été enregistré est conservé "
            "et vous pouvez continuer à travailler ; vérifiez la dernière saisie."
        )
        if repeating:
            text = _tr(
                "L'erreur se répète. Il est conseillé de quitter l'application : vos saisies "
                "seront enregistrées et l'espace verrouillé, puis rouvrez-la."
            )
        text += "\n\n" + _tr(
            "Vous pouvez enregistrer un rapport pour votre service informatique : il ne contient "
            "aucune donnée personnelle (versions, type d'erreur et endroits du programme)."
        )
        report = logs.crash_report(exc_type, exc, tb, versions())
        parent = QApplication.activeWindow() if isinstance(self.app, QApplication) else None
        self._showing = True
        try:
            answer = ask(parent, _tr("Erreur inattendue"), text, repeating)
            if answer == SAVE:
                self._save(parent, report)
            elif answer == QUIT:
                self.app.quit()
        finally:
            self._showing = False

    def _save(self, parent: QWidget | None, report: str) -> None:
        from cep_desk.ui.lifecycle import paths

        name = time.strftime("rapport-erreur-cep-desk-%Y%m%d-%H%M%S.txt")
        target = paths.ask_save_file(
            parent, _tr("Enregistrer le rapport d'erreur"), name, _tr("Texte (*.txt)"), ".txt"
        )
        if target is None:
            return
        try:
            logs.write_report(Path(target), report)
        except OSError:
            messagebox.warning(
                parent,
                _tr("Rapport d'erreur"),
                _tr("Le rapport n'a pas pu être écrit à cet endroit. Choisissez un autre dossier."),
            )
            return
        messagebox.information(
            parent,
            _tr("Rapport d'erreur"),
            _tr("Rapport enregistré : {0}").format(Path(target).name),
        )

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self.thread_hook:
            threading.excepthook = self._previous_thread_hook


def install(app: QCoreApplication) -> CrashHandler:
    """Route unhandled exceptions of ``app`` to the log and the dialog (idempotent)."""
    global _handler
    if _handler is not None and _handler.app is app:
        return _handler
    handler = CrashHandler(app)
    sys.excepthook = handler.excepthook
    threading.excepthook = handler.thread_hook
    _handler = handler
    return handler


def uninstall() -> None:
    global _handler
    if _handler is not None:
        _handler.uninstall()
        _handler = None
