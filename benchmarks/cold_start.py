"""The child process of the whole-process start-up figures (``bench_process``).

    python -m benchmarks.cold_start bare
    python -m benchmarks.cold_start unlock FOLDER
    python -m benchmarks.cold_start list FOLDER        (passphrase in CEP_DESK_PASSPHRASE)

How "painted" is detected from outside: this driver wraps the ``paintEvent`` of the widget
that matters (the unlock screen; the people list's viewport), reads ``time.monotonic()`` when
its first ``paintEvent`` returns, then prints one JSON line ``{"painted": <that time>, ...}``
and quits the application (what the application queues after its first paint, such as the
rest of the main window, is not counted in the figure but does delay the quit). ``time.monotonic()`` is
the system-wide monotonic clock, the same one the parent read just before starting this
process, so ``painted - start`` is the time from the process start (interpreter start-up
included) to the screen painted, as the user sees it. ``bare`` is the floor: a bare PySide6
window with a title, a label, a password field and a button, painted and detected the same way.

Nothing here changes what the application imports or does before the paint: the driver
imports only PySide6 and the unlock screen's module, which the application imports anyway
before it paints that screen.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any


def _report(painted: float, **values: Any) -> None:
    sys.stdout.write(json.dumps({"painted": painted, **values}) + "\n")
    sys.stdout.flush()


def bare() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import (
        QApplication,
        QLabel,
        QLineEdit,
        QPushButton,
        QVBoxLayout,
        QWidget,
    )

    app = QApplication(sys.argv[:1])
    done: list[bool] = []

    class Window(QWidget):
        def paintEvent(self, event):  # noqa: N802 - Qt override
            super().paintEvent(event)
            if not done:
                done.append(time.monotonic())
                QTimer.singleShot(0, lambda: (_report(done[0]), app.quit()))

    window = Window()
    window.setWindowTitle("CEP Desk")
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("CEP Desk"))
    layout.addWidget(QLabel("Votre espace de travail est verrouillé."))
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    layout.addWidget(field)
    layout.addWidget(QPushButton("Déverrouiller"))
    window.resize(1280, 800)
    window.show()
    return app.exec()


def application(mode: str, folder: str) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from cep_desk.ui import unlock

    kdf_seconds: list[float] = []
    state: dict[str, Any] = {"unlock_painted": None}

    def finish(painted: float, **values: Any) -> None:
        _report(painted, kdf_s=round(sum(kdf_seconds), 4), **values)
        QApplication.instance().quit()

    class ListPainted(QObject):
        """On the first screen's table only (not the application): its first paint with rows.
        The first screen after the unlock is the people list, or the agenda when the day has
        appointments (the main window opens on them): whichever is painted first with rows."""

        def __init__(self, window) -> None:
            super().__init__(window)
            self.window = window
            self.seen = False
            self.views = {
                window.list_view.viewport(): ("list", window.model),
                window.agenda_view.table.viewport(): ("agenda", window.agenda_view.table.model()),
            }

        def install(self) -> None:
            for viewport in self.views:
                viewport.installEventFilter(self)
                viewport.update()

        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if self.seen or event.type() != QEvent.Type.Paint or watched not in self.views:
                return False
            screen, model = self.views[watched]
            if model is None or model.rowCount() == 0 or not watched.isVisible():
                return False
            self.seen = True
            for viewport in self.views:
                viewport.removeEventFilter(self)
            # the filter runs before the paint: read the clock once it is done
            QTimer.singleShot(
                0,
                lambda: finish(
                    time.monotonic(), unlock_painted=state["unlock_painted"], screen=screen
                ),
            )
            return False

    original_paint = unlock.UnlockScreen.paintEvent

    def paint(self, event):
        original_paint(self, event)
        if state["unlock_painted"] is not None:
            return
        state["unlock_painted"] = time.monotonic()
        if mode == "unlock":
            QTimer.singleShot(0, lambda: finish(state["unlock_painted"]))
            return
        window = self.window()

        def on_unlocked() -> None:
            ListPainted(window).install()

        def type_passphrase() -> None:
            window.unlocked.connect(on_unlocked)
            self.secret.setText(os.environ["CEP_DESK_PASSPHRASE"])
            self.unlock()

        QTimer.singleShot(0, type_passphrase)

    unlock.UnlockScreen.paintEvent = paint

    # The key derivation, timed where it runs (in the unlock worker): reported as kdf_s.
    from cep_desk.storage import vault

    original_derive = vault._derive

    def derive(secret, kdf):
        t0 = time.perf_counter()
        try:
            return original_derive(secret, kdf)
        finally:
            kdf_seconds.append(time.perf_counter() - t0)

    vault._derive = derive

    sys.argv = ["cep-desk", "gui", "--workspace", folder]
    from cep_desk.__main__ import main

    return main()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        sys.exit(bare())
    sys.exit(application(sys.argv[1], sys.argv[2]))
