"""Whole-process figures (issue 16.1): what the user waits for, each with its floor measured in
the same run.

Every figure here is a new process started by the benchmark, timed from just before it is
started (``time.monotonic()``, the system-wide clock the child reads too):

- ``cold_unlock_screen_s``: ``cep-desk gui`` → the unlock screen painted;
  ``bare_qt_s``: a bare PySide6 window painted, detected the same way (the floor);
  ``cold_vs_bare_qt`` is their ratio (see :mod:`benchmarks.cold_start` for "painted");
- ``cold_list_s``: ``cep-desk gui`` → passphrase typed at once → the first screen painted with
  its rows: the people list, or the agenda when the day has appointments (``cold_list_screen``
  says which);
  ``cold_list_kdf_s`` is the key derivation inside that same process, reported apart;
- ``kdf_s``: Argon2id with the workspace's own slot parameters, in this process;
- ``cli_list_s``: ``cep-desk list`` (every person printed as JSON lines);
- ``export_plan_process_s``: ``cep-desk export-plan`` of one person's plan to a PDF file;
  ``libreoffice_process_s``: ``soffice --headless --convert-to pdf`` of a .docx of the SAME
  ``PlanDocument`` (written with python-docx), a whole LibreOffice process too;
  ``export_vs_libreoffice`` = (``export_plan_process_s`` − ``kdf_s``) / ``libreoffice_process_s``.

These are "warm cache" cold starts: a new process each time, its files in the page cache
(dropping the cache would need root and would slow the other users of the machine). Each figure
is the median of ``RUNS`` processes. The workspace is a copy (the GUI and export-plan write
audit rows and plan versions).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RUNS = int(os.environ.get("CEP_BENCH_PROCESS_RUNS", "5"))
SOFFICE_RUNS = 3
ROOT = Path(__file__).resolve().parent.parent


def _log(message: str) -> None:
    sys.stderr.write(f"[bench] {message}\n")
    sys.stderr.flush()


def _env(home: Path, passphrase: str) -> dict[str, str]:
    """The user's settings, logs and default folder never touched; offscreen Qt."""
    env = dict(os.environ)
    env.pop("CEP_DESK_TEST_KDF", None)
    env.update(
        QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        CEP_DESK_LOG_DIR=str(home / "logs"),
        CEP_DESK_PASSPHRASE=passphrase,
        QT_LOGGING_RULES="qt.qpa.*=false",
    )
    return env


def _cep_desk() -> list[str]:
    script = Path(sys.executable).parent / "cep-desk"
    return [str(script)] if script.exists() else [sys.executable, "-m", "cep_desk"]


def _timed(cmd: list[str], env: dict[str, str], timeout: float = 300) -> tuple[float, str]:
    t0 = time.monotonic()
    out = subprocess.run(
        cmd, env=env, capture_output=True, text=True, timeout=timeout, cwd=ROOT, check=False
    )
    elapsed = time.monotonic() - t0
    if out.returncode != 0:
        raise RuntimeError(f"{cmd[:3]} exited {out.returncode}: {out.stderr[-800:]}")
    return elapsed, out.stdout


def _painted(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """One child of :mod:`benchmarks.cold_start`: seconds from its start to the paint."""
    t0 = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.cold_start", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        check=False,
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith('{"painted"')]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"cold_start {args[0]} failed: {out.stderr[-800:]}")
    data = json.loads(lines[-1])
    result = {"s": data["painted"] - t0, "kdf_s": data.get("kdf_s", 0.0)}
    if data.get("unlock_painted"):
        result["unlock_s"] = data["unlock_painted"] - t0
    if data.get("screen"):
        result["screen"] = data["screen"]
    return result


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 3)


def kdf_seconds(directory: Path, passphrase: str, runs: int = 3) -> float:
    from cep_desk.storage import vault

    keyfile = vault.KeyFile.read(directory)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        keyfile.unlock(passphrase, vault.SLOT_PASSPHRASE)
        times.append(time.perf_counter() - t0)
    return _median(times)


def _plan_person(directory: Path, passphrase: str) -> tuple[int, Any]:
    """The person with the most plan steps (a plan of several pages) and their document."""
    from sqlalchemy import text

    from cep_desk.usecases import export, workspaces

    with workspaces.open_(directory, passphrase) as ws, ws.read() as s:
        row = s.execute(
            text(
                "SELECT j.beneficiary_id FROM action_steps a JOIN projects p ON p.id = a.project_id "
                "JOIN journeys j ON j.id = p.journey_id "
                "GROUP BY j.beneficiary_id ORDER BY count(*) DESC, j.beneficiary_id LIMIT 1"
            )
        ).first()
        person = int(row[0]) if row else 1
        doc = export.build_plan_document(ws, person)
    return person, doc


