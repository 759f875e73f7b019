"""Cyclic garbage is collected on the GUI thread, never by a worker."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject

from cep_desk.ui.gc_guard import MainThreadGarbageCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_guard_disables_automatic_collection_and_collects_on_its_timer(qapp):
    parent = QObject()
    guard = MainThreadGarbageCollector(parent, interval_ms=50)
    thresholds = gc.get_threshold()
    try:
        assert not gc.isenabled()
        gc.set_threshold(10, 10, 10)
        for _ in range(200):
            _Cycle()
        assert gc.get_count()[0] > 10
        assert guard.check() > 0  # what the timer does, on the GUI thread
    finally:
        gc.set_threshold(*thresholds)
        parent.deleteLater()
