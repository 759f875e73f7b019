"""The flow of a session on the real main window: a new person among the others, the empty
state, the exported plan's place, the save state always visible, the focus on tab changes,
the way to level 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from cep_desk import domain
from cep_desk.ui import messagebox, printing
from cep_desk.ui.list_model import PAGE_SIZE
from cep_desk.ui.main_window import MainWindow, NewPersonDialog
from cep_desk.usecases import beneficiaries
from tests.ui.shell_support import ini_settings, visible_top_levels, wait_pool
from tests.ui.test_panel_support import demo_person_with_plan


@pytest.fixture
def make_window(qtbot, tmp_path):
    windows: list[MainWindow] = []

    def make(ws) -> MainWindow:
        w = MainWindow(ws.path, settings=ini_settings(tmp_path))
        w.resize(1280, 800)
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


def _create(qtbot, w: MainWindow, last: str, first: str) -> int:
    w.new_person()
    dialog = w.findChild(NewPersonDialog)
    qtbot.keyClicks(dialog.last_name, last)
    qtbot.keyClicks(dialog.first_name, first)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    return w.panel.current_beneficiary_id


def test_new_people_join_the_list_unfiltered_even_beyond_the_loaded_page(qtbot, make_window, ws):
    for i in range(PAGE_SIZE + 40):
        beneficiaries.create_beneficiary(ws, last_name=f"Aubert{i:03d}", first_name="Jean")
    w = make_window(ws)
    assert w.model.rowCount() == PAGE_SIZE  # one page fetched
    first = _create(qtbot, w, "Zola", "Emile")
    assert w.search.text() == ""  # the list is not filtered down to the new person
    row = w.model.row_of(first)
    assert row is not None and row >= PAGE_SIZE  # loaded beyond the first page
    assert w.list_view.currentIndex().row() == row
    assert w.list_view.selectionModel().isRowSelected(row)
    assert (
        w.list_view.viewport().rect().intersects(w.list_view.visualRect(w.model.index(row, 0)))
    ), "the new row is scrolled into view"
    second = _create(qtbot, w, "Zola", "Alice")
    assert w.search.text() == ""
    assert w.model.row_of(first) is not None, "the first new person vanished from the list"
    assert w.list_view.currentIndex().row() == w.model.row_of(second)
    assert w.panel.current_beneficiary_id == second


def test_a_new_person_outside_the_filters_empties_them(qtbot, make_window, ws):
    beneficiaries.create_beneficiary(ws, last_name="Martin", first_name="Paul", status="job_seeker")
    w = make_window(ws)
    w.public_filter.setCurrentIndex(w.public_filter.findData("job_seeker"))
    created = _create(qtbot, w, "Durand", "Lea")  # a private employee, by default
    assert w.public_filter.currentData() is None
    assert w.model.row_of(created) is not None
    assert w.list_view.currentIndex().row() == w.model.row_of(created)


def test_empty_workspace_says_what_to_do_first(qtbot, make_window, ws):
    w = make_window(ws)
    assert w.right_stack.currentWidget() is w.empty_page
    assert w.empty_page.isVisible() and not w.panel.isVisible()
    assert "Aucune personne pour l'instant" in w.empty_page.title.text()
    assert "Importer" in w.empty_page.hint.text()
    assert w.empty_page.new_button.text() == "Nouvelle personne (Ctrl+N)"
    qtbot.mouseClick(w.empty_page.new_button, Qt.MouseButton.LeftButton)
    dialog = w.findChild(NewPersonDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    created = _create(qtbot, w, "Petit", "Marc")
    assert created is not None
    assert w.right_stack.currentWidget() is w.panel and w.panel.isVisible()


def test_nobody_selected_says_how_to_choose(qtbot, make_window, demo_ws):
    w = make_window(demo_ws)
    assert w.right_stack.currentWidget() is w.empty_page
    assert w.empty_page.title.text() == "Aucune personne sélectionnée"
    assert not w.empty_page.hint.isVisible()
    w.list_view.setCurrentIndex(w.model.index(0, 0))
    assert w.right_stack.currentWidget() is w.panel


def test_the_list_shows_the_public_short_and_its_full_label_on_hover(qtbot, make_window, demo_ws):
    w = make_window(demo_ws)
    assert {p.value for p in domain.Public} == set(domain.PUBLIC_SHORT)
    assert all(len(short) <= 20 for short in domain.PUBLIC_SHORT.values())
    seen = set()
    for row in range(w.model.rowCount()):
        index = w.model.index(row, 2)
        shown = w.model.data(index, Qt.ItemDataRole.DisplayRole)
        full = w.model.data(index, Qt.ItemDataRole.ToolTipRole)
        code = next(p for p in domain.Public if p.label == full)
        assert shown == domain.PUBLIC_SHORT[code.value]
        assert w.model.data(index, Qt.ItemDataRole.AccessibleTextRole) == f"Public : {full}"
        seen.add(code)
    assert len(seen) >= 4  # the demo has people of several publics


class _UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_export_says_where_the_plan_went_and_offers_to_open_it(
    qtbot, make_window, demo_ws, tmp_path, monkeypatch
):
    w = make_window(demo_ws)
    ident = demo_person_with_plan(demo_ws)
    assert w.select_person(ident)
    target = tmp_path / "plans" / "plan.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(printing, "ask_save_path", lambda *_a: target)
    w.plan_actions.ask_options = lambda *_a: (False, False)
    with qtbot.waitSignal(w.plan_actions.issued, timeout=20_000):
        w.action_export_plan.trigger()
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in w.statusBar().currentMessage()
    assert w.file_bar.isVisible() and str(target) in w.file_bar.message.text()
    assert w.save_status.isVisible()
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        qtbot.mouseClick(w.file_bar.open_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(w.file_bar.folder_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(u.toLocalFile()) for u in catcher.urls] == [target, target.parent]
    qtbot.mouseClick(w.file_bar.close_button, Qt.MouseButton.LeftButton)
    assert not w.file_bar.isVisible()
    w.file_bar.show_file(target, "x")
    w.lock()  # the file's name holds the person's name: gone at the lock
    assert not w.file_bar.isVisible() and w.file_bar.message.text() == ""


def test_saved_stays_visible_beside_the_backup_reminder(qtbot, make_window, demo_ws):
    w = make_window(demo_ws)
    assert "sauvegarde" in w.reminder_status.text()  # the demo was never backed up
    w.list_view.setCurrentIndex(w.model.index(0, 0))
    town = w.panel.identity.fields["town"]
    town.setFocus()
    qtbot.keyClicks(town, "Lyon")
    assert w.panel.flush()
    assert w.save_status.text().startswith("Enregistré à")
    assert w.save_status.isVisible(), "the backup reminder hides « Enregistré à … »"
    assert w.reminder_status.isVisible()
    w.statusBar().showMessage("Une aide de menu")  # action tips use the temporary message
    assert w.save_status.isVisible()


def _pages(tabs: QTabWidget) -> list[int]:
    return [i for i in range(tabs.count()) if tabs.isTabEnabled(i)]


def _focusables(page: QWidget) -> list[QWidget]:
    return [
        c
        for c in page.findChildren(QWidget)
        if c.isVisible() and c.isEnabled() and c.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


def test_switching_tabs_never_focuses_the_search_field(qtbot, make_window, demo_ws):
    w = make_window(demo_ws)
    w.search.setText("a")
    w.search.setText("")
    assert w.select_person(demo_person_with_plan(demo_ws))
    panel = w.panel
    tabs, subtabs = panel.tabs, panel.level2.subtabs
    visits = 0
    for i in _pages(tabs):
        tabs.setCurrentIndex(i)
        targets = [(j, None) for j in _pages(tabs) if j != i]
        targets += [(tabs.indexOf(panel.level2), k) for k in _pages(subtabs)]
        for j, k in targets:
            tabs.setCurrentIndex(i)
            QApplication.processEvents()
            # Focus a field of the page, then make it vanish (disabled, hidden) as forms do.
            for widget in _focusables(tabs.widget(i))[:3]:
                widget.setFocus(Qt.FocusReason.MouseFocusReason)
                tabs.setCurrentIndex(j)
                if k is not None:
                    subtabs.setCurrentIndex(k)
                QApplication.processEvents()
                visits += 1
                assert QApplication.focusWidget() is not w.search, (i, j, k, widget)
                tabs.setCurrentIndex(i)
    assert visits > 20
    # A focused field disabled (e.g. « Accord » when « temps de travail » is unticked).
    tabs.setCurrentWidget(panel.level1)
    level1 = panel.level1
    level1.fields["agreement"].setEnabled(True)
    level1.fields["agreement"].setFocus()
    tabs.setCurrentWidget(panel.identity)
    level1.fields["agreement"].setEnabled(False)
    tabs.setCurrentWidget(panel.level1)
    QApplication.processEvents()
    assert QApplication.focusWidget() is not w.search


def test_level1_decision_to_go_on_leads_to_level2(qtbot, make_window, ws):
    person = beneficiaries.create_beneficiary(ws, last_name="Suite", first_name="Nina")
    w = make_window(ws)
    assert w.select_person(person.id)
    panel = w.panel
    panel.tabs.setCurrentWidget(panel.level1)
    level1 = panel.level1
    assert not level1.level2_button.isVisible()
    level1.decision.choose(domain.Level1Decision.STOP.value)
    assert not level1.level2_button.isVisible()
    level1.decision.choose(domain.Level1Decision.CONTINUE.value)
    assert level1.level2_button.isVisible()
    qtbot.mouseClick(level1.level2_button, Qt.MouseButton.LeftButton)
    assert panel.tabs.currentWidget() is panel.level2
    assert panel.level2.current_key() == "sessions"
    assert len(panel.level2.sessions.records()) == 1
    assert panel.journey.level_reached == 2
    assert panel.journey.level1_decision == "continue"
    # Back on Niveau 1, the button now only goes there (no second session).
    panel.tabs.setCurrentWidget(panel.level1)
    assert "Aller au niveau" in level1.level2_button.text().replace("&", "")
    qtbot.mouseClick(level1.level2_button, Qt.MouseButton.LeftButton)
    assert panel.tabs.currentWidget() is panel.level2
    assert len(panel.level2.sessions.records()) == 1


def test_ctrl_digits_open_the_level2_subtabs(qtbot, make_window, demo_ws):
    w = make_window(demo_ws)
    assert w.select_person(demo_person_with_plan(demo_ws))
    panel = w.panel
    panel.tabs.setCurrentWidget(panel.identity)
    panel.identity.fields["town"].setFocus()
    for number, key in enumerate(
        ("sessions", "needs", "project", "steps", "funding", "calendar"), start=1
    ):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key(Qt.Key.Key_0 + number),
                       Qt.KeyboardModifier.ControlModifier)  # fmt: skip
        assert panel.tabs.currentWidget() is panel.level2
        assert panel.level2.current_key() == key
        tip = panel.level2.subtabs.tabToolTip(panel.level2.subtabs.currentIndex())
        assert f"Ctrl+{number}" in tip
