"""17.5 and 17.6 in the GUI: the document offered on the Financement line (and Fichier ›
Document du dispositif…), completed, rendered in a worker, previewed, exported and traced; the
level-1 « objectifs et modalités présentés » date and the internal-service check box."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QSettings, QThreadPool

from cep_desk import domain
from cep_desk.ui import messagebox, printing
from cep_desk.ui.main_window import MainWindow
from cep_desk.ui.scheme_document_actions import SchemeDocumentDialog
from cep_desk.usecases import beneficiaries, journeys, plan
from cep_desk.usecases import scheme_documents as sd
from tests.pdf.pdfcheck import all_text, squash

from .test_panel_support import make_panel, type_into


def _person(ws, scheme="ptp", start=date(2027, 9, 1)):
    p = beneficiaries.create_beneficiary(
        ws, last_name="Garnier", first_name="Sofiane", status="private_employee"
    )
    j = journeys.start_journey(ws, p.id, request_date=date(2026, 9, 1))
    journeys.add_session(ws, j.id, 1, held_on=date(2026, 9, 8))
    project = plan.ensure_project(
        ws, j.id, certification_label="Titre professionnel menuisier", training_start_on=start
    )
    plan.add_funding(ws, project.id, scheme_code=scheme, scheme_label="Dispositif")
    return p.id


def _window(qtbot, ws, tmp_path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(ws.path, settings=settings)
    qtbot.addWidget(w)
    w.resize(1280, 860)
    w.show()
    w.open_workspace(ws)
    return w


def _funding_line_selected(w: MainWindow):
    panel = w.panel
    panel.tabs.setCurrentWidget(panel.level2)
    panel.level2.show_key("funding")
    fund = panel.level2.funding
    fund.section.select(fund.section.records()[0].id)
    return fund


def test_ptp_request_from_the_funding_line_preview_print_and_export(qtbot, ws, tmp_path,
                                                                     monkeypatch):  # fmt: skip
    pid = _person(ws)
    w = _window(qtbot, ws, tmp_path)
    assert w.select_person(pid)
    fund = _funding_line_selected(w)
    button = fund.document_button
    assert button.isVisible() and button.text() == "Préparer la demande d'absence…"
    typed = {
        "training_start_on": date(2027, 9, 1),
        "training_end_on": date(2028, 3, 31),
        "training_hours": 910,
        "training_provider": "AFPA Rennes",
        "training_part_time": False,
        "exam_title": "Titre professionnel menuisier",
        "exam_on": date(2028, 3, 20),
    }
    asked = []
    w.scheme_documents.ask_fields = lambda _p, doc, values: (
        asked.append(values) or ("preview", typed)
    )
    button.click()
    qtbot.waitUntil(lambda: w.scheme_documents.last_preview is not None, timeout=30_000)
    assert asked[0]["training_start_on"] == date(2027, 9, 1)  # pre-filled from the project
    # what was completed is saved on the project
    project = beneficiaries.load_file(ws, pid, audit=False).current.project
    assert project.training_provider == "AFPA Rennes" and project.exam_on == date(2028, 3, 20)
    dialog = w.scheme_documents.last_preview
    assert "version 1" in dialog.windowTitle()
    # previewing records nothing; printing does
    assert beneficiaries.load_file(ws, pid, audit=False).documents == []
    dialog.printed.emit()
    docs = beneficiaries.load_file(ws, pid, audit=False).documents
    assert [(d.kind, d.version, d.channel) for d in docs] == [("ptp_absence_request", 1, "print")]
    dialog.close()

    # export through the menu action, with the default file name
    target = tmp_path / "demande.pdf"
    names = []
    monkeypatch.setattr(
        printing, "ask_save_path", lambda _p, _t, name: names.append(name) or target
    )
    w.scheme_documents.ask_fields = lambda _p, _doc, values: ("export", values)
    w.action_scheme_document.trigger()
    qtbot.waitUntil(target.exists, timeout=30_000)
    assert names == [f"Demande d'absence PTP - GARNIER Sofiane - {date.today().isoformat()}.pdf"]
    text = squash(all_text(target.read_bytes()))
    assert squash("AFPA Rennes") in text and squash("20 mars 2028") in text
    qtbot.waitUntil(lambda: len(beneficiaries.load_file(ws, pid, audit=False).documents) == 2)
    QThreadPool.globalInstance().waitForDone()


def test_avis_button_and_no_document_for_other_schemes(qtbot, ws, tmp_path):
    pid = _person(ws, scheme="demission_reconversion")
    other = _person(ws, scheme="cpf")
    w = _window(qtbot, ws, tmp_path)
    assert w.select_person(pid)
    fund = _funding_line_selected(w)
    assert fund.document_button.text() == "Préparer l'avis du CEP…"
    assert w.select_person(other)
    fund = _funding_line_selected(w)
    assert not fund.document_button.isVisible()
    messagebox.clear()
    messagebox.set_next_answer(True)
    w.action_scheme_document.trigger()
    kind, _title, text = messagebox.shown[-1]
    assert kind == "information" and "Financement" in text
    messagebox.clear()


def test_dialog_warns_when_the_deadline_has_passed(qtbot, ws):
    pid = _person(ws, start=date.today() + timedelta(days=30))
    doc = sd.build_document(ws, pid, domain.DocumentKind.PTP_ABSENCE_REQUEST)
    values = {"training_start_on": date.today() + timedelta(days=30)}
    dialog = SchemeDocumentDialog(None, doc, values)
    qtbot.addWidget(dialog)
    dialog.show()
    # unknown length: 120 days before a start in 30 days → already past
    assert dialog.warning.isVisible() and "Délai dépassé" in dialog.warning.text()
    dialog.editors["training_part_time"].click()  # part time: 60 days, still past
    assert "60 jours" in dialog.warning.text() and not dialog.deadline.isVisible()
    type_into(qtbot, dialog.editors["training_start_on"], (date.today() + timedelta(days=90))
              .strftime("%d/%m/%Y"))  # fmt: skip
    dialog.editors["training_start_on"].edited.emit()
    assert not dialog.warning.isVisible() and "au plus tard" in dialog.deadline.text()
    assert not dialog.error.isVisible()
    type_into(qtbot, dialog.editors["exam_on"], "31/02/2027")
    dialog.export_button.click()
    assert dialog.error.isVisible() and dialog.mode is None  # a bad date is said, not kept


def test_level1_presented_date_and_internal_service_are_saved(qtbot, ws):
    pid = _person(ws)
    panel = make_panel(qtbot, ws)
    panel.load(pid)
    panel.tabs.setCurrentWidget(panel.level1)
    panel.level1.presented_today.click()
    assert panel.flush()
    journey = beneficiaries.load_file(ws, pid, audit=False).current.journey
    assert journey.cep_presented_on == date.today()
    panel.tabs.setCurrentWidget(panel.level2)
    panel.level2.show_key("steps")
    steps = panel.level2.steps.section
    steps.new_record()
    type_into(qtbot, steps.field("title"), "Atelier projet")
    steps.field("internal_service").click()
    assert panel.flush()
    [step] = beneficiaries.load_file(ws, pid, audit=False).current.steps
    assert step.title == "Atelier projet" and step.internal_service is True
