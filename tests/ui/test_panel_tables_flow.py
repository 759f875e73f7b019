"""« Ajouter » in a table: the previous row is no longer highlighted, the focus is in the first
field of the empty form, and the new row is selected and shown once saved."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from cep_desk.usecases import beneficiaries

from .test_panel_support import demo_person_with_plan, field_errors, make_panel, type_into


def _on_screen(widget):
    """What the screen shows (the backing store), not a fresh rendering of the widget."""
    QApplication.processEvents()
    top = widget.window()
    shot = QGuiApplication.primaryScreen().grabWindow(top.winId()).toImage()
    return shot, widget.mapTo(top, QPoint(0, 0))


def _row_highlighted(table, row: int) -> bool:
    shot, origin = _on_screen(table.viewport())
    rect = table.visualRect(table.model().index(row, 1))
    colour = shot.pixelColor(origin.x() + rect.center().x(), origin.y() + rect.top() + 2)

    def near(role_group: QPalette.ColorGroup) -> bool:
        wanted = table.palette().color(role_group, QPalette.ColorRole.Highlight)
        return all(
            abs(a - b) <= 24 for a, b in zip(colour.getRgb()[:3], wanted.getRgb()[:3], strict=True)
        )

    return near(QPalette.ColorGroup.Active) or near(QPalette.ColorGroup.Inactive)


def test_add_unhighlights_the_previous_row_and_focuses_the_first_field(qtbot, demo_ws):
    panel = make_panel(qtbot, demo_ws)
    panel.load(demo_person_with_plan(demo_ws))
    panel.tabs.setCurrentWidget(panel.level2)
    panel.level2.show_key("steps")
    section = panel.level2.steps.section
    assert section.model.rowCount() >= 2
    qtbot.mouseClick(
        section.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=section.table.visualRect(section.model.index(1, 1)).center(),
    )
    assert section.current_id == section.model.records[1].id
    assert _row_highlighted(section.table, 1)

    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    assert section.current_id is None
    assert not _row_highlighted(section.table, 1), "the previous row still looks selected"
    first = section.group.bindings[0].widget
    assert QApplication.focusWidget() is first

    rows = section.model.rowCount()
    type_into(qtbot, first, "Visiter le centre de formation")
    assert panel.flush(), field_errors(panel)
    assert section.model.rowCount() == rows + 1
    new_row = section.model.row_of(section.current_id)
    assert section.table.selectionModel().isRowSelected(new_row)
    assert _row_highlighted(section.table, new_row), "the new row is not shown selected"
    assert not _row_highlighted(section.table, 1)


def test_every_add_button_focuses_its_first_field(qtbot, demo_ws):
    person = beneficiaries.create_beneficiary(demo_ws, last_name="Vide", first_name="Anne")
    panel = make_panel(qtbot, demo_ws)
    panel.load(person.id)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel, timeout=2000)
    panel.tabs.setCurrentWidget(panel.level2)
    l2 = panel.level2
    sections = {
        "sessions": l2.sessions,
        "needs": l2.needs.section,
        "steps": l2.steps.section,
        "funding": l2.funding.section,
    }
    for key, section in sections.items():
        l2.show_key(key)
        qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
        assert QApplication.focusWidget() is section.group.bindings[0].widget, key
    panel.tabs.setCurrentWidget(panel.contacts)
    section = panel.contacts.section
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is section.group.bindings[0].widget
