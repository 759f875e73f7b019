"""The long day (``make soak``): the counsellor's day of tests/e2e/day_driver.py, then work
goes on for ``CEP_SOAK_MINUTES`` (default 30) — a line added to a person's notes, the wheel over
every form, searches, a lock and unlock every 10 rounds, a plan every 25.

The application runs in a child process started through the real entry point
(``cep_desk.ui.app.run_gui``: first-run wizard, main window, quit with Ctrl+Q), so that a crash
(``Fatal Python error``) is reported instead of taking the report with it. Then a new process
opens the workspace with the passphrase and every typed value is compared.

Prints one JSON line: events sent, peak RSS, RSS after warm-up and at the end, the growth after
warm-up against the budget (50 MiB), the drift of ``sys.getrefcount(None)``, the data check.
Exit status 0 when the child ended normally, the data is all there, nothing grew past the
budget and no value was changed by the wheel.

Environment: ``CEP_SOAK_MINUTES`` (float), ``CEP_SOAK_WARMUP_MINUTES`` (default: a fifth of the
soak, at most 3), ``CEP_SOAK_REAL_KDF=1`` to derive keys with the production Argon2id
parameters (slower unlocks), ``CEP_SOAK_KEEP=1`` to keep the workspace (its folder is printed),
``CEP_SOAK_PEOPLE`` / ``_PLANS`` / ``_LOCKS`` / ``_SEARCHES`` to resize the day before the soak.
"""

from __future__ import annotations

import collections
import dataclasses
import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BUDGET_MIB = 50.0
ROOT = Path(__file__).resolve().parent.parent


