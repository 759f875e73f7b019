"""Record kinds, each described once: fields, types, lengths, labels, and where they go."""

from __future__ import annotations

from .base import Access, Field, FieldType, Kind
from .descriptions import (
    ALL_KINDS,
    CHECK,
    CONTACT,
    COUNSELLOR,
    DOCUMENT,
    FILE_KINDS,
    FUNDING,
    JOURNEY,
    NEED,
    PERSON,
    PROJECT,
    SESSION,
    SKILL,
    STEP,
    UNDESCRIBED_TABLES,
    children_of,
    entity_labels,
    history_labels,
    kind_of_entity,
)

__all__ = [
    "ALL_KINDS",
    "CHECK",
    "CONTACT",
    "COUNSELLOR",
    "DOCUMENT",
    "FILE_KINDS",
    "FUNDING",
    "JOURNEY",
    "NEED",
    "PERSON",
    "PROJECT",
    "SESSION",
    "SKILL",
    "STEP",
    "UNDESCRIBED_TABLES",
    "Access",
    "Field",
    "FieldType",
    "Kind",
    "children_of",
    "entity_labels",
    "history_labels",
    "kind_of_entity",
]
