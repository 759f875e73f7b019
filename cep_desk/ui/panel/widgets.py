"""Field widgets of the beneficiary panel.

Every editor here speaks the same small protocol, which the autosave machinery relies on:

- ``edited``: emitted when the *user* changed the value (never by ``set_value``);
- ``committed``: emitted when the user is done with the field (editing finished, focus left,
  a choice made) — the autosave saves at once instead of waiting for the debounce;
- ``value()``: the value to store, or raises :class:`formatting.ParseError` (French message);
- ``set_value(v)`` / ``clear_value()``: fill without emitting anything.

``FieldError`` is the French message shown under a refused field; the widget also gets the
message as its accessible description and an ``invalid`` property for a red border (never the
only sign).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cep_desk import formatting
from cep_desk.formatting import ParseError
from cep_desk.ui import theme
from cep_desk.ui.wheel import WheelSafeCombo

# Styles of labels, resolved from the palette when the label is built (``cep_desk/ui/theme.py``).
HINT_STYLE = "hint"
WARNING_STYLE = "warning"


def tr(text: str) -> str:
    """Translate a string of the panel. ``pyside6-lupdate`` files the free ``tr()`` calls
    (and ``QT_TR_NOOP`` marks) under the empty context, so this looks them up there."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("", text)


# --------------------------------------------------------------------------------------------
# Editors
# --------------------------------------------------------------------------------------------


class TextEdit(QLineEdit):
    """One line of free text."""

    edited = Signal()
    committed = Signal()

    def __init__(self, parent: QWidget | None = None, *, max_len: int = 300) -> None:
        super().__init__(parent)
        self.setMaxLength(max_len)
        self.textEdited.connect(self.edited)
        self.editingFinished.connect(self._finished)

    def _finished(self) -> None:
        if self.isModified():
            self.setModified(False)
            self.committed.emit()

    def value(self) -> Any:
        return self.text().strip()

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self):
            self.setText("" if value is None else str(value))
            self.setModified(False)

    def clear_value(self) -> None:
        self.set_value("")


class PatternEdit(TextEdit):
    """Free text that must match a pattern when not empty (ROME, RNCP codes, times)."""

    compact = True

    def __init__(
        self,
        pattern: str,
        message: str,
        parent: QWidget | None = None,
        *,
        max_len: int = 20,
        upper: bool = True,
    ) -> None:
        super().__init__(parent, max_len=max_len)
        self._pattern = re.compile(pattern)
        self._message = message
        self._upper = upper

    def value(self) -> Any:
        text = self.text().strip()
        if self._upper:
            text = text.upper().replace(" ", "")
        if text and not self._pattern.fullmatch(text):
            raise ParseError(self._message)
        return text


class TimeEdit(TextEdit):
    """A time typed HH:MM (also 9h30, 930); empty allowed."""

    compact = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, max_len=5)
        self.setPlaceholderText(tr("HH:MM"))
        self.setMaximumWidth(110)

    def value(self) -> Any:
        raw = self.text().strip().lower().replace("h", ":")
        if not raw:
            return ""
        m = re.fullmatch(r"(\d{1,2})(?::?(\d{2}))?:?", raw)
        if not m or int(m.group(1)) > 23 or int(m.group(2) or 0) > 59:
            raise ParseError(tr("Heure illisible : « %s ». Format attendu : HH:MM") % self.text())
        return f"{int(m.group(1)):02d}:{m.group(2) or '00'}"

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        try:
            value = self.value()
        except ParseError:
            return
        if value and value != self.text():
            self.set_value(value)


class IntEdit(TextEdit):
    """A whole number (minutes); empty allowed."""

    compact = True

    def __init__(self, lo: int, hi: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, max_len=6)
        self._lo, self._hi = lo, hi
        self.setMaximumWidth(110)

    def value(self) -> Any:
        raw = self.text().strip()
        if not raw:
            return None
        if not raw.isdigit() or not self._lo <= int(raw) <= self._hi:
            raise ParseError(tr("Nombre entier entre %d et %d attendu.") % (self._lo, self._hi))
        return int(raw)


