"""The exchange format at scale, as whole processes (issue 16.5): ``cep-desk export-json`` of a
whole workspace and ``cep-desk import-json`` of that file into an empty workspace.

Each figure is one child process started here; its peak memory is the child's own maximum
resident set size (``os.wait4``'s rusage, in KiB on Linux), so this process's memory never
counts. The time per person is the child's wall time minus one key derivation (``kdf_s``, the
slot's Argon2id measured here), divided by the number of people:

- ``export_s``, ``export_ms_per_person``, ``export_peak_mib``, ``export_mb`` (file size);
- ``import_s``, ``import_ms_per_person``, ``import_peak_mib``, ``import_people``;
- ``import_cpu_ms_per_person``: the same with the child's CPU time (user + system) instead of
  its wall time, the figure to compare between runs when other processes load the machine.

The workspace given is never modified (it is copied, closed). ``CEP_BENCH_CODE`` names another
source tree to run the children from (the before/after figures: ``git archive`` of the old
commit unpacked somewhere), with the same interpreter.

    python -m benchmarks.bench_exchange /path/to/workspace   # passphrase in CEP_DESK_PASSPHRASE
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.bench_process import _env, compile_bytecode, kdf_seconds

ROOT = Path(__file__).resolve().parent.parent


def _log(message: str) -> None:
    sys.stderr.write(f"[bench] {message}\n")
    sys.stderr.flush()


def _child(args: list[str], env: dict[str, str]) -> tuple[float, float, str, float]:
    """(wall seconds, the child's own peak RSS in MiB from ``os.wait4``, its standard output,
    its CPU seconds, user + system, from the same rusage) of ``python -m cep_desk ARGS`` run
    to its end."""
    code = os.environ.get("CEP_BENCH_CODE")
    if code:
        env = {**env, "PYTHONPATH": code}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.monotonic()
        proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "cep_desk", *args],
            env=env,
            cwd=code or ROOT,
            stdout=out,
            stderr=err,
        )
        _pid, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.monotonic() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(
                f"cep-desk {args[0]} exited {proc.returncode}: {err.read()[-800:]!r}"
            )
        out.seek(0)
        err.seek(0)
        said = (out.read() + err.read()).decode("utf-8", "replace")
    return elapsed, usage.ru_maxrss / 1024, said, usage.ru_utime + usage.ru_stime


def run(workspace_dir: Path, passphrase: str) -> dict[str, Any]:
    from cep_desk.usecases import workspaces

    workspace_dir = Path(workspace_dir)
    code = os.environ.get("CEP_BENCH_CODE")  # the other tree compiled as well, when given
    compile_bytecode(Path(code) if code else ROOT)
    with tempfile.TemporaryDirectory(prefix="bench-exchange-") as tmp:
        tmp_path = Path(tmp)
        env = _env(tmp_path, passphrase)
        copy = tmp_path / "source"
        copy.mkdir()
        for name in ("cep.db", "cep.db-wal", "keys.json"):
            if (workspace_dir / name).exists():
                shutil.copy2(workspace_dir / name, copy / name)
        kdf = kdf_seconds(copy, passphrase, runs=1)
        out = tmp_path / "export.json"
        _log("exchange: cep-desk export-json of the whole workspace")
        export_s, export_peak, said, _export_cpu = _child(
            ["export-json", "--workspace", str(copy), "-o", str(out)], env
        )
        people = int(re.search(r"(\d+) dossier\(s\) exporté", said)[1])  # type: ignore[index]
        target = tmp_path / "target"
        os.environ.pop("CEP_DESK_TEST_KDF", None)
        ws, _recovery = workspaces.create(target, passphrase)
        ws.close()
        kdf_target = kdf_seconds(target, passphrase, runs=1)
        _log("exchange: cep-desk import-json of that file into an empty workspace")
        import_s, import_peak, _said, import_cpu = _child(
            ["import-json", "--workspace", str(target), str(out)], env
        )
        per = max(people, 1)
        return {
            "exchange_people": people,
            "export_s": round(export_s, 2),
            "export_ms_per_person": round((export_s - kdf) * 1000 / per, 3),
            "export_peak_mib": round(export_peak, 1),
            "export_mb": round(out.stat().st_size / 2**20, 1),
            "import_s": round(import_s, 2),
            "import_ms_per_person": round((import_s - kdf_target) * 1000 / per, 3),
            "import_peak_mib": round(import_peak, 1),
            # The child's CPU time (net of one key derivation), which a loaded machine
            # stretches far less than the wall time: what to compare between two loaded runs.
            "import_cpu_ms_per_person": round((import_cpu - kdf_target) * 1000 / per, 3),
        }


if __name__ == "__main__":
    print(json.dumps(run(Path(sys.argv[1]), os.environ["CEP_DESK_PASSPHRASE"])))
