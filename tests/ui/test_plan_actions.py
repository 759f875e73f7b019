"""'Exporter le plan' and 'Imprimer' from the GUI: worker rendering, preview, trace."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QWidget

from cep_desk.ui import messagebox, plan_actions, printing
from cep_desk.usecases import beneficiaries as B


@pytest.fixture
def level2_person(demo_ws):
    rows = B.search_beneficiaries(demo_ws, B.ListFilter(level=2))
    return rows[0]


@pytest.fixture
def actions(qtbot, demo_ws):
    parent = QWidget()
    qtbot.addWidget(parent)
    acts = plan_actions.PlanActions(parent, lambda: demo_ws)
    acts.ask_options = lambda _p, _printing, _health: (True, False)
    yield acts
    QThreadPool.globalInstance().waitForDone()
    messagebox.clear()


def test_export_writes_the_pdf_and_records_it(
    qtbot, actions, demo_ws, level2_person, tmp_path, monkeypatch
):
    target = tmp_path / "plan.pdf"
    asked = []

    def fake_ask(_parent, _title, suggested):
        asked.append(suggested)
        return target

    monkeypatch.setattr(printing, "ask_save_path", fake_ask)
    with qtbot.waitSignal(actions.issued, timeout=10_000) as sig:
        actions.export_plan(level2_person.id)
    assert sig.args == [level2_person.id]
    assert asked[0].startswith("Plan d'action - ") and asked[0].endswith(".pdf")
    assert level2_person.last_name.upper() in asked[0]
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    doc = B.load_file(demo_ws, level2_person.id).documents[0]
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert (doc.kind, doc.channel, doc.version) == ("action_plan", "export", 1)


def test_print_shows_a_preview_and_records_when_printed(qtbot, actions, demo_ws, level2_person):
    actions.print_plan(level2_person.id)
    qtbot.waitUntil(lambda: actions.last_preview is not None, timeout=10_000)
    dialog = actions.last_preview
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rendered, timeout=10_000, raising=False):
        pass
    qtbot.waitUntil(lambda: dialog.page_count() >= 1, timeout=10_000)
    with qtbot.waitSignal(actions.issued, timeout=5_000):
        dialog.printed.emit()
    doc = B.load_file(demo_ws, level2_person.id).documents[0]
    assert doc.channel == "print"
    dialog.close()


def test_person_without_journey_is_told(qtbot, actions, demo_ws):
    person = B.create_beneficiary(demo_ws, last_name="Neuve", first_name="Anne")
    messagebox.set_next_answer(True)
    actions.export_plan(person.id)
    assert messagebox.shown and "pas encore de parcours" in messagebox.shown[-1][2]


def test_a_health_need_offers_the_health_option(qtbot, actions, demo_ws, tmp_path, monkeypatch):
    from cep_desk.usecases import journeys, plan

    person = B.create_beneficiary(demo_ws, last_name="Santé", first_name="Besoin")
    journey = journeys.start_journey(demo_ws, person.id)
    plan.add_need(demo_ws, journey.id, theme="health", description="Restriction médicale")
    offered = []

    def ask(_parent, _printing, has_health):
        offered.append(has_health)
        return None  # cancelled

    actions.ask_options = ask
    actions.export_plan(person.id)
    assert offered == [True]


def test_preview_is_not_a_version_and_a_cancelled_print_records_nothing(
    qtbot, actions, demo_ws, level2_person, tmp_path, monkeypatch
):
    actions.print_plan(level2_person.id)
    qtbot.waitUntil(lambda: actions.last_preview is not None, timeout=20_000)
    dialog = actions.last_preview
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.page_count() >= 1, timeout=20_000)
    assert "version 1" in dialog.note.text() and "Aperçu" in dialog.note.text()
    assert "aperçu" in dialog.windowTitle()
    assert B.load_file(demo_ws, level2_person.id).documents == []  # opening is not handing over
    monkeypatch.setattr(printing, "ask_print", lambda _printer, _parent: False)
    assert dialog.print_document() is False
    assert B.load_file(demo_ws, level2_person.id).documents == []
    # accepted: the job is painted (here into a PDF file), then recorded
    out = tmp_path / "imprime.pdf"

    make_printer = printing.new_printer

    def pdf_printer():
        p = make_printer()
        p.setOutputFormat(printing.QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(out))
        return p

    monkeypatch.setattr(printing, "ask_print", lambda _printer, _parent: True)
    monkeypatch.setattr(printing, "new_printer", pdf_printer)
    with qtbot.waitSignal(actions.issued, timeout=20_000):
        assert dialog.print_document() is True
    assert out.read_bytes().startswith(b"%PDF")
    docs = B.load_file(demo_ws, level2_person.id).documents
    assert [(d.channel, d.version) for d in docs] == [("print", 1)]
    dialog.close()


def test_a_long_plan_reports_progress_and_can_be_cancelled(qtbot, actions, demo_ws, monkeypatch):
    import threading
    from datetime import date, timedelta

    from cep_desk.demo_plan import sample_plan_document
    from cep_desk.usecases import journeys, plan

    # the renderer reports its progress and stops on the cancel flag
    doc = sample_plan_document(n_steps=120)
    seen: list[tuple[int, int]] = []
    assert plan_actions.render_cancellable(doc, threading.Event(), lambda *a: seen.append(a))
    assert len(seen) > 20 and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    stop = threading.Event()
    stop.set()
    assert plan_actions.render_cancellable(doc, stop, lambda *a: None) is None

    # from the GUI: a progress dialog with « Annuler »; cancelled, nothing is saved or recorded
    person = B.create_beneficiary(demo_ws, last_name="Longue", first_name="Liste")
    journey = journeys.start_journey(demo_ws, person.id)
    project = plan.ensure_project(demo_ws, journey.id)
    for i in range(60):
        start = date(2027, 1, 4) + timedelta(days=7 * i)
        plan.add_step(demo_ws, project.id, title=f"Étape {i}", start_on=start, due_on=start)
    asked = []
    monkeypatch.setattr(printing, "ask_save_path", lambda *a: asked.append(a))
    actions.export_plan(person.id)
    bar = actions.progress_dialog
    assert bar is not None and bar.labelText().endswith("(60 étapes)…")
    from PySide6.QtWidgets import QPushButton

    (button,) = bar.findChildren(QPushButton)
    assert button.text() == "Annuler"
    button.click()
    qtbot.waitUntil(lambda: actions.progress_dialog is None, timeout=30_000)
    assert asked == [] and B.load_file(demo_ws, person.id).documents == []
    # and a second try goes through
    monkeypatch.setattr(printing, "ask_save_path", lambda *a: None)
    actions.export_plan(person.id)
    qtbot.waitUntil(lambda: actions.progress_dialog is None, timeout=60_000)
