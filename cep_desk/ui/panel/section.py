"""A master-detail section: a table of records above the form of the selected one.

Ins (or "Ajouter") opens an empty form: the record is created by the first valid save, so an
empty form creates nothing. Suppr (or "Supprimer") deletes after a confirmation. Every field of
the form is autosaved through the section's :class:`SaveGroup`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cep_desk.domain import ValidationError
from cep_desk.ui import messagebox
from cep_desk.usecases.changes import Changes
from cep_desk.usecases.common import NotFound

from .autosave import AutoSave
from .widgets import (
    Column,
    FieldError,
    FormBox,
    RecordTable,
    RecordTableModel,
    field_row,
    new_form,
    tr,
)


class RecordSection(QWidget):
    """Table + buttons + form of one kind of record (steps, funding lines, contacts…)."""

    records_changed = Signal()  # any record saved, created or deleted
    structure_changed = Signal()  # a record created or deleted

    def __init__(
        self,
        autosave: AutoSave,
        name: str,
        *,
        columns: Sequence[Column],
        table_name: str,
        noun: str,
        new_title: str,
        add_label: str,
        delete_label: str,
        create: Callable[[dict[str, Any]], Any],
        update: Callable[[int, dict[str, Any]], Any],
        delete: Callable[[int], None],
        describe: Callable[[Any], str],
        defaults: Callable[[], dict[str, Any]] | None = None,
        draggable: bool = False,
        compact: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.autosave = autosave
        self._create, self._update, self._delete = create, update, delete
        self._describe = describe
        self._defaults = defaults or dict
        self.noun, self.new_title = noun, new_title
        self.current_id: int | None = None
        self.model = RecordTableModel(columns, self, draggable=draggable)
        self.table = RecordTable(self.model, table_name)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.insert_requested.connect(self.new_record)
        self.table.delete_requested.connect(self.delete_current)

        self.add_button = QPushButton(add_label)
        self.add_button.setAccessibleName(add_label.replace("&", ""))
        self.add_button.setToolTip(tr("Raccourci : Inser dans le tableau"))
        self.add_button.clicked.connect(self.new_record)
        self.delete_button = QPushButton(delete_label)
        self.delete_button.setAccessibleName(delete_label.replace("&", ""))
        self.delete_button.setToolTip(tr("Raccourci : Suppr dans le tableau"))
        self.delete_button.clicked.connect(self.delete_current)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.delete_button)
        self.buttons.addStretch(1)

        self.form_box = FormBox(new_title)
        self.form = new_form()
        self.form_box.setLayout(self.form)
        self.group = autosave.group(
            name, self._save, creating=lambda: self.current_id is None, saved=self._saved
        )

        top = QWidget()
        top_lay = QVBoxLayout(top)
        top_lay.setContentsMargins(0, 0, 0, 0)
        top_lay.addWidget(self.table, 1)
        top_lay.addLayout(self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if compact:
            rows = 5
            self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * rows)
            self.table.setMaximumHeight(
                self.table.verticalHeader().defaultSectionSize() * (rows + 1) + 6
            )
            layout.addWidget(top)
            layout.addWidget(self.form_box)
        else:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(self.form_box)
            bottom = QWidget()
            self.bottom = QHBoxLayout(bottom)
            self.bottom.setContentsMargins(0, 0, 0, 0)
            self.bottom.addWidget(scroll, 3)
            splitter = QSplitter(Qt.Orientation.Vertical)
            splitter.setChildrenCollapsible(False)
            splitter.addWidget(top)
            splitter.addWidget(bottom)
            splitter.setStretchFactor(0, 2)
            splitter.setStretchFactor(1, 3)
            splitter.setSizes([230, 420])
            self.splitter = splitter
            layout.addWidget(splitter)
        self._set_form_enabled(True)

    # building ---------------------------------------------------------------------------------
    def add_side(self, widget: QWidget, stretch: int = 2) -> None:
        """A panel beside the form (e.g. what the chosen scheme requires)."""
        self.bottom.addWidget(widget, stretch)

    def add_field(self, label: str, widget: Any, name: str, *, hint: str | None = None):
        error: FieldError = field_row(self.form, label, widget, hint=hint)
        self.group.bind(name, widget, error)
        return error

    def field(self, name: str) -> Any:
        return self.group.binding(name).widget

    # content ----------------------------------------------------------------------------------
    def set_records(
        self, records: Sequence[Any], select: int | Literal["first"] | None = "first"
    ) -> None:
        """Fill the table (signals of the selection blocked) and show one record's form:
        the record whose id is ``select``, the first one, or (None) an empty form."""
        self.group.discard()
        blocker = self.table.selectionModel().blockSignals(True)
        self.model.set_records(records)
        first = records[0].id if records else None
        ident = first if isinstance(select, str) else select  # select: an id, None or "first"
        self.table.select_id(ident)
        self.table.selectionModel().blockSignals(blocker)
        self._show(self._record(ident))

    def clear(self) -> None:
        self.group.discard()
        self.model.clear()
        self.current_id = None
        for binding in self.group.bindings:
            binding.widget.clear_value()
        self.form_box.setTitle(self.new_title)

    def records(self) -> list[Any]:
        return list(self.model.records)

    def _record(self, ident: int | None) -> Any:
        row = self.model.row_of(ident)
        return self.model.records[row] if row >= 0 else None

    def current_record(self) -> Any:
        return self._record(self.current_id)

    def _show(self, record: Any) -> None:
        self.current_id = record.id if record is not None else None
        # an empty form shows the defaults, a record its values
        values: dict[str, Any] = self._defaults() if record is None else record.__dict__
        for binding in self.group.bindings:
            widget = binding.widget
            names = getattr(widget, "field_names", None)
            if names:
                widget.set_value({n: values.get(n) for n in names})
            elif record is None:
                widget.set_value(values.get(binding.name))
            else:
                widget.set_value(getattr(record, binding.name))
            binding.clear_error()
        self.form_box.setTitle(self.new_title if record is None else self._describe(record))
        self.delete_button.setEnabled(record is not None)
        self.shown(record)

    def shown(self, record: Any) -> None:
        """Hook: a record (or an empty form) is now shown."""

    def _set_form_enabled(self, enabled: bool) -> None:
        self.form_box.setEnabled(enabled)

    # selection --------------------------------------------------------------------------------
    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        ident = self.table.current_id()
        if ident == self.current_id:
            return
        if not self.group.commit():
            # A refused value stays in its field for correction: keep its record selected.
            blocker = self.table.selectionModel().blockSignals(True)
            self.table.select_id(self.current_id)
            self.table.selectionModel().blockSignals(blocker)
            return
        self.group.discard()
        self._show(self._record(ident))

    def select(self, ident: int | None) -> None:
        self.table.select_id(ident)
        if ident is None:
            self.group.discard()
            self._show(None)

    # actions ----------------------------------------------------------------------------------
    def new_record(self) -> None:
        """An empty form: the record is created by the first valid save."""
        if not self.group.commit():
            return
        blocker = self.table.selectionModel().blockSignals(True)
        self.table.clearSelection()
        self.table.select_id(None)
        self.table.selectionModel().blockSignals(blocker)
        self.group.discard()
        self._show(None)
        first = self.group.bindings[0].widget if self.group.bindings else None
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_current(self) -> None:
        record = self.current_record()
        if record is None:
            return
        question = tr("Supprimer %s : « %s » ?") % (self.noun, self._describe(record))
        if not messagebox.confirm(self, tr("Supprimer"), question, destructive=True):
            return
        # The deletion reaches the other tabs once this table shows it.
        with self.autosave.operation():
            try:
                self._delete(record.id)
            except (ValidationError, NotFound) as exc:
                self.autosave.failed.emit(exc.message)
                return
            row = self.model.row_of(record.id)
            self.group.discard()
            self.model.remove(record.id)
            rest = self.model.records
            following = rest[min(row, len(rest) - 1)].id if rest else None
            self.set_records(rest, select=following)
            self.table.setFocus()
            self.records_changed.emit()
            self.structure_changed.emit()

    # saving -----------------------------------------------------------------------------------
    def _save(self, changes: dict[str, Any]) -> Any:
        if self.current_id is None:
            return self._create(changes)
        return self._update(self.current_id, changes)

    def _saved(self, record: Any, _changes: dict[str, Any]) -> None:
        creating = self.current_id is None
        self.model.replace(record)
        if creating:
            blocker = self.table.selectionModel().blockSignals(True)
            self.table.select_id(record.id)
            self.table.selectionModel().blockSignals(blocker)
            self.current_id = record.id
            self.delete_button.setEnabled(True)
        self.form_box.setTitle(self._describe(record))
        self.records_changed.emit()
        if creating:
            self.structure_changed.emit()

    # changes ------------------------------------------------------------------------------------
    def apply_records(
        self, changes: Changes, kind: str, keep: Callable[[Any], bool] | None = None
    ) -> bool:
        """Show the records of ``kind`` a use case returned or deleted (those ``keep`` accepts);
        the form being edited is left as it is. True when the table changed."""
        changed = False
        for ident in changes.deleted_ids(kind):
            if self.model.row_of(ident) >= 0 and ident != self.current_id:
                self.model.remove(ident)
                changed = True
        for record in changes.records(kind):
            if keep is not None and not keep(record):
                continue
            if record.id in changes.deleted_ids(kind):
                continue
            self.model.replace(record)
            changed = True
        return changed
