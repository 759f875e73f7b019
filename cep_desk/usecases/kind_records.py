"""Add, change and delete the records of a plain kind — a list under a journey or a project,
with no rule of its own — from its description alone (:mod:`cep_desk.kinds`): validation
with the kind's validators, the audit trail under the kind's entity name and the person the
record belongs to. A new record kind needs no use-case module of its own; kinds with rules
(sessions, needs, steps…) keep theirs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from cep_desk import kinds
from cep_desk.domain import AuditAction
from cep_desk.kinds import Kind
from cep_desk.storage import models as m
from cep_desk.storage.workspace import Workspace

from . import common as c
from .records import to_record

R = TypeVar("R")

_MODELS: dict[str, type[m.Base]] = {
    mapper.class_.__tablename__: mapper.class_ for mapper in m.Base.registry.mappers
}
_KINDS: dict[str, Kind] = {k.name: k for k in kinds.FILE_KINDS}


def model_of(kind: Kind) -> type[m.Base]:
    return _MODELS[kind.table]


def owner_of(s: Session, kind: Kind, parent_id: int) -> int:
    """The id of the person a record of ``kind`` under ``parent_id`` belongs to."""
    parent = _KINDS[kind.parent_kind]
    ident = parent_id
    while parent is not kinds.PERSON:
        obj: m.Base = c.get(s, model_of(parent), ident, parent.label)
        ident = getattr(obj, parent.parent)
        parent = _KINDS[parent.parent_kind]
    return ident


def add(ws: Workspace, kind: Kind, record: type[R], parent_id: int, **values: object) -> R:
    clean = c.validate(values, kind.spec())
    with ws.session() as s:
        owner = owner_of(s, kind, parent_id)
        obj: Any = model_of(kind)(**{kind.parent: parent_id}, **clean)
        s.add(obj)
        s.flush()
        c.audit(s, AuditAction.CREATE, kind, obj.id, owner)
        return to_record(record, obj)


def update(ws: Workspace, kind: Kind, record: type[R], ident: int, **changes: object) -> R:
    clean = c.validate(changes, kind.spec())
    with ws.session() as s:
        obj: Any = c.get(s, model_of(kind), ident, kind.label)
        changed = c.apply(obj, clean)
        if changed:
            owner = owner_of(s, kind, getattr(obj, kind.parent))
            c.audit(s, AuditAction.CHANGE, kind, obj.id, owner, ",".join(changed))
        return to_record(record, obj)


def delete(ws: Workspace, kind: Kind, ident: int) -> None:
    with ws.session() as s:
        obj: Any = c.get(s, model_of(kind), ident, kind.label)
        owner = owner_of(s, kind, getattr(obj, kind.parent))
        s.delete(obj)
        c.audit(s, AuditAction.DELETE, kind, ident, owner)


@dataclass(frozen=True)
class Records(Generic[R]):
    """The three use cases of one plain kind, typed by its record class, for a tab:
    ``context.run(PIECES.add, ws, journey_id, **values)`` (a generic function handed to
    ``FileContext.run`` loses its record type; these methods keep it)."""

    kind: Kind
    record: type[R]

    def add(self, ws: Workspace, parent_id: int, **values: object) -> R:
        return add(ws, self.kind, self.record, parent_id, **values)

    def update(self, ws: Workspace, ident: int, **changes: object) -> R:
        return update(ws, self.kind, self.record, ident, **changes)

    def delete(self, ws: Workspace, ident: int) -> None:
        delete(ws, self.kind, ident)
