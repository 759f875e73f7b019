"""GUI figures on an existing (large) workspace, offscreen.

``run(workspace_dir, passphrase)`` returns:

- ``open_to_window_s``: from the unwrapped key (Argon2id excluded) to the main window shown with
  the first page of the list painted: ``open_workspace(dir, db_key=key)`` + window build + events;
- ``search_keystroke_p95_ms``: a key typed in the search field → the list model updated (p95 over
  the keys of several names and a town typed one by one);
- ``open_record_ms``: a person selected in the list → the panel filled (median of 15);
- ``autosave_ms``: one edited field → the ``saved`` signal, once the save is due (median of 10);
- ``peak_rss_mib``: the peak resident memory of the process.
"""

from __future__ import annotations

import os
import resource
import statistics
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any


def _p95(values: list[float]) -> float:
    if len(values) >= 20:
        return statistics.quantiles(values, n=20)[18]
    return max(values)


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c.isascii())


def run(workspace_dir: Path, passphrase: str) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QThreadPool
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from cep_desk.storage import vault
    from cep_desk.storage.workspace import open_workspace
    from cep_desk.ui.app import make_app
    from cep_desk.ui.main_window import MainWindow
    from cep_desk.usecases import beneficiaries

    directory = Path(workspace_dir)
    app = make_app(["cep-desk-bench"])

    class PaintProbe(QObject):
        painted = False

        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    key = vault.KeyFile.read(directory).unlock(passphrase)
    with tempfile.TemporaryDirectory(prefix="cep-bench-gui-") as tmp:
        # Settings of the benchmark only (window geometry and filters, nothing personal).
        settings = QSettings(str(Path(tmp) / "bench.ini"), QSettings.Format.IniFormat)
        probe = PaintProbe()

        t0 = time.perf_counter()
        ws = open_workspace(directory, db_key=key)
        window = MainWindow(directory, settings=settings)
        window.resize(1280, 800)
        window.list_view.viewport().installEventFilter(probe)
        window.show()
        window.open_workspace(ws)
        window.show_files()  # measured up to the list painted, even when today has appointments
        deadline = time.perf_counter() + 30
        while not (probe.painted and window.model.rowCount() > 0):
            app.processEvents()
            if time.perf_counter() > deadline:
                raise RuntimeError("the list was never painted")
        open_to_window_s = time.perf_counter() - t0
        QThreadPool.globalInstance().waitForDone()
        app.processEvents()

        try:
            # -- search as you type -----------------------------------------------------------
            rows = [window.model.row_record(r) for r in range(0, window.model.rowCount(), 37)]
            words = []
            for rec in rows[:3]:
                words.append(_ascii(rec.last_name).lower())
            towns = [rec.town for rec in rows if rec.town]
            if towns:
                words.append(_ascii(towns[0]).lower())
            keystrokes: list[float] = []
            for word in words:
                window.search.clear()
                QThreadPool.globalInstance().waitForDone()
                app.processEvents()
                typed = ""
                for ch in word:
                    typed += ch
                    t = time.perf_counter()
                    QTest.keyClick(window.search, ch)
                    while window.model.filter.query != typed.strip():
                        app.processEvents()
                    keystrokes.append((time.perf_counter() - t) * 1000)
                    # the count runs in the background: let it finish between keys
                    QThreadPool.globalInstance().waitForDone()
                    app.processEvents()
            window.search.clear()
            window.apply_filter()
            QThreadPool.globalInstance().waitForDone()
            app.processEvents()

            # -- open a record ----------------------------------------------------------------
            opens: list[float] = []
            total_rows = window.model.rowCount()
            for i in range(15):
                row = (i * 13 + 1) % total_rows
                t = time.perf_counter()
                window.list_view.setCurrentIndex(window.model.index(row, 0))
                app.processEvents()
                opens.append((time.perf_counter() - t) * 1000)
                assert window.panel.current_beneficiary_id == window.model.beneficiary_id(row)

            # -- autosave ---------------------------------------------------------------------
            person_id = window.panel.current_beneficiary_id
            original_notes = beneficiaries.get_beneficiary(ws, person_id).notes
            window.panel.restore_location({"beneficiary_id": person_id, "tab": "identity"})
            notes = next(
                e
                for e in window.panel.findChildren(QPlainTextEdit)
                if e.accessibleName() == "Notes"
            )
            saves: list[float] = []
            stamp: list[float] = []
            window.panel.saved.connect(lambda _when: stamp.append(time.perf_counter()))
            notes.setFocus(Qt.FocusReason.OtherFocusReason)
            for i in range(10):
                QTest.keyClicks(notes, f" {i}")
                stamp.clear()
                t = time.perf_counter()
                window.panel.flush()  # what the debounce timer or leaving the field triggers
                while not stamp:
                    app.processEvents()
                saves.append((stamp[0] - t) * 1000)
            beneficiaries.update_beneficiary(ws, person_id, notes=original_notes)
        finally:
            window.close()  # saves, locks, disposes the engine
            window.deleteLater()
            QThreadPool.globalInstance().waitForDone()
            app.processEvents()
            QApplication.processEvents()

    return {
        "open_to_window_s": round(open_to_window_s, 3),
        "search_keystroke_p95_ms": round(_p95(keystrokes), 1),
        "open_record_ms": round(statistics.median(opens), 1),
        "autosave_ms": round(statistics.median(saves), 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


if __name__ == "__main__":  # pragma: no cover - manual runs
    import json
    import sys

    print(json.dumps(run(Path(sys.argv[1]), os.environ["CEP_DESK_PASSPHRASE"])))
