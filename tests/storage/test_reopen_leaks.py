"""Locking and unlocking all day must not leave objects behind at each opening.

Alembic's ``package:folder`` script location registers an ``atexit`` callback holding an
``ExitStack`` every time the migration scripts are read; opened at each unlock, that was one
more set of objects kept for the life of the process (seen in the 30-minute soak).
"""

from __future__ import annotations

import collections
import gc
from pathlib import Path

from cep_desk.storage import workspace


def _live() -> collections.Counter[str]:
    gc.collect()
    return collections.Counter(type(o).__qualname__ for o in gc.get_objects())


def test_opening_and_closing_twenty_times_keeps_nothing(
    new_workspace, workspace_dir: Path, passphrase: str
) -> None:
    new_workspace[0].close()
    for _ in range(3):  # warm caches first
        workspace.open_workspace(workspace_dir, passphrase).close()
    before = _live()
    for _ in range(20):
        workspace.open_workspace(workspace_dir, passphrase).close()
    after = _live()
    # What one opening builds: none of it may outlive the closing.
    kinds = ("ExitStack", "Engine", "Workspace", "ScriptDirectory", "Script", "module", "QueuePool")
    grown = {name: after[name] - before[name] for name in kinds if after[name] > before[name]}
    assert grown == {}, f"objects kept at each opening: {grown}"
