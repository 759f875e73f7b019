"""Where things live on this computer by default (no Qt, no storage): shared by the command
line and the interface."""

from __future__ import annotations

from pathlib import Path


def default_workspace() -> Path:
    """The platform's folder for the workspace when none was given or remembered."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("CEP Desk", appauthor=False)) / "espace"
