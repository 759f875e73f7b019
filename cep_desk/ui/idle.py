"""Idle lock: a single-shot timer restarted by the user's input, sampled rather than watched.

Watching every event of the application from Python (an application-wide event filter that
stays installed) runs Python code for each paint, timer, hover and key event of every widget,
all day long. Here the filter listens only until it hears the first input, then removes itself
and comes back a few seconds later (:data:`REARM_MS`):

- *listening* (filter installed): the first key, mouse, wheel, touch or input-method event
  restarts the idle timer, removes the filter and starts the re-arm timer;
- *deaf* (filter removed, for at most :data:`REARM_MS`): Qt dispatches events without calling
  Python at all; when the re-arm timer fires the idle timer is restarted once more (input may
  have happened while deaf) and the filter is installed again.

So the lock never comes earlier than the delay after the last input, and at most
:data:`REARM_MS` later. While the user works, Python runs for a handful of events every few
seconds instead of every event. :attr:`InactivityTimer.timeout` is emitted when the delay runs
out (the main window locks).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

DEFAULT_MINUTES = 5
# How long the filter stays away after it heard input (milliseconds); shorter for very short
# delays (tests), so that the delay always dominates.
REARM_MS = 3000

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


def minutes_to_ms(minutes: object) -> int:
    """The timeout for a setting value as stored (a number, or its text); invalid or
    missing values give the default."""
    value = float(DEFAULT_MINUTES)
    if isinstance(minutes, int | float | str):
        try:
            value = float(minutes)
        except ValueError:
            value = float(DEFAULT_MINUTES)
    if value <= 0:
        value = float(DEFAULT_MINUTES)
    return max(1, int(value * 60_000))


def rearm_ms(interval_ms: int) -> int:
    """The deaf period for an idle delay: :data:`REARM_MS`, or an eighth of a shorter delay."""
    return max(1, min(REARM_MS, interval_ms // 8))


class InactivityTimer(QObject):
    timeout = Signal()

    def __init__(self, parent: QObject | None = None, minutes: float = DEFAULT_MINUTES) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(minutes_to_ms(minutes))
        self._timer.timeout.connect(self._on_timeout)
        self._rearm = QTimer(self)
        self._rearm.setSingleShot(True)
        self._rearm.setInterval(rearm_ms(self._timer.interval()))
        self._rearm.timeout.connect(self._on_rearm)
        self._installed = False

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    @property
    def listening(self) -> bool:
        """True while the application-wide filter is installed (waiting for input)."""
        return self._installed

    def set_minutes(self, minutes: object) -> None:
        self._timer.setInterval(minutes_to_ms(minutes))
        self._rearm.setInterval(rearm_ms(self._timer.interval()))
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        """Watch for activity and start counting."""
        self._rearm.stop()
        self._listen()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._rearm.stop()
        self._deafen()

    def fire(self) -> None:
        """Act as if the delay had run out (tests, and 'lock now')."""
        self._timer.stop()
        self._on_timeout()

    def _listen(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def _deafen(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)  # safe from inside eventFilter (Qt documents it)
        self._installed = False

    def _on_timeout(self) -> None:
        self.stop()
        self.timeout.emit()

    def _on_rearm(self) -> None:
        if not self._timer.isActive():
            return
        self._timer.start()  # input may have come while deaf: count from now
        self._listen()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._installed and event.type() in _ACTIVITY and self._timer.isActive():
            self._deafen()
            self._timer.start()
            self._rearm.start()
        return False
