"""The need's wished target date, added to the need's description only, is a column and a form
row of the needs tab; typed there, it is saved and shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from cep_desk.usecases import beneficiaries, journeys

from .test_panel_support import all_texts, make_panel, type_into


def test_needs_tab_shows_and_saves_the_target_date(qtbot, ws):
    person = beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Léa")
    journeys.start_journey(ws, person.id, request_date=date(2026, 9, 1))
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    l2 = panel.level2
    l2.show_key("needs")
    needs = l2.needs.section
    headers = [
        needs.model.headerData(i, Qt.Orientation.Horizontal)
        for i in range(needs.model.columnCount())
    ]
    assert headers == ["Priorité", "Thème", "Statut", "Description", "Échéance souhaitée"]
    qtbot.mouseClick(needs.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, needs.field("description"), "Trouver un CAP")
    type_into(qtbot, needs.field("target_on"), "15/03/2027")
    assert panel.flush()
    (need,) = beneficiaries.load_file(ws, person.id, audit=False).current.needs
    assert need.target_on == date(2027, 3, 15)
    assert "15/03/2027" in all_texts(l2.needs)
