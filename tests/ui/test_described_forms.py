"""The level-1 and level-2 session forms, the project form and the financing-line form are built
from their kinds' descriptions: a field added to a kind (with its form row) appears in its form,
with the editor its type calls for, its length, in the description's order, bound to the
form's save group; nothing in the tab names it."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QWidget

from cep_desk import kinds
from cep_desk.kinds import Field, FieldType, FormRow, Kind

from .test_panel_support import make_panel


def _with_field(kind: Kind, new: Field, forms: dict[str, FormRow] | None = None) -> Kind:
    """``kind`` with one more field (and, for its named forms, one more row at their end)."""
    extra = {name: (*kind.forms[name], row) for name, row in (forms or {}).items()}
    return dataclasses.replace(kind, fields=(*kind.fields, new), forms={**kind.forms, **extra})


def _label_of(root: QWidget, editor: QWidget) -> QLabel:
    (label,) = [lab for lab in root.findChildren(QLabel) if lab.buddy() is editor]
    return label


def _form_rows(root: QWidget, editor: QWidget) -> tuple[QFormLayout, int, int]:
    """The form layout under ``root`` holding ``editor``'s row (the editor or the box around
    it), the row's index and the form's number of rows."""
    for form in root.findChildren(QFormLayout):
        widget: QWidget | None = editor
        while widget is not None and widget is not root:
            row, _role = form.getWidgetPosition(widget)
            if row >= 0:
                return form, row, form.rowCount()
            widget = widget.parentWidget()
    raise AssertionError("no form row")


def test_a_field_added_to_the_project_kind_is_a_row_of_the_project_form(
    qtbot, ws, monkeypatch: pytest.MonkeyPatch
):
    new = Field(
        "funding_agency", FieldType.TEXT, "Organisme payeur", 120, form="Or&ganisme payeur :"
    )
    monkeypatch.setattr(kinds, "PROJECT", _with_field(kinds.PROJECT, new))
    panel = make_panel(qtbot, ws)
    project = panel.level2.project
    editor = project.project_group.binding("funding_agency").widget
    assert project.fields["funding_agency"] is editor
    assert _label_of(project, editor).text() == "Or&ganisme payeur :"
    assert editor.maxLength() == 120
    # after the kind's last row (« Début de la formation »), before the referential's status
    form, row, _count = _form_rows(project, editor)
    start_form, start_row, _ = _form_rows(project, project.fields["training_start_on"])
    assert start_form is form
    assert row == start_row + 1
    project.clear()
    assert editor.text() == ""


def test_a_field_added_to_the_financing_kind_is_a_row_of_the_line_form(
    qtbot, ws, monkeypatch: pytest.MonkeyPatch
):
    new = Field("paid_on", FieldType.DATE, "Versé le", nullable=True, form="&Versé le :")
    monkeypatch.setattr(kinds, "FUNDING", _with_field(kinds.FUNDING, new))
    panel = make_panel(qtbot, ws)
    section = panel.level2.funding.section
    editor = section.field("paid_on")
    assert type(editor).__name__ == "DateEdit"
    assert _label_of(section, editor).text() == "&Versé le :"
    _form, row, count = _form_rows(section, editor)
    assert row == count - 1  # the last row, as in the description
    # the scheme's row still sets the code and the label together
    assert section.group.binding("scheme").names == ("scheme_code", "scheme_label")


def test_a_row_added_to_the_level2_form_of_the_session_kind_is_in_the_level2_form_only(
    qtbot, ws, monkeypatch: pytest.MonkeyPatch
):
    new = Field("follow_up", FieldType.TEXT, "Suites", 4000)
    kind = _with_field(kinds.SESSION, new, {"level2": FormRow("follow_up", "&Suites :", lines=3)})
    monkeypatch.setattr(kinds, "SESSION", kind)
    panel = make_panel(qtbot, ws)
    sessions = panel.level2.sessions
    editor = sessions.field("follow_up")
    assert isinstance(editor, QPlainTextEdit)
    assert _label_of(sessions, editor).text() == "&Suites :"
    _form, row, count = _form_rows(sessions, editor)
    assert row == count - 1
    assert "follow_up" not in panel.level1.fields


def test_a_row_added_to_the_level1_form_of_the_session_kind_is_in_the_level1_tab(
    qtbot, ws, monkeypatch: pytest.MonkeyPatch
):
    new = Field("called_on", FieldType.DATE, "Rappel", nullable=True)
    text = Field("obstacles", FieldType.TEXT, "Freins", 4000)
    kind = _with_field(kinds.SESSION, new, {"level1": FormRow("called_on", "Ra&ppel le :")})
    kind = _with_field(kind, text, {"level1": FormRow("obstacles", "Freins identifiés", lines=4)})
    monkeypatch.setattr(kinds, "SESSION", kind)
    panel = make_panel(qtbot, ws)
    level1 = panel.level1
    date_editor = level1.session_group.binding("called_on").widget
    assert type(date_editor).__name__ == "DateEdit"
    assert _label_of(level1, date_editor).text() == "Ra&ppel le :"
    # a detail joins the session's details (a form row), a long text the texts (a caption
    # above its editor, not a form row)
    _form_rows(level1, date_editor)
    text_editor = level1.session_group.binding("obstacles").widget
    assert isinstance(text_editor, QPlainTextEdit)
    assert _label_of(level1, text_editor).text() == "Freins identifiés"
    with pytest.raises(AssertionError):
        _form_rows(level1, text_editor)
    assert "called_on" not in {b.name for b in panel.level2.sessions.group.bindings}
    level1.clear()
    assert date_editor.text() == ""
