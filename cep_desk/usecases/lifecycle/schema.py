"""The JSON Schema (draft 2020-12) of the exchange format, and a small validator for it.

The schema is written here once, as data; ``docs/exchange-format.schema.json`` is generated
from it (``python -m cep_desk.usecases.lifecycle.schema > docs/exchange-format.schema.json``) and a test
keeps both identical. The validator interprets the subset of keywords the schema uses (``type``,
``properties``, ``required``, ``additionalProperties: false``, ``items``, ``enum``, ``const``,
``minLength``, ``maxLength``, ``pattern``, ``format`` date/date-time, ``minimum``, ``maximum``,
``minItems``, ``maxItems``, ``uniqueItems``, ``$ref`` to ``#/$defs/…``) and reports errors in
French with their location (``people[3].journeys[0].needs[1].rank``). A test checks that the
schema uses no other keyword, so the two cannot drift apart silently.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any

from cep_desk import domain, kinds

FORMAT_NAME = "cep-desk-exchange"
# 2: satisfaction answers and six-month follow-ups under each journey (issue #12); files of
# version 1 (without those lists) are still read.
# 3: the person's appointments (the agenda, issue #12), with the uids of their journey and of
# the session made from them; files of versions 1 and 2 (without them) are still read.
# 4: every record's uid is its global id (a UUIDv7, issue #13), no longer
# « <workspace_id>:<table>:<id> »; files of the older versions are still read (their records
# get new uids).
FORMAT_VERSION = 4
OLDEST_VERSION = 1
SCHEMA_ID = "https://cep-desk.example/schemas/exchange-format-v1.schema.json"

MAX_TEXT = domain.MAX_TEXT
MAX_NAME = domain.MAX_NAME
MAX_AMOUNT = 10**12
# A global id (version 4), or the « <workspace_id>:<table>:<id> » of versions 1 to 3.
UUID_PATTERN = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
UID_PATTERN = rf"^({UUID_PATTERN}|[A-Za-z0-9-]{{1,40}}:[a-z_]{{1,30}}:[0-9]{{1,18}})$"
TIME_PATTERN = r"^(([01][0-9]|2[0-3]):[0-5][0-9])?$"
CLOCK_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


# ---------------------------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------------------------


def _text(max_len: int, description: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {"type": "string", "maxLength": max_len}
    if description:
        out["description"] = description
    return out


def _required_text(max_len: int, description: str = "") -> dict[str, Any]:
    return {**_text(max_len, description), "minLength": 1}


def _codes(enum: type[domain.LabelledEnum], nullable: bool = False) -> dict[str, Any]:
    values: list[Any] = [m.value for m in enum]
    labels = "; ".join(f"{m.value} = {m.label}" for m in enum)
    if nullable:
        return {"type": ["string", "null"], "enum": [*values, None], "description": labels}
    return {"type": "string", "enum": values, "description": labels}


def _int(lo: int, hi: int, nullable: bool = False, description: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": ["integer", "null"] if nullable else "integer",
        "minimum": lo,
        "maximum": hi,
    }
    if description:
        out["description"] = description
    return out


DATE = {"type": "string", "format": "date", "description": "AAAA-MM-JJ"}
DATE_OR_NULL = {"type": ["string", "null"], "format": "date", "description": "AAAA-MM-JJ ou null"}
DATETIME = {
    "type": "string",
    "format": "date-time",
    "description": "horodatage ISO 8601 avec fuseau (UTC)",
}
BOOL = {"type": "boolean"}
BOOL_OR_NULL = {"type": ["boolean", "null"]}
AMOUNT = _int(0, MAX_AMOUNT, nullable=True, description="montant en centimes d'euro")
UID = {
    "type": "string",
    "pattern": UID_PATTERN,
    "maxLength": 90,
    "description": (
        "identifiant global de l'enregistrement (UUID version 7) ; dans les fichiers des "
        "versions 1 à 3 : « <workspace_id>:<table>:<id> »"
    ),
}
TIMESTAMPS = {
    "created_at": {"$ref": "#/$defs/datetime"},
    "updated_at": {"$ref": "#/$defs/datetime"},
}


def _object(
    properties: dict[str, Any], required: list[str], description: str = ""
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    if description:
        out["description"] = description
    return out


def _list_of(ref: str, max_items: int = 10_000) -> dict[str, Any]:
    return {"type": "array", "items": {"$ref": f"#/$defs/{ref}"}, "maxItems": max_items}


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


# ---------------------------------------------------------------------------------------------
# Derived from the record-kind descriptions (cep_desk.kinds)
# ---------------------------------------------------------------------------------------------


def field_schema(f: kinds.Field) -> dict[str, Any]:
    """The schema of one exported field, from its description."""
    if f.schema is not None:
        return dict(f.schema)
    t = kinds.FieldType
    if f.type is t.TEXT and f.choices:
        return {"type": "string", "enum": [code for code, _words in f.choices]}
    if f.type is t.TEXT:
        limit = f.max_len if f.max_len is not None else MAX_TEXT
        return _required_text(limit, f.note) if f.required else _text(limit, f.note)
    if f.type is t.TIME:
        out: dict[str, Any] = {"type": "string", "pattern": TIME_PATTERN}
        return {**out, "description": f.note} if f.note else out
    if f.type is t.CLOCK:
        clock: dict[str, Any] = {"type": "string", "pattern": CLOCK_PATTERN}
        return {**clock, "description": f.note} if f.note else clock
    if f.type is t.DATE:
        if not f.nullable:
            return _ref("date")
        return {**DATE_OR_NULL, "description": f.note} if f.note else _ref("date_or_null")
    if f.type is t.DATETIME:
        return _ref("datetime")
    if f.type is t.CODE:
        assert f.enum is not None, f.name
        return _codes(f.enum, nullable=f.nullable)
    if f.type is t.CODES:
        assert f.enum is not None, f.name
        return {
            "type": "array",
            "items": _codes(f.enum),
            "maxItems": f.max_len,
            "uniqueItems": True,
        }
    if f.type is t.BOOL:
        base = BOOL_OR_NULL if f.nullable else BOOL
        return {**base, "description": f.note} if f.note else base
    if f.type is t.INT:
        assert f.bounds is not None, f.name
        return _int(*f.bounds, nullable=f.nullable, description=f.note)
    if f.type is t.AMOUNT:
        return _ref("amount")
    raise TypeError(f"no schema for {f.name} ({f.type})")


# Properties of the exchange format that are not fields of the record's kind.
_EXTRA_FIRST: dict[str, dict[str, Any]] = {
    "document": {
        "journey_uid": {
            "type": ["string", "null"],
            "maxLength": 90,
            "description": "uid du parcours concerné (dans le même dossier), ou null",
        }
    },
    "appointment": {
        "journey_uid": {
            "type": ["string", "null"],
            "maxLength": 90,
            "description": "uid du parcours du rendez-vous (dans le même dossier), ou null "
            "pour un premier rendez-vous pris avant tout parcours",
        },
        "session_uid": {
            "type": ["string", "null"],
            "maxLength": 90,
            "description": "uid de l'entretien tiré de ce rendez-vous (dans le même dossier), "
            "ou null",
        },
    },
}


def _record(kind: kinds.Kind) -> dict[str, Any]:
    """The object schema of one record of ``kind``: its uid, its exported fields, the
    timestamps, then the lists of its children kinds."""
    first = _EXTRA_FIRST.get(kind.name)
    children = {k.key: _list_of(k.name, k.max_items) for k in kinds.children_of(kind)}
    properties: dict[str, Any] = {"uid": _ref("uid"), **(first or {})}
    for f in kind.fields:
        if f.exported and f.type is not kinds.FieldType.LINK:
            properties[f.name] = field_schema(f)
    properties.update(TIMESTAMPS)
    properties.update(children or {})
    required = ["uid", *(f.name for f in kind.fields if f.file_required)]
    return _object(properties, required, kind.summary)


# ---------------------------------------------------------------------------------------------
# The schema
# ---------------------------------------------------------------------------------------------


def build_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {
        "uid": UID,
        "date": DATE,
        "date_or_null": DATE_OR_NULL,
        "datetime": DATETIME,
        "amount": AMOUNT,
        **{kind.name: _record(kind) for kind in kinds.FILE_KINDS},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "CEP Desk — format d'échange des dossiers, version 1",
        "description": (
            "Export et import des dossiers des personnes accompagnées (droit d'accès, "
            "portabilité, transfert entre conseillers). Voir docs/exchange-format.md."
        ),
        "type": "object",
        "properties": {
            "format": {"const": FORMAT_NAME},
            "version": {"type": "integer", "enum": list(range(OLDEST_VERSION, FORMAT_VERSION + 1))},
            "exported_at": _ref("datetime"),
            "workspace_id": {"type": "string", "pattern": r"^[A-Za-z0-9-]{1,40}$"},
            "source": _object(
                {"organisation": _text(200), "counsellor": _text(200)},
                [],
                "qui a exporté (information, non importée)",
            ),
            "people": {
                "type": "array",
                "items": _ref("person"),
                "maxItems": kinds.PERSON.max_items,
            },
        },
        "required": ["format", "version", "exported_at", "workspace_id", "people"],
        "additionalProperties": False,
        "$defs": defs,
    }


SCHEMA: dict[str, Any] = build_schema()


def schema_json() -> str:
    return json.dumps(SCHEMA, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------------------------
# The validator
# ---------------------------------------------------------------------------------------------

SUPPORTED_KEYWORDS = frozenset(
    {
        "$schema",
        "$id",
        "$defs",
        "$ref",
        "title",
        "description",
        "type",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "enum",
        "const",
        "minLength",
        "maxLength",
        "pattern",
        "format",
        "minimum",
        "maximum",
        "minItems",
        "maxItems",
        "uniqueItems",
    }
)

TYPE_LABELS = {
    "string": "texte",
    "integer": "nombre entier",
    "number": "nombre",
    "boolean": "booléen (true ou false)",
    "null": "null",
    "array": "liste",
    "object": "objet",
}

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$")


class SchemaViolation(ValueError):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path} : {message}")
        self.path = path
        self.message = message


def json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def shown(value: object, limit: int = 40) -> str:
    """A short, safe rendering of a value for an error message."""
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    text = "".join(ch if ch.isprintable() else "�" for ch in text)
    return f"« {text[:limit]}… »" if len(text) > limit else f"« {text} »"


def join_path(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        ref = schema["$ref"]
        if not ref.startswith("#/$defs/"):
            raise ValueError(f"unsupported $ref {ref}")
        schema = root["$defs"][ref[len("#/$defs/") :]]
    return schema


def _type_ok(value: Any, expected: str) -> bool:
    actual = json_type(value)
    return actual == expected or (expected == "number" and actual == "integer")


def iter_errors(
    value: object,
    schema: dict[str, Any] | None = None,
    path: str = "",
    root: dict[str, Any] | None = None,
) -> Iterator[SchemaViolation]:
    """Every violation of ``schema`` by ``value``, depth first, in document order."""
    root = root or SCHEMA
    schema = _resolve(schema if schema is not None else root, root)
    where = path or "(racine du fichier)"
    if "const" in schema and value != schema["const"]:
        yield SchemaViolation(
            where, f"valeur attendue {shown(schema['const'])}, trouvé {shown(value)}"
        )
        return
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_type_ok(value, t) for t in types):
            wanted = " ou ".join(TYPE_LABELS.get(t) or str(t) for t in types)
            yield SchemaViolation(
                where,
                f"type attendu : {wanted} (trouvé : {TYPE_LABELS.get(json_type(value), json_type(value))})",
            )
            return
    if "enum" in schema and value not in schema["enum"]:
        options = ", ".join("null" if v is None else str(v) for v in schema["enum"])
        if len(options) > 160:
            options = options[:160] + "…"
        yield SchemaViolation(
            where, f"valeur inconnue {shown(value)} (valeurs possibles : {options})"
        )
        return
    if isinstance(value, str):
        yield from _string_errors(value, schema, where)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            yield SchemaViolation(
                where, f"nombre trop petit ({value}, au moins {schema['minimum']})"
            )
        if "maximum" in schema and value > schema["maximum"]:
            yield SchemaViolation(
                where, f"nombre trop grand ({value}, au plus {schema['maximum']})"
            )
    elif isinstance(value, list):
        yield from _array_errors(value, schema, path, root)
    elif isinstance(value, dict):
        yield from _object_errors(value, schema, path, root)


def _string_errors(value: str, schema: dict[str, Any], where: str) -> Iterator[SchemaViolation]:
    if "minLength" in schema and len(value) < schema["minLength"]:
        yield SchemaViolation(where, "texte vide alors qu'il est obligatoire")
        return
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        yield SchemaViolation(
            where, f"texte trop long ({len(value)} caractères, {schema['maxLength']} au plus)"
        )
        return
    if "pattern" in schema and not re.search(schema["pattern"], value):
        yield SchemaViolation(where, f"format invalide {shown(value)}")
        return
    fmt = schema.get("format")
    if fmt == "date":
        if not _DATE_RE.match(value) or _parse_date(value) is None:
            yield SchemaViolation(
                where, f"date invalide {shown(value)} (format attendu AAAA-MM-JJ)"
            )
    elif fmt == "date-time" and (not _DATETIME_RE.match(value) or _parse_datetime(value) is None):
        yield SchemaViolation(
            where, f"horodatage invalide {shown(value)} (format attendu ISO 8601 avec fuseau)"
        )


def _array_errors(
    value: list[Any], schema: dict[str, Any], path: str, root: dict[str, Any]
) -> Iterator[SchemaViolation]:
    where = path or "(racine du fichier)"
    if "minItems" in schema and len(value) < schema["minItems"]:
        yield SchemaViolation(where, f"liste trop courte (au moins {schema['minItems']} éléments)")
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        yield SchemaViolation(
            where, f"liste trop longue ({len(value)} éléments, {schema['maxItems']} au plus)"
        )
        return
    if schema.get("uniqueItems"):
        seen: set[str] = set()
        for i, item in enumerate(value):
            key = json.dumps(item, sort_keys=True)
            if key in seen:
                yield SchemaViolation(join_path(path, i), f"valeur en double {shown(item)}")
            seen.add(key)
    if "items" in schema:
        for i, item in enumerate(value):
            yield from iter_errors(item, schema["items"], join_path(path, i), root)


def _object_errors(
    value: dict[str, Any], schema: dict[str, Any], path: str, root: dict[str, Any]
) -> Iterator[SchemaViolation]:
    props = schema.get("properties", {})
    for name in schema.get("required", []):
        if name not in value:
            yield SchemaViolation(join_path(path, name), "champ obligatoire absent")
    if schema.get("additionalProperties") is False:
        for name in value:
            if name not in props:
                yield SchemaViolation(
                    join_path(path, str(name)),
                    f"champ inconnu (absent de la version {FORMAT_VERSION} du format)",
                )
    for name, sub in props.items():
        if name in value:
            yield from iter_errors(value[name], sub, join_path(path, name), root)


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _parse_datetime(text: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


# ---------------------------------------------------------------------------------------------
# The compiled checker: the same verdict as ``iter_errors``, without the messages
# ---------------------------------------------------------------------------------------------
#
# The import checks every person of a file; walking the generic description for every value
# (resolving ``$ref``, testing which keywords a node has, building the location of every value)
# was most of the import's time. :func:`compile_checker` turns a schema into nested closures,
# once: each node tests only the keywords it has, locations are not built. It answers "valid or
# not" only, and is exact: it is True exactly when :func:`iter_errors` yields nothing (a test
# draws documents and compares both). When it says False, the caller asks :func:`iter_errors`
# for the French messages, so the messages come from one place.

Check = Callable[[Any], bool]

_TYPE_TESTS: dict[str, Check] = {
    "null": lambda v: v is None,
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}
_MISSING = object()


def _type_test(types: list[str]) -> Check:
    tests = [_TYPE_TESTS.get(t) or (lambda v, t=t: json_type(v) == t) for t in types]
    if len(tests) == 1:
        return tests[0]
    if types == ["string", "null"]:
        return lambda v: v is None or isinstance(v, str)
    return lambda v: any(test(v) for test in tests)


def _string_check(schema: dict[str, Any]) -> Check | None:
    lo = schema.get("minLength")
    hi = schema.get("maxLength")
    search = re.compile(schema["pattern"]).search if "pattern" in schema else None
    fmt = schema.get("format")
    fmt_ok: Check | None = None
    if fmt == "date":
        fmt_ok = lambda v: bool(_DATE_RE.match(v)) and _parse_date(v) is not None  # noqa: E731
    elif fmt == "date-time":
        fmt_ok = lambda v: bool(_DATETIME_RE.match(v)) and _parse_datetime(v) is not None  # noqa: E731
    if lo is None and search is None and fmt_ok is None:
        if hi is None:
            return None
        return lambda v: len(v) <= hi
    lo_ = 0 if lo is None else lo
    hi_ = hi

    def check(v: str) -> bool:
        n = len(v)
        if n < lo_ or (hi_ is not None and n > hi_):
            return False
        if search is not None and not search(v):
            return False
        return fmt_ok is None or fmt_ok(v)

    return check


def _number_check(schema: dict[str, Any]) -> Check | None:
    lo = schema.get("minimum")
    hi = schema.get("maximum")
    if lo is None and hi is None:
        return None
    # Written as "not below and not above", as iter_errors tests it (NaN passes both).
    if lo is not None and hi is not None:
        return lambda v: not (v < lo or v > hi)
    if lo is not None:
        return lambda v: not v < lo
    return lambda v: not v > hi


def _unique(items: list[Any]) -> bool:
    if all(isinstance(item, str) for item in items):
        return len(set(items)) == len(items)  # json.dumps is one-to-one on strings
    keys = [json.dumps(item, sort_keys=True) for item in items]
    return len(set(keys)) == len(keys)


def _array_check(schema: dict[str, Any], item: Check | None) -> Check | None:
    lo = schema.get("minItems")
    hi = schema.get("maxItems")
    unique = bool(schema.get("uniqueItems"))
    if lo is None and hi is None and not unique and item is None:
        return None
    lo_ = 0 if lo is None else lo

    def check(v: list[Any]) -> bool:
        n = len(v)
        if n < lo_ or (hi is not None and n > hi):
            return False
        if unique and not _unique(v):
            return False
        if item is not None:
            for x in v:
                if not item(x):
                    return False
        return True

    return check


def _object_check(schema: dict[str, Any], props: dict[str, Check]) -> Check | None:
    required = tuple(schema.get("required", ()))
    closed = schema.get("additionalProperties") is False
    known = frozenset(schema.get("properties", {}))
    if not required and not closed and not props:
        return None
    if closed:
        # Every key is a known property: one pass over the keys present checks them all.
        def check_closed(v: dict[Any, Any]) -> bool:
            for name in required:
                if name not in v:
                    return False
            if not v.keys() <= known:
                return False
            for name, x in v.items():
                sub = props.get(name)
                if sub is not None and not sub(x):
                    return False
            return True

        return check_closed
    pairs = tuple(props.items())

    def check_open(v: dict[Any, Any]) -> bool:
        for name in required:
            if name not in v:
                return False
        for name, sub in pairs:
            x = v.get(name, _MISSING)
            if x is not _MISSING and not sub(x):
                return False
        return True

    return check_open


def compile_checker(
    schema: dict[str, Any] | None = None, root: dict[str, Any] | None = None
) -> Check:
    """A function telling whether a value is valid against ``schema`` (the whole schema by
    default): True exactly when :func:`iter_errors` would yield no error. Built once."""
    root = root or SCHEMA
    compiled: dict[str, Check] = {}

    def ref(name: str) -> Check:
        if name not in compiled:
            compiled[name] = lambda v: compiled[name](v)  # a cycle resolves through the table
            compiled[name] = node(root["$defs"][name])
        return compiled[name]

    def node(s: dict[str, Any]) -> Check:
        if "$ref" in s:
            target = s["$ref"]
            if not target.startswith("#/$defs/"):
                raise ValueError(f"unsupported $ref {target}")
            return ref(target[len("#/$defs/") :])
        on_str = _string_check(s)
        on_num = _number_check(s)
        on_list = _array_check(s, node(s["items"]) if "items" in s else None)
        on_dict = _object_check(
            s, {name: node(sub) for name, sub in s.get("properties", {}).items()}
        )
        if "type" in s:
            types = s["type"] if isinstance(s["type"], list) else [s["type"]]
            per_type = {
                "string": on_str,
                "integer": on_num,
                "number": on_num,
                "array": on_list,
                "object": on_dict,
            }
            base = _typed([(t, per_type.get(t)) for t in types])
        else:
            base = _dispatch(on_str, on_num, on_list, on_dict)
        if "enum" in s:
            base = _and(base, _member_test(s["enum"]))
        if "const" in s:
            const = s["const"]
            base = _and(lambda v: not (v != const), base)  # noqa: SIM202 - as iter_errors tests it
        return base

    return node(schema if schema is not None else root)


def _typed(pairs: list[tuple[str, Check | None]]) -> Check:
    """Valid when the value is of one of the types and passes that type's checks (the types
    are disjoint, but for integer and number, which share their checks)."""
    parts: list[Check] = []
    nullable = False
    for name, extra in pairs:
        if name == "null":
            nullable = True
            continue
        parts.append(_fused(name, extra))
    if not parts:
        return _TYPE_TESTS["null"]
    if len(parts) == 1:
        one = parts[0]
        return (lambda v: v is None or one(v)) if nullable else one
    return lambda v: (nullable and v is None) or any(part(v) for part in parts)


def _fused(name: str, extra: Check | None) -> Check:
    """The type test and that type's checks in one closure (one call less per value)."""
    test = _TYPE_TESTS.get(name) or (lambda v: json_type(v) == name)
    if extra is None:
        return test
    if name == "string":
        return lambda v: isinstance(v, str) and extra(v)
    if name == "integer":
        return lambda v: isinstance(v, int) and not isinstance(v, bool) and extra(v)
    if name == "array":
        return lambda v: isinstance(v, list) and extra(v)
    if name == "object":
        return lambda v: isinstance(v, dict) and extra(v)
    return _and(test, extra)


