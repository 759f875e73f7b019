"""The person's eligibility data (Identité) and the marks of the scheme panel (Financement),
with real widgets offscreen."""

from __future__ import annotations

from datetime import date

from cep_desk.ui.wheel import WheelSafeCombo
from cep_desk.usecases import beneficiaries, journeys, plan

from .test_panel_support import make_panel, type_into


def _person_with_ptp_line(ws):
    person = beneficiaries.create_beneficiary(
        ws, last_name="Roux", first_name="Inès", status="private_employee"
    )
    held_on = date(2026, 11, 30)
    journey = journeys.start_journey(ws, person.id, request_date=held_on)
    journeys.add_session(ws, journey.id, 1, held_on=held_on, modality="face_to_face")
    project = plan.ensure_project(ws, journey.id, kind="reconversion")
    plan.add_funding(ws, project.id, scheme_code="ptp", funder="Transitions Pro")
    return person


def _show_funding_line(panel):
    panel.tabs.setCurrentWidget(panel.level2)
    panel.level2.show_key("funding")
    fund = panel.level2.funding
    [record] = fund.section.records()
    fund.section.select(record.id)
    return fund


def test_eligibility_fields_are_saved_and_marks_follow(qtbot, ws):
    person = _person_with_ptp_line(ws)
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    fund = _show_funding_line(panel)
    assert fund.scheme.value()["scheme_code"] == "ptp"
    # nothing recorded: « à vérifier », saying what is missing
    assert fund.eligibility.isVisible()
    assert fund.eligibility.property("mark") == "to_check"
    assert "« À vérifier »" in fund.eligibility.text()
    assert "Type de contrat non renseigné" in fund.eligibility.text()

    panel.tabs.setCurrentWidget(panel.identity)
    fields = panel.identity.fields
    for name in ("contract_type", "working_time", "opco", "pcs_group"):
        assert isinstance(fields[name], WheelSafeCombo), name
    fields["contract_type"].choose("cdi")
    type_into(qtbot, fields["seniority_months"], "8")
    type_into(qtbot, fields["activity_months"], "30")
    fields["working_time"].choose("part")
    fields["opco"].choose("akto")
    type_into(qtbot, fields["branch"], "IDCC 1979")
    fields["pcs_group"].choose("5")
    assert panel.flush() is True
    saved = beneficiaries.load_file(ws, person.id, audit=False).beneficiary
    assert (saved.contract_type, saved.seniority_months, saved.activity_months) == ("cdi", 8, 30)
    assert (saved.working_time, saved.opco, saved.branch, saved.pcs_group) == (
        "part",
        "akto",
        "IDCC 1979",
        "5",
    )

    # 8 months in the firm: the PTP's conditions are not met, and the panel says why
    fund = _show_funding_line(panel)
    assert fund.eligibility.property("mark") == "not_met"
    assert "« Non remplies »" in fund.eligibility.text()
    assert "12 mois d'ancienneté dans l'entreprise sont requis (8 mois notés)" in (
        fund.eligibility.text()
    )
    index = fund.scheme.findData("ptp")
    assert fund.scheme.itemData(index, 3).startswith("Non remplies")  # Qt.ToolTipRole

    panel.tabs.setCurrentWidget(panel.identity)
    type_into(qtbot, fields["seniority_months"], "14")
    assert panel.flush() is True
    fund = _show_funding_line(panel)
    assert fund.eligibility.property("mark") == "met"
    assert "« Conditions remplies »" in fund.eligibility.text()

    # a reload shows what was saved
    panel.load(person.id)
    assert panel.identity.fields["seniority_months"].value() == 14
    assert panel.identity.fields["contract_type"].value() == "cdi"


def test_bad_seniority_is_refused_in_french(qtbot, ws):
    person = _person_with_ptp_line(ws)
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    field = panel.identity.fields["seniority_months"]
    type_into(qtbot, field, "douze")
    panel.flush()
    saved = beneficiaries.load_file(ws, person.id, audit=False).beneficiary
    assert saved.seniority_months is None
    from .test_panel_support import field_errors

    assert "Nombre entier entre 0 et 720 attendu." in field_errors(panel)
