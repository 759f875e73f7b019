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
