"""The level-1 and level-2 session forms, the project form and the financing-line form are built
from their kinds' descriptions: a field added to a kind (with its form row) appears in its form,
with the editor its type calls for, its length, in the description's order, bound to the
form's save group; nothing in the tab names it."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QWidget

from cep_desk import domain, kinds
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


def _headers(section) -> list[str]:
    return [c.header for c in section.model.columns]


def test_the_level1_decision_box_is_the_journey_kinds_decision_form(
    qtbot, ws, monkeypatch: pytest.MonkeyPatch
):
    new = Field("redirect_note", FieldType.TEXT, "Motif de réorientation", 300)
    kind = _with_field(kinds.JOURNEY, new, {"decision": FormRow("redirect_note", "Moti&f :")})
    monkeypatch.setattr(kinds, "JOURNEY", kind)
    panel = make_panel(qtbot, ws)
    level1 = panel.level1
    decision = level1.decision_group.binding("level1_decision").widget
    assert decision is level1.decision
    assert _label_of(level1, decision).text() == "Décisio&n :"
    assert level1.decision.itemText(0) == "À décider"  # the tab's own editor
    redirect = level1.decision_group.binding("redirect_to").widget
    assert redirect is level1.redirect_to and redirect.maxLength() == 200
    assert _label_of(level1, redirect).text() == "Vers &qui :"
    editor = level1.decision_group.binding("redirect_note").widget
    assert editor.maxLength() == 300
    assert _label_of(level1, editor).text() == "Moti&f :"
    form, row, _count = _form_rows(level1, editor)
    redirect_form, redirect_row, _ = _form_rows(level1, redirect)
    assert (form, row) == (redirect_form, redirect_row + 1)  # after « Vers qui », in the box


def test_a_field_added_to_the_skill_kind_is_a_column_and_a_row_of_the_skills_form(
    qtbot, ws, monkeypatch: pytest.MonkeyPatch
):
    skills = make_panel(qtbot, ws).level2.project.skills
    assert _headers(skills) == ["Compétence ou qualification", "État", "Moyen"]
    assert [b.name for b in skills.group.bindings] == ["label", "state", "means"]
    assert skills.field("label").maxLength() == 300
    assert skills.field("means").itemText(0) == "Non précisé"
    new = Field("level", FieldType.TEXT, "Niveau visé", 80, column=4, form="Niveau &visé :")
    monkeypatch.setattr(kinds, "SKILL", _with_field(kinds.SKILL, new))
    skills = make_panel(qtbot, ws).level2.project.skills
    assert _headers(skills) == ["Compétence ou qualification", "État", "Moyen", "Niveau visé"]
    editor = skills.field("level")
    assert editor.maxLength() == 80
    assert _label_of(skills, editor).text() == "Niveau &visé :"
    _form, row, count = _form_rows(skills, editor)
    assert row == count - 1


def test_the_level2_sessions_table_columns_come_from_the_session_kind(
    qtbot, ws, monkeypatch: pytest.MonkeyPatch
):
    sessions = make_panel(qtbot, ws).level2.sessions
    assert _headers(sessions) == [
        "Date", "Heure", "Durée", "Modalité", "Temps de travail", "Prochain rendez-vous"
    ]  # fmt: skip
    new = Field("place", FieldType.TEXT, "Lieu", 120, column=7)
    monkeypatch.setattr(kinds, "SESSION", _with_field(kinds.SESSION, new))
    sessions = make_panel(qtbot, ws).level2.sessions
    assert _headers(sessions)[-1] == "Lieu"


def test_the_level2_sessions_and_skills_cells_read_as_before(qtbot, ws):
    from datetime import date

    from PySide6.QtCore import Qt

    from cep_desk.usecases import beneficiaries, journeys, plan

    p = beneficiaries.create_beneficiary(ws, last_name="Morel", first_name="Inès")
    j = journeys.start_journey(ws, p.id, request_date=date(2026, 3, 2))
    journeys.add_session(
        ws, j.id, 2, held_on=date(2026, 3, 9), start_time="09:30", duration_min=90,
        modality="phone", on_working_time=True, agreement="Accord Syntec",
        next_appointment_on=date(2026, 3, 23),
    )  # fmt: skip
    project = plan.ensure_project(ws, j.id)
    plan.add_skill(ws, project.id, label="CACES R489", state="to_acquire")
    panel = make_panel(qtbot, ws)
    panel.load(p.id)

    def row(section) -> list[str]:
        model = section.model
        return [model.data(model.index(0, c)) for c in range(model.columnCount())]

    def right(section) -> list[bool]:
        return [c.align_right for c in section.model.columns]

    nb = "\u00a0"
    assert row(panel.level2.sessions) == [
        "09/03/2026", "09:30", f"1{nb}h{nb}30", domain.Modality.PHONE.label, "Oui (Accord Syntec)", "23/03/2026"
    ]  # fmt: skip
    assert not any(right(panel.level2.sessions))
    skills = panel.level2.project.skills
    assert row(skills)[0] == "CACES R489" and row(skills)[2] == ""
    assert row(skills)[1] == kinds.SKILL["state"].enum.label_of("to_acquire")
    assert not any(right(skills))
    assert skills.model.data(skills.model.index(0, 0), Qt.ItemDataRole.DisplayRole)
