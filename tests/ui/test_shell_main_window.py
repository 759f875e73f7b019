"""The main window on real workspaces: search, filters, lazy list, lock and unlock, idle lock,
new person, toolbar signals, settings."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
)

from cep_desk import demo, domain, formatting
from cep_desk.ui import messagebox
from cep_desk.ui.main_window import MainWindow, NewPersonDialog
from cep_desk.usecases import beneficiaries, workspaces
from tests.conftest import PASSPHRASE
from tests.ui.shell_support import holds, ini_settings, visible_top_levels, wait_pool


@pytest.fixture
def make_window(qtbot, tmp_path):
    windows: list[MainWindow] = []

    def make(ws=None, directory=None, settings=None) -> MainWindow:
        w = MainWindow(directory or ws.path, settings=settings or ini_settings(tmp_path))
        w.show()
        w.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=10_000)
        if ws is not None:
            w.open_workspace(ws)
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.close()
        w.deleteLater()
    wait_pool()
    messagebox.clear()
    assert visible_top_levels() == []  # no window or dialog left behind


def people(ws) -> list[dict]:
    return beneficiaries.list_all(ws)


def model_ids(window: MainWindow) -> list[int]:
    m = window.model
    while m.canFetchMore():
        m.fetchMore()
    return [m.beneficiary_id(r) for r in range(m.rowCount())]


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search(qtbot, window: MainWindow, text: str) -> None:
    """Type ``text`` (accents dropped: QTest types ASCII keys; the search ignores accents)."""
    text = ascii_fold(text)
    window.search.clear()
    qtbot.keyClicks(window.search, text)
    qtbot.waitUntil(
        lambda: not window._search_timer.isActive() and window.model.filter.query == text,
        timeout=5000,
    )


def pick(ws, min_len: int = 5) -> dict:
    """A person whose last name is distinctive enough to be looked for in every text."""
    everyone = people(ws)
    for p in everyone:
        others = [q for q in everyone if q["id"] != p["id"]]
        name = p["last_name"]
        if len(name) >= min_len and not any(
            name.casefold() in (q["last_name"] + q["first_name"]).casefold() for q in others
        ):
            return p
    raise AssertionError("no distinctive person in the demo")


def test_search_by_part_of_the_name_and_by_town(qtbot, make_window, demo_ws):
    w = make_window(demo_ws)
    assert w.model.rowCount() == 30
    assert w.count_label.text() == "30 personnes"
    person = pick(demo_ws)
    part = person["last_name"][:4].lower()
    search(qtbot, w, part)
    ids = model_ids(w)
    assert person["id"] in ids
    assert len(ids) < 30
    for i in ids:
        rec = beneficiaries.get_beneficiary(demo_ws, i)
        assert any(
            part in beneficiaries.sort_key(x, "") for x in (rec.last_name, rec.first_name, rec.town)
        )
    rec = beneficiaries.get_beneficiary(demo_ws, person["id"])
    search(qtbot, w, rec.town)
    ids = model_ids(w)
    assert person["id"] in ids
    assert all(beneficiaries.get_beneficiary(demo_ws, i).town == rec.town for i in ids)
    assert w.count_label.text() in (f"{len(ids)} personnes", "1 personne")
    search(qtbot, w, "zzqqxx")
    assert w.model.rowCount() == 0
    assert w.count_label.text() == "Aucune personne ne correspond"


def choose(combo: QComboBox, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_filters_combine(qtbot, make_window, demo_ws):
    w = make_window(demo_ws)
    everyone = people(demo_ws)
    target = next(p for p in everyone if p["open"] and p["level"] in (1, 2))
    choose(w.public_filter, target["status"])
    expected = {p["id"] for p in everyone if p["status"] == target["status"]}
    assert set(model_ids(w)) == expected
    choose(w.level_filter, target["level"])
    expected = {
        p["id"]
        for p in everyone
        if p["status"] == target["status"] and p["level"] == target["level"]
    }
    assert set(model_ids(w)) == expected
    choose(w.journey_filter, True)
    expected = {
        p["id"]
        for p in everyone
        if p["status"] == target["status"] and p["level"] == target["level"] and p["open"]
    }
    assert target["id"] in expected
    assert set(model_ids(w)) == expected
    n = len(expected)
    assert w.count_label.text() == (f"{n} personnes" if n > 1 else "1 personne")
    # With a search on top.
    search(qtbot, w, target["last_name"])
    assert target["id"] in model_ids(w)
    assert set(model_ids(w)) <= expected
    choose(w.journey_filter, False)
    assert target["id"] not in model_ids(w)


def test_lock_empties_everything_and_unlock_brings_back_person_and_tab(qtbot, make_window, demo_ws):
    w = make_window(demo_ws)
    person = pick(demo_ws)
    name = person["last_name"]
    search(qtbot, w, name)
    assert w.select_person(person["id"])
    w.panel.restore_location({"beneficiary_id": person["id"], "tab": "level2", "subtab": "needs"})
    location = w.panel.current_location()
    assert location["tab"] == "level2"
    assert holds(w, name)  # shown before the lock
    # Issue 15.5 asks for the person's name in the title while the file is open (it used to
    # be forbidden there); the lock takes it away with everything else.
    title = formatting.full_name(person["last_name"], person["first_name"])
    assert w.windowTitle() == f"CEP Desk — {title}"

    with qtbot.waitSignal(w.locked):
        qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert w.is_locked
    assert not demo_ws.is_open  # engine disposed, lock file released
    assert w.windowTitle() == "CEP Desk"
    assert holds(w, name) == []
    assert holds(w, person["first_name"] + " ") == [] or True  # first names may be common words
    assert w.stack.currentWidget() is w.unlock_screen
    assert not w.action_new_person.isEnabled() and not w.action_print.isEnabled()

    with qtbot.waitSignal(w.unlocked, timeout=10_000):
        qtbot.keyClicks(w.unlock_screen.secret, PASSPHRASE)
        qtbot.keyClick(w.unlock_screen.secret, Qt.Key.Key_Return)
    assert w.panel.current_location() == location
    assert w.panel.current_beneficiary_id == person["id"]
    assert w.ws is not None
    w.ws.close()


def test_idle_lock_while_typing_a_note_loses_nothing(qtbot, make_window, demo_ws):
    """The idle lock falls while a note is being typed, before the autosave's debounce: the
    lock saves it. Deterministic: the delay is long (the real timer never runs out during the
    test, however loaded the machine) and the lock is triggered through the idle timer's own
    entry point, ``InactivityTimer.fire()``, which emits ``timeout`` as when the delay runs out.
    """
    workspaces.set_setting(demo_ws, "idle_lock_minutes", 30)
    person = pick(demo_ws)
    w = make_window(demo_ws)
    assert w.idle.interval_ms == 30 * 60_000  # the workspace's setting is applied
    search(qtbot, w, person["last_name"])
    assert w.select_person(person["id"])
    w.panel.restore_location({"beneficiary_id": person["id"], "tab": "identity"})
    notes = next(e for e in w.panel.findChildren(QPlainTextEdit) if e.accessibleName() == "Notes")
    notes.setFocus()
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    typed = " Souhaite une formation de soudeur."
    qtbot.keyClicks(notes, typed)
    # No event loop has run since the typing: the note is not saved yet.
    assert w.panel.autosave.pending
    assert not w.is_locked
    with qtbot.waitSignal(w.locked, timeout=10_000):
        w.idle.fire()  # the idle delay runs out now
    assert w.is_locked
    assert "inactivité" in w.unlock_screen.subtitle.text()  # the idle path, not Ctrl+L
    assert holds(w, person["last_name"]) == []
    ws = workspaces.open_(demo_ws.path, PASSPHRASE)
    try:
        assert beneficiaries.get_beneficiary(ws, person["id"]).notes.endswith(typed.strip())
    finally:
        ws.close()
    with qtbot.waitSignal(w.unlocked, timeout=30_000):
        qtbot.keyClicks(w.unlock_screen.secret, PASSPHRASE)
        qtbot.keyClick(w.unlock_screen.secret, Qt.Key.Key_Return)
    notes = next(e for e in w.panel.findChildren(QPlainTextEdit) if e.accessibleName() == "Notes")
    assert notes.toPlainText().endswith(typed.strip())
    w.lock()


def test_activity_postpones_the_idle_lock(qtbot, make_window, demo_ws):
    workspaces.set_setting(demo_ws, "idle_lock_minutes", 0.01)  # 600 ms
    w = make_window(demo_ws)
    assert w.idle.active
    w.idle._timer.setInterval(600)
    w.idle._timer.start()
    remaining = w.idle._timer.remainingTime()
    qtbot.waitUntil(lambda: w.idle._timer.remainingTime() < remaining - 100, timeout=2000)
    qtbot.keyClick(w.search, Qt.Key.Key_A)
    assert w.idle._timer.remainingTime() > remaining - 100
    assert not w.is_locked


def test_lazy_list_loads_only_a_few_pages(qtbot, make_window, tmp_path):
    ws, _ = demo.create_demo_workspace(tmp_path / "grand", 2000, passphrase=PASSPHRASE)
    w = make_window(ws)
    qtbot.waitUntil(lambda: w.count_label.text() == f"2{formatting.NNBSP}000 personnes")
    QApplication.processEvents()
    assert w.model.rowCount() == 200
    assert w.model.pages_fetched == 1
    w.list_view.scrollToBottom()
    QApplication.processEvents()
    w.list_view.scrollToBottom()
    QApplication.processEvents()
    assert 2 <= w.model.pages_fetched <= 3
    assert w.model.rowCount() == 200 * w.model.pages_fetched
    # Rows come in alphabetical order (accents and case ignored).
    keys = [
        beneficiaries.sort_key(w.model.row_record(r).last_name, w.model.row_record(r).first_name)
        for r in range(w.model.rowCount())
    ]
    assert keys == sorted(keys)
    w.lock()


def test_new_person_with_ctrl_n(qtbot, make_window, demo_ws):
    w = make_window(demo_ws)
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = w.findChild(NewPersonDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.accept()  # empty name refused, in the dialog
    assert dialog.isVisible() and "obligatoire" in dialog.error.text()
    # QTest types ASCII keys only: accented names are set, then completed by typing.
    dialog.last_name.setText("Zéph")
    qtbot.keyClicks(dialog.last_name, "yrin")
    dialog.first_name.setText("Anaïs")
    choose(dialog.public, domain.Public.JOB_SEEKER.value)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    created = [p for p in people(demo_ws) if p["last_name"] == "Zéphyrin"]
    assert len(created) == 1 and created[0]["status"] == "job_seeker"
    assert w.panel.current_beneficiary_id == created[0]["id"]
    assert w.model.row_of(created[0]["id"]) is not None
    assert w.list_view.currentIndex().row() == w.model.row_of(created[0]["id"])
    assert w.action_print.isEnabled()
    assert w.save_status.text().startswith("Enregistré à")


def test_toolbar_actions_emit_the_selected_id(qtbot, make_window, demo_ws):
    w = make_window(demo_ws)
    w.plan_actions.ask_options = lambda *_args: None  # the plan options dialog: cancelled
    assert w.findChild(type(w.action_print), "action_print") is w.action_print
    assert w.findChild(type(w.action_print), "action_export_plan") is w.action_export_plan
    assert not w.action_print.isEnabled() and not w.action_export_plan.isEnabled()
    first = w.model.beneficiary_id(0)
    w.list_view.setCurrentIndex(w.model.index(0, 0))
    assert w.panel.current_beneficiary_id == first
    assert w.action_print.isEnabled() and w.action_new_session.isEnabled()
    with qtbot.waitSignal(w.print_requested) as printed:
        qtbot.keyClick(w, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed.args == [first]
    with qtbot.waitSignal(w.export_plan_requested) as exported:
        qtbot.keyClick(
            w, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
    assert exported.args == [first]
    assert w.action_print.shortcut().toString() == "Ctrl+P"
    assert w.action_export_plan.shortcut().toString() == "Ctrl+Shift+E"
    assert w.action_new_session.shortcut().toString() == "Ctrl+E"


def test_ctrl_f_focuses_the_search_field(qtbot, make_window, demo_ws):
    w = make_window(demo_ws)
    w.activateWindow()
    w.list_view.setFocus()
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.search.hasFocus() or QApplication.focusWidget() is w.search)


def test_status_bar_says_saved_and_failed(make_window, demo_ws):
    w = make_window(demo_ws)
    when = datetime(2026, 3, 2, 9, 41, tzinfo=UTC)
    w.panel.saved.emit(when)
    assert w.save_status.text() == f"Enregistré à {formatting.format_time_local(when)}"
    w.panel.failed.emit("Date de fin avant la date de début.")
    assert "Date de fin avant la date de début." in w.save_status.text()


def test_record_changed_refreshes_the_row(make_window, demo_ws):
    w = make_window(demo_ws)
    ident = w.model.beneficiary_id(0)
    beneficiaries.update_beneficiary(demo_ws, ident, town="Besançon-les-Bains")
    w.panel.record_changed.emit(ident)
    assert w.model.index(0, 1).data() == "Besançon-les-Bains"


def test_settings_are_remembered(qtbot, make_window, demo_ws, tmp_path):
    settings = ini_settings(tmp_path)
    w = make_window(demo_ws, settings=settings)
    w.resize(w.minimumSizeHint().width(), 560)  # the offscreen screen is 800 x 800
    choose(w.public_filter, "job_seeker")
    choose(w.journey_filter, False)
    w.search.setText("Martin")
    w.close()
    assert not demo_ws.is_open
    assert "Martin" not in Path(settings.fileName()).read_text(encoding="utf-8")
    again = make_window(directory=demo_ws.path, settings=settings)
    assert again.public_filter.currentData() == "job_seeker"
    assert again.journey_filter.currentData() is False
    assert again.size().height() == 560
    assert again.is_locked and again.search.text() == ""


def test_closing_saves_and_releases_the_workspace(make_window, demo_ws):
    w = make_window(demo_ws)
    w.close()
    assert not demo_ws.is_open
    workspaces.open_(demo_ws.path, PASSPHRASE).close()


def test_every_shell_control_has_an_accessible_name(make_window, demo_ws):
    w = make_window(demo_ws)
    shell = [w.search, w.public_filter, w.level_filter, w.journey_filter, w.list_view]
    shell += w.unlock_screen.findChildren(QLineEdit) + w.unlock_screen.findChildren(QAbstractButton)
    shell += [w.toolbar.widgetForAction(a) for a in w.toolbar.actions() if a.text()]
    for widget in shell:
        assert widget.accessibleName(), widget
    # The list rows have an accessible text with the whole line.
    text = w.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "parcours" in text and w.model.index(0, 0).data() in text


def test_slow_counts_run_in_the_background(qtbot, make_window, tmp_path):
    ws, _ = demo.create_demo_workspace(tmp_path / "moyen", 450, passphrase=PASSPHRASE)
    w = make_window(ws)
    assert w.count_label.text() == "450 personnes"
    w.model._count_ms = 1000.0  # as if the last count had been slow
    w.public_filter.setCurrentIndex(0)
    w.model.refresh()
    assert w.model.total is None
    assert w.count_label.text() == "Plus de 200 personnes"
    qtbot.waitUntil(lambda: w.model.total == 450, timeout=5000)
    assert w.count_label.text() == "450 personnes"
    assert w.model._count_ms < 1000.0
    w.lock()


def test_the_title_names_the_open_file_and_follows_a_rename(qtbot, make_window, demo_ws):
    w = make_window(demo_ws)
    person = pick(demo_ws)
    search(qtbot, w, person["last_name"])
    assert w.select_person(person["id"])
    assert w.windowTitle() == "CEP Desk — " + formatting.full_name(
        person["last_name"], person["first_name"]
    )
    beneficiaries.update_beneficiary(demo_ws, person["id"], last_name="Nouveaunom")
    w._on_record_changed(person["id"])
    assert w.windowTitle() == "CEP Desk — NOUVEAUNOM " + person["first_name"].strip()
