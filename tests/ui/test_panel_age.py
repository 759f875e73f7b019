"""Identité shows the age next to the birth date, live as it is typed (issue 9.13)."""

from __future__ import annotations

from datetime import date

from cep_desk import domain
from cep_desk.usecases import beneficiaries

from .test_panel_support import make_panel, type_into


def test_age_beside_the_birth_date_follows_the_typing(qtbot, demo_ws):
    person = beneficiaries.search_beneficiaries(demo_ws, limit=1)[0]
    beneficiaries.update_beneficiary(demo_ws, person.id, birth_date=date(1984, 3, 14))
    panel = make_panel(qtbot, demo_ws)
    panel.load(person.id)
    age = panel.identity.age_label
    expected = domain.age_on(date(1984, 3, 14), date.today())
    assert age.text() == f"{expected} ans"
    assert age.isVisible()
    birth = panel.identity.fields["birth_date"]
    # Beside the field, on its line.
    assert (
        abs(
            age.mapTo(panel, age.rect().center()).y()
            - birth.mapTo(panel, birth.rect().center()).y()
        )
        < 8
    )
    type_into(qtbot, birth, "01/01/2000")
    assert age.text() == f"{domain.age_on(date(2000, 1, 1), date.today())} ans"
    type_into(qtbot, birth, "99/99")  # unreadable while typing: no age, no crash
    assert age.text() == ""
    type_into(qtbot, birth, "")
    assert age.text() == ""
    panel.clear()
    assert age.text() == ""
