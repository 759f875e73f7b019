"""A throw-away PostgreSQL in a temporary folder on a Unix socket (tests and `make server`)."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def pg_bindir() -> Path | None:
    for cand in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(cand, "initdb").exists() and int(Path(cand).parent.name) >= 15:
            return Path(cand)
    return None


@dataclass
class DevPostgres:
    root: Path
    bindir: Path
    port: int = 5432

    @property
    def socket_dir(self) -> str:
        return str(self.root / "sock")

    def dsn(self, user: str = "postgres", db: str = "postgres", password: str = "") -> str:
        pw = f" password={password}" if password else ""
        return f"host={self.socket_dir} port={self.port} user={user} dbname={db}{pw}"

    def _run(self, *args: str) -> None:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if os.geteuid() == 0:  # initdb refuses root
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True)

    def start(self) -> DevPostgres:
        (self.root / "sock").mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.root / "sock", "postgres")
        data = str(self.root / "data")
        self._run("initdb", "-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8")
        opts = f"-c listen_addresses='' -k {self.socket_dir} -p {self.port} -c fsync=off"
        self._run("pg_ctl", "-D", data, "-o", opts, "-w", "-l", str(self.root / "log"), "start")
        return self

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def create_db(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            conn.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(psycopg.sql.Identifier(name)))


def start_dev_postgres() -> DevPostgres:
    bindir = pg_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL >= 15 binaries not found under /usr/lib/postgresql")
    root = Path(tempfile.mkdtemp(prefix="cep-server-pg-"))
    os.chmod(root, 0o755)
    return DevPostgres(root, bindir).start()