class DateEdit(TextEdit):
    """A date typed JJ/MM/AAAA, also JJMMAAAA or J/M/AA (``formatting.parse_date``); empty
    allowed unless required. ``birth=True`` reads two-digit years as a birth date does."""

    compact = True

    def __init__(
        self, parent: QWidget | None = None, *, required: bool = False, birth: bool = False
    ) -> None:
        super().__init__(parent, max_len=10)
        self.required = required
        self.two_digit_years = formatting.TWO_DIGIT_PAST if birth else formatting.TWO_DIGIT_NEAR
        self.setPlaceholderText(tr("JJ/MM/AAAA"))
        self.setMaximumWidth(130)
        self.setMinimumWidth(110)

    def value(self) -> Any:
        parsed = formatting.parse_date(self.text(), two_digit_years=self.two_digit_years)
        if parsed is None and self.required:
            raise ParseError(tr("Une date est obligatoire (JJ/MM/AAAA)."))
        if parsed is not None and not date(1900, 1, 1) <= parsed <= date(2100, 12, 31):
            raise ParseError(tr("Date hors des limites plausibles (1900-2100)."))
        return parsed

    def set_value(self, value: Any) -> None:
        super().set_value(formatting.format_date(value) if isinstance(value, date) else value)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        try:
            value = self.value()
        except ParseError:
            return
        if value is not None and formatting.format_date(value) != self.text():
            with QSignalBlocker(self):
                self.setText(formatting.format_date(value))


class AmountEdit(TextEdit):
    """An amount in euros typed the French way (``parse_eur``), shown formatted on focus-out."""

    compact = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, max_len=24)
        self.setPlaceholderText(tr("0,00 €"))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaximumWidth(170)

    def value(self) -> Any:
        return formatting.parse_eur(self.text())

    def set_value(self, value: Any) -> None:
        super().set_value(formatting.format_eur(value) if isinstance(value, int) else value)

    def lenient_value(self) -> int | None:
        """The amount if readable, else ``None`` (for live totals while typing)."""
        try:
            return self.value()
        except ParseError:
            return None

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        try:
            value = self.value()
        except ParseError:
            return
        if value is not None and formatting.format_eur(value) != self.text():
            with QSignalBlocker(self):
                self.setText(formatting.format_eur(value))


class NoteEdit(QPlainTextEdit):
    """Several lines of free text; ``committed`` when the focus leaves.

    Its height follows its text: at least ``lines`` lines, growing as the text wraps or
    gains lines up to ``max_lines``, then it scrolls."""

    edited = Signal()
    committed = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, lines: int = 4, max_lines: int = 14
    ) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._dirty = False
        self._lines = lines
        self.max_lines = max(lines, max_lines)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._changed)
        self.textChanged.connect(self._fit_height)
        self._fit_height()

    def _line_height(self) -> int:
        """The height of one line as the editor lays it out (QTextLine rounds up)."""
        import math

        from PySide6.QtGui import QTextLayout

        layout = QTextLayout("Xg", self.font())
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1000)
        layout.endLayout()
        return max(self.fontMetrics().lineSpacing(), math.ceil(line.height()))

    def _height_for(self, lines: int) -> int:
        margins = self.contentsMargins()
        return int(
            lines * self._line_height()
            + 2 * self.document().documentMargin()
            + margins.top()
            + margins.bottom()
            + 4
        )

    def wanted_lines(self) -> int:
        """Visual lines of the text at the current width (wrapped paragraphs count), laid
        out as the editor does (its font, its wrap option), scroll bar or not."""
        from PySide6.QtGui import QTextLayout

        doc = self.document()
        # A little narrower than the viewport: a line the editor wraps is never counted as one.
        margin = (
            2 * doc.documentMargin() + self.cursorWidth() + self.fontMetrics().averageCharWidth()
        )
        width = self.contentsRect().width() - margin
        width = max(40.0, float(width))
        option = doc.defaultTextOption()
        lines = 0
        block = doc.begin()
        while block.isValid():
            layout = QTextLayout(block.text(), self.font())
            layout.setTextOption(option)
            layout.beginLayout()
            count = 0
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                count += 1
            layout.endLayout()
            lines += max(1, count)
            block = block.next()
        return max(1, lines)

    def _fit_height(self) -> None:
        lines = min(self.max_lines, max(self._lines, self.wanted_lines()))
        height = self._height_for(lines)
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit_height()

    def _changed(self) -> None:
        self._dirty = True
        self.edited.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self._dirty:
            self._dirty = False
            self.committed.emit()

    def value(self) -> Any:
        return self.toPlainText().strip()

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self):
            self.setPlainText(value or "")
        self._dirty = False
        self._fit_height()

    def clear_value(self) -> None:
        self.set_value("")

    def append_line(self, text: str) -> None:
        """Add a line at the end as if typed (emits ``edited`` then ``committed``)."""
        current = self.toPlainText().rstrip()
        self.setPlainText(f"{current}\n{text}" if current else text)
        self._dirty = False
        self.committed.emit()


