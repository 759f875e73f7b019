"""Every tab fits a laptop screen (issue 9.6): no sideways scrolling at 1280×720 and 1366×768
at 100 %, nor at 1920×1080 at 150 % (1280×720 logical pixels, in a fresh process); the notes
grow to show their text; the list/file splitter position is remembered."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from .layout_support import open_window, problems_of
from .shell_support import ini_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
def test_every_page_fits_without_sideways_scrolling(qtbot, tmp_path, size):
    window, ws, ident = open_window(tmp_path / "demo", tmp_path / "s.ini", *size)
    qtbot.addWidget(window)
    try:
        assert window.size().toTuple() == size
        assert problems_of(window, ident) == []
    finally:
        window.lock()
        QThreadPool.globalInstance().waitForDone()


def test_every_page_fits_at_150_percent(tmp_path):
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.layout_support", str(tmp_path), "1280", "720"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "ratio 1.5"  # 1920 × 1080 device pixels
    assert lines[1:] == []


def test_notes_grow_with_their_text_up_to_a_maximum(qtbot):
    from cep_desk.ui.panel.widgets import NoteEdit

    from .layout_support import LONG_NOTE

    note = NoteEdit(lines=3, max_lines=8)
    qtbot.addWidget(note)
    note.resize(420, note.height())
    note.show()
    short = note.height()
    note.set_value("Une ligne.")
    assert note.height() == short
    note.set_value(LONG_NOTE)
    qtbot.waitUntil(lambda: note.height() > short)
    assert note.verticalScrollBar().maximum() == 0 or note.wanted_lines() > 8
    note.set_value(LONG_NOTE + "\n" + LONG_NOTE + "\n" + LONG_NOTE)
    tall = note.height()
    assert note.wanted_lines() > 8
    assert note.verticalScrollBar().maximum() > 0  # beyond the maximum: it scrolls
    note.set_value("")
    assert note.height() == short < tall


def test_the_list_file_splitter_position_is_remembered(qtbot, demo_ws, tmp_path):
    from cep_desk.ui.main_window import MainWindow

    settings = ini_settings(tmp_path)
    first = MainWindow(demo_ws.path, settings=settings)
    qtbot.addWidget(first)
    first.resize(1100, 700)
    first.show()
    first.open_workspace(demo_ws)
    first.show_files()  # the demo has appointments today: it opens on the agenda
    qtbot.waitUntil(lambda: first.main_view.isVisible() and sum(first.main_view.sizes()) > 700)
    total = sum(first.main_view.sizes())
    left = first.main_view.widget(0).minimumSizeHint().width() + 15
    first.main_view.setSizes([left, total - left])
    wanted = first.main_view.sizes()
    assert wanted[0] == left
    first.close()
    again = MainWindow(demo_ws.path, settings=settings)
    qtbot.addWidget(again)
    again.resize(1100, 700)  # the offscreen screen (800 px wide) would clamp the geometry
    again.show()
    again.open_workspace(demo_ws)
    again.show_files()  # the demo has appointments today: it opens on the agenda
    qtbot.waitUntil(lambda: again.main_view.isVisible() and sum(again.main_view.sizes()) > 700)
    assert again.main_view.sizes() == wanted
    again.lock()
