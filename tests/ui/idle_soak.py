"""Input soak of the real main window with the idle lock armed, run in its own process.

``python -m tests.ui.idle_soak EVENTS`` builds a small demo workspace in a temporary folder,
opens it in the main window (idle lock of 5 minutes), then sends EVENTS input events (mouse
moves over the list, the search field and the person's file; key presses typed into the search
field), and prints one JSON line: the drift of ``sys.getrefcount(None)`` after warm-up, the
events sent, how many times the idle filter ran Python, the lock state, the time taken.

A separate process because a binding that loses references to ``None`` aborts the interpreter
(``Fatal Python error: none_dealloc``): the test then sees a dead process, not a dead suite.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CEP_DESK_TEST_KDF", "1")

# Below this the next events could deallocate None: stop and report instead of aborting.
_NONE_FLOOR = 2000


def main(total: int) -> dict:
    from PySide6.QtCore import QPoint, QSettings, Qt
    from PySide6.QtTest import QTest

    from cep_desk import demo
    from cep_desk.ui import app as app_module
    from cep_desk.ui import idle
    from cep_desk.ui.main_window import MainWindow
    from cep_desk.usecases import workspaces

    calls = [0]
    original = idle.InactivityTimer.eventFilter

    def counting(self, watched, event):  # the idle filter, counted
        calls[0] += 1
        return original(self, watched, event)

    idle.InactivityTimer.eventFilter = counting

    qapp = app_module.make_app([sys.argv[0]])
    root = Path(tempfile.mkdtemp(prefix="cep-desk-soak-"))
    try:
        ws, _key = demo.create_demo_workspace(root / "espace", 5, passphrase="Soak soak soak 42 !")
        workspaces.set_setting(ws, "idle_lock_minutes", 5)
        settings = QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(ws.path, settings=settings)
        window.resize(1280, 800)
        window.show()
        window.open_workspace(ws)
        qapp.processEvents()
        assert window.idle.active, "idle lock not armed"
        targets = [window.list_view.viewport(), window.search, window.panel]
        sent = 0
        letters = "abcdefghij" * 4

        def burst(n_moves: int) -> int:
            """Mouse moves then forty typed letters (80 key events), the search cleared."""
            for i in range(n_moves):
                target = targets[i % len(targets)]
                QTest.mouseMove(target, QPoint(5 + i % 40, 5 + (i // 40) % 20))
            QTest.keyClicks(window.search, letters)
            QTest.keyClick(window.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClick(window.search, Qt.Key.Key_Delete)
            return n_moves + 2 * len(letters) + 4

        for _ in range(20):  # warm-up: caches, first searches, lazy imports
            burst(30)
        qapp.processEvents()
        before = sys.getrefcount(None)
        calls[0] = 0
        started = time.monotonic()
        stopped_early = False
        halfway: int | None = None
        while sent < total:
            sent += burst(24)
            if halfway is None and sent >= total // 2:
                qapp.processEvents()
                halfway = sys.getrefcount(None)
            if sys.getrefcount(None) < _NONE_FLOOR:
                stopped_early = True
                break
        qapp.processEvents()
        drift = sys.getrefcount(None) - before
        # The second half alone: a one-time release (a cache emptied, a collection) moves the
        # count once; a binding that loses None loses it on every event, in both halves.
        late_drift = sys.getrefcount(None) - (halfway if halfway is not None else before)
        result = {
            "events": sent,
            "drift": drift,
            "late_drift": late_drift,
            "filter_calls": calls[0],
            "stopped_early": stopped_early,
            "locked": window.is_locked,
            "idle_active": window.idle.active,
            "seconds": round(time.monotonic() - started, 1),
        }
        window.lock()
        window.close()
        return result
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(json.dumps(main(count)), flush=True)
