"""Size and cold start of the packaged application against the venv (issue 15.1).

    .venv/bin/python -m benchmarks.bench_package build/dist      (make bench-package)

Prints one JSON line:

- ``folder_mib`` (the PyInstaller folder on disk), ``archive_mib`` (the .tar.gz), ``deb_mib``;
- ``start_to_unlock_s``: from the process spawned to the unlock screen up (the report written by
  ``CEP_DESK_STARTUP_REPORT``, see ``cep_desk/ui/app.py``), for the packaged ``cep-desk`` and for
  ``python -m cep_desk`` from the venv: the first run (``first``) and the median of the next
  ``RUNS`` (``median``). Budget: the package no slower than the venv.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RUNS = 5
PASS = "Phrase de passe du banc du paquet 2026 !"


def _size_mib(path: Path) -> float:
    if path.is_file():
        return round(path.stat().st_size / 2**20, 1)
    return round(sum(p.lstat().st_size for p in path.rglob("*")) / 2**20, 1)


def _start(command: list[str], workspace: Path, work: Path) -> float:
    report = work / "report.json"
    report.unlink(missing_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CEP_DESK_LOG_DIR=str(work / "logs"))
    env["CEP_DESK_STARTUP_REPORT"] = str(report)
    env["XDG_CONFIG_HOME"] = str(work / "config")
    started = time.time()
    subprocess.run(
        [*command, "gui", "--workspace", str(workspace)],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    data = json.loads(report.read_text("utf-8"))
    if data["screen"] != "unlock":
        raise SystemExit(f"expected the unlock screen, got {data}")
    return data["at"] - started


def _series(command: list[str], workspace: Path, work: Path) -> dict[str, float]:
    first = _start(command, workspace, work)
    rest = [_start(command, workspace, work) for _ in range(RUNS)]
    return {"first": round(first, 2), "median": round(statistics.median(rest), 2)}


def run(dist: Path) -> dict[str, Any]:
    folder = dist / "cep-desk"
    figures: dict[str, Any] = {"folder_mib": _size_mib(folder)}
    for key, pattern in (("archive_mib", "cep-desk-*.tar.gz"), ("deb_mib", "cep-desk_*.deb")):
        found = sorted(dist.glob(pattern))
        figures[key] = _size_mib(found[0]) if found else None
    with tempfile.TemporaryDirectory(prefix="cep-desk-bench-package-") as tmp:
        work = Path(tmp)
        workspace = work / "ws"
        subprocess.run(
            [str(folder / "cep-desk-cli"), "demo", "--workspace", str(workspace), "--count", "20"],
            env=dict(os.environ, CEP_DESK_PASSPHRASE=PASS, CEP_DESK_LOG_DIR=str(work / "logs")),
            check=True,
            capture_output=True,
            timeout=300,
        )
        figures["start_to_unlock_s"] = {
            "package": _series([str(folder / "cep-desk")], workspace, work),
            "venv": _series([sys.executable, "-m", "cep_desk"], workspace, work),
        }
    figures["load_average"] = [round(x, 2) for x in os.getloadavg()]
    return figures


def main() -> int:
    dist = Path(sys.argv[1] if len(sys.argv) > 1 else "build/dist").resolve()
    print(json.dumps(run(dist)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
