"""Collect the &-mnemonics a user can reach at once (tests of keyboard access)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenuBar,
    QTabBar,
    QWidget,
)


def mnemonic(text: str) -> str | None:
    """The letter after a single ``&`` (``&&`` is a literal ampersand), case-folded."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] == "&":
                i += 2
                continue
            return text[i + 1].casefold()
        i += 1
    return None


def reachable_mnemonics(window: QWidget) -> list[tuple[str, str, QWidget]]:
    """(letter, text, widget) of every visible, enabled mnemonic of a window: menu bar titles,
    tab bars, buttons, check boxes, group boxes, and labels (with or without a buddy)."""
    found: list[tuple[str, str, QWidget]] = []
    for w in [window, *window.findChildren(QWidget)]:
        if not w.isVisible() or w.window() is not window:
            continue
        texts: list[str] = []
        if isinstance(w, QMenuBar):
            texts = [a.text() for a in w.actions() if a.isVisible()]
        elif isinstance(w, QTabBar):
            texts = [w.tabText(i) for i in range(w.count()) if w.isTabVisible(i)]
        elif isinstance(w, QAbstractButton) and w.isEnabled():
            texts = [w.text()]
        elif isinstance(w, QGroupBox):
            texts = [w.title()]
        elif isinstance(w, QLabel) and w.buddy() is not None:  # Qt ignores it otherwise
            texts = [w.text()]
        for text in texts:
            letter = mnemonic(text or "")
            if letter:
                found.append((letter, text, w))
    return found


def collisions(window: QWidget) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = {}
    for letter, text, _w in reachable_mnemonics(window):
        by_letter.setdefault(letter, []).append(text)
    return {k: v for k, v in by_letter.items() if len(v) > 1}


def labels_without_buddy(window: QWidget) -> list[str]:
    """Visible plain-text labels that show a mnemonic but have no buddy to focus."""
    return [
        w.text()
        for w in window.findChildren(QLabel)
        if w.isVisible()
        and w.buddy() is None
        and w.textFormat() != Qt.TextFormat.RichText
        and not (w.text() or "").lstrip().startswith("<")
        and mnemonic(w.text() or "")
    ]
