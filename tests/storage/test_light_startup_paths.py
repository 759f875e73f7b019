"""Issue 16.3: an open at the head revision and the CLI's verbs load only what they need.

The revisions are read from the migration files without Alembic (checked here against Alembic
itself); ``cep-desk list`` on a real workspace imports neither Alembic, ReportLab, Qt nor the
backup module (whose restore clean-up is only loaded when a restore folder was left behind).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from cep_desk import cli
from cep_desk.storage import engine as eng
from cep_desk.storage import migrate
from cep_desk.usecases.lifecycle import backup

PASSPHRASE = "Une phrase de passe bien longue 42 !"


def test_light_revision_chain_is_alembics():
    script = ScriptDirectory.from_config(migrate._config())
    assert migrate._linear_chain() is not None
    assert migrate.all_revisions() == [s.revision for s in reversed(list(script.walk_revisions()))]
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.is_known(migrate.head_revision()) and not migrate.is_known("9999_unknown")


def test_current_revision_is_alembics(ws, tmp_path):
    with ws.engine.connect() as conn:
        assert (
            migrate.current_revision(conn)
            == MigrationContext.configure(conn).get_current_revision()
        )
        assert migrate.current_revision(conn) == migrate.head_revision()
    empty = eng.make_engine(tmp_path / "vide.db", os.urandom(32))
    try:
        with empty.connect() as conn:
            assert migrate.current_revision(conn) is None
            conn.exec_driver_sql("CREATE TABLE alembic_version (version_num VARCHAR(32))")
            assert migrate.current_revision(conn) is None
            assert MigrationContext.configure(conn).get_current_revision() is None
    finally:
        empty.dispose()


def test_restore_mark_is_the_backup_modules(tmp_path):
    assert cli.RESTORE_MARK == backup.RESTORE_MARK
    assert not cli.might_hold_abandoned_restores([tmp_path])
    (tmp_path / f".espace{backup.RESTORE_MARK}x1").mkdir()
    assert cli.might_hold_abandoned_restores([tmp_path / "absent", tmp_path])


_PROBE = """
import json, sys
from cep_desk.cli import main
code = main(["list", "--workspace", sys.argv[1]])
mods = ("alembic", "reportlab", "PySide6", "cep_desk.usecases.lifecycle.backup", "cep_desk.demo")
sys.stderr.write("MODULES " + json.dumps(sorted(m for m in mods if m in sys.modules)) + "\\n")
sys.exit(code)
"""


def test_cli_list_imports_only_what_it_needs(ws, tmp_path):
    directory = ws.path
    ws.close()
    env = dict(os.environ, CEP_DESK_PASSPHRASE=PASSPHRASE, HOME=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, str(directory)],
        capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    line = next(x for x in out.stderr.splitlines() if x.startswith("MODULES "))
    assert json.loads(line[len("MODULES ") :]) == []
