"""Field validators: each takes the value given and the field's name, returns the clean value
or raises :class:`~cep_desk.domain.ValidationError` with a French message.

The record-kind descriptions (:mod:`cep_desk.kinds.descriptions`) name one per field; the use
cases' validation specs are derived from them. Qt-free and storage-free.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, time

from cep_desk import domain
from cep_desk.domain import ValidationError

Validator = Callable[[object, str], object]


def text(max_len: int = domain.MAX_TEXT) -> Validator:
    def check(value: object, name: str) -> str:
        if value is not None and not isinstance(value, str):
            raise ValidationError("Texte attendu.", name)
        return domain.clean_text(value, field=name, max_len=max_len)

    return check


def required(label: str, max_len: int = domain.MAX_NAME) -> Validator:
    def check(value: object, name: str) -> str:
        if value is not None and not isinstance(value, str):
            raise ValidationError("Texte attendu.", name)
        text_value = domain.clean_text(value, field=name, max_len=max_len)
        if not text_value:
            raise ValidationError(f"{label} est obligatoire.", name)
        return text_value

    return check


def a_date(required_: bool = False) -> Validator:
    def check(value: object, name: str) -> date | None:
        if value is None:
            if required_:
                raise ValidationError("Une date est obligatoire.", name)
            return None
        if not isinstance(value, date):
            raise ValidationError("Date attendue.", name)
        return domain.check_plausible_date(value, field=name)

    return check


def an_enum(enum: type[domain.LabelledEnum], optional: bool = False) -> Validator:
    def check(value: object, name: str) -> str | None:
        if value is None or value == "":
            if optional:
                return None
            raise ValidationError("Choisissez une valeur.", name)
        return str(_parsed(enum, str(value), name).value)

    return check


def amount() -> Validator:
    def check(value: object, name: str) -> int | None:
        return domain.check_amount(value, field=name)  # type: ignore[arg-type]

    return check


def a_bool(optional: bool = False) -> Validator:
    def check(value: object, name: str) -> bool | None:
        if value is None and optional:
            return None
        if not isinstance(value, bool):
            raise ValidationError("Oui ou non attendu.", name)
        return value

    return check


def an_int(lo: int, hi: int, optional: bool = True) -> Validator:
    def check(value: object, name: str) -> int | None:
        if value is None and optional:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
            raise ValidationError(f"Nombre entre {lo} et {hi} attendu.", name)
        return value

    return check


def a_time() -> Validator:
    def check(value: object, name: str) -> str:
        raw = str(value or "").strip()
        if not raw:
            return ""
        try:
            h, mi = raw.split(":")
            if not (0 <= int(h) < 24 and 0 <= int(mi) < 60 and len(mi) == 2):
                raise ValueError
        except ValueError:
            raise ValidationError("Heure attendue au format HH:MM.", name) from None
        return f"{int(h):02d}:{mi}"

    return check


def a_clock() -> Validator:
    """A wall-clock time: a ``datetime.time`` or its "HH:MM" text; always required."""

    def check(value: object, name: str) -> time:
        if isinstance(value, time):
            return value.replace(second=0, microsecond=0, tzinfo=None)
        raw = value.strip() if isinstance(value, str) else ""
        if not raw:
            raise ValidationError("Une heure est obligatoire.", name)
        clean = str(a_time()(raw, name))
        return time(int(clean[:2]), int(clean[3:]))

    return check


def a_list_of(enum: type[domain.LabelledEnum]) -> Validator:
    def check(value: object, name: str) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list | tuple):
            raise ValidationError("Liste attendue.", name)
        return [str(_parsed(enum, str(v), name).value) for v in value if v]

    return check


# Person-specific checks -------------------------------------------------------------------------


def phone(value: object, name: str) -> str:
    text_value = str(text(40)(value, name))
    if text_value and not re.fullmatch(r"[0-9 +().\-]{6,40}", text_value):
        raise ValidationError("Numéro de téléphone invalide (chiffres, espaces, +).", name)
    return text_value


def email(value: object, name: str) -> str:
    text_value = str(text(200)(value, name))
    if text_value and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text_value):
        raise ValidationError("Adresse e-mail invalide.", name)
    return text_value


def postcode(value: object, name: str) -> str:
    text_value = str(text(10)(value, name))
    if text_value and not re.fullmatch(r"\d{5}|2[AB]\d{3}", text_value.upper()):
        raise ValidationError("Code postal invalide (5 chiffres).", name)
    return text_value.upper()


def birth_date(value: object, name: str) -> date | None:
    return domain.check_birth_date(a_date()(value, name))  # type: ignore[arg-type]


def _parsed(enum: type[domain.LabelledEnum], code: str, name: str) -> domain.LabelledEnum:
    parsed = enum.parse(code, name)
    if parsed is None:  # a non-empty code parses or raises
        raise ValidationError("Choisissez une valeur.", name)
    return parsed
