"""What a record kind is: its fields, each described once (issue #11).

A :class:`Field` says the type, the maximum length, the validator, the French label, whether
the value is personal or health data, whether it is exported, printed on the plan, named in the
history, and how it appears in the RGPD access copy. A :class:`Kind` is the ordered list of the
fields of one stored record (the ORM model stays the storage truth; a test keeps both in step).

Everything that used to repeat these facts derives from here: the use cases' validation specs,
the exchange tables and the JSON Schema, the history labels, the access copy's rows, the default
table columns and form rows of the person's file, the lines printed on the plan.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum

from cep_desk import domain

from . import validators as v
from .validators import Validator

# A JSON Schema fragment: plain JSON data.
JSONValue = str | int | float | bool | None | list["JSONValue"] | dict[str, "JSONValue"]
SchemaFragment = dict[str, JSONValue]
# The text of one access-copy cell, from the whole record (combined fields, special wordings).
Cell = Callable[[Mapping[str, object]], str]


class FieldType(StrEnum):
    TEXT = "text"  # str, at most ``max_len`` characters
    DATE = "date"  # datetime.date
    DATETIME = "datetime"  # aware UTC datetime
    CODE = "code"  # the code of one member of ``enum``
    CODES = "codes"  # a list of codes of ``enum`` (at most ``max_len`` of them)
    BOOL = "bool"
    INT = "int"  # an integer in ``bounds``
    AMOUNT = "amount"  # integer cents
    TIME = "time"  # "HH:MM", local time, or ""
    CLOCK = "clock"  # datetime.time, local wall-clock time (a Time column; "HH:MM" in JSON)
    LINK = "link"  # the id of the parent record


PYTHON_TYPES: dict[FieldType, type] = {
    FieldType.TEXT: str,
    FieldType.DATE: date,
    FieldType.DATETIME: datetime,
    FieldType.CODE: str,
    FieldType.CODES: list,
    FieldType.BOOL: bool,
    FieldType.INT: int,
    FieldType.AMOUNT: int,
    FieldType.TIME: str,
    FieldType.CLOCK: time,
    FieldType.LINK: int,
}


class Access(StrEnum):
    """How a field appears in the RGPD access copy (PDF); the JSON copy holds every exported
    field whatever this says."""

    ROW = "row"  # its own labelled line (or column) of its block
    COMBINED = "combined"  # inside the cell of the field named by ``access_with``
    HEADING = "heading"  # in the heading of its block
    OMITTED = "omitted"  # not shown: technical, never personal (a test checks it)


@dataclass(frozen=True, eq=False)
class Field:
    name: str  # the ORM column and the key in the exchange format
    type: FieldType
    label: str  # French label (form row, table column, plan, access copy)
    max_len: int | None = None  # TEXT: characters (String(n) of the column); CODES: items
    required: bool = False  # a value must be given (non-empty text, a date, a code)
    nullable: bool = False  # None is a value (NULL column)
    enum: builtins.type[domain.LabelledEnum] | None = None
    choices: tuple[tuple[str, str], ...] = ()  # TEXT: the codes allowed and their French words
    bounds: tuple[int, int] | None = None  # INT: inclusive range
    check: Validator | None = None  # overrides the validator derived from the type
    required_label: str = ""  # "Le nom" in « Le nom est obligatoire. »
    editable: bool = True  # part of the use cases' validation spec
    personal: bool = True  # personal data of the person the record belongs to
    health: bool = False  # health data (sensitive, art. 9 RGPD)
    exported: bool = True  # travels in the exchange format (JSON)
    file_required: bool = False  # must be present in an exchange file
    printed: bool = False  # printed on the action plan (in the need's lines, etc.)
    history: str = ""  # lower-case label in the history ("nom"); "" = not named there
    access: Access = Access.ROW
    access_label: str = ""  # the access copy's wording, when it differs from ``label``
    access_with: str = ""  # Access.COMBINED: the field whose cell shows this one
    note: str = ""  # description in the JSON Schema
    schema: SchemaFragment | None = None  # exchange-format fragment, when not derived
    column: int = 0  # place among the default table columns of its tab (0 = not a column)
    form: str = ""  # its form row's text, with its mnemonic ("&Thème :"); "" = not in the form
    form_lines: int = 0  # TEXT: its form editor holds this many lines (0 = the type's editor)

    @property
    def python_type(self) -> builtins.type:
        return PYTHON_TYPES[self.type]

    @property
    def shown_label(self) -> str:
        """The label as the access copy writes it."""
        return self.access_label or self.label

    def validator(self) -> Validator:
        if self.check is not None:
            return self.check
        t = self.type
        if t is FieldType.TEXT:
            limit = self.max_len if self.max_len is not None else domain.MAX_TEXT
            if self.required:
                return v.required(self.required_label or self.label, limit)
            return v.text(limit)
        if t is FieldType.DATE:
            return v.a_date(required_=self.required)
        if t is FieldType.CODE:
            assert self.enum is not None, self.name
            return v.an_enum(self.enum, optional=self.nullable)
        if t is FieldType.CODES:
            assert self.enum is not None, self.name
            return v.a_list_of(self.enum)
        if t is FieldType.BOOL:
            return v.a_bool(optional=self.nullable)
        if t is FieldType.INT:
            assert self.bounds is not None, self.name
            return v.an_int(*self.bounds, optional=self.nullable)
        if t is FieldType.AMOUNT:
            return v.amount()
        if t is FieldType.TIME:
            return v.a_time()
        if t is FieldType.CLOCK:
            return v.a_clock()
        raise TypeError(f"no validator for {self.name} ({t})")

    def display(self, value: object) -> str:
        """The value as French text (access copy, printed plan, table cells)."""
        from cep_desk.formatting import format_date, format_eur

        if value is None or value == "":
            return ""
        t = self.type
        if t in (FieldType.DATE, FieldType.DATETIME):
            if isinstance(value, str):
                try:
                    value = date.fromisoformat(value[:10])
                except ValueError:
                    return str(value)
            if isinstance(value, datetime):
                value = value.date()
            return format_date(value) if isinstance(value, date) else str(value)
        if t is FieldType.CLOCK and isinstance(value, time):
            return f"{value:%H:%M}"
        if self.choices:
            return dict(self.choices).get(str(value), str(value))
        if t is FieldType.CODE and self.enum is not None:
            return self.enum.label_of(str(value))
        if t is FieldType.CODES and self.enum is not None and isinstance(value, list):
            return ", ".join(self.enum.label_of(str(x)) for x in value)
        if t is FieldType.BOOL:
            return "oui" if value else "non"
        if t is FieldType.AMOUNT and isinstance(value, int):
            return format_eur(value)
        return str(value)


@dataclass(frozen=True)
class FormRow:
    """One row of a record's form, as its tab shows it (see :meth:`Kind.form_rows`)."""

    name: str  # the field it edits
    text: str  # the row's text, with its mnemonic ("&Date :")
    check: str = ""  # BOOL: the check box's own text (default: the field's label)
    lines: int = 0  # TEXT: a multi-line editor this many lines high (0 = the type's editor)


