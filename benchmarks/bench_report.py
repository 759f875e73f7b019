"""The activity report for a year on a large workspace (issue #12: ≤ 2 s as CSV, ≤ 3 s as PDF).

The workspace given is never modified: its files are copied into a temporary folder, and a
year of agenda appointments (``APPOINTMENTS``, planned, held, cancelled and missed, on top of
the sessions the demo already holds) is added to the copy.

Whole-process figures, each the median of ``RUNS`` new processes timed from just before they
start: ``cep-desk report -o rapport.csv`` (every indicator in one file), ``-o DOSSIER`` (one
CSV per indicator and the anonymised appointments), ``-o rapport.pdf``; their floor, measured
in the same run, is the same verb on an empty period (``report_floor_process_s``: Python,
imports, the key derivation and the opening of the workspace), and ``kdf_s`` is the key
derivation alone. ``report_csv_minus_kdf_s`` / ``report_pdf_minus_kdf_s`` are what the budgets
judge, as for the other verbs. The in-process figures split the work (``report_build_s``: the
queries and the tables; ``report_csv_s`` and ``report_pdf_s``: writing the text and the PDF).

    python -m benchmarks.bench_report /path/to/workspace 'passphrase'
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

RUNS = int(os.environ.get("CEP_BENCH_REPORT_RUNS", "3"))
APPOINTMENTS = int(os.environ.get("CEP_BENCH_REPORT_APPOINTMENTS", "40000"))


def _log(message: str) -> None:
    sys.stderr.write(f"[bench] {message}\n")
    sys.stderr.flush()


def _add_appointments(ws: Any, start: date, days: int, count: int) -> None:
    from sqlalchemy import insert, select

    from cep_desk.storage import models as m

    rng = random.Random(12)
    with ws.session() as s:
        people = list(s.scalars(select(m.Beneficiary.id)))
        statuses = ["held"] * 6 + ["planned", "cancelled", "missed", "missed"]
        rows = [
            {
                "beneficiary_id": rng.choice(people),
                "journey_id": None,
                "day": start + timedelta(days=rng.randrange(days)),
                "start": clock(8 + rng.randrange(10), rng.choice((0, 30))),
                "duration_min": rng.choice((30, 45, 60, 60, 90, 120)),
                "modality": rng.choice(("face_to_face", "face_to_face", "phone", "video")),
                "place": "",
                "level": rng.choice((1, 2)),
                "status": rng.choice(statuses),
                "purpose": "",
                "is_followup": False,
            }
            for _ in range(count)
        ]
        s.execute(insert(m.Appointment), rows)


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 3)


def run(workspace_dir: Path, passphrase: str) -> dict[str, Any]:
    from benchmarks.bench_process import _cep_desk, _env, _timed, kdf_seconds
    from cep_desk.storage.workspace import open_workspace
    from cep_desk.usecases import report

    end = date.today()
    start = end - timedelta(days=364)
    figures: dict[str, Any] = {"report_runs": RUNS}
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        tmp_path = Path(tmp)
        copy = tmp_path / "espace"
        copy.mkdir()
        for name in ("cep.db", "cep.db-wal", "keys.json"):
            if (workspace_dir / name).exists():
                shutil.copy2(workspace_dir / name, copy / name)
        ws = open_workspace(copy, passphrase)
        try:
            _add_appointments(ws, start, 365, APPOINTMENTS)
            report.build_report(ws, start, end)  # warm-up (page cache, the salt)
            builds, csvs, pdfs = [], [], []
            for _ in range(RUNS):
                t0 = time.perf_counter()
                built = report.build_report(ws, start, end)
                builds.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                for _name, text in report.csv_files(built).items():
                    text.encode("utf-8")
                csvs.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                pdf = report.report_pdf(built)
                pdfs.append(time.perf_counter() - t0)
            status = built.indicator("rendez_vous").table("status")
            figures.update(
                report_period_days=(end - start).days + 1,
                report_appointments=len(built.appointments),
                report_held=status.count("held"),
                report_people=built.indicator("personnes").table("public").total,
                report_pdf_kib=round(len(pdf) / 1024, 1),
                report_build_s=_median(builds),
                report_csv_s=_median(csvs),
                report_pdf_s=_median(pdfs),
            )
        finally:
            ws.close()

        _log(f"report in process: {json.dumps(figures)}")
        env = _env(tmp_path / "home", passphrase)
        period = ["--from", start.isoformat(), "--to", end.isoformat()]
        empty = ["--from", "1990-01-01", "--to", "1990-01-01"]
        base = [*_cep_desk(), "report", "--workspace", str(copy)]
        _log("report: whole processes (CSV, folder, PDF, and the empty period as floor)")
        times: dict[str, list[float]] = {k: [] for k in ("csv", "dir", "pdf", "floor")}
        for i in range(RUNS):  # interleaved: the same load on each
            out = tmp_path / f"out{i}"
            times["floor"].append(_timed([*base, *empty, "-o", str(out) + "-vide.csv"], env)[0])
            times["csv"].append(_timed([*base, *period, "-o", str(out) + ".csv"], env)[0])
            times["dir"].append(_timed([*base, *period, "-o", str(out)], env)[0])
            times["pdf"].append(_timed([*base, *period, "-o", str(out) + ".pdf"], env)[0])
        kdf = kdf_seconds(copy, passphrase)
        for key, values in times.items():
            figures[f"report_{key}_process_s"] = _median(values)
        figures["report_kdf_s"] = kdf
        for key in ("csv", "dir", "pdf"):
            figures[f"report_{key}_minus_kdf_s"] = round(
                figures[f"report_{key}_process_s"] - kdf, 3
            )
    return figures


if __name__ == "__main__":
    print(json.dumps(run(Path(sys.argv[1]), sys.argv[2])))