def libreoffice(doc: Any, work: Path) -> dict[str, Any]:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        return {
            "libreoffice": "absent (soffice not on PATH): no floor, no export_vs_libreoffice",
            "libreoffice_process_s": None,
        }
    try:
        from benchmarks.plan_docx import write_plan_docx
    except ModuleNotFoundError as exc:  # python-docx: the bench extra
        return {
            "libreoffice": f"python-docx absent ({exc}): make install",
            "libreoffice_process_s": None,
        }
    from benchmarks.bench_pdf import soffice_version

    docx = write_plan_docx(doc, work / "plan.docx")
    profile = (work / "lo-profile").as_uri()
    cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
           "--outdir", str(work / "lo-out"), str(docx)]  # fmt: skip
    env = dict(os.environ)
    subprocess.run(cmd, capture_output=True, check=True, timeout=300, env=env)  # the profile
    times = []
    for _ in range(SOFFICE_RUNS):
        t0 = time.monotonic()
        subprocess.run(cmd, capture_output=True, check=True, timeout=300, env=env)
        times.append(time.monotonic() - t0)
    pdf = work / "lo-out" / "plan.pdf"
    if not pdf.exists():
        raise RuntimeError("LibreOffice produced no PDF")
    return {
        "libreoffice": soffice_version(exe),
        "libreoffice_process_s": _median(times),
        "libreoffice_pdf_pages": _pdf_pages(pdf),
    }


def _pdf_pages(path: Path) -> int | None:
    try:
        from pypdf import PdfReader
    except ModuleNotFoundError:
        return None
    return len(PdfReader(str(path)).pages)


def compile_bytecode(root: Path = ROOT) -> None:
    """The modules of the tree at ``root`` compiled to bytecode, as an installed copy has them
    (pip, the .deb and PyInstaller all compile at install time). Without this, a tree run
    with ``PYTHONDONTWRITEBYTECODE`` set (as some sandboxes and CI images do) recompiles
    every module of ``cep_desk`` from source in every child, which no counsellor ever pays."""
    import compileall

    for folder in ("cep_desk", "benchmarks"):
        if (root / folder).is_dir():
            compileall.compile_dir(root / folder, quiet=1)


def run(workspace_dir: Path, passphrase: str) -> dict[str, Any]:
    figures: dict[str, Any] = {"process_runs": RUNS}
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="cep-bench-process-") as tmp:
        tmp_path = Path(tmp)
        copy = tmp_path / "espace"
        copy.mkdir()
        for name in ("cep.db", "cep.db-wal", "keys.json"):
            if (workspace_dir / name).exists():
                shutil.copy2(workspace_dir / name, copy / name)
        env = _env(tmp_path / "home", passphrase)

        _log("process: bare Qt window and the unlock screen")
        bare, unlock = [], []
        for _ in range(RUNS):  # interleaved: the same load on both
            bare.append(_painted(["bare"], env)["s"])
            unlock.append(_painted(["unlock", str(copy)], env)["s"])
        figures["bare_qt_s"] = _median(bare)
        figures["cold_unlock_screen_s"] = _median(unlock)
        figures["cold_vs_bare_qt"] = round(
            figures["cold_unlock_screen_s"] / figures["bare_qt_s"], 2
        )

        _log("process: start to the list painted")
        lists = [_painted(["list", str(copy)], env) for _ in range(RUNS)]
        figures["cold_list_s"] = _median([r["s"] for r in lists])
        # the derivation as timed inside those starts: reported, never subtracted (work that
        # overlaps it slows it, and subtracting it would count that overlap as time saved)
        figures["cold_list_kdf_s"] = _median([r["kdf_s"] for r in lists])
        figures["cold_list_screen"] = "/".join(sorted({str(r.get("screen")) for r in lists}))

        figures["kdf_s"] = kdf_seconds(copy, passphrase)
        figures["cold_list_minus_kdf_s"] = round(figures["cold_list_s"] - figures["kdf_s"], 3)

        _log("process: cep-desk list")
        cli = [
            _timed([*_cep_desk(), "list", "--workspace", str(copy)], env)[0] for _ in range(RUNS)
        ]
        figures["cli_list_s"] = _median(cli)
        figures["cli_list_minus_kdf_s"] = round(figures["cli_list_s"] - figures["kdf_s"], 3)

        _log("process: cep-desk export-plan and LibreOffice on the same plan")
        person, doc = _plan_person(copy, passphrase)
        out_pdf = tmp_path / "plan.pdf"
        export_cmd = [*_cep_desk(), "export-plan", "--workspace", str(copy),
                      "--beneficiary", str(person), "-o", str(out_pdf)]  # fmt: skip
        exports = [_timed(export_cmd, env)[0] for _ in range(RUNS)]
        figures["export_plan_process_s"] = _median(exports)
        figures["export_plan_pages"] = _pdf_pages(out_pdf)
        figures.update(libreoffice(doc, tmp_path))
        lo = figures.get("libreoffice_process_s")
        figures["export_vs_libreoffice"] = (
            round((figures["export_plan_process_s"] - figures["kdf_s"]) / lo, 3) if lo else None
        )
    return figures


if __name__ == "__main__":  # pragma: no cover - manual runs
    print(json.dumps(run(Path(sys.argv[1]), os.environ["CEP_DESK_PASSPHRASE"])))
