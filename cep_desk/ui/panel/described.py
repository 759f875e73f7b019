"""Table columns and form rows of a tab, built from a record-kind description
(:mod:`cep_desk.kinds`): a field added to a kind with a ``column`` place and a ``form`` text
shows up in its tab without touching the tab."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from PySide6.QtWidgets import QFormLayout, QWidget

from cep_desk import domain
from cep_desk.kinds import Field, FieldType, FormRow, Kind

from .autosave import SaveGroup
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
    field_row,
    tr,
)

Show = Callable[[Any], str]  # a cell's text from a record of the kind's record class
W = TypeVar("W", bound=QWidget)
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


def editor(f: Field, row: FormRow | None = None) -> QWidget:
    """The editor a field's type calls for (``row``: the form row's check text, lines)."""
    t = f.type
    if t is FieldType.CODE and f.enum is not None:
        return ChoiceCombo(f.enum.choices())
    if t is FieldType.DATE:
        return DateEdit(required=f.required)
    if t is FieldType.AMOUNT:
        return AmountEdit()
    if t is FieldType.BOOL:
        return CheckBox(tr(row.check if row is not None and row.check else f.label))
    if t is FieldType.INT and f.bounds is not None:
        return IntEdit(*f.bounds)
    if t is FieldType.TIME:
        return TimeEdit()
    if t is FieldType.TEXT:
        if row is not None and row.lines:
            return NoteEdit(lines=row.lines)
        limit = limit_of(f)
        return NoteEdit(lines=2) if limit > LONG_TEXT else TextEdit(max_len=limit)
    raise TypeError(f"no editor for {f.name} ({t})")


def editor_of(editors: Mapping[str, QWidget], name: str, cls: type[W]) -> W:
    """The editor of field ``name`` among ``editors``, as the class the tab uses it as."""
    widget = editors[name]
    if not isinstance(widget, cls):
        raise TypeError(f"{name}: {type(widget).__name__}, not {cls.__name__}")
    return widget


def limit_of(f: Field) -> int:
    """The most characters a text field holds (its column's length)."""
    return f.max_len or domain.MAX_TEXT


def form_editors(
    kind: Kind, form: str = "", *, editors: Mapping[str, QWidget] | None = None
) -> list[tuple[FormRow, Field, QWidget]]:
    """The rows of one of ``kind``'s forms (:meth:`Kind.form_rows`), in order, each with its
    field and its editor; ``editors`` replaces the editor of some fields."""
    out = []
    for row in kind.form_rows(form):
        f = kind[row.name]
        widget = editors[f.name] if editors and f.name in editors else editor(f, row)
        out.append((row, f, widget))
    return out


def binding_name(f: Field, widget: QWidget) -> str:
    """The name a field's editor is bound under: the field's, unless the editor sets several
    fields and names itself (``binding_name``, e.g. the scheme's code and label)."""
    return str(getattr(widget, "binding_name", f.name))


def add_rows(
    section: RecordSection,
    kind: Kind,
    *,
    form: str = "",
    editors: Mapping[str, QWidget] | None = None,
    hints: Mapping[str, str] | None = None,
) -> dict[str, QWidget]:
    """Add the form rows of ``kind`` to ``section``, in the description's order; ``editors``
    replaces the editor of some fields. Returns the editors by field name."""
    out: dict[str, QWidget] = {}
    for row, f, widget in form_editors(kind, form, editors=editors):
        hint = hints.get(f.name) if hints else None
        section.add_field(tr(row.text), widget, binding_name(f, widget), hint=hint)
        out[f.name] = widget
    return out


def bind_rows(
    layout: QFormLayout,
    group: SaveGroup,
    kind: Kind,
    *,
    form: str = "",
    editors: Mapping[str, QWidget] | None = None,
    hints: Mapping[str, str] | None = None,
) -> dict[str, QWidget]:
    """The same for a form outside a :class:`RecordSection`: each row added to ``layout``
    and bound to the save ``group``. Returns the editors by field name."""
    out: dict[str, QWidget] = {}
    for row, f, widget in form_editors(kind, form, editors=editors):
        hint = hints.get(f.name) if hints else None
        error = field_row(layout, tr(row.text), widget, hint=hint)
        group.bind(binding_name(f, widget), widget, error)
        out[f.name] = widget
    return out
