"""The counsellor's whole journey through the panel, typed into the real widgets; then the
workspace is closed, reopened, and every value is there."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from cep_desk import domain
from cep_desk.formatting import NBSP, NNBSP
from cep_desk.ui import messagebox
from cep_desk.usecases import beneficiaries, workspaces

from .test_panel_support import field_errors, make_panel, type_into


def euros(text: str) -> str:
    return text.replace(" ", NNBSP).replace("€", f"{NBSP}€").replace(f"{NNBSP}{NBSP}€", f"{NBSP}€")


def test_level1_then_level2_survives_reopening(qtbot, workspace_dir, passphrase):
    ws, _ = workspaces.create(workspace_dir, passphrase, {"name": "Claire Martin"})
    person = beneficiaries.create_beneficiary(
        ws, last_name="Lefèvre", first_name="Élodie", status="private_employee"
    )
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    saved = []
    panel.saved.connect(saved.append)

    # Identité -------------------------------------------------------------------------------
    ident = panel.identity
    type_into(qtbot, ident.fields["phone"], "06 11 22 33 44")
    type_into(qtbot, ident.fields["town"], "Grenoble")
    type_into(qtbot, ident.fields["job_title"], "Aide-soignante")
    type_into(qtbot, ident.fields["notice_given_on"], "02/11/2026")
    type_into(qtbot, ident.fields["request_date"], "28/10/2026")
    ident.fields["reasons"].set_checked("reconversion")
    assert panel.flush(), field_errors(panel)
    assert not ident.notice_warning.isVisible()

    # Niveau 1 -------------------------------------------------------------------------------
    panel.tabs.setCurrentWidget(panel.level1)
    l1 = panel.level1
    type_into(qtbot, l1.fields["held_on"], "03/11/2026")
    type_into(qtbot, l1.fields["start_time"], "9h30")
    type_into(qtbot, l1.fields["duration_min"], "60")
    l1.fields["modality"].choose(domain.Modality.VIDEO.value)
    qtbot.mouseClick(l1.fields["on_working_time"], Qt.MouseButton.LeftButton)
    type_into(qtbot, l1.fields["agreement"], "Accord de branche de l'aide à domicile")
    type_into(qtbot, l1.fields["request_expressed"], "Je voudrais devenir boulangère.")
    type_into(qtbot, l1.fields["first_analysis"], "Projet mûri depuis deux ans.")
    type_into(qtbot, l1.fields["environment_info"], "Le métier recrute en Isère.")
    type_into(qtbot, l1.fields["possible_steps"], "CAP boulanger, PTP.")
    type_into(qtbot, l1.fields["actors"], "Transitions Pro")
    menu = l1.propose_actors()
    actions = [a for a in menu.actions() if a.isEnabled()]
    assert actions, "the catalogue proposes operators for the person's public"
    actions[0].trigger()
    menu.hide()
    l1.decision.choose(domain.Level1Decision.CONTINUE.value)
    assert panel.flush(), field_errors(panel)

    # Niveau 2: two sessions -----------------------------------------------------------------
    panel.tabs.setCurrentWidget(panel.level2)
    l2 = panel.level2
    l2.show_key("sessions")
    qtbot.mouseClick(l2.sessions.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, l2.sessions.field("held_on"), "17/11/2026")
    type_into(qtbot, l2.sessions.field("clarified_request"), "CAP boulanger en un an.")
    type_into(qtbot, l2.sessions.field("next_appointment_on"), "01/12/2026")
    assert panel.flush(), field_errors(panel)
    qtbot.keyClick(l2.sessions.table, Qt.Key.Key_Insert)
    type_into(qtbot, l2.sessions.field("held_on"), "01/12/2026")
    type_into(qtbot, l2.sessions.field("info_given"), "PTP : demande 120 jours avant.")
    assert panel.flush(), field_errors(panel)
    assert l2.sessions.model.rowCount() == 2

    # Needs: three, reordered from the keyboard ------------------------------------------------
    l2.show_key("needs")
    needs = l2.needs.section
    for theme, text in (
        (domain.NeedTheme.TRAINING, "Trouver un CAP en un an"),
        (domain.NeedTheme.FINANCING, "Financer la formation"),
        (domain.NeedTheme.CHILDCARE, "Garde des enfants le mercredi"),
    ):
        qtbot.mouseClick(needs.add_button, Qt.MouseButton.LeftButton)
        needs.field("theme").choose(theme.value)
        type_into(qtbot, needs.field("description"), text)
        assert panel.flush()
    assert needs.model.rowCount() == 3
    needs.select(needs.model.records[2].id)  # childcare, last
    needs.table.setFocus()
    qtbot.keyClick(needs.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(needs.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [r.theme for r in needs.model.records] == ["childcare", "training", "financing"]
    qtbot.keyClick(needs.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [r.theme for r in needs.model.records] == ["training", "childcare", "financing"]
    assert needs.current_id == needs.model.records[1].id

    # Project, feasibility, skills ------------------------------------------------------------
    l2.show_key("project")
    proj = l2.project
    proj.fields["kind"].choose(domain.ProjectKind.RECONVERSION.value)
    type_into(qtbot, proj.fields["target_job_label"], "Boulanger")
    type_into(qtbot, proj.fields["rome_code"], "d1102")
    type_into(qtbot, proj.fields["certification_label"], "CAP Boulanger")
    type_into(qtbot, proj.fields["certification_code"], "RNCP37274")
    type_into(qtbot, proj.fields["description"], "Reconversion vers la boulangerie artisanale.")
    type_into(qtbot, proj.fields["training_start_on"], "01/09/2027")
    assert panel.flush(), field_errors(panel)
    status, note = proj.check_widgets["labour_market"]
    status.choose(domain.FeasibilityStatus.FAVOURABLE.value)
    type_into(qtbot, note, "Offres nombreuses en Isère")
    proj.check_widgets["financing"][0].choose(domain.FeasibilityStatus.RESERVED.value)
    qtbot.mouseClick(proj.skills.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, proj.skills.field("label"), "Pétrissage et façonnage")
    proj.skills.field("means").choose(domain.SkillMeans.TRAINING.value)
    assert panel.flush(), field_errors(panel)

    # Steps -----------------------------------------------------------------------------------
    l2.show_key("steps")
    steps = l2.steps.section
    qtbot.mouseClick(steps.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, steps.field("title"), "Déposer le dossier PTP")
    steps.field("owner").choose(domain.StepOwner.BENEFICIARY.value)
    type_into(qtbot, steps.field("start_on"), "01/03/2027")
    type_into(qtbot, steps.field("due_on"), "30/04/2027")
    assert panel.flush(), field_errors(panel)
    qtbot.keyClick(steps.table, Qt.Key.Key_Insert)
    type_into(qtbot, steps.field("title"), "Entrée en formation")
    type_into(qtbot, steps.field("partner_name"), "CFA de Grenoble")
    steps.field("owner").choose(domain.StepOwner.PARTNER.value)
    type_into(qtbot, steps.field("start_on"), "01/09/2027")
    steps.field("is_milestone").setFocus()
    qtbot.keyClick(steps.field("is_milestone"), Qt.Key.Key_Space)
    assert panel.flush(), field_errors(panel)
    assert len(l2.calendar.timeline.steps) == 2

    # Financing, with live totals -------------------------------------------------------------
    l2.show_key("funding")
    fund = l2.funding
    lines = fund.section
    qtbot.mouseClick(lines.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, lines.field("scheme").lineEdit(), "Compte personnel de formation (CPF)")
    type_into(qtbot, lines.field("funder"), "Caisse des Dépôts")
    type_into(qtbot, fund.requested, "800")
    assert fund.totals_text()["cost"] == euros("800,00 €")
    fund.status.choose(domain.FundingStatus.GRANTED.value)
    type_into(qtbot, fund.granted, "800")
    assert panel.flush(), field_errors(panel)
    qtbot.mouseClick(lines.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, lines.field("scheme").lineEdit(), "Aide de la Région")
    type_into(qtbot, lines.field("funder"), "Région Auvergne-Rhône-Alpes")
    type_into(qtbot, fund.requested, "450,00")
    # Live, before any save: the amount being typed already counts.
    assert fund.totals_text() == {
        "cost": "1\u202f250,00\u00a0€",
        "funded": "800,00\u00a0€",
        "pending": "0,00\u00a0€",  # still « Envisagé »: not asked for yet
        "left_to_pay": "450,00\u00a0€",
    }
    fund.status.choose(domain.FundingStatus.REQUESTED.value)
    assert fund.totals_text()["pending"] == "450,00\u00a0€"
    assert panel.flush(), field_errors(panel)
    assert fund.requested.text() == "450,00\u00a0€" or fund.requested.text() == "450,00"

    # Contacts --------------------------------------------------------------------------------
    panel.tabs.setCurrentWidget(panel.contacts)
    contacts = panel.contacts.section
    qtbot.keyClick(contacts.table, Qt.Key.Key_Insert)
    type_into(qtbot, contacts.field("contact_on"), "20/11/2026")
    type_into(qtbot, contacts.field("organisation"), "GRETA Isère")
    type_into(qtbot, contacts.field("subject"), "Places en CAP à la rentrée")
    contacts.field("consent_to_share").setFocus()
    qtbot.keyClick(contacts.field("consent_to_share"), Qt.Key.Key_Space)
    assert panel.flush(), field_errors(panel)
    assert saved and all(s.tzinfo is not None for s in saved)

    # Close everything, reopen, check ----------------------------------------------------------
    panel.close()
    panel.deleteLater()
    ws.close()
    messagebox.clear()
    ws = workspaces.open_(workspace_dir, passphrase)
    try:
        file = beneficiaries.load_file(ws, person.id, audit=False)
        p = file.beneficiary
        assert (p.phone, p.town, p.job_title) == ("06 11 22 33 44", "Grenoble", "Aide-soignante")
        assert p.notice_given_on == date(2026, 11, 2) and p.current_level == 2
        j = file.current
        assert j.journey.reasons == ["reconversion"]
        assert j.journey.request_date == date(2026, 10, 28)
        assert j.journey.first_appointment_on == date(2026, 11, 3)
        assert j.journey.level1_decision == "continue"
        level1 = [s for s in j.sessions if s.level == 1]
        assert len(level1) == 1
        s1 = level1[0]
        assert (s1.held_on, s1.start_time, s1.duration_min) == (date(2026, 11, 3), "09:30", 60)
        assert s1.modality == "video" and s1.on_working_time
        assert s1.agreement == "Accord de branche de l'aide à domicile"
        assert s1.request_expressed == "Je voudrais devenir boulangère."
        assert s1.actors.startswith("Transitions Pro\n")
        level2 = sorted((s for s in j.sessions if s.level == 2), key=lambda s: s.held_on)
        assert [s.held_on for s in level2] == [date(2026, 11, 17), date(2026, 12, 1)]
        assert level2[0].next_appointment_on == date(2026, 12, 1)
        assert [n.theme for n in sorted(j.needs, key=lambda n: n.rank)] == [
            "training",
            "childcare",
            "financing",
        ]
        pr = j.project
        assert (pr.target_job_label, pr.rome_code) == ("Boulanger", "D1102")
        assert (pr.certification_label, pr.certification_code) == ("CAP Boulanger", "RNCP37274")
        assert pr.training_start_on == date(2027, 9, 1)
        checks = {c.aspect: c for c in j.checks}
        assert checks["labour_market"].status == "favourable"
        assert checks["labour_market"].note == "Offres nombreuses en Isère"
        assert checks["financing"].status == "reserved"
        assert [(s.label, s.means) for s in j.skills] == [("Pétrissage et façonnage", "training")]
        steps_by_title = {s.title: s for s in j.steps}
        assert steps_by_title["Déposer le dossier PTP"].due_on == date(2027, 4, 30)
        milestone = steps_by_title["Entrée en formation"]
        assert milestone.is_milestone and milestone.owner == "partner"
        assert milestone.partner_name == "CFA de Grenoble"
        funding = {f.funder: f for f in j.funding}
        cpf = funding["Caisse des Dépôts"]
        assert (cpf.scheme_code, cpf.status, cpf.amount_granted_cents) == ("cpf", "granted", 80000)
        region = funding["Région Auvergne-Rhône-Alpes"]
        assert (region.scheme_code, region.scheme_label) == ("", "Aide de la Région")
        assert region.amount_requested_cents == 45000 and region.status == "requested"
        [contact] = j.contacts
        assert contact.organisation == "GRETA Isère" and contact.consent_to_share

        # A new panel shows it all again.
        panel2 = make_panel(qtbot, ws)
        panel2.load(person.id)
        assert panel2.identity.fields["town"].text() == "Grenoble"
        assert panel2.level1.fields["request_expressed"].toPlainText().startswith("Je voudrais")
        assert panel2.level1.decision.value() == "continue"
        assert panel2.level2.sessions.model.rowCount() == 2
        assert [r.theme for r in panel2.level2.needs.section.model.records] == [
            "training",
            "childcare",
            "financing",
        ]
        assert panel2.level2.project.fields["rome_code"].text() == "D1102"
        assert panel2.level2.funding.totals_text()["cost"] == "1\u202f250,00\u00a0€"
        assert panel2.level2.funding.totals_text()["left_to_pay"] == "450,00\u00a0€"
        assert panel2.contacts.section.model.rowCount() == 1
        panel2.clear()
    finally:
        ws.close()
