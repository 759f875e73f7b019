"""Shared machinery of the use cases: field validation, generic updates, the audit trail."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from sqlalchemy.orm import Session

from cep_desk import domain
from cep_desk.domain import ValidationError
from cep_desk.kinds import Kind
from cep_desk.kinds.validators import (  # re-exported: the use cases' historical names
    Validator,
    a_bool,
    a_date,
    a_list_of,
    a_time,
    amount,
    an_enum,
    an_int,
    required,
    text,
)
from cep_desk.storage import models as m

from . import changes as chg

T = TypeVar("T")


class NotFound(LookupError):
    """A record id that does not exist (any more)."""

    def __init__(self, what: str, ident: int) -> None:
        super().__init__(f"{what} n° {ident} introuvable.")
        self.message = str(self)


Spec = Mapping[str, Validator]


def validate(changes: Mapping[str, object], spec: Spec) -> dict[str, object]:
    clean: dict[str, object] = {}
    for name, value in changes.items():
        if name not in spec:
            raise ValidationError(f"Champ inconnu : {name}.", name)
        clean[name] = spec[name](value, name)
    return clean


def apply(obj: object, clean: Mapping[str, object]) -> list[str]:
    """Set the attributes that differ; return the names of those changed."""
    changed = []
    for name, value in clean.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed.append(name)
    return changed


def get(session: Session, model: type[T], ident: int, what: str) -> T:
    obj = session.get(model, ident)
    if obj is None:
        raise NotFound(what, ident)
    return obj


def audit(
    session: Session,
    action: domain.AuditAction,
    entity: Kind | domain.AuditEntity,
    entity_id: int | None,
    beneficiary_id: int | None,
    detail: str = "",
) -> None:
    """Record who-did-what; ``detail`` names fields, never their content. ``entity`` is the
    record kind the event is about (its ``Kind.entity`` is stored), or one of the few entities
    that are no record kind (``domain.AuditEntity``: the workspace)."""
    name = entity.entity if isinstance(entity, Kind) else entity.value
    chg.note_audit(action.value, name, entity_id, detail)
    session.add(
        m.AuditEvent(
            action=action.value,
            entity=name,
            entity_id=entity_id,
            beneficiary_id=beneficiary_id,
            detail=detail[:200],
        )
    )


__all__ = [
    "NotFound",
    "Spec",
    "Validator",
    "a_bool",
    "a_date",
    "a_list_of",
    "a_time",
    "amount",
    "an_enum",
    "an_int",
    "apply",
    "audit",
    "get",
    "required",
    "text",
    "validate",
]
