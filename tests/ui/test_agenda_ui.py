"""The agenda on the real main window (issue #12, item 1): a counsellor books from the person's
file, sees the day and the week, marks the appointment held and makes the session from it;
overlaps and bad dates are told in the dialog with nothing typed lost; the keys move through
days, weeks and appointments; « À faire » opens each item at its place; the workspace opens
on today's appointments."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from cep_desk import domain
from cep_desk.ui import messagebox
from cep_desk.ui.agenda import DAY, WEEK, AppointmentDialog, monday_of
from cep_desk.ui.main_window import MainWindow
from cep_desk.usecases import agenda, beneficiaries, journeys
from tests.conftest import PASSPHRASE
from tests.ui.mnemonic_support import collisions
from tests.ui.shell_support import ini_settings, visible_top_levels, wait_pool

TODAY = date.today()


@pytest.fixture
def make_window(qtbot, tmp_path):
    windows: list[MainWindow] = []

    def make(ws) -> MainWindow:
        w = MainWindow(ws.path, settings=ini_settings(tmp_path))
        w.resize(1400, 860)
        w.show()
        w.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
        w.open_workspace(ws)
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.close()
        w.deleteLater()
    wait_pool()
    messagebox.clear()
    assert visible_top_levels() == []


def _person(ws, last="Dupont", first="Jeanne") -> int:
    return beneficiaries.create_beneficiary(ws, last_name=last, first_name=first).id


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def _alt(qtbot, widget, key: Qt.Key, until) -> None:
    """Alt+letter: a button's mnemonic clicks it after its short animation (dialogs closed
    before are deleted first, as the event loop does: their labels keep their letters)."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window = widget.window()
    if QApplication.activeWindow() is not window:  # offscreen: a closed dialog leaves none
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(until, timeout=2000)


