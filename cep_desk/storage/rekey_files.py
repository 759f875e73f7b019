"""The names of the files a change of key leaves in the workspace folder while it runs, and
the test for "a change was interrupted": kept apart from :mod:`rekey` so that the unlock path
can ask before the database layer (SQLAlchemy) is even imported."""

from __future__ import annotations

from pathlib import Path

from . import vault

DB_FILE = "cep.db"
JOURNAL = "changement-de-cle.json"
STAGED_KEYS = "keys.json.nouveau"
STAGED_DB_PREFIX = f".{DB_FILE}."
STAGED_DB_SUFFIX = ".rekey"


def staged_databases(directory: Path) -> list[Path]:
    return [
        p
        for p in directory.glob(f"{STAGED_DB_PREFIX}*{STAGED_DB_SUFFIX}*")
        if p.is_file() and not p.is_symlink()
    ]


def interrupted(directory: Path) -> bool:
    """Whether an interrupted change of key (or of passphrase) left something to finish or
    undo: :func:`rekey.recover` has work to do."""
    return (
        (directory / JOURNAL).exists()
        or bool(staged_databases(directory))
        or (directory / STAGED_KEYS).exists()
        or (directory / vault.KEYS_BACKUP).exists()
    )
