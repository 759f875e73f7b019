"""Idle lock: one application-wide event filter restarting a single-shot timer.

Any mouse, key, wheel or hover event anywhere in the application counts as activity. When the
timer runs out, :attr:`InactivityTimer.timeout` is emitted (the main window locks).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

DEFAULT_MINUTES = 5

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.HoverMove,
        QEvent.Type.HoverEnter,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.InputMethod,
    }
)
# Moves come in floods: restart the timer at most this often for them (seconds).
_MOVE_THROTTLE_S = 0.5
_MOVES = frozenset({QEvent.Type.MouseMove, QEvent.Type.HoverMove, QEvent.Type.TouchUpdate})


def minutes_to_ms(minutes: float | int | None) -> int:
    """The timeout for a setting value; invalid or missing values give the default."""
    try:
        value = float(minutes) if minutes is not None else float(DEFAULT_MINUTES)
    except (TypeError, ValueError):
        value = float(DEFAULT_MINUTES)
    if value <= 0:
        value = float(DEFAULT_MINUTES)
    return max(1, int(value * 60_000))


class InactivityTimer(QObject):
    timeout = Signal()

    def __init__(self, parent: QObject | None = None, minutes: float = DEFAULT_MINUTES) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(minutes_to_ms(minutes))
        self._timer.timeout.connect(self._on_timeout)
        self._installed = False
        self._last_restart = 0.0

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def set_minutes(self, minutes: float | int | None) -> None:
        self._timer.setInterval(minutes_to_ms(minutes))
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        """Watch for activity and start counting."""
        app = QCoreApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._last_restart = time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
        self._installed = False

    def fire(self) -> None:
        """Act as if the delay had run out (tests, and 'lock now')."""
        self._timer.stop()
        self._on_timeout()

    def _on_timeout(self) -> None:
        self.stop()
        self.timeout.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _ACTIVITY and self._timer.isActive():
            now = time.monotonic()
            if kind not in _MOVES or now - self._last_restart >= _MOVE_THROTTLE_S:
                self._last_restart = now
                self._timer.start()
        return False