COMBO_MIN_CHARS = 16
COMBO_CHROME = 40  # frame, padding and the arrow


class ChoiceCombo(WheelSafeCombo):
    """A closed list of (code, label); ``None`` is the optional empty choice."""

    compact = True

    edited = Signal()
    committed = Signal()

    def __init__(
        self,
        choices: Iterable[tuple[Any, str]],
        parent: QWidget | None = None,
        *,
        empty_label: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._empty = empty_label is not None
        if empty_label is not None:
            self.addItem(empty_label, None)
        longest = 0
        for code, label in choices:
            self.addItem(label, code)
            longest = max(longest, len(label))
        if empty_label is not None:
            longest = max(longest, len(empty_label))
        self.activated.connect(self._activated)
        # As wide as the longest choice, up to a cap (the list shows long labels in full):
        # a long label never widens the form beyond a laptop screen.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(min(longest, 30))

    def minimumSizeHint(self) -> QSize:
        # As narrow as 16 characters when the form is tight (the current text is then elided,
        # the open list shows it whole), so that two columns still fit side by side.
        hint = super().minimumSizeHint()
        narrow = self.fontMetrics().averageCharWidth() * COMBO_MIN_CHARS + COMBO_CHROME
        hint.setWidth(min(hint.width(), narrow))
        return hint

    def _activated(self, _index: int) -> None:
        self.edited.emit()
        self.committed.emit()

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self):
            index = self.findData(value)
            self.setCurrentIndex(index if index >= 0 else 0)

    def clear_value(self) -> None:
        with QSignalBlocker(self):
            self.setCurrentIndex(0)

    def choose(self, value: Any) -> None:
        """Select ``value`` as the user would (tests, programmatic actions)."""
        index = self.findData(value)
        if index >= 0:
            self.setCurrentIndex(index)
            self.activated.emit(index)


class CheckBox(QCheckBox):
    edited = Signal()
    committed = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.clicked.connect(self._clicked)

    def _clicked(self) -> None:
        self.edited.emit()
        self.committed.emit()

    def value(self) -> Any:
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self):
            self.setChecked(bool(value))

    def clear_value(self) -> None:
        self.set_value(False)


