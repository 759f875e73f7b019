"""Value widgets that take the mouse wheel only once the user has given them focus.

Qt's combo boxes, spin boxes, date edits and sliders change their value under a rolling wheel
even without focus: scrolling a form would then change (and autosave) whatever field passes
under the pointer. Every such widget of the application is one of the classes below (a test
walks every window and dialog and checks it): they get ``Qt.StrongFocus`` (the wheel does not
give focus) and ignore the wheel unless focused, so the event goes on to the scroll area around
them, which scrolls.

Tab bars page through their tabs under a rolling wheel: rolling down to a form over the tabs
switched the page under the pointer. Their wheel is never taken (clicks and the keyboard
switch tabs): every tab widget of the application is a :class:`WheelSafeTabWidget`.

Overriding ``wheelEvent`` runs Python only for wheel events on these widgets; no event filter.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QSlider,
    QSpinBox,
    QTabBar,
    QTabWidget,
    QTimeEdit,
    QWidget,
)


def _guard(widget: QWidget) -> None:
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def _wheel(widget: QWidget, event: QWheelEvent, base) -> None:
    if widget.hasFocus():
        base(widget, event)
    else:
        event.ignore()  # the parent (a scroll area) gets it and scrolls


class WheelSafeCombo(QComboBox):
    wheel_guarded = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _guard(self)

    def wheelEvent(self, event: QWheelEvent) -> None:
        _wheel(self, event, QComboBox.wheelEvent)


class WheelSafeSpinBox(QSpinBox):
    wheel_guarded = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _guard(self)

    def wheelEvent(self, event: QWheelEvent) -> None:
        _wheel(self, event, QSpinBox.wheelEvent)


class WheelSafeDoubleSpinBox(QDoubleSpinBox):
    wheel_guarded = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _guard(self)

    def wheelEvent(self, event: QWheelEvent) -> None:
        _wheel(self, event, QDoubleSpinBox.wheelEvent)


class WheelSafeDateEdit(QDateEdit):
    wheel_guarded = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _guard(self)

    def wheelEvent(self, event: QWheelEvent) -> None:
        _wheel(self, event, QDateEdit.wheelEvent)


class WheelSafeDateTimeEdit(QDateTimeEdit):
    wheel_guarded = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _guard(self)

    def wheelEvent(self, event: QWheelEvent) -> None:
        _wheel(self, event, QDateTimeEdit.wheelEvent)


class WheelSafeTimeEdit(QTimeEdit):
    wheel_guarded = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _guard(self)

    def wheelEvent(self, event: QWheelEvent) -> None:
        _wheel(self, event, QTimeEdit.wheelEvent)


class WheelSafeSlider(QSlider):
    wheel_guarded = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _guard(self)

    def wheelEvent(self, event: QWheelEvent) -> None:
        _wheel(self, event, QSlider.wheelEvent)


class WheelSafeTabBar(QTabBar):
    wheel_guarded = True

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # the parent gets it (and scrolls if it can)


class WheelSafeTabWidget(QTabWidget):
    """A tab widget whose tab bar does not switch tabs under the wheel."""

    wheel_guarded = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabBar(WheelSafeTabBar(self))


def unguarded_value_widgets(root: QWidget) -> list[QWidget]:
    """The combo, spin, date and slider widgets under ``root`` (itself included) that would
    take the wheel without focus, and the tab bars that would switch tabs under it: every one
    is a bug (tests call this on every window)."""
    from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QScrollBar

    found: list[QWidget] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QScrollBar):
            continue  # scrolling is what the wheel is for
        if isinstance(widget, QTabBar):
            if not getattr(type(widget), "wheel_guarded", False):
                found.append(widget)
            continue
        if not isinstance(widget, QComboBox | QAbstractSpinBox | QAbstractSlider):
            continue
        if (
            not getattr(type(widget), "wheel_guarded", False)
            or widget.focusPolicy() != Qt.FocusPolicy.StrongFocus
        ):
            found.append(widget)
    return found
