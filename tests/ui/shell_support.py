"""Helpers of the application-shell tests (main window, unlock, first run, printing)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QSettings, Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def ini_settings(tmp_path: Path) -> QSettings:
    """Settings in a file of the test, never the user's own."""
    return QSettings(str(tmp_path / "cep-desk-test.ini"), QSettings.Format.IniFormat)


def files_digest(directory: Path) -> dict[str, str]:
    """SHA-256 of every file of the workspace folder except the lock file."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.iterdir())
        if p.is_file() and p.name != "cep.lock"
    }


def wait_pool(timeout_ms: int = 10_000) -> None:
    QThreadPool.globalInstance().waitForDone(timeout_ms)


def visible_top_levels() -> list[QWidget]:
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[str]:
    parent = parent or QModelIndex()
    rows = model.rowCount(parent)
    try:
        cols = model.columnCount(parent)
    except TypeError:  # list models keep columnCount private
        cols = 1
    for r in range(rows):
        for c in range(cols):
            index = model.index(r, c, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                value = model.data(index, role)
                if value is not None:
                    yield str(value)
            if c == 0 and model.rowCount(index) > 0:
                yield from _model_texts(model, index)


def visible_texts(root: QWidget) -> list[str]:
    """Every text a widget or an item model reachable from ``root`` holds."""
    texts = [root.windowTitle()]
    models: dict[int, QAbstractItemModel] = {}
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if isinstance(w, QLineEdit | QLabel):
            texts.append(w.text())
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            texts.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
            texts.append(w.currentText())
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            models[id(w.model())] = w.model()
        texts.append(w.windowTitle())
        texts.append(w.toolTip())
    for obj in root.findChildren(QObject):
        if isinstance(obj, QAbstractItemModel):
            models[id(obj)] = obj
    for model in models.values():
        texts += list(_model_texts(model))
    return [t for t in texts if t]


def holds(root: QWidget, needle: str) -> list[str]:
    """The texts that contain ``needle`` (case-insensitive)."""
    low = needle.casefold()
    return [t for t in visible_texts(root) if low in t.casefold()]
