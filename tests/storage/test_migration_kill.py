"""A migration killed at any statement leaves the workspace at the old or the new revision.

An older workspace (revision 0001, a few thousand people) is upgraded in a child process that
SIGKILLs itself just before its k-th database step, for every k of the whole upgrade; the
revisions are those of the Alembic script directory, so later migrations are covered too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from cep_desk.storage import engine as eng
from cep_desk.storage import migrate, vault
from cep_desk.storage import workspace as wsmod
from cep_desk.usecases import workspaces

from .migration_support import make_old_workspace, schema_objects

CHILD = Path(__file__).with_name("upgrade_child.py")
# The kill points are counted statements, not moments: the size of the workspace does not change
# what is tested, only how long each of the (now about a hundred) upgrades takes. The fault of
# issue 10 was first seen at 3 000 people; 600 keep every table's copy real.
PEOPLE = 600
OLDEST = "0001"


def _run_child(directory: Path, kill_at: int, passphrase: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, CEP_DESK_PASSPHRASE=passphrase)
    return subprocess.run(
        [sys.executable, str(CHILD), str(directory), str(kill_at)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _revision_and_schema(directory: Path, db_key: bytes) -> tuple[str, set, list[str], int]:
    conn = eng.connect_raw(directory / wsmod.DB_FILE, db_key)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        objects = schema_objects(conn)
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        people = conn.execute("SELECT count(*) FROM beneficiaries").fetchone()[0]
    finally:
        conn.close()
    return revision, objects, problems, people


@pytest.mark.slow
def test_upgrade_killed_at_every_step_leaves_a_known_revision(tmp_path, passphrase):
    script = ScriptDirectory.from_config(migrate._config())
    revisions = [s.revision for s in reversed(list(script.walk_revisions()))]
    assert revisions[0] == OLDEST and len(revisions) >= 3
    head = migrate.head_revision()
    # The schema of every revision, made from scratch, to compare the killed ones with.
    expected: dict[str, set] = {}
    for rev in (OLDEST, head):
        ref = tmp_path / f"ref-{rev}"
        make_old_workspace(ref, passphrase, rev)
        key = vault.KeyFile.read(ref).unlock(passphrase)
        expected[rev] = _revision_and_schema(ref, key)[1]
    pristine = tmp_path / "pristine"
    make_old_workspace(pristine, passphrase, OLDEST, people=PEOPLE)
    db_key = vault.KeyFile.read(pristine).unlock(passphrase)

    dry = tmp_path / "dry"
    shutil.copytree(pristine, dry)
    out = _run_child(dry, 0, passphrase)
    assert out.returncode == 0, out.stderr
    steps = int(out.stdout.split()[-1])
    assert steps > 2 * (len(revisions) - 1)

    outcomes: dict[str, int] = {}
    for k in range(1, steps + 1):
        victim = tmp_path / f"k{k}"
        shutil.copytree(pristine, victim)
        out = _run_child(victim, k, passphrase)
        assert out.returncode == -9, (k, out.returncode, out.stderr[-2000:])
        revision, objects, problems, people = _revision_and_schema(victim, db_key)
        assert revision in (OLDEST, head), (k, revision)
        assert objects == expected[revision], (k, revision, objects ^ expected[revision])
        assert problems == ["ok"] and people == PEOPLE, (k, problems, people)
        outcomes[revision] = outcomes.get(revision, 0) + 1
        # A second try killed at the same step keeps a single copy aside.
        out = _run_child(victim, k, passphrase)
        assert out.returncode in (-9, 0), (k, out.stderr[-2000:])
        with workspaces.open_(victim, passphrase) as ws:
            report = workspaces.check(ws)
            assert report.ok and report.schema_version == head, (k, report)
            assert report.people == PEOPLE
        copies = sorted(p.name for p in victim.glob("*.bak"))
        assert len(copies) <= 1, (k, copies)
        shutil.rmtree(victim)
    # Both outcomes were reached: the kill loop really covered the upgrade.
    assert outcomes.get(OLDEST) and outcomes.get(head), outcomes
