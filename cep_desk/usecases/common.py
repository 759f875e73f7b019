"""Shared machinery of the use cases: field validation, generic updates, the audit trail."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from cep_desk import domain
from cep_desk.domain import ValidationError
from cep_desk.storage import models as m

from . import changes as chg

Validator = Callable[[Any, str], Any]


class NotFound(LookupError):
    """A record id that does not exist (any more)."""

    def __init__(self, what: str, ident: int) -> None:
        super().__init__(f"{what} n° {ident} introuvable.")
        self.message = str(self)


def text(max_len: int = domain.MAX_TEXT) -> Validator:
    def check(value: Any, name: str) -> str:
        if value is not None and not isinstance(value, str):
            raise ValidationError("Texte attendu.", name)
        return domain.clean_text(value, field=name, max_len=max_len)

    return check


def required(label: str, max_len: int = domain.MAX_NAME) -> Validator:
    def check(value: Any, name: str) -> str:
        if value is not None and not isinstance(value, str):
            raise ValidationError("Texte attendu.", name)
        text_value = domain.clean_text(value, field=name, max_len=max_len)
        if not text_value:
            raise ValidationError(f"{label} est obligatoire.", name)
        return text_value

    return check


def a_date(required_: bool = False) -> Validator:
    def check(value: Any, name: str) -> date | None:
        if value is None:
            if required_:
                raise ValidationError("Une date est obligatoire.", name)
            return None
        if not isinstance(value, date):
            raise ValidationError("Date attendue.", name)
        return domain.check_plausible_date(value, field=name)

    return check


def an_enum(enum: type[domain.LabelledEnum], optional: bool = False) -> Validator:
    def check(value: Any, name: str) -> str | None:
        if value is None or value == "":
            if optional:
                return None
            raise ValidationError("Choisissez une valeur.", name)
        return str(enum.parse(str(value), name).value)

    return check


def amount() -> Validator:
    def check(value: Any, name: str) -> int | None:
        return domain.check_amount(value, field=name)

    return check


def a_bool(optional: bool = False) -> Validator:
    def check(value: Any, name: str) -> bool | None:
        if value is None and optional:
            return None
        if not isinstance(value, bool):
            raise ValidationError("Oui ou non attendu.", name)
        return value

    return check


def an_int(lo: int, hi: int, optional: bool = True) -> Validator:
    def check(value: Any, name: str) -> int | None:
        if value is None and optional:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
            raise ValidationError(f"Nombre entre {lo} et {hi} attendu.", name)
        return value

    return check


def a_time() -> Validator:
    def check(value: Any, name: str) -> str:
        value = (value or "").strip()
        if not value:
            return ""
        try:
            h, mi = value.split(":")
            if not (0 <= int(h) < 24 and 0 <= int(mi) < 60 and len(mi) == 2):
                raise ValueError
        except ValueError:
            raise ValidationError("Heure attendue au format HH:MM.", name) from None
        return f"{int(h):02d}:{mi}"

    return check


def a_list_of(enum: type[domain.LabelledEnum]) -> Validator:
    def check(value: Any, name: str) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list | tuple):
            raise ValidationError("Liste attendue.", name)
        return [str(enum.parse(str(v), name).value) for v in value if v]

    return check


Spec = Mapping[str, Validator]


def validate(changes: Mapping[str, Any], spec: Spec) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in spec:
            raise ValidationError(f"Champ inconnu : {name}.", name)
        clean[name] = spec[name](value, name)
    return clean


def apply(obj: Any, clean: Mapping[str, Any]) -> list[str]:
    """Set the attributes that differ; return the names of those changed."""
    changed = []
    for name, value in clean.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed.append(name)
    return changed


def get(session: Session, model: type, ident: int, what: str) -> Any:
    obj = session.get(model, ident)
    if obj is None:
        raise NotFound(what, ident)
    return obj


def audit(
    session: Session,
    action: domain.AuditAction,
    entity: str,
    entity_id: int | None,
    beneficiary_id: int | None,
    detail: str = "",
) -> None:
    """Record who-did-what; ``detail`` names fields, never their content."""
    chg.note_audit(action.value, entity, entity_id, detail)
    session.add(
        m.AuditEvent(
            action=action.value,
            entity=entity,
            entity_id=entity_id,
            beneficiary_id=beneficiary_id,
            detail=detail[:200],
        )
    )