@dataclass(frozen=True, eq=False)
class Kind:
    """One stored record kind: its table, its audit entity name and its fields, in order."""

    name: str  # stable English name ("need")
    label: str  # French name ("Besoin"), the history's « Élément »
    table: str  # the SQL table (and the table part of exchange uids)
    entity: str  # the audit trail's entity name
    fields: tuple[Field, ...]
    summary: str = ""  # description of the record in the JSON Schema
    parent: str = ""  # the LINK field to the parent record, if any
    parent_kind: str = ""  # the name of the parent's kind ("journey")
    key: str = ""  # its list in the parent: exchange key, ORM relationship, JourneyFile field
    max_items: int = 10_000  # at most this many in one parent (exchange format)
    # Columns the storage keeps for itself (summaries, sort keys): stored, never described
    # field by field, never exported.
    derived_columns: tuple[str, ...] = field(default=())
    # Order of the access copy's lines or columns when it is not the field order.
    access_order: tuple[str, ...] = field(default=())
    # Order of the form rows of its tab when it is not the field order.
    form_order: tuple[str, ...] = field(default=())
    # Forms of their own, by name, when a kind is edited in more than one place with other
    # texts (a level-1 and a level-2 session): their rows, in order.
    forms: Mapping[str, tuple[FormRow, ...]] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Field]:
        return iter(self.fields)

    def __getitem__(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name}.{name}")

    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def spec(self) -> dict[str, Validator]:
        """The use cases' validation spec: field name → validator (editable fields)."""
        return {f.name: f.validator() for f in self.fields if f.editable}

    def exported(self) -> tuple[str, ...]:
        """Columns exported, in order (links to the parent excluded)."""
        return tuple(f.name for f in self.fields if f.exported and f.type is not FieldType.LINK)

    def printed(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.printed)

    def personal(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.personal)

    def history_labels(self) -> dict[str, str]:
        return {f.name: f.history for f in self.fields if f.history}

    def columns(self) -> tuple[Field, ...]:
        """Default table columns of the person's file, in order."""
        return tuple(sorted((f for f in self.fields if f.column), key=lambda f: f.column))

    def form_fields(self) -> tuple[Field, ...]:
        """The rows of the record's form in its tab: ``form_order`` first, then the other
        fields that have a form row, in field order."""
        first = [self[name] for name in self.form_order]
        rest = [f for f in self.fields if f.form and f.name not in self.form_order]
        return (*first, *rest)

    def form_rows(self, form: str = "") -> tuple[FormRow, ...]:
        """The rows of one of the kind's forms, in order: the named form of ``forms``, or
        (``form=""``) the rows made of the fields' ``form`` texts (:meth:`form_fields`)."""
        if form:
            return self.forms[form]
        return tuple(FormRow(f.name, f.form, lines=f.form_lines) for f in self.form_fields())

    def access_fields(self) -> tuple[Field, ...]:
        """The fields shown on their own line (or column) of the access copy, in its order:
        ``access_order`` first, then the other ones in field order."""
        shown = [f for f in self.fields if f.access is Access.ROW]
        first = [self[name] for name in self.access_order]
        return (*first, *(f for f in shown if f.name not in self.access_order))

    def access_cells(
        self, record: Mapping[str, object], cells: Mapping[str, Cell] | None = None
    ) -> list[tuple[str, str]]:
        """(label, text) of each access-copy line of one record (from the exchange document).
        ``cells`` gives the text of the cells that are not one value shown as such (combined
        fields, wordings of the access copy)."""
        cells = cells or {}
        out = []
        for f in self.access_fields():
            text = cells[f.name](record) if f.name in cells else f.display(record.get(f.name))
            out.append((f.shown_label, text))
        return out
