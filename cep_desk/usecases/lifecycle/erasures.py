"""The erasure register: which people were erased, kept OUTSIDE ``cep.db`` (issue 10.6).

A restore replaces ``cep.db`` with an older copy in which the people erased since are still
present. The register, ``effacements.json`` in the workspace folder, survives that: it holds
only numbers and dates — the person's internal id, when their record was created (so that an
id SQLite gave again to someone else is never confused with the erased person) and when they
were erased — no name, no personal data. It is written atomically, 0600, before the erasure
itself (an erasure that then fails leaves an entry for a person still present: re-applying it
later does what the counsellor asked), and re-applied when a backup is restored in place of
the workspace (see :func:`cep_desk.usecases.lifecycle.rights.reapply`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cep_desk.files import write_atomically
from cep_desk.storage.workspace import WorkspaceError

REGISTER_FILE = "effacements.json"
FORMAT = "cep-desk-effacements"
FORMAT_VERSION = 1
MAX_BYTES = 64 * 1024 * 1024


class RegisterDamaged(WorkspaceError):
    """A French message: the register exists but cannot be read."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Erasure:
    id: int
    created_at: str  # ISO timestamp of the person's record creation ("" when unknown)
    erased_at: str  # ISO timestamp, UTC


@dataclass
class Register:
    workspace_id: str
    entries: list[Erasure] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "workspace_id": self.workspace_id,
                "entries": [
                    {"id": e.id, "created_at": e.created_at, "erased_at": e.erased_at}
                    for e in self.entries
                ],
            },
            indent=1,
        )

    def merged(self, other: Register) -> Register:
        seen = {(e.id, e.created_at) for e in self.entries}
        extra = [e for e in other.entries if (e.id, e.created_at) not in seen]
        return Register(self.workspace_id, [*self.entries, *extra])


def path_of(directory: Path) -> Path:
    return Path(directory) / REGISTER_FILE


def read(directory: Path) -> Register | None:
    """The register of a workspace folder; None when there is none. Raises
    :class:`RegisterDamaged` when it exists but cannot be read."""
    path = path_of(directory)
    if not path.exists():
        return None
    damaged = (
        f"Le registre des effacements ({REGISTER_FILE}) de {Path(directory)} est illisible ou "
        "endommagé."
    )
    try:
        if path.stat().st_size > MAX_BYTES:
            raise RegisterDamaged(damaged)
        data: Any = json.loads(path.read_text("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise RegisterDamaged(damaged)
        entries = []
        for item in data["entries"]:
            ident = item["id"]
            if not isinstance(ident, int) or isinstance(ident, bool):
                raise RegisterDamaged(damaged)
            entries.append(Erasure(ident, str(item["created_at"]), str(item["erased_at"])))
        return Register(str(data["workspace_id"]), entries)
    except RegisterDamaged:
        raise
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise RegisterDamaged(damaged) from exc


def write(directory: Path, register: Register) -> None:
    write_atomically(path_of(directory), register.to_json())


def record(directory: Path, workspace_id: str, people: list[tuple[int, datetime | None]]) -> None:
    """Append erased people (id, record creation time) to the register, durably.

    A damaged register is not overwritten silently: :class:`RegisterDamaged` stops the
    erasure before anything is deleted.
    """
    if not people:
        return
    register = read(directory) or Register(workspace_id)
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    known = {(e.id, e.created_at) for e in register.entries}
    for ident, created in people:
        stamp = _stamp(created)
        if (ident, stamp) not in known:
            register.entries.append(Erasure(ident, stamp, now))
            known.add((ident, stamp))
    write(directory, register)


def _stamp(created: datetime | None) -> str:
    if created is None:
        return ""
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return created.astimezone(UTC).replace(microsecond=0).isoformat()


def same_record(entry: Erasure, created: datetime | None) -> bool:
    """True when a row with the entry's id is the erased person (same creation time)."""
    return not entry.created_at or entry.created_at == _stamp(created)
