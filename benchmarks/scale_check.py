"""Everything works on a large workspace (issue 16.6): each user action once, in this process,
on a copy of the workspace, with its time in seconds (``scale_<action>_s``).

list (the first 200 people), search (a prefix), open (a person and their current journey), plan
(the plan document built and rendered to PDF), export (every file, streamed), import (one
person's file into this large workspace; the whole-workspace import is measured as a process by
:mod:`benchmarks.bench_exchange`), backup, restore, statistics (the last twelve months).

    python -m benchmarks.scale_check /path/to/workspace   # passphrase in CEP_DESK_PASSPHRASE
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any


def run(workspace_dir: Path, passphrase: str) -> dict[str, Any]:
    from cep_desk.storage.workspace import open_workspace
    from cep_desk.usecases import beneficiaries as B
    from cep_desk.usecases import export, journeys
    from cep_desk.usecases.lifecycle import backup, exchange, stats

    figures: dict[str, Any] = {}

    def timed(name: str, action: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        result = action()
        figures[f"scale_{name}_s"] = round(time.perf_counter() - t0, 3)
        sys.stderr.write(f"[bench] scale: {name} {figures[f'scale_{name}_s']} s\n")
        return result

    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        tmp_path = Path(tmp)
        copy = tmp_path / "espace"
        copy.mkdir()
        for name in ("cep.db", "cep.db-wal", "keys.json"):
            if (Path(workspace_dir) / name).exists():
                shutil.copy2(Path(workspace_dir) / name, copy / name)
        ws = open_workspace(copy, passphrase)
        try:
            figures["scale_people"] = B.count_beneficiaries(ws)
            rows = timed("list", lambda: B.search_beneficiaries(ws, limit=200))
            prefix = rows[len(rows) // 2].last_name[:3]
            timed("search", lambda: B.search_beneficiaries(ws, B.ListFilter(prefix), limit=200))
            person = rows[len(rows) // 2].id

            def open_person() -> None:
                B.get_beneficiary(ws, person)
                journey = journeys.current_journey_id(ws, person)
                if journey is not None:
                    journeys.get_journey(ws, journey)

            timed("open", open_person)

            def plan() -> int:
                doc = export.build_plan_document(ws, person)
                return len(export.render_plan_pdf(doc))

            try:
                timed("plan", plan)
            except export.NoJourney:
                figures["scale_plan_s"] = None
            out = tmp_path / "tous.json"
            timed("export", lambda: exchange.export_to_file(ws, out))
            figures["scale_export_mb"] = round(out.stat().st_size / 2**20, 1)
            one = tmp_path / "une.json"
            exchange.export_to_file(ws, one, person)
            data = json.loads(one.read_text(encoding="utf-8"))
            data["workspace_id"] = "autre-espace"
            for p in data["people"]:  # as if it came from another workspace: a new person
                p["uid"] = p["uid"].replace(p["uid"].split(":")[0], "autre-espace", 1)
            one.write_text(exchange.dumps(data), encoding="utf-8")
            report = timed("import", lambda: exchange.import_file(ws, one))
            figures["scale_import_created"] = report.created
            today = date.today()
            timed("statistics", lambda: stats.compute_stats(ws, today - timedelta(days=365), today))
            made = timed("backup", lambda: backup.backup(ws, tmp_path / "sauvegarde.cepbak"))
        finally:
            ws.close()
        restored = timed(
            "restore", lambda: backup.restore(made.path, tmp_path / "rest", passphrase)
        )
        figures["scale_restored_people"] = restored.counts["beneficiaries"]
    return figures


if __name__ == "__main__":
    print(json.dumps(run(Path(sys.argv[1]), os.environ["CEP_DESK_PASSPHRASE"])))
