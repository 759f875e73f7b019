"""The idle lock's timer: reset by input, listening only until it hears some (no Python code
for every event of the application), and the start-up check of the Qt binding."""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from cep_desk.ui import binding_check, idle
from cep_desk.ui.idle import InactivityTimer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def field(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    return edit


@pytest.fixture
def counted(monkeypatch):
    """The number of times the idle filter ran Python (the class's method, wrapped)."""
    calls = [0]
    original = InactivityTimer.eventFilter

    def counting(self, watched, event):
        calls[0] += 1
        return original(self, watched, event)

    monkeypatch.setattr(InactivityTimer, "eventFilter", counting)
    return calls


def test_input_restarts_the_idle_timer(qtbot, field):
    timer = InactivityTimer(minutes=0.01)  # 600 ms, deaf for 75 ms after input
    timer.start()
    try:
        assert timer.listening and timer.active
        qtbot.waitUntil(lambda: timer._timer.remainingTime() < 450, timeout=2000)
        QTest.keyClick(field, Qt.Key.Key_A)
        assert timer._timer.remainingTime() > 500  # restarted by the key
        assert not timer.listening  # deaf for a moment: Qt dispatches without Python
        qtbot.waitUntil(lambda: timer.listening, timeout=2000)  # back again
        qtbot.waitUntil(lambda: timer._timer.remainingTime() < 450, timeout=2000)
        QTest.mouseMove(field, QPoint(5, 5))
        QTest.mouseMove(field, QPoint(9, 6))
        assert timer._timer.remainingTime() > 500  # and by the mouse
    finally:
        timer.stop()
    assert not timer.listening and not timer.active


def test_no_input_fires_once_and_stops_listening(qtbot, field):
    timer = InactivityTimer(minutes=0.002)  # 120 ms
    fired = []
    timer.timeout.connect(lambda: fired.append(1))
    timer.start()
    qtbot.waitUntil(lambda: fired == [1], timeout=3000)
    assert not timer.listening and not timer.active
    QTest.keyClick(field, Qt.Key.Key_A)  # input after the lock does not restart it
    assert not timer.active


def test_input_while_deaf_still_postpones_the_lock(qtbot, field):
    """The re-arm restarts the delay: input heard or not while deaf, the lock never comes
    earlier than the delay after it."""
    timer = InactivityTimer(minutes=0.02)  # 1.2 s, deaf for 150 ms
    timer.start()
    try:
        QTest.keyClick(field, Qt.Key.Key_A)
        assert not timer.listening
        qtbot.wait(50)
        QTest.keyClick(field, Qt.Key.Key_B)  # not heard
        qtbot.waitUntil(lambda: timer.listening, timeout=2000)
        assert timer._timer.remainingTime() > 1100  # counted again from the re-arm
    finally:
        timer.stop()


def test_the_delay_change_keeps_the_deaf_period_short():
    assert idle.rearm_ms(5 * 60_000) == idle.REARM_MS
    assert idle.rearm_ms(240) == 30  # tests' tiny delays: an eighth
    timer = InactivityTimer(minutes=0.004)
    assert timer._rearm.interval() == 30
    timer.set_minutes(10)
    assert timer._rearm.interval() == idle.REARM_MS


def test_a_flood_of_input_runs_python_for_few_events(qtbot, field, counted):
    timer = InactivityTimer(minutes=5)
    timer.start()
    try:
        for i in range(3000):
            QTest.mouseMove(field, QPoint(2 + i % 40, 5))
        QTest.keyClicks(field, "abcdefghij" * 100)  # 2000 key events in one go
    finally:
        timer.stop()
    # One input heard, then deaf for 3 s: the old always-installed filter ran ~10 000 times.
    assert counted[0] < 50, counted[0]


def test_the_installed_binding_keeps_none_alive(qapp):
    """Fails on PySide6 6.12.0 with Python 3.11 (excluded by pyproject.toml and the lock)."""
    assert binding_check.none_references_lost() == 0, binding_check.binding_description()
    assert not binding_check.binding_loses_none()


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_the_check_sees_a_binding_that_loses_none():
    decref = ctypes.pythonapi.Py_DecRef
    decref.argtypes = [ctypes.py_object]
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    calls = [0]

    def losing() -> None:  # what a void call does on the bad binding: one reference lost
        calls[0] += 1
        decref(None)

    try:
        assert binding_check.binding_loses_none(losing)
    finally:
        for _ in range(calls[0]):
            incref(None)


@pytest.mark.slow
def test_100000_input_events_through_the_main_window_keep_none_alive(tmp_path):
    """The real main window, idle lock armed, 100 000 mouse moves and key presses: the
    interpreter is alive, ``None``'s reference count has not drifted, and the idle filter ran
    Python for a handful of those events only."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1")
    run = subprocess.run(
        [sys.executable, "-m", "tests.ui.idle_soak", "100000"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["events"] >= 100_000
    assert not result["stopped_early"], result
    # The bad binding lost one reference per call, so hundreds of thousands here. Seen on a
    # sound binding: one release of about 4 000 references (a cache emptied) at some point
    # after ten thousand events, then nothing; the second half must not drift at all.
    assert abs(result["late_drift"]) <= 50, result
    assert result["drift"] > -result["events"] // 10, result
    # The old always-installed filter ran for every one of them (and more: paints, timers).
    assert result["filter_calls"] < result["events"] // 200, result
    assert result["idle_active"] and not result["locked"], result