def _and(first: Check, second: Check) -> Check:
    return lambda v: first(v) and second(v)


def _dispatch(
    on_str: Check | None, on_num: Check | None, on_list: Check | None, on_dict: Check | None
) -> Check:
    """No ``type``: the checks of whatever type the value has, as :func:`iter_errors` does."""

    def check(v: Any) -> bool:
        if isinstance(v, str):
            return on_str is None or on_str(v)
        if isinstance(v, int | float) and not isinstance(v, bool):
            return on_num is None or on_num(v)
        if isinstance(v, list):
            return on_list is None or on_list(v)
        if isinstance(v, dict):
            return on_dict is None or on_dict(v)
        return True

    return check


def _member_test(listed: list[Any]) -> Check:
    try:
        members = frozenset(listed)
    except TypeError:
        return lambda v: v in listed

    def check(v: Any) -> bool:
        try:
            return v in members
        except TypeError:  # an unhashable value: compared as the list does
            return v in listed

    return check


def checker_of(name: str) -> Check:
    """The compiled checker of one definition (``person``…), built once per process."""
    if name not in _CHECKERS:
        _CHECKERS[name] = compile_checker(SCHEMA["$defs"][name])
    return _CHECKERS[name]


_CHECKERS: dict[str, Check] = {}


def is_valid(value: object, checker: Check | None = None) -> bool:
    """The compiled checker's verdict (the whole document by default). An exception inside it
    (a value no JSON text gives, such as a set) answers False: :func:`iter_errors` then says
    what it says about that value."""
    if checker is None:
        if "" not in _CHECKERS:
            _CHECKERS[""] = compile_checker()
        checker = _CHECKERS[""]
    try:
        return checker(value)
    except Exception:
        return False


def used_keywords(schema: object = None) -> set[str]:
    """Every keyword the schema uses (for the test that keeps validator and schema in step)."""
    schema = SCHEMA if schema is None else schema
    found: set[str] = set()

    def walk(node: Any, in_map: bool) -> None:
        if isinstance(node, dict):
            for key, sub in node.items():
                if not in_map:
                    found.add(key)
                # "properties" and "$defs" map names to schemas; their keys are not keywords.
                walk(sub, in_map=(key in ("properties", "$defs")) and not in_map)
        elif isinstance(node, list):
            for item in node:
                walk(item, in_map=False)

    walk(schema, in_map=False)
    return found


if __name__ == "__main__":  # pragma: no cover - generator of the docs file
    import sys

    sys.stdout.write(schema_json())
