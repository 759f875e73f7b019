"""File and folder choosers of the "Données" menu, answerable by tests.

Tests call :func:`set_next_path` before the action that asks; the chooser then returns that
path (or ``None``, as a cancel) without showing a window — like :mod:`cep_desk.ui.messagebox`.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

_answers: deque[Path | None] = deque()


def tr(text: str) -> str:
    return QCoreApplication.translate("lifecycle", text)


def set_next_path(path: Path | str | None) -> None:
    _answers.append(Path(path) if path is not None else None)


def clear() -> None:
    _answers.clear()


def _queued() -> tuple[bool, Path | None]:
    if _answers:
        return True, _answers.popleft()
    return False, None


def ask_save_file(
    parent: QWidget | None, title: str, suggested: str, filter_text: str, suffix: str
) -> Path | None:
    hit, answer = _queued()
    if not hit:
        start = str(Path.home() / suggested)
        name, _f = QFileDialog.getSaveFileName(parent, title, start, filter_text)
        answer = Path(name) if name else None
    if answer is None:
        return None
    return answer if answer.suffix.lower() == suffix else answer.with_name(answer.name + suffix)


def ask_open_file(parent: QWidget | None, title: str, filter_text: str) -> Path | None:
    hit, answer = _queued()
    if hit:
        return answer
    name, _f = QFileDialog.getOpenFileName(parent, title, str(Path.home()), filter_text)
    return Path(name) if name else None


def ask_directory(parent: QWidget | None, title: str) -> Path | None:
    hit, answer = _queued()
    if hit:
        return answer
    name = QFileDialog.getExistingDirectory(parent, title, str(Path.home()))
    return Path(name) if name else None
