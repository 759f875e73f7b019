"""Historique: the person's audit trail — when, what action, on what — never the content."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from cep_desk import domain, formatting, kinds
from cep_desk.usecases import workspaces
from cep_desk.usecases.changes import Changes

from .widgets import Column, RecordTable, RecordTableModel, hint_label, tr

if TYPE_CHECKING:
    from cep_desk.usecases.file_context import FileContext

# The French names of the records and of the fields the history names come from the record-kind
# descriptions (cep_desk.kinds); tr() lets a translation replace them.
ENTITIES = kinds.entity_labels()
FIELDS = kinds.history_labels()


class HistoryTab(QWidget):
    # Every change of the file is in its audit trail.
    shows = frozenset({"*"})

    def __init__(self, context: FileContext) -> None:
        super().__init__()
        self.context = context
        self.model = RecordTableModel(
            [
                Column(tr("Date"), lambda r: formatting.format_datetime_local(r.at)),
                Column(tr("Action"), lambda r: _action(r.action)),
                Column(tr("Élément"), _entity),
            ],
            self,
        )
        self.table = RecordTable(self.model, tr("Historique des actions sur le dossier"))
        self.table.set_widths([170, 150])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(
            hint_label(
                tr(
                    "Qui a fait quoi et quand sur ce dossier (les 500 dernières actions) ; le "
                    "contenu des champs n'est jamais recopié ici."
                )
            )
        )
        layout.addWidget(self.table, 1)

    def fill(self, trail) -> None:
        self.model.set_records(trail)

    def clear(self) -> None:
        self.model.clear()

    def refresh(self) -> None:
        """Read the trail again (the tab is shown, or something changed while it is)."""
        context = self.context
        if context.ws is not None and context.beneficiary_id is not None:
            self.fill(workspaces.audit_trail(context.ws, context.beneficiary_id))

    def apply_changes(self, changes: Changes) -> None:
        # Read when seen: a hidden history is read again when its tab is shown.
        if self.isVisible():
            self.refresh()


def _action(code: str) -> str:
    return domain.AuditAction.label_of(code)


def _entity(record) -> str:
    text = tr(ENTITIES.get(record.entity, record.entity))
    if record.detail and record.action == domain.AuditAction.CHANGE.value:
        names = [tr(FIELDS.get(n, "")) for n in record.detail.split(",")]
        names = [n for n in names if n]
        if names:
            text += " (" + ", ".join(dict.fromkeys(names)) + ")"
    return text