def _open_booking(qtbot, w: MainWindow, person_id: int) -> AppointmentDialog:
    assert w.select_person(person_id)
    assert w.action_book.isEnabled()
    qtbot.keyClick(w.panel.tabs, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.findChild(AppointmentDialog) is not None, timeout=2000)
    dialog = w.findChild(AppointmentDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    return dialog


def _fill(qtbot, dialog: AppointmentDialog, day: date, start: str, minutes: int = 60) -> None:
    _type(qtbot, dialog.day, day.strftime("%d/%m/%Y"))
    _type(qtbot, dialog.start, start)
    _type(qtbot, dialog.duration, str(minutes))


def test_a_counsellor_books_views_the_week_marks_held_and_makes_the_session(qtbot, make_window, ws):
    person = _person(ws)
    w = make_window(ws)
    assert not w.agenda_shown  # nothing today: the workspace opens on the people
    dialog = _open_booking(qtbot, w, person)
    _fill(qtbot, dialog, TODAY, "8h30", 45)
    dialog.modality.setCurrentIndex(dialog.modality.findData(domain.Modality.PHONE.value))
    _type(qtbot, dialog.place, "06 12 34 56 78")
    _type(qtbot, dialog.purpose, "Premier entretien")
    qtbot.keyClick(dialog.purpose, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    [row] = agenda.of_person(ws, person)
    assert (row.day, row.start, row.duration_min) == (TODAY, time(8, 30), 45)
    assert row.modality == "phone" and row.purpose == "Premier entretien"
    assert "Rendez-vous pris" in w.statusBar().currentMessage()

    # The agenda (Ctrl+G): today, the appointment selected, its details spelled out
    qtbot.keyClick(w.panel.tabs, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    view = w.agenda_view
    assert w.agenda_shown and view.mode == DAY and view.day == TODAY
    assert view.title.text().startswith("Aujourd'hui")
    assert view.selected() is not None and view.selected().id == row.id
    texts = [view.day_model.index(0, c).data() for c in range(view.day_model.columnCount())]
    assert texts[0] == "08:30–09:15" and texts[1] == "DUPONT Jeanne"
    assert "Par téléphone" in texts and "Prévu" in texts
    assert "Premier entretien" in view.detail.text()

    # The week (Alt+M): the block in today's column
    _alt(qtbot, view.table, Qt.Key.Key_M, lambda: view.mode == WEEK)
    assert view.views.currentWidget() is view.week_table
    column = view.week_model.days.index(TODAY) if TODAY in view.week_model.days else None
    if column is not None:
        assert view.week_model.index(0, column).data() == "DUPONT Jeanne"
    assert view.selected().id == row.id
    assert view.title.text().startswith("Semaine du")
    assert not collisions(w), collisions(w)

    # Honoré (Alt+H), then « Créer la séance » (Alt+S): the file opens on the new session
    assert view.held_button.isEnabled()
    _alt(qtbot, view.table, Qt.Key.Key_H, lambda: agenda.of_person(ws, person)[0].status == "held")
    assert view.selected().status_label == "Honoré"
    assert not view.held_button.isEnabled()
    _alt(qtbot, view.table, Qt.Key.Key_S, lambda: not w.agenda_shown)
    made = agenda.of_person(ws, person)[0]
    assert made.interview_id is not None
    assert not w.agenda_shown
    assert w.panel.current_beneficiary_id == person
    assert w.panel.tabs.currentWidget() is w.panel.level1
    assert w.panel.level1.session is not None and w.panel.level1.session.id == made.interview_id
    session = w.panel.level1.session
    assert session.held_on == TODAY and session.duration_min == 45
    assert session.modality == "phone"
    # Back in the agenda, the button now opens that session
    w.show_agenda()
    assert view.session_button.text().replace("&", "") == "Ouvrir la séance"


def test_an_overlap_is_told_in_the_dialog_and_nothing_typed_is_lost(qtbot, make_window, ws):
    other = _person(ws, "Martin", "Paul")
    person = _person(ws)
    day = TODAY + timedelta(days=3)
    agenda.book(ws, beneficiary_id=other, day=day, start=time(10, 0), duration_min=60,
                modality="face_to_face", level=1)  # fmt: skip
    w = make_window(ws)
    dialog = _open_booking(qtbot, w, person)
    _fill(qtbot, dialog, day, "10:30", 30)
    _type(qtbot, dialog.purpose, "Bilan du projet")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    message = dialog.error.text()
    assert dialog.error.isVisible() and "10:00" in message, message
    assert "Traceback" not in message and "SELECT" not in message
    assert (dialog.day.text(), dialog.start.text(), dialog.duration.text()) == (
        day.strftime("%d/%m/%Y"),
        "10:30",
        "30",
    )
    assert dialog.purpose.text() == "Bilan du projet"
    assert agenda.of_person(ws, person) == []
    # Moved to 11:00, the booking is made
    _type(qtbot, dialog.start, "11:00")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    [row] = agenda.of_person(ws, person)
    assert row.start == time(11, 0) and row.purpose == "Bilan du projet"
    assert "prochain rendez-vous" in w.panel.subheader.text()
    assert "à 11:00" in w.panel.subheader.text()


def test_bad_dates_and_times_get_french_messages(qtbot, make_window, ws):
    person = _person(ws)
    w = make_window(ws)
    dialog = _open_booking(qtbot, w, person)
    for day_text, start, expected in (
        ("31/02/2027", "10:00", "n'existe pas"),
        ((TODAY - timedelta(days=2)).strftime("%d/%m/%Y"), "10:00", None),
        ((TODAY + timedelta(days=2)).strftime("%d/%m/%Y"), "25:00", "Heure illisible"),
        ((TODAY + timedelta(days=2)).strftime("%d/%m/%Y"), "", "heure de début"),
    ):
        _type(qtbot, dialog.day, day_text)
        dialog.start.setText(start)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible(), day_text
        assert dialog.error.isVisible() and dialog.error.text()
        if expected:
            assert expected in dialog.error.text(), dialog.error.text()
        assert dialog.day.text() == day_text and dialog.start.text() == start
    assert agenda.of_person(ws, person) == []
    dialog.reject()


def test_keys_move_through_days_weeks_and_appointments(qtbot, make_window, ws):
    a, b = _person(ws, "Aubert", "Anne"), _person(ws, "Bernard", "Bruno")
    monday = monday_of(TODAY) + timedelta(days=7)
    first = agenda.book(ws, beneficiary_id=a, day=monday, start=time(9, 0), duration_min=60,
                        modality="face_to_face", level=1)  # fmt: skip
    second = agenda.book(ws, beneficiary_id=b, day=monday + timedelta(days=2), start=time(14, 0),
                         duration_min=30, modality="video", level=2,
                         place="https://visio.example/abc")  # fmt: skip
    w = make_window(ws)
    qtbot.keyClick(w.search, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    view = w.agenda_view
    assert w.agenda_shown and view.day == TODAY
    table = view.table
    assert QApplication.focusWidget() is table
    _alt(qtbot, table, Qt.Key.Key_M, lambda: view.mode == WEEK)  # the week
    qtbot.keyClick(view.table, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # next week
    assert monday_of(view.day) == monday
    assert view.week_model.count() == 2
    assert view.selected().id == first.id
    qtbot.keyClick(view.table, Qt.Key.Key_Right)  # Tuesday is empty: straight to Wednesday
    assert view.selected() is not None and view.selected().id == second.id
    assert "https://visio.example/abc" in view.detail.text()
    _alt(qtbot, view.table, Qt.Key.Key_J, lambda: view.mode == DAY)  # its day
    assert view.day == second.day
    assert view.selected().id == second.id
    qtbot.keyClick(view.table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # the day before
    assert view.day == second.day - timedelta(days=1)
    assert view.empty.isVisible() and view.selected() is None
    assert not view.open_button.isEnabled()
    qtbot.keyClick(view.table, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)  # today
    assert view.day == TODAY
    # Enter on an appointment: the person's file; Ctrl+G again: the agenda; Échap: the files
    view.show_day(first.day)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert not w.agenda_shown and w.panel.current_beneficiary_id == a
    qtbot.keyClick(w.panel.tabs, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert w.agenda_shown and view.day == first.day
    qtbot.keyClick(view.table, Qt.Key.Key_Escape)
    assert not w.agenda_shown


def test_reschedule_and_cancel_from_the_agenda(qtbot, make_window, ws):
    person = _person(ws)
    day = TODAY + timedelta(days=1)
    row = agenda.book(ws, beneficiary_id=person, day=day, start=time(9, 0), duration_min=60,
                      modality="face_to_face", level=1)  # fmt: skip
    w = make_window(ws)
    w.show_agenda(day=day, mode=DAY)
    view = w.agenda_view
    assert not view.held_button.isEnabled()  # not held before its day
    _alt(qtbot, view.table, Qt.Key.Key_R, lambda: w.findChild(AppointmentDialog) is not None)
    dialog = w.findChild(AppointmentDialog)
    assert dialog.start.text() == "09:00" and dialog.day.text() == day.strftime("%d/%m/%Y")
    later = day + timedelta(days=7)
    _type(qtbot, dialog.day, later.strftime("%d/%m/%Y"))
    _type(qtbot, dialog.start, "15:15")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    moved = agenda.of_person(ws, person)[0]
    assert (moved.day, moved.start) == (later, time(15, 15))
    assert view.day == later and view.selected().id == row.id
    messagebox.set_next_answer(True)
    _alt(
        qtbot,
        view.table,
        Qt.Key.Key_U,
        lambda: agenda.of_person(ws, person)[0].status == "cancelled",
    )
    assert view.selected().status_label == "Annulé"
    assert not view.cancel_button.isEnabled()
    # Cancelled by mistake: back to planned (Alt+T)
    _alt(qtbot, view.table, Qt.Key.Key_T, lambda: view.selected().status == "planned")
    assert agenda.of_person(ws, person)[0].status == "planned"
    assert view.cancel_button.isEnabled() and not view.planned_button.isEnabled()


def test_the_due_list_opens_each_item_at_its_place(qtbot, make_window, ws):
    person = _person(ws)
    past = TODAY - timedelta(days=2)
    unreported = agenda.book(ws, beneficiary_id=person, day=past, start=time(9, 0),
                             duration_min=60, modality="face_to_face", level=1,
                             today=past)  # fmt: skip
    w = make_window(ws)
    w.show_agenda()
    view = w.agenda_view
    qtbot.waitUntil(lambda: view.due_model.rowCount() >= 1, timeout=5000)
    kinds = [item.kind for item in view.due_model.items]
    assert "unreported" in kinds
    view.show_day(past)
    assert view.day_model.index(0, 4).data() == "À renseigner"  # not « Prévu » any more
    view.show_day(TODAY)
    row = kinds.index("unreported")
    view.due_table.setFocus()
    view.due_table.setCurrentIndex(view.due_model.index(row, 0))
    assert "en retard" in view.due_hint.text()
    qtbot.keyClick(view.due_table, Qt.Key.Key_Return)
    assert view.mode == DAY and view.day == past
    assert view.selected().id == unreported.id
    assert QApplication.focusWidget() is view.table
    # Reported as missed: it leaves the list
    _alt(qtbot, view.table, Qt.Key.Key_N, lambda: view.selected().status == "missed")
    qtbot.waitUntil(
        lambda: "unreported" not in [i.kind for i in view.due_model.items], timeout=5000
    )
    assert agenda.of_person(ws, person)[0].status == "missed"


def test_a_plan_step_and_a_follow_up_due_open_the_file_at_their_tab(qtbot, make_window, ws):
    from cep_desk.usecases import followups, plan

    person = _person(ws)
    journey = journeys.start_journey(ws, person, request_date=TODAY - timedelta(days=60))
    project = plan.ensure_project(ws, journey.id)
    plan.add_step(ws, project.id, title="Visite du centre", due_on=TODAY + timedelta(days=3))
    step = plan.add_step(ws, project.id, title="Contacter l'OPCO", due_on=TODAY - timedelta(days=1))
    followups.schedule_followup(ws, journey.id, end_on=TODAY - timedelta(days=180))  # due soon
    w = make_window(ws)
    w.show_agenda()
    view = w.agenda_view
    qtbot.waitUntil(lambda: len(view.due_model.items) == 3, timeout=5000)
    items = view.due_model.items
    late = next(i for i, item in enumerate(items) if item.ref_id == step.id)
    assert items[late].kind == "plan_step" and "OPCO" in items[late].label
    view.due_table.setFocus()
    view.due_table.setCurrentIndex(view.due_model.index(late, 1))
    qtbot.keyClick(view.due_table, Qt.Key.Key_Return)
    assert not w.agenda_shown and w.panel.current_beneficiary_id == person
    assert w.panel.tabs.currentWidget() is w.panel.level2
    assert w.panel.level2.current_key() == "steps"
    assert w.panel.level2.steps.section.current_id == step.id
    w.show_agenda()
    follow = next(i for i, item in enumerate(view.due_model.items) if item.kind == "followup")
    view.due_table.setFocus()
    view.due_table.setCurrentIndex(view.due_model.index(follow, 0))
    qtbot.keyClick(view.due_table, Qt.Key.Key_Return)
    assert w.panel.tabs.currentWidget() is w.panel.followup


def test_the_workspace_opens_on_todays_appointments_and_the_lock_forgets_them(
    qtbot, make_window, ws
):
    person = _person(ws)
    journey = journeys.start_journey(ws, person, request_date=TODAY)
    agenda.book(ws, beneficiary_id=person, journey_id=journey.id, day=TODAY,
                start=time(20, 0), duration_min=30, modality="phone", level=1)  # fmt: skip
    w = make_window(ws)
    view = w.agenda_view
    assert w.agenda_shown and view.mode == DAY and view.day == TODAY
    assert view.day_model.rowCount() == 1
    w.lock()
    assert view.day_model.rowCount() == 0 and view.week_model.count() == 0
    assert view.detail.text() == "" and view.due_model.rowCount() == 0
    from cep_desk.usecases import workspaces

    again = workspaces.open_(ws.path, PASSPHRASE)
    try:
        w.open_workspace(again)
        assert w.agenda_shown and view.day_model.rowCount() == 1
    finally:
        w.lock()


def test_the_agenda_exported_as_icalendar_holds_initials_only(qtbot, make_window, ws, tmp_path):
    import icalendar

    from cep_desk.ui.lifecycle import paths

    person = _person(ws, "Lefèvre", "Anne-Sophie")
    day = TODAY + timedelta(days=1)
    agenda.book(ws, beneficiary_id=person, day=day, start=time(9, 30), duration_min=45,
                modality="video", level=1, purpose="Santé : arrêt maladie")  # fmt: skip
    w = make_window(ws)
    w.show_agenda()
    assert w.action_export_ics.isEnabled()
    paths.set_next_path(tmp_path / "mon-agenda")  # the save dialog's answer; .ics added
    worker = w.export_ics()
    assert worker is not None
    wait_pool()
    qtbot.waitUntil(lambda: "Agenda enregistré" in w.statusBar().currentMessage(), timeout=5000)
    target = tmp_path / "mon-agenda.ics"
    data = target.read_bytes()
    assert (target.stat().st_mode & 0o077) == 0  # private, like every file written
    [event] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    summary = str(event.get("SUMMARY"))
    assert "Lefèvre".upper() not in data.decode("utf-8").upper().replace("\r\n ", "")
    assert "A.-S. L." in summary, summary
    assert b"maladie" not in data
    assert "1 rendez-vous" in w.statusBar().currentMessage()
    assert w.file_bar.path == target


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
def test_the_agenda_fits_a_laptop_screen_with_nothing_cut(qtbot, make_window, ws, size):
    monday = monday_of(TODAY) + timedelta(days=7)
    for i, (last, first) in enumerate(
        [("Delaunay-Beauregard", "Marie-Christine"), ("Nguyen", "Thi"), ("Roux", "Paul")]
    ):
        person = _person(ws, last, first)
        for d in range(5):
            agenda.book(ws, beneficiary_id=person, day=monday + timedelta(days=d),
                        start=time(9 + 2 * i, 0), duration_min=90, modality="video", level=2,
                        place="https://visio.exemple.fr/une-salle-au-nom-tres-long")  # fmt: skip
    w = make_window(ws)
    w.resize(*size)
    w.show_agenda(day=monday, mode=WEEK)
    QApplication.processEvents()
    view = w.agenda_view
    assert w.width() <= size[0] and w.height() <= size[1], (w.width(), w.height())
    assert view.week_model.count() == 15
    week = view.week_table
    assert not week.horizontalScrollBar().isVisible()
    fm = week.fontMetrics()
    for c in range(week.model().columnCount()):
        assert week.columnWidth(c) >= fm.horizontalAdvance("09:00–10:30  ·  N2") + 24
    assert view.title.width() >= view.title.sizeHint().width()
    for button in (*view.action_buttons, view.day_button, view.week_button):
        assert button.width() >= button.sizeHint().width(), button.text()
    w.show_agenda(day=monday, mode=DAY)
    QApplication.processEvents()
    day = view.day_table
    for c in range(5):  # time, name, level, modality, status: shown whole
        for r in range(view.day_model.rowCount()):
            text = view.day_model.index(r, c).data()
            font = view.day_model.index(r, c).data(Qt.ItemDataRole.FontRole) or day.font()
            from PySide6.QtGui import QFontMetrics

            assert day.columnWidth(c) >= QFontMetrics(font).horizontalAdvance(text) + 8, text


def test_the_due_list_shows_its_first_page_and_reads_the_rest_on_scrolling(qtbot, make_window, ws):
    from cep_desk.storage import models as m
    from cep_desk.usecases import due

    person = _person(ws)
    with ws.session() as s:  # 450 past appointments never reported
        s.add_all(
            m.Appointment(
                beneficiary_id=person,
                day=TODAY - timedelta(days=1 + i % 30),
                start=time(8 + i % 12, 0),
                duration_min=30,
            )
            for i in range(450)
        )
    w = make_window(ws)
    w.show_agenda()
    view = w.agenda_view
    model = view.due_model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=5000)
    assert model.rowCount() == due.PAGE_SIZE and model.total == 450
    assert view.due_hint.text().startswith("450 élément(s), dont 450 en retard")
    assert model.canFetchMore()
    for _ in range(10):  # the view reads the next pages as it reaches the bottom
        view.due_table.scrollToBottom()
        QApplication.processEvents()
        if model.rowCount() == 450:
            break
    assert model.rowCount() == 450 and not model.canFetchMore()
    assert model.pages_fetched == 3
    assert [i.ref_id for i in model.items] == [i.ref_id for i in due.due_list(ws, TODAY)]
