"""Financement tab and the catalogue's dates: only schemes in force on the session's date are
proposed; a line on an ended scheme keeps it and says « dispositif remplacé par … »."""

from __future__ import annotations

from datetime import date

from cep_desk.catalogue import load_catalogue
from cep_desk.ui.panel.funding import catalogue_verified_text, session_date
from cep_desk.usecases import beneficiaries, journeys, plan

from .test_panel_support import make_panel


def _person(ws, held_on: date):
    person = beneficiaries.create_beneficiary(
        ws, last_name="Roux", first_name="Inès", status="private_employee"
    )
    journey = journeys.start_journey(ws, person.id, request_date=held_on)
    journeys.add_session(ws, journey.id, 1, held_on=held_on, modality="face_to_face")
    project = plan.ensure_project(ws, journey.id, kind="reconversion")
    return person, project


def _codes(combo) -> list[str]:
    return [combo.itemData(i) for i in range(combo.count()) if combo.itemData(i)]


def test_only_schemes_in_force_on_the_session_date(qtbot, ws):
    person, _project = _person(ws, date(2026, 11, 30))
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    panel.tabs.setCurrentWidget(panel.level2)
    panel.level2.show_key("funding")
    codes = _codes(panel.level2.funding.scheme)
    assert "periode_reconversion" in codes
    assert "pro_a" not in codes and "transco" not in codes


def test_a_session_of_2025_still_proposes_pro_a(qtbot, ws):
    person, _project = _person(ws, date(2025, 6, 10))
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    panel.tabs.setCurrentWidget(panel.level2)
    panel.level2.show_key("funding")
    codes = _codes(panel.level2.funding.scheme)
    assert "pro_a" in codes and "periode_reconversion" not in codes


def test_a_line_on_an_ended_scheme_says_it_was_replaced(qtbot, ws):
    person, project = _person(ws, date(2026, 11, 30))
    plan.add_funding(ws, project.id, scheme_code="pro_a", funder="OPCO", status="considered")
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    panel.tabs.setCurrentWidget(panel.level2)
    panel.level2.show_key("funding")
    fund = panel.level2.funding
    assert "pro_a" in _codes(fund.scheme)  # kept for the existing line
    [record] = fund.section.records()
    fund.section.select(record.id)
    assert fund.scheme.value()["scheme_code"] == "pro_a"
    assert fund.scheme_warning.isVisible()
    assert fund.scheme_warning.text() == (
        "⚠ Dispositif remplacé par « Période de reconversion » depuis le 01/01/2026."
    )
    assert "Dispositifs vérifiés le 02/12/2026" in fund.scheme_info.text()


def test_session_date_and_verified_text() -> None:
    class _S:
        def __init__(self, held_on):
            self.held_on = held_on

    class _J:
        sessions = [_S(date(2025, 1, 5)), _S(date(2025, 6, 1)), _S(date(2999, 1, 1))]

    assert session_date(_J()) == date(2025, 6, 1)  # a future session is not "the session"
    assert session_date(None) == date.today()
    catalogue = load_catalogue()
    assert catalogue_verified_text(catalogue, date(2027, 1, 1)) == (
        "Dispositifs vérifiés le 02/12/2026"
    )
    stale = catalogue_verified_text(catalogue, date(2027, 7, 1))
    assert stale.startswith("⚠ Dispositifs vérifiés le 02/12/2026") and "6 mois" in stale
    assert catalogue_verified_text(None) == ""


def _scheme_dialog_codes(qtbot, ws, held_on: date) -> list[str]:
    person, project = _person(ws, held_on)
    plan.update_project(ws, project.id, training_start_on=date(2027, 3, 1))
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    panel.tabs.setCurrentWidget(panel.level2)
    panel.level2.show_key("steps")
    dialog = panel.level2.steps.open_scheme_dialog()
    assert dialog is not None
    codes = _codes(dialog.combo)
    dialog.reject()
    return codes


def test_the_scheme_steps_dialog_offers_the_schemes_of_the_session_date(qtbot, ws):
    """« Ajouter les démarches d'un dispositif… » proposed every scheme, ended ones too: it
    follows the session's date like the Financement tab."""
    codes = _scheme_dialog_codes(qtbot, ws, date(2026, 11, 30))
    assert "periode_reconversion" in codes
    assert "pro_a" not in codes and "transco" not in codes


def test_the_scheme_steps_dialog_of_a_2025_session_still_offers_pro_a(qtbot, ws):
    codes = _scheme_dialog_codes(qtbot, ws, date(2025, 6, 10))
    assert "pro_a" in codes and "periode_reconversion" not in codes
