"""A change made in one tab reaches every tab showing it (issue 11: the person's file driven by
changes), typed into the real widgets; nothing being typed elsewhere is overwritten."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from cep_desk import domain, formatting
from cep_desk.usecases import beneficiaries, journeys, plan

from .test_panel_support import field_errors, make_panel, type_into


def _at_level1(ws, *, project: bool = True):
    person = beneficiaries.create_beneficiary(
        ws, last_name="Roussel", first_name="Maëlle", status="private_employee"
    )
    journey = journeys.start_journey(ws, person.id, request_date=date(2026, 1, 5))
    journeys.add_session(ws, journey.id, 1, held_on=date(2026, 1, 12), modality="face_to_face")
    journeys.update_journey(ws, journey.id, level1_decision="continue")
    if project:
        project_record = plan.ensure_project(ws, journey.id, kind="reconversion")
        plan.add_funding(
            ws,
            project_record.id,
            scheme_label="CPF",
            funder="Caisse des Dépôts",
            amount_requested_cents=100_000,
        )
    return person


def _eur(cents: int) -> str:
    return formatting.format_eur(cents)


def test_declared_cost_typed_in_project_reaches_the_financing_totals(qtbot, ws):
    person = _at_level1(ws)
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    l2 = panel.level2
    panel.tabs.setCurrentWidget(l2)
    assert l2.funding.totals_text()["cost"] == _eur(100_000)
    l2.show_key("project")
    type_into(qtbot, l2.project.fields["declared_cost_cents"], "1250")
    assert panel.flush(), field_errors(panel)
    l2.show_key("funding")
    assert l2.funding.totals_text()["cost"] == _eur(125_000)
    assert l2.funding.totals_text()["left_to_pay"] == _eur(125_000)


def test_financing_amount_saved_refreshes_the_totals(qtbot, ws):
    person = _at_level1(ws)
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    l2 = panel.level2
    panel.tabs.setCurrentWidget(l2)
    l2.show_key("funding")
    fund = l2.funding
    fund.status.choose(domain.FundingStatus.GRANTED.value)
    type_into(qtbot, fund.granted, "600")
    assert panel.flush(), field_errors(panel)
    assert fund.totals_text()["funded"] == _eur(60_000)
    # Deleted: the totals follow the table.
    from cep_desk.ui import messagebox

    messagebox.set_next_answer(True)
    fund.section.delete_current()
    assert fund.section.model.rowCount() == 0
    assert fund.totals_text()["funded"] == _eur(0)


def test_a_level2_session_reaches_the_header_level1_identity_and_the_list(qtbot, ws):
    person = _at_level1(ws, project=False)
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    rows: list[int] = []
    panel.record_changed.connect(rows.append)
    assert "niveau 1 atteint" in panel.subheader.text()
    assert "Passer" in panel.level1.level2_button.text()
    l2 = panel.level2
    panel.tabs.setCurrentWidget(l2)
    l2.show_key("sessions")
    qtbot.mouseClick(l2.sessions.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, l2.sessions.field("held_on"), "02/02/2026")
    assert panel.flush(), field_errors(panel)
    assert "niveau 2 atteint" in panel.subheader.text()
    assert "Aller" in panel.level1.level2_button.text()
    assert panel.identity.fields["last_contact_on"].value() == date(2026, 2, 2)
    assert panel.journey.level_reached == 2
    assert rows and rows[-1] == person.id
    # Deleted: back to level 1 everywhere.
    from cep_desk.ui import messagebox

    messagebox.set_next_answer(True)
    l2.sessions.delete_current()
    assert l2.sessions.model.rowCount() == 0
    assert "niveau 1 atteint" in panel.subheader.text()
    assert "Passer" in panel.level1.level2_button.text()


def test_toolbar_session_starts_the_journey_shown_in_every_tab(qtbot, ws):
    person = beneficiaries.create_beneficiary(ws, last_name="Roussel", first_name="Maëlle")
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    assert panel.journey is None
    panel.new_session()
    assert panel.tabs.currentWidget() is panel.level1
    assert panel.journey is not None and panel.journey.level_reached == 1
    assert panel.level1.session is not None
    assert panel.identity.journey_info.text().startswith("Parcours ouvert le")
    assert panel.identity.fields["first_appointment_on"].value() == date.today()
    assert "niveau 1 atteint" in panel.subheader.text()


def test_first_need_starts_the_journey_identity_shows_it(qtbot, ws):
    person = beneficiaries.create_beneficiary(ws, last_name="Roussel", first_name="Maëlle")
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    rows: list[int] = []
    panel.record_changed.connect(rows.append)
    assert panel.identity.journey_info.text().startswith("Aucun parcours")
    l2 = panel.level2
    panel.tabs.setCurrentWidget(l2)
    l2.show_key("needs")
    qtbot.mouseClick(l2.needs.section.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, l2.needs.section.field("description"), "Trouver une formation")
    assert panel.flush(), field_errors(panel)
    assert panel.journey is not None
    assert panel.identity.journey_info.text().startswith("Parcours ouvert le")
    assert "parcours du" in panel.subheader.text()
    assert rows == [person.id]


def test_first_step_creates_the_project_the_project_tab_knows_and_the_calendar_draws(qtbot, ws):
    person = _at_level1(ws, project=False)
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    l2 = panel.level2
    panel.tabs.setCurrentWidget(l2)
    l2.show_key("steps")
    steps = l2.steps.section
    qtbot.mouseClick(steps.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, steps.field("title"), "Visiter le CFA")
    type_into(qtbot, steps.field("start_on"), "01/03/2026")
    assert panel.flush(), field_errors(panel)
    assert [s.title for s in l2.calendar.timeline.steps] == ["Visiter le CFA"]
    assert panel.project is not None
    assert len(l2.project.checks) == len(domain.FeasibilityAspect)
    # A check typed now is saved on the project made by the step.
    l2.show_key("project")
    status, _note = l2.project.check_widgets["labour_market"]
    status.choose(domain.FeasibilityStatus.FAVOURABLE.value)
    assert panel.flush(), field_errors(panel)
    stored = beneficiaries.load_file(ws, person.id, audit=False).current
    assert {c.aspect: c.status for c in stored.checks}["labour_market"] == "favourable"
    # Renamed and deleted: the calendar follows.
    type_into(qtbot, steps.field("title"), "Visiter le CFA de Grenoble")
    assert panel.flush(), field_errors(panel)
    assert [s.title for s in l2.calendar.timeline.steps] == ["Visiter le CFA de Grenoble"]
    from cep_desk.ui import messagebox

    messagebox.set_next_answer(True)
    steps.delete_current()
    assert l2.calendar.timeline.steps == []


def test_a_change_elsewhere_never_overwrites_a_field_being_typed(qtbot, ws):
    person = _at_level1(ws, project=False)
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    last_contact = panel.identity.fields["last_contact_on"]
    assert last_contact.value() == date(2026, 1, 12)
    type_into(qtbot, last_contact, "20/01/2026")  # typed, not saved yet
    l2 = panel.level2
    sessions = l2.sessions
    sessions.new_record()
    sessions.field("held_on").set_value(date(2026, 1, 15))
    sessions.field("held_on").edited.emit()
    assert sessions.group.commit()  # only this form: the session moves the last contact
    assert last_contact.text() == "20/01/2026"
    assert panel.flush(), field_errors(panel)
    assert beneficiaries.get_beneficiary(ws, person.id).last_contact_on == date(2026, 1, 20)
