"""What a use case changed: a small plain value the screens refresh from.

Every use case that writes already records who-did-what through :func:`common.audit` (the record
kind, its id, the fields changed). :func:`run_recording` runs any use case with a recorder
listening to those calls and returns ``(result, Changes)``; derived values a use case also sets
(the journey's level after a session, the person's list summary) are noted with :func:`note`.
The use cases keep their plain signatures: callers that don't care (the CLI, the demo, tests)
call them as before and nothing is recorded.

The kinds are the audit entity names, so the history and the screens speak of the same things.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

from cep_desk import domain

# Record kinds (the audit entity names).
PERSON = "beneficiary"
JOURNEY = "journey"
SESSION = "session"
CONTACT = "contact"
NEED = "need"
PROJECT = "project"
CHECK = "feasibility"
SKILL = "skill"
STEP = "step"
FUNDING = "funding"
DOCUMENT = "document"
APPOINTMENT = "appointment"

ADDED = "added"
UPDATED = "updated"
DELETED = "deleted"

# Fields of the person recomputed from the journeys (``beneficiaries.refresh_summary``).
SUMMARY_FIELDS = frozenset({"current_level", "has_open_journey", "last_contact_on"})
# Fields of the journey set by the session use cases.
JOURNEY_SESSION_FIELDS = frozenset({"level_reached", "first_appointment_on"})

_ACTIONS = {
    domain.AuditAction.CREATE.value: ADDED,
    domain.AuditAction.CHANGE.value: UPDATED,
    domain.AuditAction.DELETE.value: DELETED,
}

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class Change:
    """One record touched: its kind and id, what happened, the fields changed (``None``: the
    whole record, e.g. created or deleted) and, when the use case returned it, the record now."""

    kind: str
    id: int | None
    action: str = UPDATED
    fields: frozenset[str] | None = None
    record: Any = None

    def touches_field(self, names: Iterable[str]) -> bool:
        return self.fields is None or not self.fields.isdisjoint(names)


@dataclass(frozen=True)
class Changes:
    """Every record one operation changed, in the order they changed."""

    items: tuple[Change, ...] = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.items + other.items)

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(c.kind for c in self.items)

    def touches(self, kinds: Iterable[str]) -> bool:
        """Whether any change is of one of ``kinds`` (``"*"``: any change at all)."""
        wanted = set(kinds)
        return bool(self.items) and ("*" in wanted or not wanted.isdisjoint(self.kinds))

    def of(self, kind: str) -> list[Change]:
        return [c for c in self.items if c.kind == kind]

    def fields_of(self, kind: str) -> frozenset[str] | None:
        """The union of the fields of ``kind`` changed; ``None`` when a whole record was."""
        names: set[str] = set()
        for change in self.of(kind):
            if change.fields is None:
                return None
            names |= change.fields
        return frozenset(names)

    def touches_fields(self, kind: str, names: Iterable[str]) -> bool:
        return any(c.touches_field(names) for c in self.of(kind))

    def added(self, kind: str) -> list[Change]:
        return [c for c in self.of(kind) if c.action == ADDED]

    def deleted_ids(self, kind: str) -> set[int]:
        return {c.id for c in self.of(kind) if c.action == DELETED and c.id is not None}

    def records(self, kind: str) -> list[Any]:
        """The records of ``kind`` returned by the use cases (the latest one per id)."""
        latest: dict[int, Any] = {}
        for change in self.of(kind):
            if change.record is not None and change.id is not None:
                latest[change.id] = change.record
        return list(latest.values())

    def with_records(self, records: dict[tuple[str, int], Any]) -> Changes:
        """The same changes, each given its record when ``records`` has one."""
        return Changes(
            tuple(
                Change(c.kind, c.id, c.action, c.fields, records[(c.kind, c.id)])
                if c.record is None and c.id is not None and (c.kind, c.id) in records
                else c
                for c in self.items
            )
        )


_recorder: ContextVar[list[Change] | None] = ContextVar("cep_desk_changes", default=None)


def note(kind: str, ident: int | None, action: str = UPDATED, fields: Iterable[str] = ()) -> None:
    """Say that a record changed (called by the use cases; a no-op when nobody listens)."""
    listening = _recorder.get()
    if listening is not None:
        names = frozenset(fields)
        listening.append(Change(kind, ident, action, names if action == UPDATED else None))


def note_audit(action: str, entity: str, entity_id: int | None, detail: str) -> None:
    """The change an audit entry describes (``common.audit`` calls it)."""
    if _recorder.get() is None or action not in _ACTIONS:
        return
    kind = _ACTIONS[action]
    names = [n for n in detail.split(",") if n] if kind == UPDATED else []
    note(entity, entity_id, kind, names)


@contextmanager
def recording() -> Iterator[list[Change]]:
    """Collect the changes noted inside the block (nested blocks see their own only)."""
    collected: list[Change] = []
    token = _recorder.set(collected)
    try:
        yield collected
    finally:
        _recorder.reset(token)


def run_recording(use_case: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> tuple[R, Changes]:
    """Run a use case; return its result and what it changed (each change given the record the
    use case returned for it)."""
    with recording() as collected:
        result = use_case(*args, **kwargs)
    changes = Changes(tuple(collected))
    returned = result if isinstance(result, list) else [result]
    records: dict[tuple[str, int], Any] = {}
    for record in returned:
        kind, ident = record_kind(record), getattr(record, "id", None)
        if kind is not None and isinstance(ident, int):
            records[(kind, ident)] = record
    return result, changes.with_records(records) if records else changes


def record_kind(record: Any) -> str | None:
    """The kind of a record returned by a use case (by its class name)."""
    return _RECORD_KINDS.get(type(record).__name__)


_RECORD_KINDS = {
    "BeneficiaryRecord": PERSON,
    "JourneyRecord": JOURNEY,
    "SessionRecord": SESSION,
    "ContactRecord": CONTACT,
    "NeedRecord": NEED,
    "ProjectRecord": PROJECT,
    "FeasibilityRecord": CHECK,
    "SkillRecord": SKILL,
    "StepRecord": STEP,
    "FundingRecord": FUNDING,
    "DocumentRecord": DOCUMENT,
}
