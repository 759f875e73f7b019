"""Helpers and fixtures of the beneficiary-panel tests (no test here)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from cep_desk.ui.panel import BeneficiaryPanel
from cep_desk.usecases import beneficiaries


def make_panel(qtbot, ws) -> BeneficiaryPanel:
    panel = BeneficiaryPanel()
    qtbot.addWidget(panel)
    panel.resize(1100, 750)
    panel.set_workspace(ws)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.fixture
def panel_factory(qtbot):
    def factory(ws) -> BeneficiaryPanel:
        return make_panel(qtbot, ws)

    return factory


def type_into(qtbot, widget: QWidget, text: str, *, replace: bool = True) -> None:
    """Focus a field and type into it, as the counsellor does."""
    widget.setFocus()
    if replace and (isinstance(widget, (QLineEdit, QPlainTextEdit))):
        widget.selectAll()
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:  # QTest only maps ASCII keys: send the key event a French keyboard would
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
                )


def demo_person_with_plan(ws) -> int:
    """A demo person at level 2 with steps, financing lines and several sessions."""
    best, best_score = None, -1
    for row in beneficiaries.search_beneficiaries(ws, limit=-1):
        file = beneficiaries.load_file(ws, row.id, audit=False)
        current = file.current
        if not current or not current.steps or not current.funding:
            continue
        score = (
            len(current.sessions)
            + len(current.funding)
            + len(current.contacts) * 2
            + len(current.needs)
            + (current.journey.closed_on is None) * 5
        )
        if score > best_score:
            best, best_score = row.id, score
    assert best is not None
    return best


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[str]:
    parent = parent or QModelIndex()
    try:
        columns = model.columnCount(parent)
    except TypeError:  # list models hide columnCount
        columns = 1
    for r in range(model.rowCount(parent)):
        for c in range(columns):
            index = model.index(r, c, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if value is not None:
                    yield str(value)


def all_texts(root: QWidget) -> list[str]:
    """Every text held by a widget or an item model under ``root``."""
    texts: list[str] = []
    models: dict[int, QAbstractItemModel] = {}
    for w in [root, *root.findChildren(QWidget)]:
        texts += [w.windowTitle(), w.toolTip(), w.accessibleDescription()]
        if isinstance(w, QLineEdit):
            texts.append(w.text())
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            texts.append(w.toPlainText())
        elif isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        elif isinstance(w, QComboBox):
            texts.append(w.currentText())
            models[id(w.model())] = w.model()
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            models[id(w.model())] = w.model()
        completer = getattr(w, "completer", None)
        if callable(completer) and completer() is not None and completer().model():
            models[id(completer().model())] = completer().model()
    for model in models.values():
        texts.extend(_model_texts(model))
    return [t for t in texts if t]


def field_errors(panel: QWidget) -> list[str]:
    """The French messages shown at refused fields."""
    from cep_desk.ui.panel.widgets import FieldError

    return [e.message for e in panel.findChildren(FieldError) if e.message]
