"""A start-up check of the Qt binding: does a call into it lose a reference to ``None``?

PySide6-Essentials 6.12.0 on Python 3.11 returns ``None`` from every ``void`` C++ method (and
takes it back from every Python override returning nothing) without counting the reference:
each such call lowers ``sys.getrefcount(None)`` by one, and after some tens of thousands of
calls (a few minutes of work) the interpreter aborts with ``Fatal Python error: none_dealloc``,
losing the edit in progress. Python 3.12 and later make ``None`` immortal, so the same binding
is harmless there. ``pyproject.toml`` excludes the known bad combination; this check refuses to
start on any other binding that behaves the same way (a version not tested yet), at the cost
of a few dozen calls.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QObject

PROBE_CALLS = 64


def none_references_lost(call: Callable[[], object] | None = None, calls: int = PROBE_CALLS) -> int:
    """How many references to ``None`` ``calls`` runs of ``call`` lose (0 when sound). The
    default call is a ``void`` method of the binding (``QObject.setObjectName``)."""
    if call is None:
        probe = QObject()

        def call() -> None:
            probe.setObjectName("cep-desk-probe")

    call()  # first call outside the measure (caches, lazy initialisation)
    before = sys.getrefcount(None)
    for _ in range(calls):
        call()
    return before - sys.getrefcount(None)


def binding_loses_none(call: Callable[[], object] | None = None) -> bool:
    """True when the binding loses about one reference to ``None`` per call."""
    return none_references_lost(call) >= PROBE_CALLS // 2


def binding_description() -> str:
    import PySide6

    return f"PySide6 {PySide6.__version__}, Python {sys.version.split()[0]}"
