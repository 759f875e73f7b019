"""Bad input is refused at the field, in French; the typed text stays; nothing wrong is stored."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from cep_desk import domain
from cep_desk.usecases import beneficiaries, journeys, plan

from .test_panel_support import field_errors, make_panel, type_into


def _person_with_project(ws):
    person = beneficiaries.create_beneficiary(
        ws, last_name="Bernard", first_name="Yanis", status="job_seeker"
    )
    journey = journeys.start_journey(ws, person.id, request_date=date(2026, 10, 1))
    journeys.add_session(ws, journey.id, 1, held_on=date(2026, 10, 5), modality="phone")
    journeys.update_journey(ws, journey.id, level1_decision="continue")
    project = plan.ensure_project(ws, journey.id, kind="reconversion")
    step = plan.add_step(
        ws, project.id, title="Visiter le CFA", start_on=date(2027, 1, 4), due_on=date(2027, 1, 29)
    )
    line = plan.add_funding(ws, project.id, funder="France Travail", amount_requested_cents=50000)
    return person, project, step, line


def test_impossible_date_is_refused_at_the_field(qtbot, ws):
    person = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Léa")
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    failures = []
    panel.failed.connect(failures.append)
    field = panel.identity.fields["birth_date"]
    type_into(qtbot, field, "31/02/1990")
    type_into(qtbot, panel.identity.fields["town"], "Lyon")
    assert panel.flush() is False
    error = panel.identity.person_group.binding("birth_date").error
    assert error.isVisible()
    assert "Cette date n'existe pas" in error.text()
    assert field.text() == "31/02/1990"  # kept for correction
    assert "Cette date n'existe pas" in field.accessibleDescription()
    assert failures and "Cette date n'existe pas" in failures[-1]
    stored = beneficiaries.get_beneficiary(ws, person.id)
    assert stored.birth_date is None
    assert stored.town == "Lyon"  # the good field of the same group is saved
    # Corrected: saved, message gone.
    type_into(qtbot, field, "28/02/1990")
    assert panel.flush() is True
    assert not error.isVisible() and field.accessibleDescription() == ""
    assert beneficiaries.get_beneficiary(ws, person.id).birth_date == date(1990, 2, 28)


def test_future_birth_date_and_empty_name_refused(qtbot, ws):
    person = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Léa")
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    type_into(qtbot, panel.identity.fields["last_name"], "")
    type_into(qtbot, panel.identity.fields["birth_date"], "01/01/2090")
    assert panel.flush() is False
    messages = field_errors(panel)
    assert "Le nom est obligatoire." in messages
    assert "La date de naissance est dans le futur." in messages
    stored = beneficiaries.get_beneficiary(ws, person.id)
    assert stored.last_name == "Durand" and stored.birth_date is None


def test_bad_email_refused(qtbot, ws):
    person = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Léa")
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    type_into(qtbot, panel.identity.fields["email"], "lea.durand-at-exemple")
    assert not panel.flush()
    assert "Adresse e-mail invalide." in field_errors(panel)
    assert beneficiaries.get_beneficiary(ws, person.id).email == ""


def test_amounts_refused_negative_or_unreadable(qtbot, ws):
    person, project, _step, line = _person_with_project(ws)
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    panel.tabs.setCurrentWidget(panel.level2)
    panel.level2.show_key("funding")
    fund = panel.level2.funding
    assert fund.section.current_id == line.id
    type_into(qtbot, fund.requested, "-120")
    assert not panel.flush()
    error = fund.section.group.binding("amount_requested_cents").error
    assert error.isVisible() and "négatif" in error.text()
    assert fund.requested.text() == "-120"
    type_into(qtbot, fund.granted, "12,345")
    assert not panel.flush()
    granted_error = fund.section.group.binding("amount_granted_cents").error
    assert "Montant illisible" in granted_error.text()
    # Totals ignore what cannot be read instead of showing nonsense.
    assert fund.totals_text()["cost"] == "0,00\u00a0€"
    [stored] = beneficiaries.load_file(ws, person.id, audit=False).current.funding
    assert stored.amount_requested_cents == 50000 and stored.amount_granted_cents is None
    # Declared cost on the project: refused the same way.
    panel.level2.show_key("project")
    cost = panel.level2.project.fields["declared_cost_cents"]
    type_into(qtbot, cost, "mille euros")
    assert not panel.flush()
    assert (
        beneficiaries.load_file(ws, person.id, audit=False).current.project.declared_cost_cents
        is None
    )
    type_into(qtbot, cost, "1 250,5")
    type_into(qtbot, fund.requested, "500")
    type_into(qtbot, fund.granted, "")
    assert panel.flush(), field_errors(panel)
    assert (
        beneficiaries.load_file(ws, person.id, audit=False).current.project.declared_cost_cents
        == 125050
    )
    assert fund.totals_text()["cost"] == "1\u202f250,50\u00a0€"


def test_end_before_start_refused(qtbot, ws):
    person, _project, step, _line = _person_with_project(ws)
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    panel.tabs.setCurrentWidget(panel.level2)
    panel.level2.show_key("steps")
    steps = panel.level2.steps.section
    assert steps.current_id == step.id
    type_into(qtbot, steps.field("due_on"), "02/12/2026")
    assert not panel.flush()
    error = steps.group.binding("due_on").error
    assert "La date de fin ne peut pas précéder la date de début." in error.text()
    assert steps.field("due_on").text() == "02/12/2026"
    [stored] = beneficiaries.load_file(ws, person.id, audit=False).current.steps
    assert stored.due_on == date(2027, 1, 29)
    # Another row cannot be selected while the refused value waits for correction.
    qtbot.keyClick(steps.table, Qt.Key.Key_Insert)
    assert steps.current_id == step.id
    # An empty title is refused too, and a new step with no title is not created.
    type_into(qtbot, steps.field("due_on"), "02/02/2027")
    assert panel.flush()
    qtbot.keyClick(steps.table, Qt.Key.Key_Insert)
    assert steps.current_id is None
    type_into(qtbot, steps.field("start_on"), "01/03/2027")
    assert not panel.flush()
    assert "L'intitulé de l'étape est obligatoire." in field_errors(panel)
    assert len(beneficiaries.load_file(ws, person.id, audit=False).current.steps) == 1


def test_level2_session_refused_when_decision_is_stop(qtbot, ws):
    person = beneficiaries.create_beneficiary(ws, last_name="Morel", first_name="Nina")
    journey = journeys.start_journey(ws, person.id, request_date=date(2026, 10, 1))
    journeys.add_session(ws, journey.id, 1, held_on=date(2026, 10, 5), modality="phone")
    journeys.update_journey(ws, journey.id, level1_decision=domain.Level1Decision.STOP.value)
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    panel.tabs.setCurrentWidget(panel.level2)
    sessions = panel.level2.sessions
    qtbot.mouseClick(sessions.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, sessions.field("clarified_request"), "Projet de formation")
    assert not panel.flush()
    assert any("décision de niveau 1" in m for m in field_errors(panel))
    assert sessions.field("clarified_request").toPlainText() == "Projet de formation"
    assert len(beneficiaries.load_file(ws, person.id, audit=False).current.sessions) == 1


def test_bad_time_and_rome_code_refused(qtbot, ws):
    person, *_ = _person_with_project(ws)
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    type_into(qtbot, panel.level1.fields["start_time"], "25:00")
    panel.level2.show_key("project")
    type_into(qtbot, panel.level2.project.fields["rome_code"], "Z123")
    assert not panel.flush()
    messages = " ".join(field_errors(panel))
    assert "Heure illisible" in messages and "Code ROME attendu" in messages
    file = beneficiaries.load_file(ws, person.id, audit=False)
    assert file.current.sessions[0].start_time == ""
    assert file.current.project.rome_code == ""
