"""Whether ReportLab runs with its C accelerator (``rl-accel``, the ``accel`` extra).

ReportLab imports ``_rl_accel`` through ``exec`` and falls back to pure Python, silently, when it
is missing: the plan is then ~12 % slower to render, nothing else changes. ``rl-accel`` has no
wheel for some platforms (Windows on ARM), where it would need a C compiler, so it is optional;
this module lets the log, the benchmark and the package smoke test say which one is in use.
"""

from __future__ import annotations

import importlib.util


def accelerator_present() -> bool:
    """True when the ``_rl_accel`` extension can be imported."""
    return importlib.util.find_spec("_rl_accel") is not None


def accelerated() -> bool:
    """True when ReportLab actually uses the C functions (all of them)."""
    from reportlab.lib import rl_accel

    return set(rl_accel.__all__) <= set(rl_accel._c_funcs)  # type: ignore[attr-defined]
