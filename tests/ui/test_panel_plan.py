"""Level-2 tools: priorities by drag and drop, catalogue schemes, scheme steps, the calendar,
and accessibility of every control."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QMimeData, QModelIndex
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from cep_desk import domain
from cep_desk.catalogue import load_catalogue
from cep_desk.ui import messagebox
from cep_desk.ui.panel.calendar import MIN_MONTH_WIDTH, TimelineWidget
from cep_desk.usecases import beneficiaries, journeys, plan
from cep_desk.usecases.records import StepRecord

from .test_panel_support import make_panel


def _person(ws, status="private_employee", start=date(2027, 9, 1)):
    person = beneficiaries.create_beneficiary(
        ws, last_name="Garnier", first_name="Sofiane", status=status
    )
    journey = journeys.start_journey(ws, person.id, request_date=date(2026, 9, 1))
    journeys.add_session(ws, journey.id, 1, held_on=date(2026, 9, 8), modality="face_to_face")
    journeys.update_journey(ws, journey.id, level1_decision="continue")
    for theme in ("training", "financing", "mobility"):
        plan.add_need(ws, journey.id, theme=theme, description=f"Besoin {theme}")
    plan.ensure_project(ws, journey.id, kind="reconversion", training_start_on=start)
    return person, journey


def test_needs_reordered_by_drag_and_drop(qtbot, ws):
    person, journey = _person(ws)
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    needs = panel.level2.needs.section
    model = needs.model
    assert (
        model.draggable
        and needs.table.dragDropMode() == QAbstractItemView.DragDropMode.InternalMove
    )
    last = model.records[2]
    data = model.mimeData([model.index(2, 0)])
    assert isinstance(data, QMimeData)
    # Dropped above the first row.
    model.dropMimeData(data, model.supportedDropActions(), 0, 0, QModelIndex())
    assert [r.theme for r in model.records] == ["mobility", "training", "financing"]
    assert [r.rank for r in model.records] == [1, 2, 3]
    stored = beneficiaries.load_file(ws, person.id, audit=False).current.needs
    assert [n.theme for n in sorted(stored, key=lambda n: n.rank)] == [
        "mobility",
        "training",
        "financing",
    ]
    assert needs.current_id == last.id
    # Dropped on the last row: it takes that place.
    data = model.mimeData([model.index(0, 0)])
    model.dropMimeData(data, model.supportedDropActions(), -1, 0, model.index(2, 0))
    assert [r.theme for r in model.records] == ["training", "financing", "mobility"]
    # Buttons do the same as Alt+↑ / Alt+↓.
    needs.select(model.records[1].id)
    panel.level2.needs.up_button.click()
    assert [r.theme for r in model.records] == ["financing", "training", "mobility"]
    # Deleting renumbers.
    messagebox.clear()
    messagebox.set_next_answer(True)
    needs.delete_current()
    assert [r.rank for r in model.records] == [1, 2]
    messagebox.clear()


def test_funding_proposes_the_persons_schemes_first(qtbot, ws):
    person, _journey = _person(ws, status="job_seeker")
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    panel.tabs.setCurrentWidget(panel.level2)
    panel.level2.show_key("funding")
    fund = panel.level2.funding
    combo = fund.scheme
    own = load_catalogue().schemes_for(domain.Public.JOB_SEEKER)
    assert [combo.itemData(i) for i in range(len(own))] == [s.code for s in own]
    assert combo.count() > len(own)  # the other schemes follow, marked as such
    fund.section.new_record()
    uncertain = next(s for s in own if s.is_uncertain)
    combo.choose(uncertain.code)
    assert fund.scheme_warning.isVisible()
    assert "incertain" in fund.scheme_warning.text()
    assert fund.scheme_info.isVisible() and "Conditions" in fund.scheme_info.text()
    # The funder was filled from the catalogue and the line created.
    assert fund.section.field("funder").text() == uncertain.funder[:200]
    [line] = beneficiaries.load_file(ws, person.id, audit=False).current.funding
    assert (line.scheme_code, line.scheme_label) == (uncertain.code, uncertain.name)


def test_scheme_steps_added_back_from_the_training_start(qtbot, ws):
    person, _journey = _person(ws, start=date(2027, 3, 1))
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    panel.tabs.setCurrentWidget(panel.level2)
    panel.level2.show_key("steps")
    steps = panel.level2.steps
    dialog = steps.open_scheme_dialog()
    assert dialog is not None and dialog.isVisible()
    index = dialog.combo.findData("ptp")
    assert 0 <= index < len(load_catalogue().schemes_for(domain.Public.PRIVATE_EMPLOYEE))
    dialog.combo.setCurrentIndex(index)
    assert "PTP" in dialog.preview.toPlainText() or "Transitions" in dialog.preview.toPlainText()
    dialog.reject()
    messagebox.clear()
    messagebox.set_next_answer(True)  # the "deadline already past" warning, if any
    added = steps.add_scheme_steps("ptp", absence_days=365, today=date(2026, 11, 27))
    assert added and added[-1].is_milestone and added[-1].due_on == date(2027, 3, 1)
    request = next(s for s in added if "120" in s.detail or s.due_on == date(2026, 11, 1))
    assert request.due_on == date(2026, 11, 1)  # 120 days before the start
    assert "Délai déjà dépassé" in request.detail
    assert messagebox.shown and messagebox.shown[0][0] == "warning"
    messagebox.clear()
    stored = beneficiaries.load_file(ws, person.id, audit=False).current.steps
    assert len(stored) == len(added) and all(s.scheme_code == "ptp" for s in stored)
    assert len(panel.level2.calendar.timeline.steps) == len(added)


def test_scheme_steps_need_a_training_start(qtbot, ws):
    person, journey = _person(ws, start=None)
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    messagebox.clear()
    messagebox.set_next_answer(True)
    assert panel.level2.steps.open_scheme_dialog() is None
    assert "début de la formation" in messagebox.shown[0][2]
    messagebox.clear()


def _step(ident, title, start, due, status="planned", milestone=False):
    return StepRecord(
        id=ident,
        project_id=1,
        title=title,
        detail="",
        owner="beneficiary",
        partner_name="",
        start_on=start,
        due_on=due,
        status=status,
        is_milestone=milestone,
        position=ident,
        scheme_code="",
    )


def test_timeline_from_one_month_to_three_years(qtbot):
    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    today = date(2026, 11, 27)
    timeline.set_steps([_step(1, "Court", date(2026, 11, 2), date(2026, 11, 20))], today=today)
    assert timeline.months == 1
    assert not timeline.grab().isNull()
    long_plan = [
        _step(1, "Formation", date(2026, 12, 1), date(2029, 6, 30), "in_progress"),
        _step(2, "Examen", date(2029, 10, 15), date(2029, 10, 15), milestone=True),
        _step(3, "Annulée", date(2027, 1, 1), date(2027, 2, 1), "cancelled"),
    ]
    timeline.set_steps(long_plan, today=today)
    assert timeline.months == 36
    assert timeline.sizeHint().width() >= timeline.label_width + 36 * MIN_MONTH_WIDTH
    assert timeline.x_of(date(2027, 1, 1)) > timeline.x_of(date(2026, 12, 1))
    description = timeline.accessibleDescription()
    assert "Examen : 15/10/2029" in description and "(Annulée)" in description
    image = timeline.grab().toImage()
    assert image.width() >= 36 * MIN_MONTH_WIDTH
    timeline.clear()
    assert timeline.steps == [] and timeline.accessibleDescription() == ""


def test_every_control_has_an_accessible_name(qtbot, demo_ws):
    from .test_panel_support import demo_person_with_plan

    panel = make_panel(qtbot, demo_ws)
    panel.load(demo_person_with_plan(demo_ws))
    missing = []
    for w in panel.findChildren(QWidget):
        if w.window() is not panel:
            continue  # popups (combo lists, completers, menus)
        if isinstance(w.parent(), QComboBox) or w.objectName().startswith("qt_"):
            continue  # Qt's own parts (combo editors, scroll bars, corner buttons)
        if isinstance(w, QAbstractButton):
            name = w.accessibleName() or w.text()
        elif isinstance(w, QLineEdit | QPlainTextEdit | QComboBox | QAbstractItemView):
            name = w.accessibleName()
        else:
            continue
        if type(w).__name__ in ("QHeaderView", "QTabBar", "QToolButton"):
            continue
        if not name.replace("&", "").strip():
            missing.append(f"{type(w).__name__} in {type(w.parent()).__name__}")
    assert not missing, missing


def test_referential_pickers_say_how_to_import_when_there_is_none(qtbot, ws):
    person, _journey = _person(ws)
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    project = panel.level2.project
    assert project._job_hits("boulang") == []
    assert "France Travail" in project.referential_status.text()
    assert project._cert_hits("boulanger") == []
    assert "France compétences" in project.referential_status.text()


def test_referential_pickers_fill_label_and_code(qtbot, ws):
    from cep_desk.referentials import seed_sample_referentials

    seed_sample_referentials(ws.path)
    person, _journey = _person(ws)
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    project = panel.level2.project
    hits = project._job_hits("boulang")
    assert hits, "the sample ROME referential answers"
    label, code = hits[0].rsplit(" (", 1)
    project.pick("target_job_label", "rome_code", label, code.rstrip(")"))
    stored = beneficiaries.load_file(ws, person.id, audit=False).current.project
    assert stored.target_job_label == label and stored.rome_code == code.rstrip(")")
    assert stored.rome_version  # the referential's version is recorded with the code
    certs = project._cert_hits("boulanger")
    assert certs and all("(" in c for c in certs)


def test_columns_stack_when_narrow(qtbot, ws):
    person, _journey = _person(ws)
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    assert not panel.identity.columns.stacked
    panel.resize(700, 600)
    qtbot.waitUntil(lambda: panel.identity.columns.stacked)
    panel.resize(1200, 700)
    qtbot.waitUntil(lambda: not panel.identity.columns.stacked)


def test_identity_never_needs_a_horizontal_scroll_and_its_labels_line_up(qtbot, ws):
    from PySide6.QtWidgets import QFormLayout

    person, _journey = _person(ws)
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    identity = panel.identity
    panel.show()
    for width in (700, 900, 1000, 1100, 1200, 1400, 1700):
        panel.resize(width, 700)
        qtbot.wait(20)
        content = identity.scroll_area.widget()
        # side by side or stacked, what the columns need fits in the visible width
        assert content.minimumSizeHint().width() <= identity.scroll_area.viewport().width(), width
    for forms in (identity._left_forms, identity._right_forms):
        edges = {
            form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().minimumWidth()
            for form in forms
            for row in range(form.rowCount())
            if form.itemAt(row, QFormLayout.ItemRole.LabelRole) is not None
        }
        assert len(edges) == 1 and edges.pop() > 0


def test_first_funding_line_creates_the_project(qtbot, ws):
    person = beneficiaries.create_beneficiary(ws, last_name="Henry", first_name="Jade")
    panel = make_panel(qtbot, ws)
    panel.load(person.id)
    fund = panel.level2.funding
    fund.section.new_record()
    fund.section.field("funder").setText("Région")
    fund.section.field("funder").edited.emit()
    assert panel.flush()
    current = beneficiaries.load_file(ws, person.id, audit=False).current
    assert current.project is not None and len(current.checks) == 5
    assert [f.funder for f in current.funding] == ["Région"]
    # The feasibility checklist of the project just created is editable at once.
    status, _note = panel.level2.project.check_widgets["skills_gap"]
    status.choose(domain.FeasibilityStatus.BLOCKING.value)
    current = beneficiaries.load_file(ws, person.id, audit=False).current
    assert {c.aspect: c.status for c in current.checks}["skills_gap"] == "blocking"
