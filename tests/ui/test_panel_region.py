"""Who can help, near the person: département and région from the postcode, operators of the
person's public and region, each with its contact."""

from __future__ import annotations

from cep_desk.usecases import beneficiaries

from .test_panel_support import field_errors, make_panel, type_into


def _enabled_texts(menu) -> list[str]:
    return [a.text() for a in menu.actions() if a.isEnabled() and not a.isSeparator()]


def test_postcode_fills_department_and_region_then_proposes_the_regions_operators(qtbot, ws):
    person = beneficiaries.create_beneficiary(
        ws, last_name="Santoni", first_name="Paul", status="private_employee"
    )
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    ident = panel.identity
    type_into(qtbot, ident.fields["postcode"], "20090")
    assert panel.flush(), field_errors(panel)
    assert ident.fields["department"].text() == "Corse-du-Sud (2A)"
    assert ident.fields["region"].text() == "Corse"
    stored = beneficiaries.get_beneficiary(ws, person.id)
    assert (stored.department, stored.region) == ("Corse-du-Sud (2A)", "Corse")

    panel.tabs.setCurrentWidget(panel.level1)
    menu = panel.level1.propose_actors()
    texts = [a.text() for a in menu.actions()]
    enabled = _enabled_texts(menu)
    assert any("Corse" in t for t in enabled)
    assert not any("Occitanie" in t or "Grand Est" in t for t in texts)
    assert "Apec" in enabled  # national operators apply everywhere for their public
    assert any(a.isSeparator() and a.text() == "Région Corse" for a in menu.actions())
    # Each operator's contact, as the catalogue has it, is shown under its name.
    assert any(not a.isEnabled() and "apec.fr" in a.text() for a in menu.actions())
    apec = next(a for a in menu.actions() if a.text() == "Apec")
    apec.trigger()
    menu.hide()
    assert panel.level1.fields["actors"].toPlainText().startswith("Apec (www.apec.fr")
    assert "Contact :" in apec.toolTip()


def test_a_typed_department_or_region_is_kept(qtbot, ws):
    person = beneficiaries.create_beneficiary(
        ws, last_name="Hoarau", first_name="Line", status="private_employee", region="Bretagne"
    )
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    ident = panel.identity
    type_into(qtbot, ident.fields["postcode"], "97400")
    assert panel.flush(), field_errors(panel)
    assert ident.fields["department"].text() == "La Réunion (974)"
    assert ident.fields["region"].text() == "Bretagne"  # typed: never replaced


def test_unknown_region_lists_every_region_with_its_name(qtbot, ws):
    person = beneficiaries.create_beneficiary(
        ws, last_name="Sans", first_name="Adresse", status="private_employee"
    )
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    menu = panel.level1.propose_actors()
    texts = [a.text() for a in menu.actions()]
    assert any("Région inconnue" in t for t in texts)
    assert any("Occitanie" in t for t in _enabled_texts(menu))
    assert any("Corse" in t for t in _enabled_texts(menu))
    menu.hide()
