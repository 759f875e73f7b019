"""The mouse wheel never changes a value the user has not given focus to (issue 9.4).

Rolling the wheel over a form scrolls it; a combo, spin box, date or slider under the pointer
keeps its value and nothing is autosaved. Once focused, the wheel changes it as usual.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QWidget

from cep_desk.ui.wheel import unguarded_value_widgets
from cep_desk.usecases import beneficiaries

from .shell_support import ini_settings, wait_pool
from .test_panel_support import demo_person_with_plan, make_panel

UI = Path(__file__).resolve().parents[2] / "cep_desk" / "ui"


def roll(widget: QWidget, notches: int = -1) -> None:
    """Wheel turns with the pointer at the widget's centre, delivered as the window system
    does (a spontaneous event: an ignored one goes on to the parent widgets)."""
    window = widget.window()
    at = widget.mapTo(window, widget.rect().center())
    QTest.wheelEvent(window.windowHandle(), QPointF(at), QPoint(0, 120 * notches))
    QApplication.processEvents()


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def test_no_constructor_of_a_plain_value_widget_in_the_ui_code():
    """A plain QComboBox, QSpinBox, date edit or slider built anywhere in the UI code takes the
    wheel without focus, a plain tab widget switches tabs under it: only cep_desk/ui/wheel.py
    may construct them."""
    plain = re.compile(
        r"\bQ(ComboBox|SpinBox|DoubleSpinBox|DateEdit|DateTimeEdit|TimeEdit|Slider|Dial|TabWidget"
        r"|TabBar)\("
    )
    offenders = [
        f"{path.relative_to(UI)}:{number}"
        for path in sorted(UI.rglob("*.py"))
        if path.name != "wheel.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if plain.search(line)
    ]
    assert offenders == []


def test_every_value_widget_of_every_window_is_wheel_guarded(qtbot, demo_ws, tmp_path):
    from cep_desk import catalogue, domain
    from cep_desk.ui.first_run import FirstRunWizard
    from cep_desk.ui.lifecycle.dialogs import PurgeDialog, RestoreDialog, StatsDialog
    from cep_desk.ui.main_window import MainWindow, NewPersonDialog
    from cep_desk.ui.panel.steps import SchemeStepsDialog
    from cep_desk.ui.plan_actions import PlanOptionsDialog
    from cep_desk.ui.settings_dialog import PassphraseDialog, SettingsDialog

    window = MainWindow(demo_ws.path, settings=ini_settings(tmp_path))
    qtbot.addWidget(window)
    window.open_workspace(demo_ws)
    window.panel.load(demo_person_with_plan(demo_ws))
    roots: list[QWidget] = [
        window,
        NewPersonDialog(window, lambda _values: None),
        FirstRunWizard(tmp_path / "nouveau"),
        SettingsDialog(demo_ws, window),
        PassphraseDialog(demo_ws, window),
        StatsDialog(window),
        RestoreDialog(window),
        PurgeDialog([], 2, window),
        PlanOptionsDialog(window, printing_=False, has_health=True),
        SchemeStepsDialog(
            window, catalogue.load_catalogue(), domain.Public.JOB_SEEKER, date.today()
        ),
    ]
    checked = 0
    for root in roots:
        assert unguarded_value_widgets(root) == [], type(root).__name__
        checked += len(root.findChildren(QComboBox))
    assert checked > 30  # the walk really saw the forms
    for root in roots[1:]:
        root.deleteLater()
    window.lock()
    wait_pool()


def test_the_wheel_over_unfocused_fields_changes_nothing_and_scrolls(qtbot, demo_ws):
    ident = demo_person_with_plan(demo_ws)
    panel = make_panel(qtbot, demo_ws)
    panel.resize(1100, 500)  # short: the Identité form scrolls
    panel.load(ident)
    before = beneficiaries.load_file(demo_ws, ident, audit=False).beneficiary
    saves: list[object] = []
    panel.saved.connect(saves.append)
    panel.restore_location({"tab": "identity"})
    panel.tabs.setFocus()
    QApplication.processEvents()
    combos = [c for c in panel.identity.findChildren(QComboBox) if c.isVisible()]
    assert len(combos) >= 5
    scroll = _scroll_area_of(combos[0])
    assert scroll is not None and scroll.verticalScrollBar().maximum() > 0
    for combo in combos:
        assert not combo.hasFocus()
        scroll.verticalScrollBar().setValue(0)
        scroll.ensureWidgetVisible(combo)
        QApplication.processEvents()
        position = scroll.verticalScrollBar().value()
        index = combo.currentIndex()
        for notches in (-1, -1, 1, -1):
            roll(combo, notches)
        assert combo.currentIndex() == index, combo.accessibleName()
        assert not combo.hasFocus()  # the wheel gives no focus
        bar = scroll.verticalScrollBar()
        assert bar.value() != position or bar.value() in (0, bar.maximum()), "no scrolling"
    panel.flush()
    assert saves == []
    after = beneficiaries.load_file(demo_ws, ident, audit=False).beneficiary
    assert after == before

    # Every value widget of every tab and sub-tab, too.
    from PySide6.QtWidgets import QAbstractSpinBox

    for tab, subtab in (
        ("level1", ""),
        ("level2", "sessions"),
        ("level2", "needs"),
        ("level2", "project"),
        ("level2", "steps"),
        ("level2", "funding"),
        ("level2", "calendar"),
        ("contacts", ""),
    ):
        panel.restore_location({"tab": tab, "subtab": subtab})
        QApplication.processEvents()
        page = panel.tabs.currentWidget()
        for widget in page.findChildren(QComboBox) + page.findChildren(QAbstractSpinBox):
            if not widget.isVisible():
                continue
            value = widget.currentIndex() if isinstance(widget, QComboBox) else widget.text()
            roll(widget, -1)
            roll(widget, -1)
            now = widget.currentIndex() if isinstance(widget, QComboBox) else widget.text()
            assert now == value, (tab, subtab, widget.accessibleName())
    panel.flush()
    assert saves == []


def test_the_wheel_changes_a_focused_combo_and_it_is_saved(qtbot, demo_ws):
    ident = demo_person_with_plan(demo_ws)
    panel = make_panel(qtbot, demo_ws)
    panel.load(ident)
    panel.restore_location({"tab": "identity"})
    combo = panel.identity.fields["education_level"]
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus, timeout=2000)
    index = combo.currentIndex()
    notches = -1 if index < combo.count() - 1 else 1
    roll(combo, notches)
    assert combo.currentIndex() == index + (1 if notches < 0 else -1)
    assert panel.flush()
    saved = beneficiaries.load_file(demo_ws, ident, audit=False).beneficiary
    assert saved.education_level == combo.currentData()


def test_the_wheel_over_a_tab_bar_does_not_switch_tabs(qtbot, demo_ws):
    """Rolling the wheel over the tabs (on the way down to a form) switched the page under the
    pointer; clicks and the keyboard still switch."""
    panel = make_panel(qtbot, demo_ws)
    panel.resize(1100, 600)
    panel.load(demo_person_with_plan(demo_ws))
    panel.restore_location({"tab": "level2", "subtab": "project"})
    QApplication.processEvents()
    for tabs in (panel.tabs, panel.level2.subtabs):
        bar = tabs.tabBar()
        assert bar.isVisible()
        index = tabs.currentIndex()
        for notches in (-1, -1, 1, -1, -1):
            roll(bar, notches)
        assert tabs.currentIndex() == index, tabs.accessibleName()
    assert unguarded_value_widgets(panel) == []
    panel.tabs.setCurrentIndex(0)  # still switches otherwise
    assert panel.tabs.currentIndex() == 0