def _status_kib(field: str) -> int:
    """A field of /proc/self/status in KiB (0 where there is no /proc)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_mib() -> float:
    return _status_kib("VmRSS") / 1024


def peak_rss_mib() -> float:
    return _status_kib("VmHWM") / 1024


def object_counts() -> collections.Counter[str]:
    """Live objects tracked by the collector, by type name (after a full collection)."""
    gc.collect()
    return collections.Counter(type(o).__qualname__ for o in gc.get_objects())


def growth(before: collections.Counter[str], after: collections.Counter[str]) -> dict[str, int]:
    """The ten types whose live count grew most between warm-up and the end."""
    grown = {name: after[name] - before.get(name, 0) for name in after}
    top = sorted((item for item in grown.items() if item[1] > 0), key=lambda i: -i[1])[:10]
    return dict(top)


# ----------------------------------------------------------------------------------------------
# The child: the application itself
# ----------------------------------------------------------------------------------------------
def child(directory: Path, report: Path, minutes: float, warmup_minutes: float) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from cep_desk.ui import app as app_module
    from cep_desk.ui.first_run import FirstRunWizard
    from cep_desk.ui.main_window import MainWindow
    from tests.e2e import day_driver

    metrics: dict[str, Any] = {"phase": "starting"}

    def write() -> None:
        tmp = report.with_suffix(".tmp")
        tmp.write_text(json.dumps(metrics, ensure_ascii=False), encoding="utf-8")
        tmp.replace(report)

    soak_start = [0.0]
    last_write = [0.0]
    types_warm: collections.Counter[str] = collections.Counter()

    def progress(events: int, _elapsed: float) -> None:
        now = time.monotonic()
        if not soak_start[0]:
            soak_start[0] = now
        metrics["events"] = events
        metrics["soak_seconds"] = round(now - soak_start[0], 1)
        metrics["rss_mib"] = round(rss_mib(), 1)
        if "rss_warm_mib" not in metrics and now - soak_start[0] >= warmup_minutes * 60:
            metrics["rss_warm_mib"] = round(rss_mib(), 1)
            metrics["none_refcount_warm"] = sys.getrefcount(None)
            metrics["events_warm"] = events
            types_warm.update(object_counts())
        if now - last_write[0] > 5:
            last_write[0] = now
            write()

    env = os.environ.get
    config = day_driver.DayConfig(
        people=int(env("CEP_SOAK_PEOPLE", "20")),
        plans=int(env("CEP_SOAK_PLANS", "10")),
        locks=int(env("CEP_SOAK_LOCKS", "20")),
        searches=int(env("CEP_SOAK_SEARCHES", "20")),
        soak_seconds=minutes * 60,
        on_progress=progress,
    )
    day = day_driver.Day(directory, config)

    def body() -> None:
        try:
            wizard = next(
                w for w in QApplication.topLevelWidgets() if isinstance(w, FirstRunWizard)
            )
            window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
            metrics.update(phase="day", none_refcount_start=sys.getrefcount(None))
            write()
            day.first_run(wizard, window)
            day.run()
            metrics["rss_end_mib"] = round(rss_mib(), 1)
            metrics["none_refcount_end"] = sys.getrefcount(None)
            metrics["growth_by_type"] = growth(types_warm, object_counts())
            metrics["phase"] = "quitting"
            write()
            day.quit()  # Ctrl+Q: the last window closes, the application quits
        except BaseException as exc:  # reported, then the application quits
            metrics["error"] = f"{type(exc).__name__}: {exc}"
            QApplication.quit()

    QTimer.singleShot(0, body)
    code = app_module.run_gui(directory)
    metrics.update(
        phase="done",
        exit_code=code,
        events=day.events,
        rss_peak_mib=round(peak_rss_mib(), 1),
        locks=day.locks,
        exports=len(day.exports),
        previews=day.previews,
        searches=day.searches,
        wheel_changes=[dataclasses.asdict(c) for c in day.wheel_changes],
        prompts=day.prompts,
        people=[dataclasses.asdict(p) for p in day.people],
    )
    write()
    return 0 if "error" not in metrics else 1


# ----------------------------------------------------------------------------------------------
# The parent: start, watch, reopen, report
# ----------------------------------------------------------------------------------------------
def main() -> int:
    minutes = float(os.environ.get("CEP_SOAK_MINUTES", "30"))
    warmup = float(os.environ.get("CEP_SOAK_WARMUP_MINUTES", str(min(3.0, minutes / 5))))
    root = Path(tempfile.mkdtemp(prefix="cep-desk-soak-"))
    directory = root / "espace"
    report = root / "report.json"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        XDG_CONFIG_HOME=str(root / "config"),
        XDG_DATA_HOME=str(root / "data"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        QT_LOGGING_RULES="qt.qpa.*=false",
    )
    if os.environ.get("CEP_SOAK_REAL_KDF") != "1":
        env["CEP_DESK_TEST_KDF"] = "1"
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.soak", "--child", str(directory), str(report)]
        + [str(minutes), str(warmup)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=minutes * 60 + 1800,
    )
    metrics: dict[str, Any] = {}
    if report.exists():
        metrics = json.loads(report.read_text(encoding="utf-8"))
    result: dict[str, Any] = {
        "minutes": minutes,
        "wall_seconds": round(time.monotonic() - started, 1),
        "child_returncode": proc.returncode,
        "phase_reached": metrics.get("phase"),
        "events": metrics.get("events"),
        "rss_peak_mib": metrics.get("rss_peak_mib"),
        "rss_warm_mib": metrics.get("rss_warm_mib"),
        "rss_end_mib": metrics.get("rss_end_mib", metrics.get("rss_mib")),
        "budget_mib": BUDGET_MIB,
    }
    warm, end = result["rss_warm_mib"], result["rss_end_mib"]
    result["rss_growth_mib"] = round(end - warm, 1) if warm is not None and end else None
    result["grew_past_budget"] = (
        result["rss_growth_mib"] is not None and result["rss_growth_mib"] > BUDGET_MIB
    )
    if "none_refcount_warm" in metrics and "none_refcount_end" in metrics:
        result["none_refcount_drift"] = metrics["none_refcount_end"] - metrics["none_refcount_warm"]
    else:
        result["none_refcount_drift"] = None
    for key in ("locks", "exports", "previews", "searches", "growth_by_type", "error"):
        if key in metrics:
            result[key] = metrics[key]
    result["wheel_changes"] = len(metrics.get("wheel_changes", []))
    result["unexpected_prompts"] = metrics.get("prompts", [])
    if proc.returncode != 0:
        fatal = [line for line in proc.stderr.splitlines() if "Fatal" in line or "Error" in line]
        result["stderr_tail"] = (fatal[:3] or proc.stderr.splitlines()[-5:])[:5]
    data_ok = False
    if metrics.get("phase") == "done":
        sys.path.insert(0, str(ROOT))
        from tests.e2e import day_driver

        people = [day_driver.Person(**p) for p in metrics["people"]]
        for p in people:
            p.children = [tuple(c) for c in p.children]
        try:
            problems = day_driver.compare(
                day_driver.dump_workspace(directory), people, exported=metrics["exports"]
            )
        except day_driver.DayError as exc:
            problems = [str(exc)]
        data_ok = not problems
        result["data_problems"] = problems[:10]
    result["data_ok"] = data_ok
    if os.environ.get("CEP_SOAK_KEEP") == "1":
        result["workspace"] = str(directory)
    else:
        shutil.rmtree(root, ignore_errors=True)
    print(json.dumps(result, ensure_ascii=False))
    ok = (
        proc.returncode == 0
        and data_ok
        and not result["grew_past_budget"]
        and result["wheel_changes"] == 0
    )
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        directory, report, minutes, warmup = sys.argv[2:6]
        sys.exit(child(Path(directory), Path(report), float(minutes), float(warmup)))
    sys.exit(main())
