"""Background work on ``QThreadPool``: a ``QRunnable`` and a signals object.

Workers receive and return plain data (never ORM objects) and never touch widgets; the
function they run may report progress through the ``progress`` callable it is given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from cep_desk.usecases import faults as errors


class WorkerSignals(QObject):
    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # the result
    failed = Signal(str, object)  # a French message, the exception


class Worker(QRunnable):
    """Runs ``func(*args, progress=callable, **kwargs)`` when ``with_progress`` is set."""

    def __init__(
        self,
        func: Callable[..., Any],
        *args: Any,
        with_progress: bool = False,
        error_message: Callable[[BaseException], str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__()
        self.func, self.args, self.kwargs = func, args, kwargs
        self.with_progress = with_progress
        self.error_message = error_message
        self.signals = WorkerSignals()
        self.setAutoDelete(False)  # Python owns it (see _running below)

    def run(self) -> None:
        try:
            if self.with_progress:
                self.kwargs["progress"] = self.signals.progress.emit
            result = self.func(*self.args, **self.kwargs)
        except Exception as exc:  # reported to the UI as a French message
            message = (
                self.error_message(exc)
                if self.error_message
                else getattr(exc, "message", None)
                # a full disk, read-only media… (cep_desk.storage.errors), never SQL text
                or errors.user_message(exc, directory=errors.failing_path(exc))
                or str(exc)
                or type(exc).__name__
            )
            self.signals.failed.emit(message, exc)
            return
        self.signals.finished.emit(result)


# Python wrappers of running workers: without a reference, the signals object may be collected
# before its queued signals are delivered (lost results, or a crash).
_running: set[Worker] = set()


def start(worker: Worker, pool: QThreadPool | None = None) -> Worker:
    _running.add(worker)
    worker.signals.finished.connect(lambda _result: _running.discard(worker))
    worker.signals.failed.connect(lambda _message, _exc: _running.discard(worker))
    (pool or QThreadPool.globalInstance()).start(worker)
    return worker
