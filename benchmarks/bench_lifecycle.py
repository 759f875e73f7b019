"""Backup and restore timings on a large workspace (issue 5: ``backup_s``, ``restore_s``).

The workspace given is never modified: its files are copied (it is closed) into a temporary
folder, and the backup and the restore run on that copy.

    python -m benchmarks.bench_lifecycle /path/to/workspace 'passphrase'
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def run(workspace_dir: Path, passphrase: str) -> dict[str, Any]:
    from cep_desk.storage.workspace import open_workspace
    from cep_desk.usecases.lifecycle import backup as B

    workspace_dir = Path(workspace_dir)
    with tempfile.TemporaryDirectory(prefix="bench-lifecycle-") as tmp:
        tmp_path = Path(tmp)
        copy = tmp_path / "espace"
        copy.mkdir()
        for name in ("cep.db", "cep.db-wal", "keys.json"):
            if (workspace_dir / name).exists():
                shutil.copy2(workspace_dir / name, copy / name)
        ws = open_workspace(copy, passphrase)
        try:
            t0 = time.perf_counter()
            report = B.backup(ws, tmp_path / "sauvegarde.cepbak")
            backup_s = time.perf_counter() - t0
        finally:
            ws.close()
        t0 = time.perf_counter()
        restored = B.restore(report.path, tmp_path / "restauré", passphrase)
        restore_s = time.perf_counter() - t0
        return {
            "backup_s": round(backup_s, 2),
            "restore_s": round(restore_s, 2),
            "backup_mb": round(report.size_bytes / 2**20, 1),
            "backup_people": restored.counts["beneficiaries"],
        }


if __name__ == "__main__":
    print(json.dumps(run(Path(sys.argv[1]), sys.argv[2])))
