"""The JSON Schema (draft 2020-12) of the exchange format, and a small validator for it.

The schema is written here once, as data; ``docs/exchange-format.schema.json`` is generated
from it (``python -m cep_desk.lifecycle.schema > docs/exchange-format.schema.json``) and a test
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
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from cep_desk import domain

FORMAT_NAME = "cep-desk-exchange"
FORMAT_VERSION = 1
SCHEMA_ID = "https://cep-desk.example/schemas/exchange-format-v1.schema.json"

MAX_TEXT = domain.MAX_TEXT
MAX_NAME = domain.MAX_NAME
MAX_AMOUNT = 10**12
UID_PATTERN = r"^[A-Za-z0-9-]{1,40}:[a-z_]{1,30}:[0-9]{1,18}$"


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
    "description": "identifiant stable : « <workspace_id>:<table>:<id> »",
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
# The schema
# ---------------------------------------------------------------------------------------------


def build_schema() -> dict[str, Any]:
    uid = _ref("uid")
    date_ = _ref("date")
    date_or_null = _ref("date_or_null")
    defs: dict[str, Any] = {
        "uid": UID,
        "date": DATE,
        "date_or_null": DATE_OR_NULL,
        "datetime": DATETIME,
        "amount": AMOUNT,
        "person": _object(
            {
                "uid": uid,
                "last_name": _required_text(MAX_NAME, "nom"),
                "first_name": _required_text(MAX_NAME, "prénom"),
                "birth_date": date_or_null,
                "sex": _codes(domain.Sex, nullable=True),
                "phone": _text(40),
                "email": _text(200),
                "postcode": _text(10),
                "town": _text(200),
                "department": _text(100),
                "region": _text(100),
                "status": _codes(domain.Public),
                "status_detail": _text(200),
                "sector": _text(200),
                "job_title": _text(200),
                "education_level": _codes(domain.EducationLevel, nullable=True),
                "rqth": {**BOOL_OR_NULL, "description": "donnée de santé (sensible), facultative"},
                "rqth_basis": _text(200, "base légale ou consentement de la donnée RQTH"),
                "notice_given_on": {
                    **DATE_OR_NULL,
                    "description": "date de remise de la notice d'information",
                },
                "last_contact_on": {
                    **DATE_OR_NULL,
                    "description": "dernier contact (point de départ de la durée de conservation)",
                },
                "notes": _text(MAX_TEXT),
                **TIMESTAMPS,
                "journeys": _list_of("journey", 1000),
                "documents": _list_of("document", 10_000),
            },
            ["uid", "last_name", "first_name"],
            "une personne accompagnée et tout son dossier",
        ),
        "journey": _object(
            {
                "uid": uid,
                "request_date": date_,
                "first_appointment_on": date_or_null,
                "reasons": {
                    "type": "array",
                    "items": _codes(domain.RequestReason),
                    "maxItems": 20,
                    "uniqueItems": True,
                },
                "level_reached": _int(0, 2),
                "level1_decision": _codes(domain.Level1Decision, nullable=True),
                "redirect_to": _text(200),
                "cep_presented_on": {
                    **DATE_OR_NULL,
                    "description": "objectifs et modalités du CEP présentés le (niveau 1)",
                },
                "closed_on": date_or_null,
                "outcome": _codes(domain.Outcome, nullable=True),
                "outcome_note": _text(MAX_TEXT),
                **TIMESTAMPS,
                "sessions": _list_of("session"),
                "needs": _list_of("need", 1000),
                "projects": _list_of("project", 100),
                "contacts": _list_of("contact"),
            },
            ["uid", "request_date"],
            "un parcours CEP",
        ),
        "session": _object(
            {
                "uid": uid,
                "level": {"type": "integer", "enum": [1, 2]},
                "held_on": date_,
                "start_time": {
                    "type": "string",
                    "pattern": r"^(([01][0-9]|2[0-3]):[0-5][0-9])?$",
                    "description": "HH:MM, heure locale, ou vide",
                },
                "duration_min": _int(1, 24 * 60, nullable=True, description="minutes"),
                "modality": _codes(domain.Modality),
                "on_working_time": BOOL,
                "agreement": _text(200),
                "request_expressed": _text(MAX_TEXT),
                "first_analysis": _text(MAX_TEXT),
                "environment_info": _text(MAX_TEXT),
                "possible_steps": _text(MAX_TEXT),
                "actors": _text(MAX_TEXT),
                "clarified_request": _text(MAX_TEXT),
                "info_given": _text(MAX_TEXT),
                "remarks": _text(MAX_TEXT),
                "next_appointment_on": date_or_null,
                **TIMESTAMPS,
            },
            ["uid", "level", "held_on"],
            "un entretien de niveau 1 ou 2",
        ),
        "need": _object(
            {
                "uid": uid,
                "theme": _codes(domain.NeedTheme),
                "description": _text(MAX_TEXT),
                "rank": _int(1, 10_000, description="rang de priorité (1 = le plus prioritaire)"),
                "status": _codes(domain.NeedStatus),
                **TIMESTAMPS,
            },
            ["uid", "theme", "rank"],
            "un besoin, par ordre de priorité",
        ),
        "project": _object(
            {
                "uid": uid,
                "kind": _codes(domain.ProjectKind),
                "target_job_label": _text(300),
                "rome_code": _text(5),
                "rome_version": _text(20),
                "certification_label": _text(300),
                "certification_code": _text(20),
                "description": _text(MAX_TEXT),
                "declared_cost_cents": _ref("amount"),
                "training_start_on": date_or_null,
                "training_end_on": date_or_null,
                "training_hours": _int(1, 10_000, nullable=True, description="heures"),
                "training_provider": _text(200),
                "training_part_time": BOOL,
                "exam_title": _text(300),
                "exam_on": date_or_null,
                "cep_opinion": _text(MAX_TEXT),
                "cep_conclusion": _text(MAX_TEXT),
                **TIMESTAMPS,
                "checks": _list_of("check", 20),
                "skills": _list_of("skill", 1000),
                "steps": _list_of("step", 1000),
                "funding": _list_of("funding", 1000),
            },
            ["uid"],
            "le projet du parcours",
        ),
        "check": _object(
            {
                "uid": uid,
                "aspect": _codes(domain.FeasibilityAspect),
                "status": _codes(domain.FeasibilityStatus),
                "note": _text(MAX_TEXT),
                **TIMESTAMPS,
            },
            ["uid", "aspect"],
            "un point de faisabilité (un par aspect)",
        ),
        "skill": _object(
            {
                "uid": uid,
                "label": _required_text(300),
                "state": _codes(domain.SkillState),
                "means": _codes(domain.SkillMeans, nullable=True),
                **TIMESTAMPS,
            },
            ["uid", "label"],
            "une compétence ou qualification",
        ),
        "step": _object(
            {
                "uid": uid,
                "title": _required_text(300),
                "detail": _text(MAX_TEXT),
                "owner": _codes(domain.StepOwner),
                "partner_name": _text(200),
                "start_on": date_or_null,
                "due_on": date_or_null,
                "status": _codes(domain.StepStatus),
                "is_milestone": BOOL,
                "position": _int(0, 100_000),
                "scheme_code": _text(40),
                "internal_service": {
                    **BOOL,
                    "description": "prestation délivrée par l'organisme de l'opérateur",
                },
                **TIMESTAMPS,
            },
            ["uid", "title"],
            "une étape du plan d'action",
        ),
        "funding": _object(
            {
                "uid": uid,
                "scheme_code": _text(40),
                "scheme_label": _text(200),
                "funder": _text(200),
                "covers": _codes(domain.FundingCover),
                "amount_requested_cents": _ref("amount"),
                "amount_granted_cents": _ref("amount"),
                "status": _codes(domain.FundingStatus),
                "decision_on": date_or_null,
                **TIMESTAMPS,
            },
            ["uid"],
            "une ligne du plan de financement",
        ),
        "contact": _object(
            {
                "uid": uid,
                "contact_on": date_,
                "organisation": _required_text(200),
                "person": _text(200),
                "subject": _text(MAX_TEXT),
                "outcome": _text(MAX_TEXT),
                "consent_to_share": BOOL,
                **TIMESTAMPS,
            },
            ["uid", "contact_on", "organisation"],
            "une mise en relation avec un organisme",
        ),
        "document": _object(
            {
                "uid": uid,
                "journey_uid": {
                    "type": ["string", "null"],
                    "maxLength": 90,
                    "description": "uid du parcours concerné (dans le même dossier), ou null",
                },
                "kind": _codes(domain.DocumentKind),
                "issued_at": _ref("datetime"),
                "version": _int(1, 100_000),
                "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                "channel": {"type": "string", "enum": ["export", "print"]},
                **TIMESTAMPS,
            },
            ["uid", "kind", "issued_at", "sha256"],
            "la trace d'un document remis (le PDF lui-même n'est pas conservé)",
        ),
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
            "version": {"const": FORMAT_VERSION},
            "exported_at": _ref("datetime"),
            "workspace_id": {"type": "string", "pattern": r"^[A-Za-z0-9-]{1,40}$"},
            "source": _object(
                {"organisation": _text(200), "counsellor": _text(200)},
                [],
                "qui a exporté (information, non importée)",
            ),
            "people": {"type": "array", "items": _ref("person"), "maxItems": 1_000_000},
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


def json_type(value: Any) -> str:
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


def shown(value: Any, limit: int = 40) -> str:
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
    value: Any, schema: dict[str, Any] | None = None, path: str = "", root: dict | None = None
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
            wanted = " ou ".join(TYPE_LABELS.get(t, t) for t in types)
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
    value: list, schema: dict[str, Any], path: str, root: dict
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
    value: dict, schema: dict[str, Any], path: str, root: dict
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


def used_keywords(schema: Any = None) -> set[str]:
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
