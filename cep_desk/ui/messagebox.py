"""Every modal prompt of the application goes through here, so tests can answer them.

Tests call :func:`set_next_answer` before the action that asks; the prompt then returns that
answer at once without showing a window (the KeePassXC pattern).
"""

from __future__ import annotations

import os
from collections import deque
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

_answers: deque[Any] = deque()
# The prompts shown while answers were queued: (kind, title, text), for assertions.
shown: list[tuple[str, str, str]] = []


def set_next_answer(answer: Any) -> None:
    """Queue the answer of the next prompt (a ``QMessageBox.StandardButton`` or a bool)."""
    _answers.append(answer)


def clear() -> None:
    _answers.clear()
    shown.clear()
    unanswered.clear()


# Under the tests (CEP_DESK_TEST_PROMPTS=1) a prompt with no queued answer is recorded and
# answered « Non » / closed at once, never shown: a real modal box would hang the run.
unanswered: list[tuple[str, str, str]] = []


def _queued(kind: str, title: str, text: str) -> tuple[bool, Any]:
    if _answers:
        shown.append((kind, title, text))
        return True, _answers.popleft()
    if os.environ.get("CEP_DESK_TEST_PROMPTS") == "1":
        shown.append((kind, title, text))
        unanswered.append((kind, title, text))
        return True, False
    return False, None


def information(parent: QWidget | None, title: str, text: str) -> None:
    hit, _ = _queued("information", title, text)
    if not hit:
        QMessageBox.information(parent, title, text)


def warning(parent: QWidget | None, title: str, text: str) -> None:
    hit, _ = _queued("warning", title, text)
    if not hit:
        QMessageBox.warning(parent, title, text)


def critical(parent: QWidget | None, title: str, text: str) -> None:
    hit, _ = _queued("critical", title, text)
    if not hit:
        QMessageBox.critical(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, *, destructive: bool = False) -> bool:
    """Oui / Non (Non by default for destructive actions). Returns True for Oui."""
    hit, answer = _queued("confirm", title, text)
    if hit:
        return (
            bool(answer) if isinstance(answer, bool) else answer == QMessageBox.StandardButton.Yes
        )
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(
        QMessageBox.StandardButton.No if destructive else QMessageBox.StandardButton.Yes
    )
    return box.exec() == QMessageBox.StandardButton.Yes
