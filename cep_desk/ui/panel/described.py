"""Table columns and form rows of a tab, built from a record-kind description
(:mod:`cep_desk.kinds`): a field added to a kind with a ``column`` place and a ``form`` text
shows up in its tab without touching the tab."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import QWidget

from cep_desk import domain
from cep_desk.kinds import Field, FieldType, Kind

from .section import RecordSection
from .widgets import (
    AmountEdit,
    CheckBox,
    ChoiceCombo,
    Column,
    DateEdit,
    IntEdit,
    NoteEdit,
    TextEdit,
    TimeEdit,
    tr,
)

Show = Callable[[object], str]
LONG_TEXT = 1000  # texts longer than this get a multi-line editor


def cell(f: Field) -> Show:
    """How a record's value of ``f`` reads in a table cell (one line)."""

    def show(record: object) -> str:
        return f.display(getattr(record, f.name)).replace("\n", " ")

    return show


def columns(kind: Kind, cells: Mapping[str, Show] | None = None) -> list[Column]:
    """The default table columns of ``kind`` (``cells`` replaces how some of them read)."""
    out = []
    for f in kind.columns():
        show = cells[f.name] if cells and f.name in cells else cell(f)
        right = f.type in (FieldType.INT, FieldType.AMOUNT)
        out.append(Column(tr(f.label), show, align_right=right))
    return out


def editor(f: Field) -> QWidget:
    """The editor a field's type calls for."""
    t = f.type
    if t is FieldType.CODE and f.enum is not None:
        return ChoiceCombo(f.enum.choices())
    if t is FieldType.DATE:
        return DateEdit(required=f.required)
    if t is FieldType.AMOUNT:
        return AmountEdit()
    if t is FieldType.BOOL:
        return CheckBox(tr(f.label))
    if t is FieldType.INT and f.bounds is not None:
        return IntEdit(*f.bounds)
    if t is FieldType.TIME:
        return TimeEdit()
    if t is FieldType.TEXT:
        limit = f.max_len or domain.MAX_TEXT
        return NoteEdit(lines=2) if limit > LONG_TEXT else TextEdit(max_len=limit)
    raise TypeError(f"no editor for {f.name} ({t})")


def add_rows(
    section: RecordSection,
    kind: Kind,
    *,
    editors: Mapping[str, QWidget] | None = None,
    hints: Mapping[str, str] | None = None,
) -> dict[str, QWidget]:
    """Add the form rows of ``kind`` to ``section``, in the description's order; ``editors``
    replaces the editor of some fields. Returns the editors by field name."""
    out: dict[str, QWidget] = {}
    for f in kind.form_fields():
        widget = editors[f.name] if editors and f.name in editors else editor(f)
        hint = hints.get(f.name) if hints else None
        section.add_field(tr(f.form), widget, f.name, hint=hint)
        out[f.name] = widget
    return out
