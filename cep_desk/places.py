"""Where things live on this computer by default (no Qt, no storage): shared by the command
line and the interface."""

from __future__ import annotations

import os
from pathlib import Path


def default_workspace() -> Path:
    """The platform's folder for the workspace when none was given or remembered."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("CEP Desk", appauthor=False)) / "espace"


# cep_desk.usecases.lifecycle.backup.RESTORE_MARK (a test checks they agree): the folders a killed
# restore leaves are looked for with this cheap scan before the backup module (and with it
# SQLAlchemy) is imported, which then decides what to remove.
RESTORE_MARK = ".restauration-"


def might_hold_abandoned_restores(folders: list[Path]) -> bool:
    """True when one of ``folders`` holds a hidden ``.NAME.restauration-*`` entry."""
    for folder in folders:
        try:
            with os.scandir(folder) as entries:
                if any(e.name.startswith(".") and RESTORE_MARK in e.name for e in entries):
                    return True
        except OSError:
            continue
    return False
