"""Python's cyclic garbage collector, run on the GUI thread only.

The collector runs in whichever thread happens to allocate when its thresholds are crossed. If
that is a worker of the thread pool and the garbage holds Qt objects of the GUI thread (a closed
dialog caught in a reference cycle), their C++ destructors run in the wrong thread and the
process crashes. So automatic collection is switched off and a timer on the GUI thread collects,
generation by generation, with the same thresholds. Reference counting still frees everything
that is not in a cycle at once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class MainThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject, interval_ms: int = 1000) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> int:
        """Collect the generations whose thresholds are crossed; returns what was freed."""
        return collect_due()


def collect_due() -> int:
    """What the timer does: collect the generations whose thresholds are crossed (the
    benchmarks call it between two use cases, as the application's timer would)."""
    count0, count1, count2 = gc.get_count()
    threshold0, threshold1, threshold2 = gc.get_threshold()
    if count0 <= threshold0:
        return 0
    generation = 0
    if count1 > threshold1:
        generation = 2 if count2 > threshold2 else 1
    return gc.collect(generation)