class CheckList(QListWidget):
    """A list of checkable (code, label) entries; the value is the list of checked codes."""

    edited = Signal()
    committed = Signal()

    def __init__(self, choices: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code, label in choices:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.itemChanged.connect(self._changed)
        # Every entry whole, never behind a scroll bar of its own: the list is as wide as its
        # longest entry (the form's columns stack when that does not fit) and as tall as all.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit()

    def _fit(self) -> None:
        frame = 2 * self.frameWidth()
        self.setMinimumWidth(self.sizeHintForColumn(0) + frame + 8)
        rows = self.sizeHintForRow(0) * self.count() + frame + 4
        self.setMinimumHeight(min(rows, 240))
        self.setMaximumHeight(rows)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def _changed(self, _item: QListWidgetItem) -> None:
        self.edited.emit()
        self.committed.emit()

    def value(self) -> Any:
        return [
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_value(self, value: Any) -> None:
        wanted = set(value or [])
        with QSignalBlocker(self):
            for i in range(self.count()):
                item = self.item(i)
                code = item.data(Qt.ItemDataRole.UserRole)
                item.setCheckState(
                    Qt.CheckState.Checked if code in wanted else Qt.CheckState.Unchecked
                )

    def clear_value(self) -> None:
        self.set_value([])

    def set_checked(self, code: str, checked: bool = True) -> None:
        """Check an entry as the user would (emits ``edited`` and ``committed``)."""
        for i in range(self.count()):
            item = self.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == code:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


# --------------------------------------------------------------------------------------------
# Error label and form rows
# --------------------------------------------------------------------------------------------


class FieldError(QLabel):
    """The French message under a refused field (text, not colour alone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(theme.error_style())
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(tr("Erreur de saisie"))
        self.hide()
        self.editor: QWidget | None = None

    def show_message(self, message: str) -> None:
        self.setText("⚠ " + message)
        self.setAccessibleDescription(message)
        self.show()
        if self.editor is not None:
            self.editor.setAccessibleDescription(message)
            self.editor.setToolTip(message)
            _set_invalid(self.editor, True)

    def clear_message(self) -> None:
        if self.isHidden() and not self.text():
            return
        self.setText("")
        self.setAccessibleDescription("")
        self.hide()
        if self.editor is not None:
            self.editor.setAccessibleDescription("")
            self.editor.setToolTip("")
            _set_invalid(self.editor, False)

    @property
    def message(self) -> str:
        return self.accessibleDescription()


def _set_invalid(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", invalid)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class FormBox(QGroupBox):
    """A group box whose title (a record's description, maybe long) never makes the form
    wider than the screen: the title is elided to the box's width, complete in the tooltip."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full_title = ""
        self.set_title(title)

    def set_title(self, title: str) -> None:
        self._full_title = title
        self.setToolTip(title)
        self.setAccessibleName(title)
        self._elide()

    def full_title(self) -> str:
        return self._full_title

    def _elide(self) -> None:
        room = max(80, self.width() - 40)
        text = self.fontMetrics().elidedText(self._full_title, Qt.TextElideMode.ElideRight, room)
        if text != self.title():
            super().setTitle(text)

    def setTitle(self, title: str) -> None:  # noqa: N802 - Qt name
        self.set_title(title)

    def minimumSizeHint(self):  # noqa: N802 - Qt name
        from PySide6.QtCore import QSize

        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is None:
            return hint
        margins = self.contentsMargins()
        width = layout.minimumSize().width() + margins.left() + margins.right()
        return QSize(min(hint.width(), max(width, 120)), hint.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()


def field_row(
    form: QFormLayout,
    label: str,
    editor: QWidget,
    *,
    hint: str | None = None,
    extra: QWidget | None = None,
) -> FieldError:
    """Add ``label: editor`` to a form, with an error label (and an optional hint) below;
    ``extra`` (e.g. the age computed from a birth date) stands to the right of the editor."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    if extra is not None:
        from PySide6.QtWidgets import QHBoxLayout

        line = QHBoxLayout()
        line.setSpacing(10)
        line.addWidget(editor)
        line.addWidget(extra)
        line.addStretch(1)
        lay.addLayout(line)
    elif getattr(editor, "compact", False):  # short values: no stretching across the form
        lay.addWidget(editor, 0, Qt.AlignmentFlag.AlignLeft)
    else:
        lay.addWidget(editor)
    if hint:
        hint_label = QLabel(hint)
        hint_label.setWordWrap(True)
        hint_label.setStyleSheet(theme.hint_style())
        lay.addWidget(hint_label)
    error = FieldError()
    error.editor = editor
    lay.addWidget(error)
    caption = QLabel(label)
    caption.setBuddy(editor)
    caption.setContentsMargins(0, 3, 0, 0)  # level with the editor's text
    if not editor.accessibleName():
        editor.setAccessibleName(label.replace("&", "").rstrip(" :"))
    form.addRow(caption, box)
    return error


def new_form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setVerticalSpacing(6)
    return form


def hint_label(text: str, *, style: str = HINT_STYLE) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    resolved = {HINT_STYLE: theme.hint_style, WARNING_STYLE: theme.warning_style}.get(style)
    label.setStyleSheet(resolved() if resolved else style)
    return label


# --------------------------------------------------------------------------------------------
# Tables of records
# --------------------------------------------------------------------------------------------


class Column:
    """One column of a :class:`RecordTableModel`: a header and how to show a record."""

    def __init__(self, header: str, show, *, align_right: bool = False) -> None:
        self.header = header
        self.show = show
        self.align_right = align_right


class RecordTableModel(QAbstractTableModel):
    """Read-only rows of frozen records (``id`` attribute), reset at once on fill."""

    move_requested = Signal(int, int)  # record id, target row (drag and drop)
    MIME = "application/x-cep-desk-record-id"

    def __init__(self, columns: Sequence[Column], parent=None, *, draggable: bool = False) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.records: list[Any] = []
        self.draggable = draggable

    # content ----------------------------------------------------------------------------------
    def set_records(self, records: Iterable[Any]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def clear(self) -> None:
        self.set_records([])

    def row_of(self, ident: int | None) -> int:
        for row, record in enumerate(self.records):
            if record.id == ident:
                return row
        return -1

    def replace(self, record: Any) -> int:
        row = self.row_of(record.id)
        if row < 0:
            row = len(self.records)
            self.beginInsertRows(QModelIndex(), row, row)
            self.records.append(record)
            self.endInsertRows()
        else:
            self.records[row] = record
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        return row

    def remove(self, ident: int) -> None:
        row = self.row_of(ident)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.records[row]
            self.endRemoveRows()

    # Qt model API -----------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record = self.records[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.show(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return record.id
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return str(section + 1)

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.draggable:
            if index.isValid():
                return base | Qt.ItemFlag.ItemIsDragEnabled
            return Qt.ItemFlag.ItemIsDropEnabled
        return base

    # drag and drop (priority order) ----------------------------------------------------------
    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [self.MIME]

    def mimeData(self, indexes):
        from PySide6.QtCore import QMimeData

        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        if rows:
            data.setData(self.MIME, str(self.records[rows[0]].id).encode())
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return self.draggable and data.hasFormat(self.MIME)

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ident = int(bytes(data.data(self.MIME)).decode() or 0)
        source = self.row_of(ident)
        if source < 0:
            return False
        if row < 0 and parent.isValid():  # dropped on a row: take its place
            target = parent.row()
        else:  # dropped between rows (or below the last): insert before ``row``
            row = len(self.records) if row < 0 else row
            target = row - 1 if row > source else row
        if target != source:
            self.move_requested.emit(ident, target)
        return False  # the panel persists the order and refills the model


def _water_level(wanted: Sequence[int], available: int) -> int:
    """The largest cap such that ``sum(min(w, cap)) <= available``."""
    ordered = sorted(wanted)
    spent = 0
    for i, w in enumerate(ordered):
        remaining = len(ordered) - i
        if spent + w * remaining > available:
            return max(0, (available - spent) // remaining)
        spent += w
    return ordered[-1] if ordered else 0


class FittedTableView(QTableView):
    """A table whose columns fit the visible width: short columns (dates, statuses, amounts)
    get the width of their contents, only the widest (free text) give way, so that no
    horizontal scrolling is needed; a cut text is complete in its tooltip. Call
    ``watch_model()`` after ``setModel`` to fit again when the rows change."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._fitting = False
        self._fitted_width = -1
        # Columns shown whole first (e.g. the name in the list of people), up to 45 % each.
        self.keep_whole: tuple[int, ...] = ()
        # The rows whose cells set the widths: a long list (the people, refitted at every
        # search keystroke) measures a screenful or two, not a whole page of rows.
        self.fit_rows = 300

    def watch_model(self) -> None:
        model = self.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
            signal.connect(self.fit_columns)
        self.fit_columns()

    def content_widths(self) -> list[int]:
        """The width each column needs to show its header and cells whole (the first
        :attr:`fit_rows` rows; each distinct text measured once)."""
        model = self.model()
        rows = min(model.rowCount(), self.fit_rows)
        fm = self.fontMetrics()
        header_fm = self.horizontalHeader().fontMetrics()
        padding = 2 * self.style().pixelMetric(self.style().PixelMetric.PM_FocusFrameHMargin) + 14
        widths = []
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            # A long header over short values (« Partage de documents » over « Oui ») may
            # be cut: it is whole in its tooltip.
            width = min(header_fm.horizontalAdvance(title) + 16, 96)
            texts = {str(model.data(model.index(row, column)) or "") for row in range(rows)}
            texts.discard("")
            if texts:
                width = max(width, max(fm.horizontalAdvance(t) for t in texts) + padding)
            widths.append(width)
        return widths

    def header_widths(self) -> list[int]:
        """The width each column's header needs to be read whole."""
        model = self.model()
        header_fm = self.horizontalHeader().fontMetrics()
        return [
            header_fm.horizontalAdvance(
                str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            )
            + 16
            for column in range(model.columnCount())
        ]

    def fit_columns(self, *_args) -> None:
        """Share the visible width between the columns (see the class docstring)."""
        model = self.model()
        count = model.columnCount() if model is not None else 0
        if not count or self._fitting:
            return
        available = self.viewport().width()
        if available < 100:
            return
        self._fitting = True
        try:
            wanted = self.content_widths()
            header = self.horizontalHeader()
            minimum = header.minimumSectionSize()
            if sum(wanted) <= available:
                widths = list(wanted)
                # The spare room first makes cut headers whole (« Temps de travail » over
                # « Non »), then goes to the widest column (usually the free text).
                spare = available - sum(wanted)
                for column, whole in enumerate(self.header_widths()):
                    give = min(max(0, whole - widths[column]), spare)
                    widths[column] += give
                    spare -= give
                widths[wanted.index(max(wanted))] += spare
            else:
                # Only the widest columns give way: every column gets min(wanted, cap), with
                # the cap that fills the width exactly (short columns stay whole).
                kept = {
                    c: min(wanted[c], int(available * 0.45)) for c in self.keep_whole if c < count
                }
                others = [c for c in range(count) if c not in kept]
                cap = _water_level([wanted[c] for c in others], available - sum(kept.values()))
                widths = [
                    kept[c] if c in kept else max(minimum, min(wanted[c], cap))
                    for c in range(count)
                ]
            widths = [max(minimum, w) for w in widths]
            excess = sum(widths) - available
            while excess > 0:  # minimum widths pushed the total over: the widest gives way
                widest = widths.index(max(widths))
                give = min(excess, widths[widest] - minimum)
                if give <= 0:
                    break
                widths[widest] -= give
                excess -= give
            header.setStretchLastSection(False)
            for column, width in enumerate(widths):
                self.setColumnWidth(column, width)
            self._fitted_width = available
        finally:
            self._fitting = False

    def updateGeometries(self) -> None:
        super().updateGeometries()
        # The viewport narrows when the vertical scroll bar appears: fit again.
        if self.viewport().width() != getattr(self, "_fitted_width", None) and not getattr(
            self, "_fitting", True
        ):
            self.fit_columns()


class RecordTable(FittedTableView):
    """A table of records driven from the keyboard: Ins adds, Suppr deletes,
    Alt+↑/↓ moves (when the table is ordered); columns fitted to the width."""

    insert_requested = Signal()
    delete_requested = Signal()
    move_requested = Signal(int)  # -1 up, +1 down

    def __init__(self, model: RecordTableModel, name: str, parent=None) -> None:
        super().__init__(parent)
        self.records_model = model  # model() as its own class (Qt types it as the base)
        self.setModel(model)
        self.setAccessibleName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(48)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.watch_model()
        if model.draggable:
            self.setDragEnabled(True)
            self.setAcceptDrops(True)
            self.setDropIndicatorShown(True)
            self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
            self.setDragDropOverwriteMode(False)
            self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Insert and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            self.insert_requested.emit()
            return
        if key == Qt.Key.Key_Delete and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            self.delete_requested.emit()
            return
        if mods & Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if key == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

    def current_id(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row()):
            return None
        return self.records_model.records[index.row()].id

    def select_id(self, ident: int | None) -> None:
        """Select a record's row (or none). Callers often block the selection model's
        signals, which also keeps the view from repainting: the view is repainted here, so
        that the row shown highlighted is always the record of the form."""
        row = self.records_model.row_of(ident)
        if row < 0:
            self.clearSelection()
            self.setCurrentIndex(QModelIndex())
        else:
            self.selectRow(row)
            index = self.model().index(row, 0)
            self.setCurrentIndex(index)
            self.scrollTo(index)
        self.viewport().update()

    def set_widths(self, widths: Sequence[int]) -> None:
        """Starting widths (before the first fit; the fit replaces them)."""
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)
        self.fit_columns()


def stacked_field(
    label: str, editor: QWidget, *, hint: str | None = None, extra: QWidget | None = None
) -> tuple[QWidget, FieldError]:
    """A caption above its editor (long texts), an optional hint, and the error label."""
    from PySide6.QtWidgets import QHBoxLayout

    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(3)
    caption = QLabel(label)
    caption.setBuddy(editor)
    caption.setWordWrap(True)
    caption.setStyleSheet("font-weight: 600;")
    if extra is not None:
        row = QHBoxLayout()
        row.addWidget(caption, 1)
        row.addWidget(extra)
        lay.addLayout(row)
    else:
        lay.addWidget(caption)
    if hint:
        lay.addWidget(hint_label(hint))
    lay.addWidget(editor)
    error = FieldError()
    error.editor = editor
    lay.addWidget(error)
    if not editor.accessibleName():
        editor.setAccessibleName(label.replace("&", "").rstrip(" :"))
    return box, error


# What a scroll area's vertical bar and frame take from the width the columns get.
SCROLL_ALLOWANCE = 40


def align_form_labels(*forms: QFormLayout) -> None:
    """Give the label columns of several forms one width, so that the boxes stacked in one
    column line up (each form otherwise sizes its labels to its own longest one). Run again
    after a font change: the widths are reset first."""
    labels: list[QWidget] = []
    owners: list[QFormLayout] = []
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if widget is not None:
                labels.append(widget)
                owners.append(form)
    for label in labels:
        label.setMinimumWidth(0)
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label, form in zip(labels, owners, strict=True):
        label.setMinimumWidth(width)
        if isinstance(label, QLabel):  # the label now fills its cell: align its text
            label.setAlignment(form.labelAlignment())


class Columns(QWidget):
    """Two (or more) columns side by side that stack when the visible width is too small
    (large text, 200 % scaling, narrow window)."""

    def __init__(self, threshold: int, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QBoxLayout

        super().__init__(parent)
        self.threshold = threshold
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(12)

    def add(self, item: Any, stretch: int = 1) -> None:
        if isinstance(item, QWidget):
            self.box.addWidget(item, stretch)
        else:
            self.box.addLayout(item, stretch)

    def side_by_side_width(self) -> int:
        """The narrowest width at which the columns fit side by side without a horizontal
        scroll bar: their minimum widths (labels, check lists, fields) and the spacing."""
        items = [self.box.itemAt(i) for i in range(self.box.count())]
        minimums = [item.minimumSize().width() for item in items if item is not None]
        return sum(minimums) + self.box.spacing() * max(0, len(minimums) - 1)

    def fit(self, width: int) -> None:
        from PySide6.QtWidgets import QBoxLayout

        # the fixed threshold, or more when the columns' content needs it (a 1600-pixel
        # screen with the list open left the identity's right column cut off at 900)
        needed = max(self.threshold, self.side_by_side_width() + SCROLL_ALLOWANCE)
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if width >= needed
            else QBoxLayout.Direction.TopToBottom
        )
        if self.box.direction() != wanted:
            self.box.setDirection(wanted)

    @property
    def stacked(self) -> bool:
        from PySide6.QtWidgets import QBoxLayout

        return self.box.direction() == QBoxLayout.Direction.TopToBottom


class GridColumns(QWidget):
    """Boxes in a grid of two columns that becomes one column when the visible width is too
    small (laptop screens, large text): the boxes keep their order, row by row."""

    def __init__(self, threshold: int, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QGridLayout

        super().__init__(parent)
        self.threshold = threshold
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(8)
        self.boxes: list[QWidget] = []
        self.columns = 0
        self._place(2)

    def add(self, widget: QWidget) -> None:
        self.boxes.append(widget)
        self._place(self.columns, force=True)

    def _place(self, columns: int, *, force: bool = False) -> None:
        if columns == self.columns and not force:
            return
        for box in self.boxes:
            self.grid.removeWidget(box)
        for index, box in enumerate(self.boxes):
            self.grid.addWidget(box, index // columns, index % columns, Qt.AlignmentFlag.AlignTop)
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self.columns = columns

    def fit(self, width: int) -> None:
        self._place(2 if width >= self.threshold else 1)

    @property
    def stacked(self) -> bool:
        return self.columns == 1
