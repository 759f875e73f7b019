"""The agenda's figures on a large workspace (issue #12): the week view and the due list.

Whole figures: each is the wall time of the use case as the screens call it (its own read
transaction, the query, the rows built with the names formatted), measured in this process.
The floor is measured in the same run, the same way: a read transaction that runs
``SELECT 1`` — what any use case costs before it does anything.

The due list is read as the agenda screen reads it: its first page with the size of the
list (``due.due_page``; the next pages come as the view scrolls); the whole list at once
(``due.due_list``) is reported beside it. Python's garbage collector runs as in the
application (``cep_desk.ui.gc_guard``): automatic collection off, the collections due made
between two calls, as the application's timer makes them between two events; their time is
reported (``agenda_gc_between_ms``, median and max), and the week again with automatic collection
(``agenda_week_autogc_*``) for comparison with older runs.

    python -m benchmarks.bench_agenda /path/to/workspace 'passphrase'
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROUNDS = 30


_GC_BETWEEN: list[float] = []


def _times(func, rounds: int = ROUNDS, *, app_gc: bool = True) -> list[float]:
    from cep_desk.ui.gc_guard import collect_due

    func()  # warm-up (statement cache, pages)
    out = []
    enabled = gc.isenabled()
    if app_gc:
        gc.disable()
    try:
        for _ in range(rounds):
            t0 = time.perf_counter()
            shown = func()  # kept, as the screen's model keeps it, until the next call
            out.append((time.perf_counter() - t0) * 1000)
            if app_gc:  # the application's timer, between two events
                t0 = time.perf_counter()
                collect_due()
                _GC_BETWEEN.append((time.perf_counter() - t0) * 1000)
            del shown
    finally:
        if enabled:
            gc.enable()
    return out


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


def run(workspace_dir: Path, passphrase: str, today: date | None = None) -> dict[str, Any]:
    from sqlalchemy import func, select, text

    from cep_desk.storage import models as m
    from cep_desk.usecases import agenda, due, workspaces

    today = today or date.today()
    monday = today - timedelta(days=today.weekday())
    with workspaces.open_(Path(workspace_dir), passphrase) as ws:
        with ws.read() as s:
            appointments = s.scalar(select(func.count()).select_from(m.Appointment)) or 0

        def floor() -> None:
            with ws.read() as s:
                s.execute(text("SELECT 1")).scalar()

        weeks = [monday + timedelta(days=7 * k) for k in (-2, -1, 0, 1, 2)]
        rows = [len(agenda.week_view(ws, w)) for w in weeks]
        week_times: list[float] = []
        auto_times: list[float] = []
        per_week = ROUNDS // len(weeks) + 1
        for w in weeks:  # this week and the two before and after it
            week_times += _times(lambda w=w: agenda.week_view(ws, w), per_week)
        for w in weeks:
            auto_times += _times(lambda w=w: agenda.week_view(ws, w), per_week, app_gc=False)
        due_times = _times(lambda: due.due_page(ws, today))
        all_times = _times(lambda: due.due_list(ws, today))
        items = len(due.due_list(ws, today))
        first_page = len(due.due_page(ws, today).items)
        floor_times = _times(floor)
    return {
        "agenda_appointments": appointments,
        "agenda_week_rows_max": max(rows),
        "agenda_week_ms": round(statistics.median(week_times), 2),
        "agenda_week_p95_ms": round(_p95(week_times), 2),
        "agenda_week_autogc_ms": round(statistics.median(auto_times), 2),
        "agenda_week_autogc_p95_ms": round(_p95(auto_times), 2),
        "agenda_gc_between_ms": round(statistics.median(_GC_BETWEEN), 2),
        "agenda_gc_between_max_ms": round(max(_GC_BETWEEN), 2),
        "due_list_items": items,
        "due_list_page_items": first_page,
        "due_list_ms": round(statistics.median(due_times), 2),
        "due_list_p95_ms": round(_p95(due_times), 2),
        "due_list_all_ms": round(statistics.median(all_times), 2),
        "due_list_all_p95_ms": round(_p95(all_times), 2),
        "agenda_floor_ms": round(statistics.median(floor_times), 3),
    }


if __name__ == "__main__":
    print(json.dumps(run(Path(sys.argv[1]), sys.argv[2])))
