"""Calendrier: the action steps on a timeline by month (provisional calendar).

Bars carry their title and dates as text, milestones are diamonds, today is a labelled dashed
line, and a step's status is written after its title: nothing is told by colour alone. The
timeline scrolls; month width adapts so that one month to three years stay readable.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from cep_desk import domain, formatting
from cep_desk.ui import theme
from cep_desk.usecases import changes as chg
from cep_desk.usecases.changes import Changes

from .widgets import hint_label, tr

MAX_MONTHS = 48
MIN_MONTH_WIDTH = 30
RIGHT_MARGIN = 24
BAR = QColor("#2f6db5")
BAR_DONE = QColor("#7a9cc6")
BAR_CANCELLED = QColor("#b9b9b9")
MILESTONE = QColor("#a04a00")
# Background, text, grid, stripes and the today line come from the palette (paintEvent), so
# that a dark desktop theme gets a dark timeline with light text like the rest of the window.


def _month_start(d: date) -> date:
    return d.replace(day=1)


def _add_months(d: date, n: int) -> date:
    month = d.month - 1 + n
    return date(d.year + month // 12, month % 12 + 1, 1)


class TimelineWidget(QWidget):
    """Paints steps as bars (start → due) and milestones as diamonds, by month."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps: list[Any] = []
        self.today = date.today()
        self.first = _month_start(self.today)
        self.months = 1
        self.label_width = 320
        self.available = 0
        self.month_width = 90
        self.row_height = 30
        self.header_height = 50
        self.setAccessibleName(tr("Calendrier prévisionnel"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)

    # data --------------------------------------------------------------------------------------
    def set_steps(self, steps: list[Any], today: date | None = None) -> None:
        self.today = today or date.today()
        dated = [s for s in steps if s.start_on or s.due_on]
        dated.sort(key=lambda s: (s.start_on or s.due_on, s.due_on or s.start_on, s.position))
        self.steps = dated
        days = [d for s in dated for d in (s.start_on, s.due_on) if d] + [self.today]
        first, last = _month_start(min(days)), _month_start(max(days))
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        if months > MAX_MONTHS:  # keep the window around today readable
            first = max(first, _add_months(_month_start(self.today), -12))
            months = min(MAX_MONTHS, (last.year - first.year) * 12 + last.month - first.month + 1)
        self.first, self.months = first, max(1, months)
        self._fit()
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.resize(self.sizeHint())
        self.update()

    def fit_to(self, width: int) -> None:
        """Use the visible width when the months fit in it (no scrolling for a short plan)."""
        self.available = max(0, width)
        self._fit()
        hint = self.sizeHint()
        self.resize(max(hint.width(), self.available), hint.height())
        self.update()

    def _fit(self) -> None:
        if self.available:  # the step titles take under a third of a narrow screen
            self.label_width = int(min(320, max(150, self.available * 0.28)))
        spare = (self.available - self.label_width - RIGHT_MARGIN) / max(1, self.months)
        self.month_width = int(max(MIN_MONTH_WIDTH, min(220, spare)))

    def clear(self) -> None:
        self.steps = []
        self.months = 1
        self.first = _month_start(date.today())
        self.setAccessibleDescription("")
        self.updateGeometry()
        self.update()

    def describe(self) -> str:
        """The timeline as text (screen readers)."""
        parts = []
        for s in self.steps:
            when = formatting.format_date(s.due_on or s.start_on)
            if s.start_on and s.due_on and s.start_on != s.due_on and not s.is_milestone:
                when = f"{formatting.format_date(s.start_on)} → {formatting.format_date(s.due_on)}"
            parts.append(f"{s.title} : {when} ({domain.StepStatus(s.status).label})")
        return " ; ".join(parts)

    # geometry ----------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        width = self.label_width + self.months * self.month_width + RIGHT_MARGIN
        height = self.header_height + max(1, len(self.steps)) * self.row_height + 40
        return QSize(width, height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def x_of(self, d: date) -> float:
        month_index = (d.year - self.first.year) * 12 + d.month - self.first.month
        days_in_month = (_add_months(d, 1) - timedelta(days=1)).day
        frac = (d.day - 1) / days_in_month
        return self.label_width + (month_index + frac) * self.month_width

    # painting ----------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        base, ink = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
        grid = theme.blend(base, ink, 0.22)
        stripe = theme.blend(base, ink, 0.05)
        today_colour = theme.error_text(pal)
        p.fillRect(self.rect(), base)
        font = QFont(self.font())
        fm = QFontMetrics(font)
        bold = QFont(font)
        bold.setBold(True)
        top = self.header_height
        bottom = top + max(1, len(self.steps)) * self.row_height
        # years (first month and every January) above the months
        for i in range(self.months):
            month = _add_months(self.first, i)
            x: float = self.label_width + i * self.month_width
            p.setPen(QPen(grid, 1))
            p.drawLine(int(x), top - 20, int(x), bottom)
            # The year over January, and over the first month when there is room before
            # the next January (« 2026 » over a lone December would run into « 2027 »).
            room = (13 - month.month) * self.month_width
            year_width = QFontMetrics(bold).horizontalAdvance(str(month.year)) + 8
            if month.month == 1 or (i == 0 and room >= year_width):
                p.setPen(ink)
                p.setFont(bold)
                p.drawText(QPointF(x + 4, top - 28), str(month.year))
            p.setPen(ink)
            p.setFont(font)
            if self.month_width >= 110:
                name = formatting.MONTHS[month.month - 1]
            elif self.month_width >= fm.horizontalAdvance("janv.") + 8:
                name = formatting.MONTHS_SHORT[month.month - 1]
            else:  # narrow months: the initial (J F M A M J J A S O N D)
                name = formatting.MONTHS[month.month - 1][:1].upper()
            p.drawText(
                QRectF(x + 3, top - 21, self.month_width - 4, 18),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
        end_x = self.label_width + self.months * self.month_width
        p.setPen(QPen(grid, 1))
        p.drawLine(int(end_x), top - 20, int(end_x), bottom)
        p.drawLine(0, top - 1, int(end_x), top - 1)
        p.setFont(bold)
        p.setPen(ink)
        p.drawText(
            QRectF(6, top - 21, self.label_width - 10, 18), Qt.AlignmentFlag.AlignLeft, tr("Étape")
        )
        p.setFont(font)
        if not self.steps:
            p.drawText(
                QRectF(6, top + 6, self.label_width + self.months * self.month_width, 20),
                Qt.AlignmentFlag.AlignLeft,
                tr("Aucune étape datée : ajoutez des étapes dans le plan d'action."),
            )
        # rows
        for row, step in enumerate(self.steps):
            y = top + row * self.row_height
            if row % 2:
                p.fillRect(QRectF(0, y, end_x, self.row_height), stripe)
            status = domain.StepStatus(step.status)
            title = step.title
            if status is not domain.StepStatus.PLANNED:
                title += f" ({status.label.lower()})"
            p.setPen(ink)
            p.drawText(
                QRectF(6, y, self.label_width - 12, self.row_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(title, Qt.TextElideMode.ElideRight, self.label_width - 12),
            )
            start = step.start_on or step.due_on
            due = step.due_on or step.start_on
            cy = y + self.row_height / 2
            if step.is_milestone or start == due:
                x = self.x_of(due) + self.month_width / 60
                size = 8
                diamond = QPolygonF(
                    [
                        QPointF(x, cy - size),
                        QPointF(x + size, cy),
                        QPointF(x, cy + size),
                        QPointF(x - size, cy),
                    ]
                )
                p.setPen(QPen(QColor("#5a2a00"), 1))
                p.setBrush(MILESTONE)
                p.drawPolygon(diamond)
                text = formatting.format_date(due)
                p.setPen(ink)
                tx = x + size + 4
                if tx + fm.horizontalAdvance(text) > end_x:  # no room after: write it before
                    tx = x - size - 4 - fm.horizontalAdvance(text)
                p.drawText(QPointF(tx, cy + fm.ascent() / 2 - 1), text)
            else:
                x1, x2 = self.x_of(start), self.x_of(due + timedelta(days=1))
                color = (
                    BAR_DONE
                    if status is domain.StepStatus.DONE
                    else BAR_CANCELLED
                    if status is domain.StepStatus.CANCELLED
                    else BAR
                )
                rect = QRectF(x1, cy - 8, max(4.0, x2 - x1), 16)
                path = QPainterPath()
                path.addRoundedRect(rect, 3, 3)
                p.fillPath(path, color)
                if status is domain.StepStatus.CANCELLED:
                    p.setPen(QPen(theme.muted_text(pal), 1, Qt.PenStyle.DashLine))
                    p.drawLine(QPointF(x1, cy), QPointF(x2, cy))
                text = f"{formatting.format_date(start)} → {formatting.format_date(due)}"
                width = fm.horizontalAdvance(text)
                p.setPen(ink)
                if width + 8 < rect.width():
                    p.setPen(QColor("#ffffff"))
                    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
                elif rect.right() + 4 + width <= end_x:
                    p.drawText(QPointF(rect.right() + 4, cy + fm.ascent() / 2 - 1), text)
                else:  # no room after the bar: write the dates before it
                    p.drawText(QPointF(rect.left() - 4 - width, cy + fm.ascent() / 2 - 1), text)
        # today
        if self.first <= self.today < _add_months(self.first, self.months):
            x = self.x_of(self.today) + self.month_width / 60
            p.setPen(QPen(today_colour, 2, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, top - 20), QPointF(x, bottom + 6))
            p.setPen(today_colour)
            p.setFont(bold)
            label = tr("Aujourd'hui (%s)") % formatting.format_date(self.today)
            w = QFontMetrics(bold).horizontalAdvance(label)
            lx = min(x + 4, end_x - w - 2)
            p.drawText(QPointF(lx, bottom + 22), label)
        p.end()


class CalendarTab(QWidget):
    shows = frozenset({chg.STEP})

    def __init__(self) -> None:
        super().__init__()
        self._steps: dict[int, Any] = {}
        self.timeline = TimelineWidget()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.timeline)
        self.scroll_area.setWidgetResizable(False)
        self.scroll_area.setAccessibleName(tr("Calendrier prévisionnel, défilant"))
        self.legend = QLabel(
            tr(
                "Barre : étape de sa date de début à son échéance · ◆ : jalon · ligne tiretée "
                "rouge : aujourd'hui · le statut est écrit après l'intitulé (faite, en cours, "
                "annulée)."
            )
        )
        self.legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(
            hint_label(tr("Calendrier prévisionnel : les étapes du plan d'action, mois par mois."))
        )
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.legend)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.timeline.fit_to(self.scroll_area.viewport().width())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Filled while hidden, maybe at another width: fit the width seen now.
        self.timeline.fit_to(self.scroll_area.viewport().width())

    def fill(self, steps) -> None:
        self.set_steps(steps)

    def set_steps(self, steps) -> None:
        self._steps = {s.id: s for s in steps}
        self.timeline.set_steps(list(self._steps.values()))
        self.timeline.fit_to(self.scroll_area.viewport().width())

    def clear(self) -> None:
        self._steps = {}
        self.timeline.clear()

    def apply_changes(self, changes: Changes) -> None:
        """Steps saved, added or deleted anywhere (the plan, a scheme's steps) are drawn."""
        steps = dict(self._steps)
        for ident in changes.deleted_ids(chg.STEP):
            steps.pop(ident, None)
        for record in changes.records(chg.STEP):
            steps[record.id] = record
        if steps != self._steps:
            self.set_steps(sorted(steps.values(), key=_step_order))


def _step_order(step: Any) -> tuple[int, int]:
    return (getattr(step, "position", 0) or 0, step.id)
