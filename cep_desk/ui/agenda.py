"""The agenda (issue #12, item 1): a day or a week of appointments, the actions on one, the
booking dialog and the list of what is due (« À faire »).

Everything goes through the use cases (``cep_desk.usecases.agenda`` and ``.due``), which hand
back frozen rows; this module only shows them. Keys (the view has them while it is shown):

- Alt+← / Alt+→: the previous / next day or week; Alt+Origine (Home): today;
- Alt+J / Alt+M: the day / the week; Entrée or a double click: the person's file;
- Alt+H, Alt+N, Alt+U: held (« Honoré »), missed (« Non honoré »), cancelled (« Annulé »);
  Alt+T « Remettre prévu » (a status chosen by mistake);
  Alt+S « Créer la séance »; Alt+R « Reporter… »; Alt+O the person's file;
- Alt+I: the list « À faire » (Entrée opens the item at its place).

The due list is read by a worker (``cep_desk/ui/workers.py``): with tens of thousands of people
it may take a moment, and the agenda stays usable meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cep_desk import domain, formatting
from cep_desk.domain import ValidationError
from cep_desk.formatting import ParseError
from cep_desk.ui import messagebox, theme, workers
from cep_desk.ui.panel.widgets import DateEdit, IntEdit, TextEdit, TimeEdit, field_row, new_form
from cep_desk.ui.wheel import WheelSafeCombo
from cep_desk.usecases import agenda as agenda_uc
from cep_desk.usecases import due as due_uc
from cep_desk.usecases.common import NotFound

if TYPE_CHECKING:
    from cep_desk.usecases.agenda import AppointmentRow
    from cep_desk.usecases.due import DueItem
    from cep_desk.usecases.workspaces import Workspace

DAY, WEEK = "day", "week"
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

# One colour per status (never the only sign: the status is written in every block and row).
STATUS_COLOURS = {
    "planned": "#2f6fb5",
    "held": "#2e7d32",
    "missed": "#c25e00",
    "cancelled": "#808080",
}
STATUS_COLOURS_DARK = {
    "planned": "#6fa8ff",
    "held": "#6fd07a",
    "missed": "#ffa657",
    "cancelled": "#9a9a9a",
}


def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("", text)


def status_colour(status: str, pal: QPalette | None = None) -> QColor:
    colours = STATUS_COLOURS_DARK if theme.is_dark(pal) else STATUS_COLOURS
    return QColor(colours.get(status, colours["planned"]))


def status_tint(status: str, pal: QPalette | None = None) -> QColor:
    """The background of an appointment: the base colour a little toward its status."""
    pal = pal or theme.palette()
    amount = 0.10 if status == "cancelled" else 0.18
    return theme.blend(pal.color(QPalette.ColorRole.Base), status_colour(status, pal), amount)


def unreported(row: AppointmentRow, today: date) -> bool:
    """A past appointment still « Prévu »: to be reported held or missed."""
    return row.status == "planned" and row.day < today


def status_text(row: AppointmentRow, today: date) -> str:
    return tr("À renseigner") if unreported(row, today) else row.status_label


def shown_colour(row: AppointmentRow, today: date, pal: QPalette | None = None) -> QColor:
    return theme.error_text(pal) if unreported(row, today) else status_colour(row.status, pal)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def time_span(row: AppointmentRow) -> str:
    return f"{formatting.format_clock(row.start)}–{formatting.format_clock(row.end)}"


def level_text(level: int) -> str:
    return tr("Niveau %d") % level


def describe(row: AppointmentRow) -> str:
    """One line saying everything about an appointment (tooltips, the detail line)."""
    parts = [
        formatting.format_weekday_date(row.day),
        time_span(row),
        row.person_name,
        level_text(row.level),
        row.modality_label,
        row.status_label,
    ]
    if row.is_followup:
        parts.append(tr("suivi à six mois"))
    if row.place:
        parts.append(row.place)
    if row.purpose:
        parts.append(row.purpose)
    return " · ".join(parts)


ICS_DAYS = 92  # the iCalendar export: this week and about three months ahead, as the CLI


def write_ics(ws: Workspace, date_from: date, date_to: date, path: Path) -> int:
    """The worker of « Exporter l'agenda (iCalendar)… »: the file written (private, atomic);
    returns the number of appointments in it. Initials only, never the purpose (the use
    case)."""
    from cep_desk.files import write_atomically

    data = agenda_uc.ics(ws, date_from, date_to)
    write_atomically(path, data)
    return data.count(b"BEGIN:VEVENT")


# --------------------------------------------------------------------------------------------
# The booking (and rescheduling) dialog
# --------------------------------------------------------------------------------------------


class AppointmentDialog(QDialog):
    """Date, start, duration, modality, place or link, level, purpose. « Enregistrer » calls
    ``submit(values)``, which returns the use case's French message (shown here, every field
    kept as typed) or None (the dialog closes)."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        person_name: str,
        submit: Callable[[dict[str, Any]], str | None],
        initial: Mapping[str, Any] | None = None,
        ok_text: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setObjectName("appointment_dialog")
        initial = dict(initial or {})
        layout = QVBoxLayout(self)
        who = QLabel(person_name)
        who.setObjectName("appointment_person")
        who.setTextFormat(Qt.TextFormat.PlainText)
        who.setStyleSheet("font-weight: 600; font-size: 12pt;")
        layout.addWidget(who)
        form = new_form()
        self.day = DateEdit(required=True)
        self.start = TimeEdit()
        self.duration = IntEdit(1, 999)
        self.modality = WheelSafeCombo()
        for code, label in domain.Modality.choices():
            self.modality.addItem(label, code)
        self.place = TextEdit(max_len=200)
        self.place.setPlaceholderText(tr("Un bureau, une adresse ou le lien de la visio"))
        self.level = WheelSafeCombo()
        self.level.addItem(level_text(1), 1)
        self.level.addItem(level_text(2), 2)
        self.purpose = TextEdit(max_len=500)
        self.purpose.setPlaceholderText(tr("Premier entretien, point sur le projet…"))
        field_row(form, tr("&Date :"), self.day)
        field_row(form, tr("&Heure de début :"), self.start)
        field_row(form, tr("D&urée (minutes) :"), self.duration)
        field_row(form, tr("&Modalité :"), self.modality)
        field_row(form, tr("&Lieu ou lien :"), self.place)
        field_row(form, tr("&Niveau :"), self.level)
        field_row(form, tr("&Objet :"), self.purpose)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("appointment_error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setAccessibleName(tr("Message d'erreur"))
        self.error.setStyleSheet(f"#appointment_error {{ color: {theme.error_text().name()}; }}")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text or tr("Enregistrer"))
        self.ok_button.setAccessibleName(ok_text or tr("Enregistrer"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("Annuler"))
        cancel.setAccessibleName(tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.fill(initial)

    def fill(self, values: Mapping[str, Any]) -> None:
        self.day.set_value(values.get("day"))
        start = values.get("start")
        self.start.set_value(formatting.format_clock(start) if isinstance(start, time) else "")
        self.duration.set_value(values.get("duration_min", 60))
        modality = values.get("modality", domain.Modality.FACE_TO_FACE.value)
        self.modality.setCurrentIndex(max(0, self.modality.findData(modality)))
        self.level.setCurrentIndex(max(0, self.level.findData(values.get("level", 1))))
        self.place.set_value(values.get("place", ""))
        self.purpose.set_value(values.get("purpose", ""))

    def values(self) -> dict[str, Any]:
        """What was typed, read; raises ParseError (French) on an unreadable field."""
        day = self.day.value()
        start_text = self.start.value()
        if not start_text:
            raise ParseError(tr("Indiquez l'heure de début (HH:MM)."))
        hours, minutes = (int(part) for part in start_text.split(":"))
        duration = self.duration.value()
        if duration is None:
            raise ParseError(tr("Indiquez la durée en minutes."))
        return {
            "day": day,
            "start": time(hours, minutes),
            "duration_min": duration,
            "modality": self.modality.currentData(),
            "place": self.place.value(),
            "level": self.level.currentData(),
            "purpose": self.purpose.value(),
        }

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setAccessibleDescription(message)
        self.error.show()

    def accept(self) -> None:
        try:
            values = self.values()
        except ParseError as exc:
            self.show_error(str(exc))
            return
        message = self._submit(values)
        if message:
            self.show_error(message)
            return
        super().accept()


# --------------------------------------------------------------------------------------------
# Models
# --------------------------------------------------------------------------------------------


class DayModel(QAbstractTableModel):
    """One row per appointment of the day, in time order."""

    HEADERS = ("Heure", "Personne", "Niveau", "Modalité", "Statut", "Lieu ou lien", "Objet")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[AppointmentRow] = []
        self.today = date.today()

    def set_rows(self, rows: Sequence[AppointmentRow], today: date | None = None) -> None:
        self.beginResetModel()
        self.today = today or date.today()
        self.rows = sorted(rows, key=lambda r: (r.start, r.id))
        self.endResetModel()

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def index_of(self, appointment_id: int) -> QModelIndex:
        for r, row in enumerate(self.rows):
            if row.id == appointment_id:
                return self.index(r, 0)
        return QModelIndex()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = (
                time_span(row),
                row.person_name,
                level_text(row.level),
                row.modality_label,
                status_text(row, self.today),
                row.place,
                row.purpose,
            )[col]
            if role == Qt.ItemDataRole.AccessibleTextRole and col == 0:
                return describe(row)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return describe(row)
        if role == Qt.ItemDataRole.BackgroundRole:
            return status_tint(row.status)
        if role == Qt.ItemDataRole.ForegroundRole and col == 4:
            return shown_colour(row, self.today)
        if role == Qt.ItemDataRole.FontRole and (col in (0, 4) or row.status == "cancelled"):
            font = QFont()
            font.setBold(col in (0, 4))
            font.setStrikeOut(row.status == "cancelled" and col == 1)
            return font
        return None


class WeekModel(QAbstractTableModel):
    """A column per day (Monday to Friday, and the weekend when it has appointments), the
    day's appointments stacked in time order; empty cells are neither enabled nor selectable,
    so the arrow keys go from one appointment to the next."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.days: list[date] = []
        self.columns: list[list[AppointmentRow]] = []
        self.today = date.today()

    def set_week(self, monday: date, rows: Sequence[AppointmentRow], today: date) -> None:
        self.beginResetModel()
        self.today = today
        by_day: dict[date, list[AppointmentRow]] = {}
        for row in rows:
            by_day.setdefault(row.day, []).append(row)
        self.days = [
            monday + timedelta(days=i)
            for i in range(7)
            if i < 5 or by_day.get(monday + timedelta(days=i))
        ]
        self.columns = [sorted(by_day.get(d, []), key=lambda r: (r.start, r.id)) for d in self.days]
        self.endResetModel()

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        if parent.isValid():
            return 0
        return max([len(c) for c in self.columns] + [1]) if self.days else 0

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.days)

    def row_at(self, index: QModelIndex | QPersistentModelIndex) -> AppointmentRow | None:
        if not index.isValid() or index.column() >= len(self.columns):
            return None
        column = self.columns[index.column()]
        return column[index.row()] if index.row() < len(column) else None

    def index_of(self, appointment_id: int) -> QModelIndex:
        for c, column in enumerate(self.columns):
            for r, row in enumerate(column):
                if row.id == appointment_id:
                    return self.index(r, c)
        return QModelIndex()

    def count(self) -> int:
        return sum(len(c) for c in self.columns)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if self.row_at(index) is None:
            return Qt.ItemFlag.ItemNeverHasChildren
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or section >= len(self.days):
            return None
        day = self.days[section]
        if role == Qt.ItemDataRole.DisplayRole:
            count = len(self.columns[section])
            label = formatting.format_weekday_short(day)
            return f"{label} ({count})" if count else label
        if role == Qt.ItemDataRole.ToolTipRole:
            return formatting.format_weekday_date(day)
        if role == Qt.ItemDataRole.FontRole and day == self.today:
            font = QFont()
            font.setBold(True)
            font.setUnderline(True)
            return font
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return describe(row) if role == Qt.ItemDataRole.AccessibleTextRole else row.person_name
        if role == Qt.ItemDataRole.ToolTipRole:
            return describe(row)
        return None


class BlockDelegate(QStyledItemDelegate):
    """An appointment of the week as a block: a bar of its status colour on the left, the
    time and level in bold, the name, the modality and the status; a cancelled one is struck
    through."""

    LINES = 3

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:  # noqa: N802
        height = option.fontMetrics.height() * self.LINES + 14
        return QSize(option.fontMetrics.averageCharWidth() * 22, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        row: AppointmentRow | None = index.data(ROW_ROLE)
        if row is None:
            return
        pal = option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        box = QRect(option.rect).adjusted(3, 2, -3, -2)
        colour = status_colour(row.status, pal)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(status_tint(row.status, pal))
        painter.drawRoundedRect(box, 4, 4)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRect(box.left(), box.top(), 5, box.height()), 2, 2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            pen = QPen(pal.color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(1, 1, -1, -1), 4, 4)
        text_rect = box.adjusted(11, 4, -6, -4)
        fm = option.fontMetrics
        line = fm.height()
        text = pal.color(QPalette.ColorRole.Text)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        first = f"{time_span(row)}  ·  N{row.level}"
        painter.drawText(
            QRect(text_rect.left(), text_rect.top(), text_rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(first, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        name_font = QFont(option.font)
        name_font.setStrikeOut(row.status == "cancelled")
        painter.setFont(name_font)
        name = row.person_name + (" · " + tr("suivi") if row.is_followup else "")
        painter.drawText(
            QRect(text_rect.left(), text_rect.top() + line, text_rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(name, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        painter.setFont(option.font)
        painter.setPen(theme.blend(text, pal.color(QPalette.ColorRole.Base), 0.2))
        today = getattr(index.model(), "today", date.today())
        status = status_text(row, today)
        status_width = fm.horizontalAdvance(status) + 4
        painter.drawText(
            QRect(
                text_rect.left(),
                text_rect.top() + 2 * line,
                max(0, text_rect.width() - status_width - 6),
                line,
            ),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(
                row.modality_label,
                Qt.TextElideMode.ElideRight,
                max(0, text_rect.width() - status_width - 6),
            ),
        )
        painter.setPen(shown_colour(row, today, pal))
        painter.drawText(
            QRect(text_rect.left(), text_rect.top() + 2 * line, text_rect.width(), line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            status,
        )
        painter.restore()


class AiredDelegate(QStyledItemDelegate):
    """Rows of « À faire » a little apart: two or three wrapped lines each."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + 6)


class DueModel(QAbstractTableModel):
    """What is due: date, person, what (late items first, as the use case sorts them). Paged
    like the list of people: the first page comes with the size of the list, the next ones
    are read when the view scrolls to them (``canFetchMore`` / ``fetchMore``)."""

    HEADERS = ("Date", "Personne et objet")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[DueItem] = []
        self.today = date.today()
        self.total = 0
        self.late = 0
        self.pages_fetched = 0
        self._ws: Workspace | None = None

    def set_items(self, items: Sequence[DueItem], today: date) -> None:
        """Every item at once (nothing more to fetch)."""
        self.set_page(
            due_uc.DuePage(list(items), 0, len(items), sum(1 for i in items if i.day < today)),
            today,
        )

    def set_page(self, page: due_uc.DuePage, today: date, ws: Workspace | None = None) -> None:
        """The first page of the list; the others are read from ``ws`` on scrolling."""
        self.beginResetModel()
        self.items = list(page.items)
        self.today = today
        self.total = page.total
        self.late = page.late
        self.pages_fetched = 1
        self._ws = ws
        self.endResetModel()

    def canFetchMore(self, parent: Any = QModelIndex()) -> bool:  # noqa: N802, B008 - Qt API
        return not parent.isValid() and self._ws is not None and len(self.items) < self.total

    def fetchMore(self, parent: Any = QModelIndex()) -> None:  # noqa: N802, B008 - Qt API
        if not self.canFetchMore(parent) or self._ws is None:
            return
        page = due_uc.due_page(self._ws, self.today, offset=len(self.items))
        self.pages_fetched += 1
        if not page.items:  # the list shrank meanwhile: nothing more to read
            self.total = len(self.items)
            return
        start = len(self.items)
        self.beginInsertRows(QModelIndex(), start, start + len(page.items) - 1)
        self.items.extend(page.items)
        self.endInsertRows()

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == ROW_ROLE:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return formatting.format_date(item.day)
            return f"{item.person_name}\n{item.label}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{formatting.format_date(item.day)} · {item.person_name} · {item.label}"
        if role == Qt.ItemDataRole.ForegroundRole and item.day < self.today:
            return theme.error_text()
        return None


# --------------------------------------------------------------------------------------------
# The view
# --------------------------------------------------------------------------------------------


def _table(name: str, accessible: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setHighlightSections(False)
    return table


class AgendaView(QWidget):
    """The agenda page of the main window: the day or the week, the actions on the selected
    appointment, and « À faire » beside them."""

    open_file_requested = Signal(int, object)  # beneficiary id, location (tab, subtab)
    session_created = Signal(int, int)  # beneficiary id, interview id
    changed = Signal(int)  # beneficiary id whose appointments changed
    close_requested = Signal()  # Échap: back to the people's files

    def __init__(
        self,
        get_workspace: Callable[[], Workspace | None],
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agenda_view")
        self.setAccessibleName(tr("Agenda"))
        self._get_ws = get_workspace
        self._today = today
        self.mode = DAY
        self.day = today()
        self._due_generation = 0
        self.due_worker: workers.Worker | None = None

        # Heading: where we are, moving, the two views
        self.title = QLabel()
        self.title.setObjectName("agenda_title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.title.setAccessibleName(tr("Période affichée"))
        self.count = QLabel()
        self.count.setObjectName("agenda_count")
        self.count.setStyleSheet(theme.hint_style())
        self.prev_button = QPushButton("◀")
        self.prev_button.setAccessibleName(tr("Période précédente"))
        self.prev_button.setToolTip(tr("Jour ou semaine précédente (Alt+←)"))
        self.today_button = QPushButton(tr("Aujourd'hui"))
        self.today_button.setAccessibleName(tr("Aujourd'hui"))
        self.today_button.setToolTip(tr("Revenir à aujourd'hui (Alt+Origine)"))
        self.next_button = QPushButton("▶")
        self.next_button.setAccessibleName(tr("Période suivante"))
        self.next_button.setToolTip(tr("Jour ou semaine suivante (Alt+→)"))
        self.day_button = QPushButton(tr("&Jour"))
        self.week_button = QPushButton(tr("Se&maine"))
        self.day_button.setAccessibleName(tr("Vue du jour"))
        self.week_button.setAccessibleName(tr("Vue de la semaine"))
        self.mode_group = QButtonGroup(self)
        self.mode_group.setExclusive(True)
        for button in (self.day_button, self.week_button):
            button.setCheckable(True)
            self.mode_group.addButton(button)
        for button in (
            self.prev_button,
            self.today_button,
            self.next_button,
            self.day_button,
            self.week_button,
        ):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.prev_button.clicked.connect(lambda _c=False: self.step(-1))
        self.next_button.clicked.connect(lambda _c=False: self.step(+1))
        self.today_button.clicked.connect(lambda _c=False: self.go_today())
        self.day_button.clicked.connect(lambda _c=False: self.show_day(self.day))
        self.week_button.clicked.connect(lambda _c=False: self.show_week(self.day))
        heading = QHBoxLayout()
        heading.setSpacing(6)
        heading.addWidget(self.prev_button)
        heading.addWidget(self.today_button)
        heading.addWidget(self.next_button)
        heading.addSpacing(12)
        heading.addWidget(self.title, 1)
        heading.addWidget(self.count)
        heading.addSpacing(12)
        heading.addWidget(self.day_button)
        heading.addWidget(self.week_button)

        # The two views
        self.day_model = DayModel(self)
        self.day_table = _table("agenda_day", tr("Rendez-vous du jour"))
        self.day_table.setModel(self.day_model)
        self.day_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.day_table.setShowGrid(False)
        self.day_table.verticalHeader().setDefaultSectionSize(
            int(self.fontMetrics().height() * 2.0)
        )
        header = self.day_table.horizontalHeader()
        char = self.fontMetrics().averageCharWidth()
        bold = QFont(self.font())
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        pad = 3 * char  # the cell's margins and a little air
        fitted = {
            0: bold_metrics.horizontalAdvance("00:00–00:00") + pad,
            2: self.fontMetrics().horizontalAdvance(level_text(2)) + pad,
            3: max(self.fontMetrics().horizontalAdvance(label) for _c, label in
                   domain.Modality.choices()) + pad,
            4: max(bold_metrics.horizontalAdvance(label) for _c, label in
                   domain.AppointmentStatus.choices()) + pad,
        }  # fmt: skip
        for column, chars in enumerate((0, 24, 0, 0, 0, 26)):
            header.resizeSection(column, fitted.get(column, chars * char))
        header.setStretchLastSection(True)
        self.week_model = WeekModel(self)
        self.week_table = _table("agenda_week", tr("Rendez-vous de la semaine"))
        self.week_table.setModel(self.week_model)
        self.week_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.week_table.setItemDelegate(BlockDelegate(self.week_table))
        self.week_table.setShowGrid(True)
        self.week_table.setGridStyle(Qt.PenStyle.DotLine)
        self.week_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.week_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.week_table.verticalHeader().setDefaultSectionSize(
            self.fontMetrics().height() * BlockDelegate.LINES + 14
        )
        self.week_table.horizontalHeader().setMinimumHeight(int(self.fontMetrics().height() * 1.8))
        self.views = QStackedWidget()
        self.views.addWidget(self.day_table)
        self.views.addWidget(self.week_table)
        self.empty = QLabel()
        self.empty.setObjectName("agenda_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(theme.hint_style() + " padding: 16px;")
        self.detail = QLabel()
        self.detail.setObjectName("agenda_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setAccessibleName(tr("Rendez-vous sélectionné"))
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(int(self.fontMetrics().height() * 2.4))
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        # Actions on the selected appointment
        self.held_button = QPushButton(tr("&Honoré"))
        self.missed_button = QPushButton(tr("Non ho&noré"))
        self.cancel_button = QPushButton(tr("Ann&ulé"))
        self.planned_button = QPushButton(tr("Remet&tre prévu"))
        self.session_button = QPushButton(tr("Créer la &séance"))
        self.reschedule_button = QPushButton(tr("&Reporter…"))
        self.open_button = QPushButton(tr("&Ouvrir le dossier"))
        self.held_button.setToolTip(tr("Le rendez-vous a eu lieu"))
        self.missed_button.setToolTip(tr("La personne n'est pas venue"))
        self.cancel_button.setToolTip(tr("Le rendez-vous est annulé"))
        self.planned_button.setToolTip(tr("Revenir sur un état choisi par erreur"))
        self.session_button.setToolTip(
            tr("Créer l'entretien dans le dossier (date, durée, modalité et niveau repris)")
        )
        self.reschedule_button.setToolTip(tr("Changer la date, l'heure ou la durée"))
        self.open_button.setToolTip(tr("Le dossier de la personne (Entrée)"))
        self.held_button.clicked.connect(lambda _c=False: self.mark("held"))
        self.missed_button.clicked.connect(lambda _c=False: self.mark("missed"))
        self.cancel_button.clicked.connect(lambda _c=False: self.mark("cancelled"))
        self.planned_button.clicked.connect(lambda _c=False: self.mark("planned"))
        self.session_button.clicked.connect(lambda _c=False: self.create_session())
        self.reschedule_button.clicked.connect(lambda _c=False: self.reschedule())
        self.open_button.clicked.connect(lambda _c=False: self.open_person())
        self.action_buttons = (
            self.held_button,
            self.missed_button,
            self.cancel_button,
            self.planned_button,
            self.session_button,
            self.reschedule_button,
            self.open_button,
        )
        actions = QHBoxLayout()
        actions.setSpacing(6)
        for button in self.action_buttons:
            button.setAutoDefault(False)
            actions.addWidget(button)
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        actions.addStretch(1)

        left = QWidget()
        left.setObjectName("agenda_left")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        left_layout.setSpacing(6)
        left_layout.addLayout(heading)
        left_layout.addWidget(self.views, 1)
        left_layout.addWidget(self.empty)
        left_layout.addWidget(self.detail)
        left_layout.addLayout(actions)

        # À faire
        self.due_model = DueModel(self)
        self.due_table = _table("due_list", tr("À faire"))
        self.due_table.setModel(self.due_model)
        self.due_table.setItemDelegate(AiredDelegate(self.due_table))
        self.due_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.due_table.setShowGrid(False)
        self.due_table.setAlternatingRowColors(True)
        self.due_table.setWordWrap(True)
        due_header = self.due_table.horizontalHeader()
        due_header.resizeSection(0, self.fontMetrics().horizontalAdvance("00/00/0000") + pad)
        due_header.setStretchLastSection(True)
        self.due_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.due_title = QLabel(tr("À fa&ire"))
        self.due_title.setObjectName("due_title")
        self.due_title.setBuddy(self.due_table)
        self.due_title.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.due_hint = QLabel()
        self.due_hint.setObjectName("due_hint")
        self.due_hint.setWordWrap(True)
        self.due_hint.setStyleSheet(theme.hint_style())
        right = QWidget()
        right.setObjectName("agenda_right")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 8, 8, 8)
        right_layout.setSpacing(6)
        right_layout.addWidget(self.due_title)
        right_layout.addWidget(self.due_hint)
        right_layout.addWidget(self.due_table, 1)
        self.due_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.due_table.setTextElideMode(Qt.TextElideMode.ElideNone)
        right.setMinimumWidth(char * 42)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("agenda_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([820, 460])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        for table in (self.day_table, self.week_table):
            table.activated.connect(lambda _index: self.open_person())
            table.selectionModel().currentChanged.connect(lambda *_a: self._selection_changed())
        self.due_table.activated.connect(self._due_activated)
        self._shortcuts = []
        for keys, slot in (
            ("Alt+Left", lambda: self.step(-1)),
            ("Alt+Right", lambda: self.step(+1)),
            ("Alt+Home", self.go_today),
            ("Escape", self.close_requested.emit),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)
        QWidget.setTabOrder(self.day_table, self.week_table)
        self.clear()

    # ------------------------------------------------------------------------------------------
    # What is shown
    # ------------------------------------------------------------------------------------------
    @property
    def ws(self) -> Workspace | None:
        return self._get_ws()

    @property
    def _model(self) -> DayModel | WeekModel:
        return self.week_model if self.mode == WEEK else self.day_model

    @property
    def table(self) -> QTableView:
        return self.week_table if self.mode == WEEK else self.day_table

    def clear(self) -> None:
        """Forget everything personal (the lock)."""
        self._due_generation += 1
        self.day_model.set_rows([], self._today())
        self.week_model.set_week(monday_of(self.day), [], self._today())
        self.due_model.set_items([], self._today())
        self.detail.clear()
        self.title.clear()
        self.count.clear()
        self.empty.hide()
        self.due_hint.clear()
        self._update_buttons()

    def show_day(self, day: date, *, select: int | None = None) -> None:
        self.mode, self.day = DAY, day
        self.refresh(select=select)

    def show_week(self, day: date, *, select: int | None = None) -> None:
        self.mode, self.day = WEEK, day
        self.refresh(select=select)

    def go_today(self) -> None:
        self.day = self._today()
        self.refresh()

    def step(self, direction: int) -> None:
        self.day += timedelta(days=direction * (7 if self.mode == WEEK else 1))
        self.refresh()

    def refresh(self, *, select: int | None = None) -> None:
        """Read the period again (the selection kept when the appointment is still there)."""
        ws = self.ws
        if ws is None:
            self.clear()
            return
        current = self.selected()
        keep = select if select is not None else (current.id if current else None)
        today = self._today()
        self.day_button.setChecked(self.mode == DAY)
        self.week_button.setChecked(self.mode == WEEK)
        if self.mode == DAY:
            rows = agenda_uc.day_view(ws, self.day)
            self.day_model.set_rows(rows, today)
            self._fit_names(rows)
            title = formatting.format_weekday_date(self.day)
            if self.day == today:
                title = tr("Aujourd'hui, %s") % title
            self.title.setText(title[0].upper() + title[1:])
            total = len(rows)
            self.empty.setText(tr("Aucun rendez-vous ce jour."))
        else:
            monday = monday_of(self.day)
            rows = agenda_uc.week_view(ws, monday)
            self.week_model.set_week(monday, rows, today)
            title = formatting.format_week_range(monday)
            self.title.setText(title[0].upper() + title[1:])
            total = len(rows)
            self.empty.setText(tr("Aucun rendez-vous cette semaine."))
        self.views.setCurrentWidget(self.table)
        self.empty.setVisible(total == 0)
        self.count.setText(
            tr("1 rendez-vous") if total == 1 else tr("%d rendez-vous") % total if total else ""
        )
        index = self._model.index_of(keep) if keep is not None else QModelIndex()
        if not index.isValid():
            index = self._first_index()
        if index.isValid():
            self.table.setCurrentIndex(index)
        else:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
        self._selection_changed()

    def _fit_names(self, rows: Sequence[AppointmentRow]) -> None:
        """The name column as wide as the day's longest name (within bounds): the place and
        the purpose, cut first, are whole in the line under the table."""
        fm = self.day_table.fontMetrics()
        char = fm.averageCharWidth()
        widest = max([fm.horizontalAdvance(r.person_name) for r in rows] + [0]) + 3 * char
        self.day_table.horizontalHeader().resizeSection(1, min(max(widest, 24 * char), 46 * char))

    def _first_index(self) -> QModelIndex:
        if self.mode == DAY:
            return self.day_model.index(0, 0) if self.day_model.rows else QModelIndex()
        model = self.week_model
        today = self._today()
        order = sorted(range(len(model.days)), key=lambda c: model.days[c] != today)
        for c in order:
            if model.columns[c]:
                return model.index(0, c)
        return QModelIndex()

    def selected(self) -> AppointmentRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row: AppointmentRow | None = index.data(ROW_ROLE)
        return row

    def select_appointment(self, appointment_id: int) -> bool:
        index = self._model.index_of(appointment_id)
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def focus_view(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _selection_changed(self) -> None:
        row = self.selected()
        if row is not None and self.mode == WEEK:
            self.day = row.day  # « Jour » then shows the day of the appointment chosen
        self.detail.setText(describe(row) if row else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected() if self.ws is not None else None
        today = self._today()
        planned = row is not None and row.status == "planned"
        self.held_button.setEnabled(planned and row is not None and row.day <= today)
        self.missed_button.setEnabled(planned and row is not None and row.day <= today)
        self.cancel_button.setEnabled(planned)
        self.planned_button.setEnabled(row is not None and not planned and row.interview_id is None)
        self.reschedule_button.setEnabled(planned)
        self.session_button.setEnabled(
            row is not None
            and row.day <= today
            and (row.interview_id is not None or row.status in ("planned", "held"))
        )
        self.session_button.setText(
            tr("Ouvrir la &séance")
            if row is not None and row.interview_id is not None
            else tr("Créer la &séance")
        )
        self.open_button.setEnabled(row is not None)
        for button in (self.prev_button, self.next_button, self.today_button):
            button.setEnabled(self.ws is not None)
        self.day_button.setEnabled(self.ws is not None)
        self.week_button.setEnabled(self.ws is not None)

    # ------------------------------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------------------------------
    def _run(self, title: str, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """A use case; its French message in a box when it refuses (None is then returned)."""
        try:
            return func(*args, **kwargs)
        except (ValidationError, NotFound) as exc:
            messagebox.warning(self, title, exc.message)
            return None

    def mark(self, status: str) -> AppointmentRow | None:
        row, ws = self.selected(), self.ws
        if row is None or ws is None:
            return None
        title = tr("Rendez-vous")
        if status == "cancelled":
            if not messagebox.confirm(
                self,
                tr("Annuler le rendez-vous"),
                tr("Annuler le rendez-vous de %s (%s) ?") % (row.person_name, time_span(row)),
                destructive=True,
            ):
                return None
            result = self._run(title, agenda_uc.cancel, ws, row.id)
        else:
            result = self._run(title, agenda_uc.set_status, ws, row.id, status, today=self._today())
        self.refresh(select=row.id)
        self.changed.emit(row.beneficiary_id)
        self.refresh_due()
        return result

    def create_session(self) -> int | None:
        """« Créer la séance »: the interview made from the appointment, then the person's file
        on it (« Ouvrir la séance » once it exists)."""
        row, ws = self.selected(), self.ws
        if row is None or ws is None:
            return None
        if row.interview_id is not None:
            self.session_created.emit(row.beneficiary_id, row.interview_id)
            return row.interview_id
        interview_id = self._run(tr("Créer la séance"), agenda_uc.session_from, ws, row.id)
        if interview_id is None:
            return None
        self.refresh(select=row.id)
        self.refresh_due()
        self.changed.emit(row.beneficiary_id)
        self.session_created.emit(row.beneficiary_id, int(interview_id))
        return int(interview_id)

    def reschedule(self) -> AppointmentDialog | None:
        row, ws = self.selected(), self.ws
        if row is None or ws is None:
            return None
        ident = row.id

        def submit(values: dict[str, Any]) -> str | None:
            current = self.ws
            if current is None:
                return tr("L'espace de travail est verrouillé.")
            try:
                moved = agenda_uc.update(current, ident, values)
            except (ValidationError, NotFound) as exc:
                return exc.message
            if moved.day != self.day and (
                self.mode == DAY or monday_of(moved.day) != monday_of(self.day)
            ):
                self.day = moved.day
            self.refresh(select=ident)
            self.refresh_due()
            self.changed.emit(moved.beneficiary_id)
            return None

        dialog = AppointmentDialog(
            self.window(),
            title=tr("Reporter le rendez-vous"),
            person_name=row.person_name,
            submit=submit,
            initial={
                "day": row.day,
                "start": row.start,
                "duration_min": row.duration_min,
                "modality": row.modality,
                "place": row.place,
                "level": row.level,
                "purpose": row.purpose,
            },
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_person(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_file_requested.emit(row.beneficiary_id, {"tab": "level1"})

    # ------------------------------------------------------------------------------------------
    # À faire
    # ------------------------------------------------------------------------------------------
    def refresh_due(self) -> None:
        """Read the due list in a worker; a result for a workspace since locked is dropped."""
        ws = self.ws
        if ws is None:
            return
        self._due_generation += 1
        generation = self._due_generation
        today = self._today()
        self.due_hint.setText(tr("Lecture…") if not self.due_model.items else "")
        worker = workers.Worker(due_uc.due_page, ws, today)
        worker.signals.finished.connect(
            lambda page, g=generation, t=today: self._due_read(g, page, t)
        )
        worker.signals.failed.connect(
            lambda message, _exc, g=generation: self._due_failed(g, message)
        )
        self.due_worker = workers.start(worker)

    def _due_read(self, generation: int, page: due_uc.DuePage, today: date) -> None:
        if generation != self._due_generation or self.ws is None:
            return
        self.due_model.set_page(page, today, self.ws)
        late, total = page.late, page.total
        if not total:
            text = tr("Rien à faire dans les quinze prochains jours.")
        elif late:
            text = tr("%d élément(s), dont %d en retard (en rouge). Entrée : ouvrir.") % (
                total,
                late,
            )
        else:
            text = tr("%d élément(s). Entrée : ouvrir.") % total
        self.due_hint.setText(text)

    def _due_failed(self, generation: int, message: str) -> None:
        if generation == self._due_generation:
            self.due_hint.setText(tr("La liste n'a pas pu être lue : %s") % message)

    def _due_activated(self, index: QModelIndex) -> None:
        item: DueItem | None = index.data(ROW_ROLE)
        if item is None:
            return
        self.open_due(item)

    def open_due(self, item: DueItem) -> None:
        """An item of « À faire » at its place: a follow-up or a plan step in the person's
        file, an appointment not yet reported in the agenda, on its day."""
        if item.kind == "unreported":
            self.show_day(item.day, select=item.ref_id)
            self.focus_view()
        elif item.kind == "followup":
            self.open_file_requested.emit(item.beneficiary_id, {"tab": "followup"})
        else:
            self.open_file_requested.emit(
                item.beneficiary_id, {"tab": "level2", "subtab": "steps", "step_id": item.ref_id}
            )
